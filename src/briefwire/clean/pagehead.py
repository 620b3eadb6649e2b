"""The head of a whole page: the byline and timestamp lines around its headline.

Pages print them in loose shapes: a name with a pipe and a clock time, an agency name
before the date, a weekday and a time zone after it, "Published … | Updated …" on one line,
a day and month in Russian without a year, a date alone in a share row. Any short line near
the headline (or of the article's first lines) that holds a calendar date and does not read
as prose is a dateline, and becomes metadata. Of several dates on one line the one a
"published" cue names wins, else the earliest (an update comes later). A date without a year
takes the year the URL or the title gives, or none at all.

A date is never read from a line the outlet prints on its other pages too (a masthead's
"today"), nor from a block of furniture (teasers, a footer, copyright).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping

from briefwire.clean import shapes
from briefwire.clean.dates import find_dates, find_slashed_date
from briefwire.clean.lexicon import Lexicon, phrase_key
from briefwire.clean.lineshape import LIST_MARKER, in_wrapped_paragraph, is_prose
from briefwire.clean.othermonths import other_language_dates
from briefwire.clean.page import HEAD_WINDOW, Layout
from briefwire.clean.text import Line, line_key
from briefwire.models import DateValue

_DATELINE_WORDS = 20
_BODY_LINES = 6  # a byline and a date may sit under the dek, among the first lines
_BELOW_HEADLINE = 15  # lines under the headline that may hold its byline and timestamp
# furniture blocks whose dates belong to other stories or to the site, never to this one
_NOT_HEAD = frozenset(
    {"learned", "repeated", "recirculation", "read_more", "copyright", "cookie", "ad",
     "donation", "page_footer", "bio", "tags", "title", "contact", "credit", "image_id",
     "call", "legal", "tail_furniture"}
)  # fmt: skip
_STAMP_WORDS = 8
_NEAR_DAYS = 31  # a yearless head date and a full date of the same page
_CUE_REACH = 30  # characters before a date where a "published" or "updated" cue counts
# month first or day first with dots or slashes, a two-digit year allowed ("11/19/19 06:56 AM")
_NUMERIC = re.compile(r"(?<![\d/.])([0-3]?\d)([/.])([0-3]?\d)\2((?:19|20)?\d\d)(?![\d/.])")
_YMD_DOTS = re.compile(r"(?<![\d.])((?:19|20)\d\d)\.([01]\d)\.([0-3]\d)(?![\d.])")


def head_dateline(
    lines: list[Line],
    reasons: dict[int, str],
    layout: Layout | None,
    lex: Lexicon,
    *,
    year: int | None,
    learned: Mapping[str, int] | None = None,
    headline: int | None = None,
) -> DateValue | None:
    """On a page, the dated line nearest under the headline, else the nearest above it in the
    head window, else among the article's first lines; in other text, the first dated line of
    its first dozen, those under a printed ``headline`` first (a banner above it may print
    today's date). It is marked as the dateline."""
    if layout is not None:
        order = list(_page_order(lines, reasons, layout))
    else:
        order = _first_lines(lines, reasons)
        if headline is not None:
            order = sorted(order, key=lambda i: (i < headline, i))
    page_dates: list[dt.date] = []  # read once, when a head date leaves its year out
    for i in order:
        line = lines[i]
        # a byline the page prints twice (a desktop and a mobile head) is still its own
        twice = reasons.get(i) == "repeated" and _under_headline(layout, i)
        if (reasons.get(i) in _NOT_HEAD and not twice) or line.words > _DATELINE_WORDS:
            continue
        if (is_prose(line) and not _stamped(line.text, lex)) or _photo(line.text, lex):
            continue
        if in_wrapped_paragraph(lines, i):
            continue  # a piece of a hard-wrapped sentence ("On 14 April the President signed")
        if learned and learned.get(line_key(line.text), 0) > 0:
            continue  # the outlet prints it on other pages: the site's date, not the story's
        date = line_date(line.text, lex, year)
        if (
            date is None
            and year is None
            and line.words <= _STAMP_WORDS
            and not shapes.ends_sentence(line.text)
        ):
            date = _completed(line.text, lines, page_dates)  # a bare timestamp row, no sentence
        if date is None:
            continue
        reasons[i] = "dateline"
        return DateValue(date.isoformat(), "day", "dateline", note=line.text[:80])
    return None


def _completed(text: str, lines: list[Line], page_dates: list[dt.date]) -> dt.date | None:
    """A head date without its year ("November 20", a time and the year on the next line)
    takes the year of the full dates the page prints near it (its comments, its teasers):
    the one year that puts it within a month of one of them, or None when none or two do."""
    found = [f for f in find_dates(text) if f.year is None]
    if not found:
        return None
    if not page_dates:
        page_dates.extend(d for line in lines for f in find_dates(line.text) if (d := f.date) is not None)
    near = {
        c
        for d in page_dates
        for y in (d.year - 1, d.year, d.year + 1)
        if (c := found[0].on(y)) is not None and abs((c - d).days) <= _NEAR_DAYS
    }
    return near.pop() if len(near) == 1 else None


def _photo(text: str, lex: Lexicon) -> bool:
    """A caption, a credit, a photo's file name or a source line ("Source: …, October 2"):
    its date is the photo's or the source's."""
    if shapes.is_caption(text, lex) or shapes.is_credit(text, lex) or shapes.is_image_id(text):
        return True
    cue, colon, _ = LIST_MARKER.sub("", text).partition(":")
    return bool(colon) and phrase_key(cue) in lex.keys.get("source_start", frozenset())


def _stamped(text: str, lex: Lexicon) -> bool:
    """A long line that is still a timestamp: a publication cue, a date at its start in any
    shape ("27/09/2018 Name …"), or a byline with its date ("Written by A. Name, MD on …")."""
    if lex.has("date_published", text) or lex.has("date_updated", text):
        return True
    if text.rstrip().endswith("."):
        return False
    if line_date(text[:_CUE_REACH], lex, None) is not None:
        return True
    key = phrase_key(LIST_MARKER.sub("", text))
    byline = any(key.startswith(cue + " ") for cue in lex.keys.get("byline", ()))
    return byline and line_date(text, lex, None) is not None


def _first_lines(lines: list[Line], reasons: dict[int, str]) -> list[int]:
    return [i for i in range(len(lines)) if reasons.get(i) not in _NOT_HEAD][:HEAD_WINDOW]


def _under_headline(layout: Layout | None, i: int) -> bool:
    return layout is not None and layout.headline is not None and 0 < i - layout.headline <= _BELOW_HEADLINE


def _page_order(lines: list[Line], reasons: dict[int, str], layout: Layout) -> Iterator[int]:
    # the article's first lines, not counting the icon rows, share buttons and contact rows a
    # renderer left between them (an author box can stand between the dek and the timestamp)
    body = [i for i in range(layout.start, layout.end + 1) if i not in reasons or reasons[i] == "dateline"]
    body_end = body[min(len(body) - 1, _BODY_LINES)] if body else layout.start
    seen: set[int] = set()
    order: list[int] = []
    if layout.headline is not None:
        order += range(layout.headline + 1, min(len(lines), layout.headline + 1 + _BELOW_HEADLINE))
        order += range(layout.headline - 1, layout.head_start - 1, -1)
    order += range(layout.head_start, body_end + 1)
    for i in order:
        if i not in seen and 0 <= i <= body_end:
            seen.add(i)
            yield i


def line_date(text: str, lex: Lexicon, year: int | None) -> dt.date | None:
    """The publication date a short head line states, or None."""
    found = [(f.start, d) for f in find_dates(text) if (d := f.date or (f.on(year) if year else None))]
    found += _numeric_dates(text) + other_language_dates(text)
    if not found:
        return None
    found.sort()
    published = [d for start, d in found if _cue_before(text, start, lex, "date_published")]
    if published:
        return published[0]
    fresh = [d for start, d in found if not _cue_before(text, start, lex, "date_updated")]
    return min(fresh or [d for _, d in found])


def _cue_before(text: str, start: int, lex: Lexicon, section: str) -> bool:
    return lex.has(section, text[max(0, start - _CUE_REACH) : start])


def _numeric_dates(text: str) -> list[tuple[int, dt.date]]:
    """Dates in figures a head prints: "2016.12.01", "11/19/19", "11.15.2019" (the order of day
    and month must be certain: one of them above 12)."""
    out: list[tuple[int, dt.date]] = []
    for match in _YMD_DOTS.finditer(text):
        try:
            out.append((match.start(), dt.date(*(int(g) for g in match.groups()))))
        except ValueError:
            continue
    for match in _NUMERIC.finditer(text):
        a, _, b, y = match.groups()
        if len(y) == 4 and find_dates(match.group(0)):
            continue  # "19.11.2019": the day-first pattern of clean.dates already read it
        full = int(y) if len(y) == 4 else 2000 + int(y)
        date = find_slashed_date(f"{a}/{b}/{full}")
        if date is not None:
            out.append((match.start(), date))
    return out
