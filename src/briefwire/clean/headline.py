"""The headline of a whole page saved as text: the line of the head that the article's byline,
date or first paragraph follows, sharing words with the URL's slug.

Every line near the top of the article is a candidate and gets points for what makes a
headline (its shape, the share of the slug's words it carries, a byline, a date or prose
right under it, nearness to the article) and loses them for what makes furniture (a list
marker, a run of menu items around it, capitals only). Lines the outlet prints on its other
pages too (a masthead, a slogan, a promotion) and lines a rule already named as another kind
(a byline, a caption, a teaser) are never the headline, and no title is better than a weak
candidate.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from briefwire.clean import shapes
from briefwire.clean.dates import find_dates
from briefwire.clean.lexicon import Lexicon, phrase_key
from briefwire.clean.lineshape import LIST_MARKER, is_headline_shaped, is_prose
from briefwire.clean.page import Layout
from briefwire.clean.slugs import folded_words, slug_words
from briefwire.clean.text import Line, line_key

_ABOVE = 30  # lines above the article's first paragraph where the headline may stand
_WORDS = (2, 30)
_MIN_SCORE = 2.0
_LAYOUT_PRIOR = 1.0
_NEAR = 20.0  # lines over which nearness to the article fades
# kinds a rule already gave: none of them is a headline
_NOT_HEADLINE = frozenset(
    {"learned", "repeated", "recirculation", "read_more", "copyright", "cookie", "ad",
     "ad_inline", "donation", "page_footer", "bio", "tags", "contact", "byline", "dateline",
     "caption", "credit", "image_id", "punctuation", "hashtags"}
)  # fmt: skip
_WORD = re.compile(r"[^\W_]+")
_PROSE_WORDS = 20
_ROLE_WORDS = 8
_NAMED = 0.5  # share of the slug's words a line carries to be the one the URL names
_SLUG_WORDS = 4  # a shorter slug is often generic ("/news/live/"): it names no line
_STAMPED = 2.0  # what _followed gives a line with a byline or a date right under it
_STAMPED_WORDS = 20
_STAMPED_NEAR = 6  # lines from a teaser-run line with a byline under it to the first paragraph
_INTO_ARTICLE = 3  # lines: a displaced pull quote or claim can open the article above its headline
# 11/19/19, 13.06.2014: a head line with a date in figures is a byline row, not the headline
_NUMERIC_DATE = re.compile(r"(?<![\d/.])\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})(?![\d/.])")
_NAME = r"[A-ZА-ЯЁ][\w'’.-]+(?:\s[A-ZА-ЯЁ][\w'’.-]+){1,2}"
# a photo or story credit: a person's name (or two), a comma, then an agency or an outlet
_CREDITED = re.compile(
    rf"^{_NAME}(?:\s(?:and|и)\s{_NAME})?,\s[A-ZА-ЯЁ][\w'’.&-]*(?:\s[A-ZА-ЯЁ][\w'’.&-]*){{0,3}}$"
)
_CRUMB = re.compile(r"\s[»>/›]\s")  # "Home » News » …": a breadcrumb


def choose_headline(
    lines: list[Line],
    reasons: dict[int, str],
    lex: Lexicon,
    layout: Layout,
    *,
    url: str | None,
    learned: Mapping[str, int] | None = None,
) -> int | None:
    """The index of the page's headline, or None when no line is clearly one."""
    slug = slug_words(url)
    first = max(0, min(layout.head_start, layout.start - _ABOVE))
    candidates = list(range(first, min(len(lines), layout.start + 1 + _INTO_ARTICLE)))
    if layout.headline is not None and layout.headline not in candidates:
        candidates.append(layout.headline)
    best: tuple[float, int] | None = None
    open_ = [
        i
        for i in candidates
        if (reasons.get(i) not in _NOT_HEADLINE or _stamped_teaser(lines, reasons, lex, i, layout))
        and not _excluded(lines[i], lex)
    ]
    prior = _layout_prior(lines, open_, layout, slug)
    for i in open_:
        score = _score(lines, reasons, lex, i, layout=layout, slug=slug)
        if i == layout.headline:
            score += prior  # the line the page's layout put above the article
        if learned and learned.get(line_key(lines[i].text), 0) > 0:
            # the outlet prints it elsewhere: a masthead or a slogan, or this article's
            # headline as a teaser on its other pages (then the slug still names it)
            score -= 1.5
        if best is None or score > best[0]:
            best = (score, i)
    return best[1] if best is not None and best[0] >= _MIN_SCORE else None


def _stamped_teaser(lines: list[Line], reasons: dict[int, str], lex: Lexicon, i: int, layout: Layout) -> bool:
    """A teaser run under a header ("Trending") may run on into the article's own headline:
    a line it took that a byline or a date follows, right above the first paragraph."""
    if reasons.get(i) != "recirculation" or not 0 < layout.start - i <= _STAMPED_NEAR:
        return False
    return _followed(lines, reasons, lex, i) >= _STAMPED


def _layout_prior(lines: list[Line], candidates: list[int], layout: Layout, slug: set[str]) -> float:
    """The layout's headline is favoured, unless it carries little of the slug and another line
    of the head carries most of it, twice as much: then the layout framed a teaser of another
    story (with its own date under it) and the URL names the headline."""
    if layout.headline is None or len(slug) < _SLUG_WORDS:
        return _LAYOUT_PRIOR
    framed = slug_cover(lines[layout.headline].text, slug)
    if framed >= _NAMED:
        return _LAYOUT_PRIOR
    named = (slug_cover(lines[i].text, slug) for i in candidates if i != layout.headline)
    return 0.0 if any(c >= _NAMED and c >= 2 * framed for c in named) else _LAYOUT_PRIOR


