"""Recirculation: teaser blocks that a page prints inside and below an article.

Two kinds, both by shape: a section header ("Related", "More from …", "12 comments") with
the headline-shaped links under it, and runs of teasers without a header (a headline, a
one-line blurb, a line of meta such as a time or an author, three times or more).
"""

from __future__ import annotations

import re

from briefwire.clean import shapes
from briefwire.clean.dates import find_dates
from briefwire.clean.lexicon import Lexicon, phrase_key
from briefwire.clean.lineshape import (
    LIST_MARKER,
    is_headline_shaped,
    is_prose,
    runs_into_next,
    wraps_on,
)
from briefwire.clean.rules import section_headings
from briefwire.clean.text import Line

_TEASER_RUN = 12  # lines under a section header before the next prose
_TEASER_WORDS = 20
_TEASER_ITEMS = 3
_BLURB_WORDS = 40
_META_WORDS = 5
_BLURB_MIN = 5
_SHORT_BLURB = 30
NUMBERED = re.compile(r"^\(?\d{1,3}[.)]\s")
_SIGNATURE_WORDS = 7
_STAMP_WORDS = 8
_AGO = re.compile(r"^\d{1,3}\s+\w+\s+(?:ago|назад)$", re.IGNORECASE)


def is_section_break(line: Line, lex: Lexicon) -> bool:
    """A header that opens recirculation or comments below an article ("More from …")."""
    text = LIST_MARKER.sub("", line.text).rstrip(":")
    if line.words > 8 or (shapes.ends_sentence(text) and not text.endswith(")")):
        return False
    key = phrase_key(re.sub(r"^\(?\d{1,6}\)?\s|\s\(?\d{1,6}\)?$", "", text))  # "12 Comments", "Comments (3)"
    if key in lex.keys.get("section_break", frozenset()):
        return True
    if is_comments_header(line, lex):
        return True
    return any(key.startswith(cue + " ") for cue in lex.keys.get("section_break_start", ()))


def is_comments_header(line: Line, lex: Lexicon) -> bool:
    words = lex.keys.get("section_break_word", frozenset())
    return line.words <= 5 and any(w in words for w in phrase_key(line.text).split())


def mark_comment_signatures(lines: list[Line], reasons: dict[int, str], lex: Lexicon) -> None:
    """A reader's comment opens with its signature: a name and "says:" or "wrote:", then the
    time it was posted on a line of its own ("4. Name says:" / "November 19, 2019 at 7:42 am").
    A quote in an article is introduced the same way but never stamped like that."""
    for i, line in enumerate(lines[:-1]):
        if i in reasons or line.words > _SIGNATURE_WORDS:
            continue
        words = phrase_key(NUMBERED.sub("", line.text)).split()
        if len(words) < 2 or words[-1] not in lex.keys.get("comment_signature", frozenset()):
            continue
        if _is_stamp(lines[i + 1]):
            reasons[i] = reasons[i + 1] = "comments"


def _is_stamp(line: Line) -> bool:
    """A posting time alone on its line: a date and a clock time, or "2 hours ago"."""
    text = line.text.strip()
    return line.words <= _STAMP_WORDS and (bool(find_dates(text)) or bool(_AGO.match(text)))


def mark_recirculation(lines: list[Line], reasons: dict[int, str], lex: Lexicon) -> None:
    """A section header ("Related news") and the teaser headlines under it, up to the next
    line of prose: inside an article they interrupt it, below it they open the footer."""
    headings = section_headings(lines)
    i = 0
    while i < len(lines):
        if not _opens_recirculation(lines, reasons, lex, i):
            i += 1
            continue
        run = [i]
        j = i + 1
        # under a "Read also" the teasers may carry a quote and a colon (a header above the
        # article may stand over its own headline: there prose ends the run)
        quoted = i in reasons
        while j < len(lines) and len(run) <= _TEASER_RUN:
            if j not in reasons:
                # a digest's section heading in capitals after the teaser opens the next
                # section (a teaser's headline over its blurb is set like a heading too)
                opens_section = len(run) > 1 and j in headings and lines[j].text.isupper()
                if not _teaser_line(lines, j, quoted=quoted) or opens_section:
                    break
                run.append(j)
            j += 1
        if len(run) > 1:
            for k in run:
                reasons[k] = "recirculation"
        i = j


