"""Line-level boilerplate rules: first each line on its own, then lines in their context.

A rule names a kind of line (ad slot, donation appeal, caption, credit, bio, ...); the reason
it returns is stored with the removed span so a reader can audit every removal.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping

from briefwire.clean import rows, shapes
from briefwire.clean.dates import find_dates
from briefwire.clean.lexicon import Lexicon, phrase_key
from briefwire.clean.lineshape import LIST_MARKER, is_speaker_label
from briefwire.clean.text import Line, line_key

# Reasons that make a short neighbour in the same block part of the same furniture.
_BLOCK_REASONS = {"ad", "contact", "donation", "share", "newsletter"}
_SHORT = 8  # words: page furniture lines are short; article sentences rarely are
_HEADING_WORDS = 8


def _donation(line: Line, lex: Lexicon) -> bool:
    """An appeal line; a weak cue alone on a line is a button ("Donate")."""
    strong = lex.count("donation", line.text)
    button = line.words <= 3 and lex.is_line("donation_weak", line.text)
    return (strong >= 1 and line.words <= 25) or strong >= 2 or button


# (reason, predicate) in order: the first predicate that holds names the line.
_LINE_RULES: tuple[tuple[str, Callable[[Line, Lexicon], bool]], ...] = (
    ("punctuation", lambda ln, lex: not shapes.has_letters(ln.text)),
    ("ad", lambda ln, lex: lex.is_line("ad_line", ln.text)),
    ("hashtags", lambda ln, lex: shapes.is_hashtags(ln.text)),
    ("contact", lambda ln, lex: shapes.only_address(ln.text)),
    ("ai_voice", lambda ln, lex: ln.words <= 20 and lex.has("ai_voice", ln.text)),
    ("image_id", lambda ln, lex: shapes.is_image_id(ln.text)),
    ("credit", lambda ln, lex: shapes.is_credit(ln.text, lex)),
    ("caption", lambda ln, lex: shapes.is_caption(ln.text, lex)),
    ("bio", lambda ln, lex: lex.is_line("bio_header", ln.text)),
    ("read_more", lambda ln, lex: lex.is_line("read_more", ln.text) or _is_teaser(ln.text, lex)),
    (
        "contact",
        lambda ln, lex: (
            ln.words <= 40
            and shapes.has_contact_address(ln.text)
            and lex.has("contact", shapes.without_links(ln.text))
        ),
    ),
    ("newsletter", lambda ln, lex: _is_prompt(ln, lex, "newsletter")),
    (
        "share",
        lambda ln, lex: (
            ln.words <= 6
            and (lex.is_line("share", ln.text) or all(lex.is_line("share", w) for w in ln.text.split()))
        ),
    ),
    ("byline", lambda ln, lex: shapes.is_byline(ln.text, lex)),
    ("copyright", lambda ln, lex: _is_copyright(ln.text)),
    ("cookie", lambda ln, lex: ln.words <= 60 and lex.count("cookie", ln.text) >= 2),
    ("interface", lambda ln, lex: lex.is_line("interface", ln.text)),
    (
        "tags",
        lambda ln, lex: (
            ln.words <= 15 and ln.text.rstrip()[-1:] not in ".!?" and _starts_with(ln.text, lex, "tags_start")
        ),
    ),
    ("feed_footer", lambda ln, lex: _is_feed_footer(ln.text)),
    ("donation", _donation),
    ("share", lambda ln, lex: rows.is_share_row(ln.text, lex)),
    ("interface", lambda ln, lex: rows.is_counter_row(ln.text, lex)),
    ("call", lambda ln, lex: rows.is_call(ln.text, lex)),
    ("legal", lambda ln, lex: rows.is_legal_line(ln.text, lex)),
    ("wire_credit", lambda ln, lex: rows.is_wire_credit(ln.text, lex)),
)


def single_line_reason(line: Line, lex: Lexicon, *, post: bool = False) -> str | None:
    """The kind of boilerplate a line is by its own shape, or None.

    In a Telegram ``post`` the text is itself the caption of any attached picture, so
    caption shapes say nothing there. A list marker a page renders ("* Share", "• By …")
    does not change the kind.
    """
    unmarked = _without_marker(line)
    for reason, holds in _LINE_RULES:
        if post and reason == "caption":
            continue
        if holds(line, lex) or (unmarked is not None and holds(unmarked, lex)):
            return reason
    return None


def _without_marker(line: Line) -> Line | None:
    text = LIST_MARKER.sub("", line.text)
    if text == line.text or not text:
        return None
    return Line(line.number, line.start, line.end, line.raw, text, line.block)


def _is_teaser(text: str, lex: Lexicon) -> bool:
    """A truncated blurb ending in "… Read more", or "Read more: <headline>"."""
    key = phrase_key(text)
    if key.endswith("read more") and ("..." in text or "…" in text):
        return True
    head, colon, rest = text.partition(":")
    return bool(colon) and len(text.split()) <= 25 and bool(rest.strip()) and (lex.is_line("read_more", head))


# Blog engines append "The post <title> appeared first on <site>." to every feed item.
_FEED_FOOTER = re.compile(r"^(the post|this (post|article|entry)) .{3,300} appeared first on .{2,120}$", re.I)


def _starts_with(text: str, lex: Lexicon, section: str) -> bool:
    """The line opens with a cue of ``section`` followed by a colon ("Tags: …", «Раздел: …»)."""
    head, colon, rest = text.partition(":")
    return bool(colon) and bool(rest.strip()) and lex.is_line(section, head)


def _is_feed_footer(text: str) -> bool:
    return len(text.split()) <= 60 and bool(_FEED_FOOTER.match(text.strip()))


def _is_copyright(text: str) -> bool:
    low = text.casefold()
    return len(text.split()) <= 25 and (
        low.startswith(("©", "copyright", "(c) "))
        or "all rights reserved" in low
        or "все права защищены" in low
    )


def _is_prompt(line: Line, lex: Lexicon, section: str) -> bool:
    """A call to action: a short button-like line with the cue near its start, a longer one
    whose sentence opens with it ("Sign up for ..."), or one with two cues ("... Subscribe
    with your e-mail")."""
    if line.words > 30 or not lex.has(section, line.text):
        return False
    words = [w for w in phrase_key(line.text).split() if any(ch.isalpha() for ch in w)]
    button = line.words <= 5 or line.text.rstrip()[-1:] not in ".!?"
    if line.words <= 12 and button and lex.has(section, " ".join(words[:4])):
        return True
    if line.words > 30:
        return False
    cues = lex.keys.get(section, frozenset())
    for sentence in re.split(r"(?<=[.!?])\s+", line.text):
        opening = " ".join(w for w in phrase_key(sentence).split()[:3] if any(map(str.isalpha, w)))
        if any(opening.startswith(cue) for cue in cues):
            return True
    return lex.count(section, line.text) >= 2


def context_reasons(
    lines: list[Line],
    reasons: dict[int, str],
    lex: Lexicon,
) -> None:
    """Rules that need the neighbours; they add to ``reasons`` (index -> reason) in place."""
    _caption_titles(lines, reasons)
    _furniture_blocks(lines, reasons)
    _repeated_in_document(lines, reasons)
    _donation_runs(lines, reasons, lex)
    _bio_section(lines, reasons, lex)


def _caption_titles(lines: list[Line], reasons: dict[int, str]) -> None:
    """A short headline-like line glued above a caption (often the caption's first words)."""
    for i, line in enumerate(lines[:-1]):
        nxt = lines[i + 1]
        if i in reasons or nxt.block != line.block or line.words > 14:
            continue
        if shapes.ends_sentence(line.text):
            continue
        if reasons.get(i + 1) in {"caption", "credit", "image_id"}:
            reasons[i] = "caption"
    for i, line in enumerate(lines[1:], 1):
        # the line under a picture's identifier is its caption
        after_picture = reasons.get(i - 1) == "image_id" and lines[i - 1].block == line.block
        if i not in reasons and after_picture and line.words <= 40:
            reasons[i] = "caption"


def _blocks(lines: list[Line]) -> list[list[int]]:
    """Line indexes per blank-line separated block; none when the whole text is one block
    (extracted HTML, a short post): a block rule there would judge the whole document."""
    blocks: dict[int, list[int]] = {}
    for i, line in enumerate(lines):
        blocks.setdefault(line.block, []).append(i)
    return list(blocks.values()) if len(blocks) > 1 else []


def _furniture_blocks(lines: list[Line], reasons: dict[int, str]) -> None:
    """In a block of short lines that holds an ad or donation line, every line is furniture."""
    for members in _blocks(lines):
        kinds = sorted(
            (reasons[i] for i in members if reasons.get(i) in _BLOCK_REASONS),
            key=("ad", "donation").__contains__,
            reverse=True,
        )
        if not kinds or len(members) < 2:
            continue
        if all(lines[i].words <= _SHORT or i in reasons for i in members):
            for i in members:
                # a date in a row of share buttons is the story's timestamp: the head reads it
                if i not in reasons and not find_dates(lines[i].text):
                    reasons[i] = kinds[0]


def _repeated_in_document(lines: list[Line], reasons: dict[int, str]) -> None:
    """A short unpunctuated line printed several times in one document, next to other
    furniture each time, is part of a template (an ad network's label). Repeated lines with
    article text around them are lists and tables, and stay."""
    counts = Counter(phrase_key(line.text) for line in lines)
    candidates = [
        i
        for i, line in enumerate(lines)
        if i not in reasons
        and line.words <= _SHORT
        and not shapes.ends_sentence(line.text)
        and counts[phrase_key(line.text)] >= 2
    ]
    by_key: dict[str, list[int]] = {}
    for i in candidates:
        by_key.setdefault(phrase_key(lines[i].text), []).append(i)
    for members in by_key.values():
        if all(i - 1 in reasons or i + 1 in reasons for i in members):
            for i in members:
                reasons[i] = "repeated"


def _donation_runs(lines: list[Line], reasons: dict[int, str], lex: Lexicon) -> None:
    """Weak appeal cues count when the line sits next to a donation line; spread until stable.
    In a block that is mostly appeal, the rest of its short lines are appeal too."""
    changed = True
    while changed:
        changed = _mostly_donation_blocks(lines, reasons)
        for i, line in enumerate(lines):
            if i in reasons:
                continue
            near = [reasons.get(j) for j in (i - 1, i + 1) if 0 <= j < len(lines)]
            if "donation" not in near:
                continue
            if _between_in_block(lines, reasons, i, "donation"):
                reasons[i] = "donation"
                changed = True
                continue
            weak = lex.count("donation_weak", line.text) + lex.count("donation", line.text)
            short_in_block = line.words <= 6 and any(
                reasons.get(j) == "donation" and lines[j].block == line.block
                for j in (i - 1, i + 1)
                if 0 <= j < len(lines)
            )
            if weak or short_in_block:
                reasons[i] = "donation"
                changed = True


def _mostly_donation_blocks(lines: list[Line], reasons: dict[int, str]) -> bool:
    changed = False
    for members in _blocks(lines):
        appeal = sum(reasons.get(i) == "donation" for i in members)
        # a banner above the article: the first block, holding an appeal line
        on_top = members[0] == 0 and appeal >= 1 and len(members) <= 6
        if on_top or (len(members) >= 3 and 2 * appeal > len(members)):
            for i in members:
                if lines[i].words <= 30 and i not in reasons:
                    reasons[i] = "donation"
                    changed = True
    return changed


def _between_in_block(lines: list[Line], reasons: dict[int, str], i: int, reason: str) -> bool:
    """Both neighbours are in the same block as line ``i`` and carry ``reason``."""
    if i == 0 or i + 1 >= len(lines):
        return False
    return all(reasons.get(j) == reason and lines[j].block == lines[i].block for j in (i - 1, i + 1))


def _bio_section(lines: list[Line], reasons: dict[int, str], lex: Lexicon) -> None:
    """Author bios: after an "About the writer" header, or a bio sentence near the end."""
    after_header = False
    tail_start = int(len(lines) * 0.6)
    for i, line in enumerate(lines):
        if reasons.get(i) == "bio" and lex.is_line("bio_header", line.text):
            after_header = True
            continue
        if i in reasons:
            continue
        bio = (after_header and shapes.is_bio(line.text, lex, need_cue=False)) or (
            i >= tail_start and shapes.is_bio(line.text, lex)
        )
        if bio:
            reasons[i] = "bio"


def learned_reasons(
    lines: list[Line],
    reasons: dict[int, str],
    learned: Mapping[str, int],
    thresholds: tuple[int, int, int],
) -> None:
    """Lines the outlet prints in other documents too.

    ``thresholds`` = (tiny, short, long): how many other documents must carry a line of at
    most 4 words, at most 12 words, or longer. Long lines need many: a reprint re-uses whole
    paragraphs of one earlier article, and those are article text, not template.
    """
    tiny, short, long_ = thresholds
    headings = section_headings(lines)
    for i, line in enumerate(lines):
        if i in reasons or i in headings or is_speaker_label(lines, i):
            continue
        seen = learned.get(line_key(line.text), 0)
        need = tiny if line.words <= 4 else short if line.words <= 12 else long_
        if seen >= need:
            reasons[i] = "learned"


_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "the",
        "of",
        "in",
        "on",
        "at",
        "for",
        "to",
        "with",
        "from",
        "by",
        "or",
        "и",
        "в",
        "на",
        "по",
        "с",
        "о",
        "от",
        "для",
    ]
)