def _excluded(line: Line, lex: Lexicon) -> bool:
    text = LIST_MARKER.sub("", line.text)
    words = len(text.split())
    if not _WORDS[0] <= words <= _WORDS[1] or shapes.has_contact_address(text):
        return True
    # a prompt of a form or a button ("Enter your zip code", "Click for …") is interface too
    prompt = text.split()[0].casefold() in lex.keys.get("interface_start", frozenset())
    if (
        prompt
        or lex.is_line("interface", text)
        or shapes.is_caption(text, lex)
        or shapes.is_byline(text, lex)
    ):
        return True
    if words <= _ROLE_WORDS and "," in text and lex.has("bio_role", text):
        return True  # "Name Surname, Staff Writer"
    if is_prose(line) and words > _PROSE_WORDS:
        return True  # a lead or a caption sentence, not a headline
    dated = find_dates(text)
    if any(f.year is not None for f in dated) or (dated and words <= 12) or _NUMERIC_DATE.search(text):
        return True  # a byline or a timestamp
    return _signed(text, lex) or text.rstrip().endswith(":") or len(_CRUMB.findall(text)) >= 2


def _signed(text: str, lex: Lexicon) -> bool:
    """A byline or a credit in a loose shape: "By Name - 11/19/19 …", "Posted on …",
    "Name Surname and Name Surname, Agency"."""
    key = phrase_key(text)
    opens = lex.keys.get("byline", frozenset()) | lex.keys.get("dateline_prefix", frozenset())
    words = text.split()
    if any(key.startswith(cue + " ") for cue in opens) and len(words) > 1 and words[1][:1].isupper():
        return True
    if any(key.startswith(cue + " ") for cue in lex.keys.get("dateline_prefix", frozenset())):
        return True  # "Published 1 day ago", "Posted on …"
    return bool(_CREDITED.match(text))


def _score(
    lines: list[Line], reasons: dict[int, str], lex: Lexicon, i: int, *, layout: Layout, slug: set[str]
) -> float:
    line = lines[i]
    text = LIST_MARKER.sub("", line.text)
    followed = _followed(lines, reasons, lex, i)
    # a headline of two short sentences ("X Is Falling. Why You Need Not Worry.") reads as a
    # sentence; right above a byline or a date it is no worse than an unshaped line
    stamped = followed >= _STAMPED and line.words <= _STAMPED_WORDS
    score = 1.0 if is_headline_shaped(line) else (-1.5 if shapes.ends_sentence(text) and not stamped else 0.0)
    if is_prose(line) and not stamped:
        score -= 1.0
    score += 3.0 * slug_cover(text, slug)
    score += followed
    score += max(0.0, 1.0 - abs(layout.start - i) / _NEAR)
    if LIST_MARKER.match(line.text):
        score -= 1.5  # a menu item or a teaser link
    if _among_menu(lines, i):
        score -= 1.0
    letters = [ch for ch in text if ch.isalpha()]
    if letters and all(ch.isupper() for ch in letters):
        score -= 1.0  # a call to action or a section label shouts; headlines rarely do
    if line.words < 4 and slug_cover(text, slug) < 0.5:
        score -= 1.0
    return score


def slug_named(lines: list[Line], reasons: dict[int, str], url: str | None, window: int) -> int | None:
    """In text that is no page, the first of its first lines that carries most of the slug."""
    slug = slug_words(url)
    kept = [i for i in range(len(lines)) if i not in reasons][:window]
    named = (i for i in kept if is_headline_shaped(lines[i]) and slug_cover(lines[i].text, slug) >= _NAMED)
    return next(named, None)


def slug_cover(text: str, slug: set[str]) -> float:
    """The share of the slug's words the line carries (0 without a slug of three words)."""
    if len(slug) < 3:
        return 0.0
    hits = len(set(folded_words(text)) & slug)
    return hits / len(slug) if hits >= 2 else 0.0


def _followed(lines: list[Line], reasons: dict[int, str], lex: Lexicon, i: int) -> float:
    """A byline or a date right under a headline, or the dek and the article's prose."""
    # bullets and rules a renderer left between the lines do not count (an icon row)
    near = [j for j in range(i + 1, min(len(lines), i + 9)) if reasons.get(j) != "punctuation"][:3]
    below = [lines[j] for j in near]
    if any(reasons.get(j) in {"byline", "dateline"} for j in near):
        return 2.0
    if any(shapes.is_byline(b.text, lex) or (b.words <= 15 and find_dates(b.text)) for b in below):
        return 2.0
    return 1.0 if any(is_prose(b) for b in below[:2]) else 0.0


def _among_menu(lines: list[Line], i: int) -> bool:
    """List items or single words on both sides: a menu or a list of links, not a head (a
    kicker above and a byline below are short too, but no list)."""
    around = [lines[j] for j in (i - 1, i + 1) if 0 <= j < len(lines)]
    return len(around) == 2 and all(a.words <= 1 or LIST_MARKER.match(a.text) for a in around)