def _opens_recirculation(lines: list[Line], reasons: dict[int, str], lex: Lexicon, i: int) -> bool:
    """A section header, or a "Read also" alone on its line (its rule removed it already; a
    menu's lone "More" is a button, not a header)."""
    if i not in reasons:
        return is_section_break(lines[i], lex)
    line = lines[i]
    if reasons[i] != "read_more" or line.words < 2 or not lex.is_line("read_more", line.text):
        return False
    return any(is_prose(lines[j]) for j in range(i) if j not in reasons)  # inside or below the article


def _teaser_line(lines: list[Line], j: int, *, quoted: bool) -> bool:
    """A line of a teaser under a header: short, and no running text; with ``quoted``, a
    headline with a quote and a colon too (it ends without a full stop and does not wrap on)."""
    line = lines[j]
    if line.words > _TEASER_WORDS or runs_into_next(lines, j) or (j > 0 and runs_into_next(lines, j - 1)):
        return False  # a piece of a hard-wrapped paragraph: the article goes on
    return not is_prose(line) or (quoted and is_headline_shaped(line) and not wraps_on(lines, j))


def mark_teaser_runs(lines: list[Line], reasons: dict[int, str]) -> None:
    """Runs of teasers without a header: a headline-shaped line, then at most a one-line
    blurb and a short line of meta (a time, an author), three times or more in a row. An
    article's subheadings head several paragraphs, or paragraphs longer than a blurb."""
    i = 0
    while i < len(lines):
        items, j = [], i
        while (item := _teaser_at(lines, reasons, j)) is not None:
            items.append(item)
            j = item[-1] + 1
        if _is_teaser_run(lines, items):
            for item in items:
                for k in item:
                    reasons[k] = "recirculation"
            i = j
        else:
            i += 1


def _is_teaser_run(lines: list[Line], items: list[list[int]]) -> bool:
    """Enough teasers, and not an article's own structure: every teaser with a meta line
    (a time, an author), or short blurbs under headlines that are neither questions (an
    interview) nor numbered (a list article)."""
    if len(items) < _TEASER_ITEMS:
        return False
    heads = [lines[item[0]].text for item in items]
    if len(set(heads)) < len(heads):  # a repeated label heads the parts of one article's table
        return False
    if all(len(item) == 3 for item in items):  # headline, blurb, meta
        return True
    if any(h.rstrip().endswith("?") or NUMBERED.match(h) for h in heads):
        return False

    blurbs = [lines[item[1]] for item in items if len(item) > 1]
    return len(items) >= _TEASER_ITEMS + 1 and all(b.words <= _SHORT_BLURB for b in blurbs)


def _teaser_at(lines: list[Line], reasons: dict[int, str], i: int) -> list[int] | None:
    """Line indexes of one teaser starting at line ``i`` (skipping removed lines), or None."""
    order = [j for j in range(i, min(len(lines), i + 8)) if j not in reasons]
    if not order or not is_headline_shaped(lines[order[0]]) or wraps_on(lines, order[0]):
        return None
    item = [order[0]]
    rest = order[1:]
    if rest and _is_blurb(lines[rest[0]]):
        item.append(rest.pop(0))
    if rest and _is_meta(lines[rest[0]]):
        item.append(rest.pop(0))
    if len(item) == 1:  # a bare list of headline-shaped lines may be the article's own list
        return None
    nxt = rest[0] if rest else None
    # the next line must start another teaser, or be no prose (the footer), not continue
    # an article
    if nxt is not None and not is_headline_shaped(lines[nxt]) and is_prose(lines[nxt]):
        return None
    return item


def _is_blurb(line: Line) -> bool:
    """A teaser's blurb: one sentence or two, under the headline."""
    if line.words > _BLURB_WORDS:
        return False
    return is_prose(line) or (line.words >= _BLURB_MIN and shapes.ends_sentence(line.text))


def _is_meta(line: Line) -> bool:
    """A teaser's meta line: a time, a date, an author, a count (not a link)."""
    if line.words > _META_WORDS or is_headline_shaped(line) or shapes.has_contact_address(line.text):
        return False
    return any(ch.isdigit() for ch in line.text) or line.text[:1].isupper()