def _heading_case(text: str) -> bool:
    """Set like a heading: in capitals, in title case, or ending in a colon (a call to action such
    as "Follow our live coverage" is written as a sentence)."""
    if text.endswith(":") or (text.upper() == text and any(ch.isalpha() for ch in text)):
        return True
    words = [w for w in text.split() if w[:1].isalpha()]
    return bool(words) and all(w[0].isupper() or w.lower() in _SMALL_WORDS for w in words)


def section_headings(lines: list[Line], max_words: int = _HEADING_WORDS) -> set[int]:
    """A digest's section headings ("THE DRAFT") recur in every issue of the outlet, but each
    stands between prose: below an article line and above one. The extractor reads them (they
    set the theme of the paragraphs under them), so repetition alone does not make them
    template. The first heading of an issue has only the masthead above it: another heading
    like it further down, over a paragraph too, makes it one of them."""
    heads = [i for i in range(len(lines)) if _heads_paragraph(lines, i, max_words)]
    first_long = next((i for i, x in enumerate(lines) if x.words >= 12), len(lines))
    return {i for n, i in enumerate(heads) if i > first_long or n + 1 < len(heads)}


def _heads_paragraph(lines: list[Line], i: int, max_words: int = _HEADING_WORDS) -> bool:
    """A short line set like a heading with a paragraph right under it."""
    line = lines[i]
    text = line.text.strip()
    if not 0 < line.words <= max_words or text.endswith((".", "!", "?")) or not _heading_case(text):
        return False
    return i + 1 < len(lines) and lines[i + 1].words >= 12
