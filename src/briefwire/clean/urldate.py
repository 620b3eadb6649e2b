"""The publication date a URL's path gives (``/2023/03/14/``, ``/2023-03-14-slug``,
``/20230314/``, ``/2023/3/4/``, ``/2023/mar/14/``, ``/23/03/14/``, ``/2023/03/``), with the
precision it gives.

Content systems put the day a story was filed into its address; a path with only a year
and a month gives the month. Numbers that merely look like dates (an article id such as
``/11574168580``) are not read: the year must stand alone between separators.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit

from briefwire.models import DateValue

_SEP = r"[/_.-]"
_DAY = re.compile(rf"(?:^|{_SEP})((?:19|20)\d\d)({_SEP}?)([01]\d)\2([0-3]\d)(?={_SEP}|$)")
_MONTH = re.compile(r"(?:^|/)((?:19|20)\d\d)[/-]([01]\d)(?:/|-(?!\d)|$)")
# whole path segments only: a year, then a month in one or two figures or as a name, then a
# day; or a two-digit year when all three are segments of their own ("/articles/19/11/18/")
_NAMED = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
                                      "sep", "oct", "nov", "dec"), 1)}  # fmt: skip
_SEGMENTS = re.compile(
    r"/((?:19|20)\d\d|\d\d)/(\d{1,2}|jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)/(\d{1,2})(?=/)",
    re.IGNORECASE,
)


def from_url(url: str | None, today: dt.date | None = None) -> DateValue | None:
    """The date in the URL's path, or None; never a date after ``today``."""
    if not url:
        return None
    path = urlsplit(url).path
    limit = today or dt.date.today()
    for match in _DAY.finditer(path):
        try:
            day = dt.date(int(match.group(1)), int(match.group(3)), int(match.group(4)))
        except ValueError:
            continue
        if day <= limit:
            return DateValue(day.isoformat(), "day", "url")
    if (segments := _segments_day(path, limit)) is not None:
        return DateValue(segments.isoformat(), "day", "url")
    for match in _MONTH.finditer(path):
        year, month = int(match.group(1)), int(match.group(2))
        if 1 <= month <= 12 and dt.date(year, month, 1) <= limit:
            return DateValue(f"{year:04d}-{month:02d}-01", "month", "url")
    return None


def _segments_day(path: str, limit: dt.date) -> dt.date | None:
    for match in _SEGMENTS.finditer(path + "/"):
        year, month, day = match.groups()
        if len(year) == 2 and not (len(month) == len(day) == 2):
            continue  # "/19/11/18/" is a date; "/12/3/5/" may be anything
        number = int(month) if month.isdigit() else _NAMED[month[:3].casefold()]
        try:
            found = dt.date(int(year) + (2000 if len(year) == 2 else 0), number, int(day))
        except ValueError:
            continue
        if found <= limit:
            return found
    return None


_YEAR_IN_PATH = re.compile(r"/((?:19|20)\d\d)(?:/|-|$)")


def year_of_url(url: str | None) -> int | None:
    """The year the URL's path gives, alone (``/2023/slug``) or in a date."""
    in_url = from_url(url)
    if in_url is not None and in_url.date is not None:
        return int(in_url.date[:4])
    match = _YEAR_IN_PATH.search(urlsplit(url).path) if url else None
    return int(match.group(1)) if match else None
