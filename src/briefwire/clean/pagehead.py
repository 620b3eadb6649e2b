"""The head of a whole page: the byline and timestamp lines around its headline.

Pages print them in loose shapes: a name with a pipe and a clock time, an agency name
before the date, a weekday and a time zone after it, a day and month in Russian without a
year. Any short line of the head window (or of the article's first lines) that holds one
calendar date and does not read as prose is a dateline, and becomes metadata. A date
without a year takes the year the URL gives, or none at all.
"""

from __future__ import annotations

import datetime as dt

from briefwire.clean.dates import find_dates, find_slashed_date
from briefwire.clean.lineshape import is_prose
from briefwire.clean.page import Layout
from briefwire.clean.text import Line
from briefwire.clean.urldate import year_of_url
from briefwire.models import DateValue

_DATELINE_WORDS = 20
_BODY_LINES = 6  # a byline and a date may sit under the dek, among the first lines


def _date_of(text: str, year: int | None) -> dt.date | None:
    found = find_dates(text)
    if len(found) > 1:
        return None
    if not found:
        return find_slashed_date(text)
    date = found[0].date
    if date is None and year is not None:
        date = found[0].on(year)  # "5 марта" on a page filed in 2023
    return date


def head_dateline(
    lines: list[Line], reasons: dict[int, str], layout: Layout, url: str | None
) -> DateValue | None:
    """The first dated line of the head window or of the article's first lines (a dateline
    under the dek); it is marked as the dateline."""
    year = year_of_url(url)
    for i in range(layout.head_start, min(layout.end, layout.start + _BODY_LINES) + 1):
        line = lines[i]
        if i in reasons or line.words > _DATELINE_WORDS or is_prose(line):
            continue
        date = _date_of(line.text, year)
        if date is None:
            continue
        reasons[i] = "dateline"
        return DateValue(date.isoformat(), "day", "dateline", note=line.text[:80])
    return None
