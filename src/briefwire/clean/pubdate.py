"""Publication date: from metadata, else a dateline, else inferred from clues, else unknown.

A wrong date is worse than none, so inference is narrow: it needs a dated photo (a caption
date or a date inside an image identifier) to fix the year and the week, and a relative
expression ("on Thursday", "yesterday") outside quotations to place the day; when the clues
leave more than one reading, the answer is unknown. Dates inside removed furniture other than
photo material (donation banners, ads, bios) are never looked at.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from briefwire.clean.dates import Found, find_dates
from briefwire.clean.lexicon import Lexicon, phrase_key
from briefwire.clean.urldate import from_url
from briefwire.models import DatePrecision, DateValue, RemovedSpan

PHOTO_REASONS = frozenset({"caption", "credit", "image_id"})
_MAX_SPREAD = dt.timedelta(days=7)  # a photo older than the body's news is not "today"
_WEEKDAYS_EN = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAYS_RU = ("понедельник", "вторник", "сред", "четверг", "пятниц", "суббот", "воскресень")
_WEEKDAY_EN = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_WEEKDAY_RU = re.compile(
    r"(?<!\w)во?\s+(понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)(?!\w)",
    re.IGNORECASE,
)
_YESTERDAY = re.compile(r"(?<!\w)(yesterday|вчера)(?!\w)", re.IGNORECASE)
_TODAY = re.compile(r"(?<!\w)(today|сегодня)(?!\w)", re.IGNORECASE)
# A quotation stops at the next opening mark as well: otherwise every opener of a long run of
# unclosed ones would scan to the end of the text (quadratic).
_QUOTED = re.compile(r"“[^“”]*”|«[^«»]*»|\"[^\"\n]*\"|„[^„“”]*[“”]")
# Words that put a date ahead of the writer: right before it ("for March 20", "до 5 мая"),
# or a little earlier in the clause ("is scheduled to meet on Friday").
_FUTURE_CUE = re.compile(
    r"(?:\b(?:for|until|till|by|before|next|до|к|на|следующ\w*)\s+(?:the\s+)?$)"
    r"|(?:\b(?:will|would|scheduled|planned|plans|deadline|expected|намечен\w*|планиру\w*)"
    r"\s+(?:[\w,]+\s+){0,3}$)",
    re.IGNORECASE,
)
_FILE_PHOTO = re.compile(r"\b(?:file|archive|архив\w*)\b", re.IGNORECASE)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_TIME = re.compile(r"^\d{1,2}[:.]\d{2}(?:[ap]\.?m\.?)?$|^[ap]\.?m\.?$|^(?:gmt|utc|msk|et|bst)$")


def from_metadata(published: str | None) -> DateValue | None:
    """A reader's ``published`` string (ISO, or anything dateparser reads in a short span)."""
    if not published or not published.strip():
        return None
    text = published.strip()
    if re.fullmatch(r"\d{4}", text):
        return DateValue(f"{text}-01-01", "year", "metadata")
    if re.fullmatch(r"\d{4}-\d{2}", text):
        return DateValue(f"{text}-01", "month", "metadata")
    try:
        return DateValue(dt.datetime.fromisoformat(text).date().isoformat(), "day", "metadata")
    except ValueError:
        pass
    return _dateparser_value(text[:80], "metadata")


@lru_cache(maxsize=1)
def _parser() -> Any:
    import dateparser  # noqa: PLC0415 - slow import, only needed for odd metadata strings

    return dateparser.DateDataParser(languages=["en", "ru"])


_PERIODS: dict[str, DatePrecision] = {"week": "week", "month": "month", "year": "year"}


def _dateparser_value(text: str, basis: str) -> DateValue | None:
    data = _parser().get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    precision: DatePrecision = _PERIODS.get(str(data.period), "day")
    return DateValue(data.date_obj.date().isoformat(), precision, basis)


def parse_dateline(text: str, lex: Lexicon, year: int | None = None) -> DateValue | None:
    """A line that is a full date and little else ("November 24, 2022", "Updated 24.11.2022");
    a day and month alone take ``year`` (the URL's or the title's), and say so."""
    if len(text.split()) > 12:
        return None
    found = [f for f in find_dates(text) if f.date is not None or year is not None]
    if len(found) != 1:
        return None
    rest = text[: found[0].start] + " " + text[found[0].end :]
    words = [w for w in phrase_key(rest).split() if not _is_date_noise(w, lex)]
    if len(words) > 1:
        return None
    date = found[0].date
    if date is None and year is not None and (date := found[0].on(year)) is not None:
        return DateValue(date.isoformat(), "day", "dateline", f"year {year} from the URL or title")
    return DateValue(date.isoformat(), "day", "dateline") if date else None


def _is_date_noise(word: str, lex: Lexicon) -> bool:
    return (
        bool(_TIME.match(word))
        or lex.is_line("dateline_prefix", word)
        or word.startswith(_WEEKDAYS_EN + _WEEKDAYS_RU)
        or word in {"|", "-", "at", "on", "в", "г", "года"}
    )


def publication_date(
    metadata: str | None,
    dateline: DateValue | None,
    body: Iterable[str],
    removed: Iterable[RemovedSpan],
    *,
    url: str | None = None,
    title: str | None = None,
) -> DateValue:
    """The publication date by the first basis that gives one: metadata, a dateline, the
    URL's path, inference from photo dates and relative words."""
    meta = from_metadata(metadata)
    if meta is not None:
        return meta
    in_url = from_url(url)
    body = list(body)
    doubt = _later_than_named(dateline, title, url, body) if dateline is not None else ""
    if doubt:
        dateline = None  # the page's only date is a revision's: its first day is not known
    if dateline is not None:
        return _checked(dateline, in_url)
    if in_url is not None:
        return in_url
    photos = [s for s in removed if s.reason in PHOTO_REASONS and not _FILE_PHOTO.search(s.text)]
    found = infer(body, photos)
    if found is None and doubt:
        return DateValue(None, "unknown", "unknown", doubt)
    return found or DateValue.unknown()


def _later_than_named(dateline: DateValue, title: str | None, url: str | None, body: list[str]) -> str:
    """Why a dateline is no publication date, or "": the title and the URL name one year (the
    event the story is about: "… Week 2018") and the dateline is in a later one that nothing in
    the body names. The story was written in the year it names; the date a page prints
    without a cue a year on is its last revision."""
    if dateline.date is None:
        return ""
    named = set(_YEAR.findall(title or "")) | set(_YEAR.findall(urlsplit(url).path if url else ""))
    year = int(dateline.date[:4])
    if len(named) != 1 or year <= (story := int(named.pop())):
        return ""
    if any(int(y) >= year for text in body for y in _YEAR.findall(text)):
        return ""
    return f"dateline {dateline.date} is later than {story}, the one year the title and URL name"


def _checked(dateline: DateValue, in_url: DateValue | None) -> DateValue:
    """A dateline against the URL's day: when they disagree, the earlier one (an "updated"
    line is later than the publication; an address is made when the story is filed)."""
    if in_url is None or in_url.precision != "day" or dateline.date is None:
        return dateline
    a, b = dt.date.fromisoformat(dateline.date), dt.date.fromisoformat(str(in_url.date))
    if abs((a - b).days) <= 1:
        return dateline
    note = f"dateline {a} and URL {b} disagree: the earlier"
    return DateValue(min(a, b).isoformat(), "day", "dateline" if a < b else "url", note)


def infer(body: list[str], photos: list[RemovedSpan]) -> DateValue | None:
    """Infer the day from photo dates, body dates and relative expressions (see module doc)."""
    photo_dates = [
        d for s in photos for f in find_dates(s.text, compact=s.reason == "image_id")
        if (d := f.date) is not None
    ]  # fmt: skip
    if not photo_dates:
        return None
    anchor = max(photo_dates)
    prose = [f.date for s in photos if s.reason != "image_id" for f in find_dates(s.text)]
    prose += list(_body_dates(body, anchor))
    known = [d for d in prose if d is not None]
    latest = max(known) if known else None
    if latest is not None and latest - anchor > _MAX_SPREAD:
        return None
    weekdays, days_back = _relative_clues(body)
    if not weekdays and days_back is None:
        return None
    # Two readings of the weekdays: the earliest publication the dates allow, and one where
    # every named weekday comes after everything dated in prose (the writer switched to
    # weekday names for the newest events). Only when both give the same day, within one,
    # is the day taken.
    early = max(anchor, latest) if latest else anchor
    late = early
    if latest is not None:
        for weekday in weekdays:
            late = max(late, latest + dt.timedelta(days=(weekday - latest.weekday()) % 7))
        late = max(late, latest + dt.timedelta(days=days_back or 0))
    if late - early > dt.timedelta(days=1):
        return None
    note = f"photo date {anchor}, latest text date {latest}, weekdays named {len(weekdays)}"
    return DateValue(late.isoformat(), "day", "inferred", note)


def _body_dates(body: list[str], anchor: dt.date) -> Iterable[dt.date | None]:
    """Past dates in the body; a missing year is the one that puts the date nearest the photo."""
    for text in body:
        for found in find_dates(text):
            if _is_future(text, found.start):
                continue
            yield _nearest(found, anchor)


def _is_future(text: str, start: int) -> bool:
    """The words before a date or weekday say it lies ahead ("planned for Saturday")."""
    return bool(_FUTURE_CUE.search(text[max(0, start - 40) : start]))


def _nearest(found: Found, anchor: dt.date) -> dt.date | None:
    if found.year is not None:
        return found.date
    options = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := found.on(y))]
    return min(options, key=lambda d: abs(d - anchor), default=None)


def _relative_clues(body: list[str]) -> tuple[set[int], int | None]:
    """Weekdays named, and days back for "yesterday"/"today", outside quotations only."""
    weekdays: set[int] = set()
    days_back: int | None = None
    for text in body:
        plain = _QUOTED.sub(" ", text)
        weekdays |= {
            _WEEKDAYS_EN.index(m.group(1).lower())
            for m in _WEEKDAY_EN.finditer(plain)
            if not _is_future(plain, m.start())
        }
        for match in _WEEKDAY_RU.finditer(plain):
            if _is_future(plain, match.start()):
                continue
            stem = match.group(1).lower()
            weekdays |= {i for i, w in enumerate(_WEEKDAYS_RU) if stem.startswith(w)}
        if _YESTERDAY.search(plain):
            days_back = max(days_back or 0, 1)
        elif _TODAY.search(plain) and days_back is None:
            days_back = 0
    return weekdays, days_back
