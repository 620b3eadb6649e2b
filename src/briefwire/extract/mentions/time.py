"""Dates in text, resolved against the publication date, with precision and basis.

``resolve_date`` turns one short expression into a :class:`DateValue`:

- ``explicit``: a full date ("November 16, 2022", "16.11.2022", "16 ноября 2022 года"), a
  month and year, a year, or a day and month without a year, whose year follows from the
  publication date (the latest such date on or before publication).
- ``relative``: "yesterday", "on Thursday" (the latest Thursday on or before publication;
  "next Thursday" looks forward), "late Thursday", "Thursday afternoon", "last week" (week
  precision, dated to its Monday), "earlier this month" (month precision), "two days ago".

Relative expressions need a known publication date; without one they give None. Most rules
are written by hand because dateparser returns one day for "last week" and nothing for "late
Thursday"; it remains the fallback for the rest ("three weeks ago"), on the short span only,
with the language fixed and one reused parser.
"""

from __future__ import annotations

import bisect
import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from briefwire.extract.mentions.time_patterns import (
    ABSOLUTE_PATTERNS,
    MONTHS,
    RELATIVE_DAYS,
    WEEKDAY_RE,
    WEEKDAYS,
    ordinal_day,
)
from briefwire.models import DatePrecision, DateValue
from briefwire.nlp import Sentence, Span

__all__ = ["find_dates", "resolve_date"]

_NEXT = re.compile(r"\b(?:next|coming|следующ\w*|будущ\w*)\s*$", re.I)
_PERIOD = re.compile(
    r"\b(?P<which>last|past|previous|this|current|next|earlier\s+this|later\s+this"
    r"|early\s+this|late\s+this|прошл\w+|эт\w+|следующ\w+)\s+(?P<unit>week|month|year"
    r"|недел\w+|месяц\w*|год\w*)\b",
    re.I,
)
_AGO = re.compile(
    r"\b(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?P<unit>days?|weeks?|months?|years?)\s+ago\b",
    re.I,
)
_SMALL = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
          "seven": 7, "eight": 8, "nine": 9, "ten": 10}  # fmt: skip
_BARE_NUMBER = re.compile(r"^\W*\d{1,3}\W*$")
# A length of time ("two weeks", "the past few days") is no date of its own.
_DURATION = re.compile(
    r"^\W*(?:the\s+)?(?:past\s+|last\s+|next\s+|first\s+|coming\s+)?(?:a|an|\d+|one|two|three"
    r"|four|five|six|seven|eight|nine|ten|several|few|a\s+few|many)\s+(?:full\s+)?"
    r"(?:days?|weeks?|months?|years?|hours?|minutes?|decades?)\W*$",
    re.I,
)
# Dates counted from another event ("a day later") or spans of years ("the 1990s") have no
# single date that dateparser could give; it would invent one from the publication date.
_UNANCHORED = re.compile(
    r"\b(?:later|after|afterwards|before|earlier|following|previous|same|next|prior)\b|\d0s\b"
    r"|\b(?:spring|summer|autumn|fall|winter|times|era|age)\b",
    re.I,
)
_WEEKEND = re.compile(r"\bweekend\b|\bвыходны[ехм]", re.I)
_BIRTH = re.compile(r"\b(?:born|родил(?:ся|ась))\s*(?:in|on|в)?\s*$", re.I)


def resolve_date(expression: str, published: DateValue, context: str = "") -> DateValue | None:
    """Resolve ``expression`` against ``published``; ``context`` is the text just before it.

    Returns None when the expression is no date, or is relative and the publication date is
    unknown.
    """
    text = " ".join(expression.split())
    if not text or _BARE_NUMBER.match(text) or _DURATION.match(text):
        return None  # "28" is an age far more often than a day of the month
    base, latest = _bases(published)
    found = _absolute(text, latest)
    if found is not None:
        return found
    if base is None:
        return None
    return (
        _relative_day(text, base)
        or _weekday(text, base, forward=bool(_NEXT.search(context[-30:])))
        or _weekend(text, base)
        or _period(text, base)
        or _ago(text, base)
        or _fallback(text, base)
    )


def find_dates(sentence: Sentence, published: DateValue) -> list[tuple[Span, DateValue]]:
    """Dates mentioned in ``sentence``: DATE entities plus weekday/relative words they missed."""
    spans = [e for e in sentence.entities if e.label == "DATE"]
    taken = _Taken(spans)
    for match in _candidates(sentence.text):
        start, end = sentence.start + match[0], sentence.start + match[1]
        if taken.add(start, end):
            spans.append(Span(start, end, sentence.text[match[0] : match[1]], "DATE"))
    result: list[tuple[Span, DateValue]] = []
    for span in sorted(spans, key=lambda s: s.start):
        at = span.start - sentence.start
        # Only the words just before a date decide (born on ..., next ...): a bounded window
        # keeps a sentence with thousands of dates linear.
        context = sentence.text[max(0, at - 60) : at]
        if _BIRTH.search(context):
            continue  # a birth date dates a person, not what the sentence reports
        value = resolve_date(span.text, published, context)
        if value is not None:
            result.append((span, value))
    return result


class _Taken:
    """Stretches already claimed, sorted and disjoint: an overlap test is a binary search."""

    def __init__(self, spans: list[Span]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for span in sorted(spans, key=lambda s: s.start):
            if self.ends and span.start < self.ends[-1]:  # overlapping entities: one stretch
                self.ends[-1] = max(self.ends[-1], span.end)
            else:
                self.starts.append(span.start)
                self.ends.append(span.end)

    def add(self, start: int, end: int) -> bool:
        """Claim ``start:end`` unless it overlaps a claimed stretch; True when claimed."""
        i = bisect.bisect_left(self.starts, end)  # stretches before i start before ``end``
        if i > 0 and self.ends[i - 1] > start:  # and the last of them reaches furthest
            return False
        self.starts.insert(i, start)
        self.ends.insert(i, end)
        return True


def _candidates(text: str) -> list[tuple[int, int]]:
    found = [m.span() for m in WEEKDAY_RE.finditer(text)]
    found += [m.span() for m in RELATIVE_DAYS.finditer(text)]
    found += [m.span() for m in _PERIOD.finditer(text)]
    for pattern, _kind in ABSOLUTE_PATTERNS:
        found += [m.span() for m in pattern.finditer(text)]
    return found


def _bases(published: DateValue) -> tuple[date | None, date | None]:
    """(base for relative expressions, latest possible publication day).

    Relative expressions need the publication day itself; a date without a year only needs to
    know the latest day the document can have been published, so a publication date known to
    the month or year still places "on November 16" in the right year.
    """
    if not published.date:
        return None, None
    try:
        known = date.fromisoformat(published.date[:10])
    except ValueError:
        return None, None
    if published.precision == "year":
        return None, date(known.year, 12, 31)
    if published.precision == "month":
        following = date(known.year + known.month // 12, known.month % 12 + 1, 1)
        return None, following - timedelta(days=1)
    if published.precision == "week":
        return None, known - timedelta(days=known.weekday()) + timedelta(days=6)
    return known, known


def _value(day: date, precision: DatePrecision, basis: str, note: str) -> DateValue:
    if precision == "week":
        day -= timedelta(days=day.weekday())
    elif precision == "month":
        day = day.replace(day=1)
    elif precision == "year":
        day = day.replace(month=1, day=1)
    return DateValue(day.isoformat(), precision, basis, note)


def _absolute(text: str, base: date | None) -> DateValue | None:
    """Dates that name their day, month or year in numbers or month names."""
    for pattern, kind in ABSOLUTE_PATTERNS:
        match = pattern.search(text)
        if match is None:
            continue
        groups = match.groupdict()
        month = MONTHS.get((groups.get("month") or "").lower().rstrip("."))
        month = month or (int(groups["mnum"]) if groups.get("mnum") else None)
        year = int(groups["year"]) if groups.get("year") else None
        day = ordinal_day(groups.get("day"))
        value = _assemble(kind, (year, month, day), base, text)
        if value is not None:
            return value
    return None


def _assemble(
    kind: str, ymd: tuple[int | None, int | None, int | None], base: date | None, note: str
) -> DateValue | None:
    year, month, day = ymd
    try:
        if kind == "year" and year is not None:
            return _value(date(year, 1, 1), "year", "explicit", note)
        if month is None:
            return None
        if year is None:
            if base is None:
                return None
            # No year given: the latest such date on or before publication.
            year = base.year
            if (month, day or 1) > (base.month, base.day):
                year -= 1
        if day is None:
            return _value(date(year, month, 1), "month", "explicit", note)
        return _value(date(year, month, day), "day", "explicit", note)
    except ValueError:
        return None  # 31 February


def _relative_day(text: str, base: date) -> DateValue | None:
    match = RELATIVE_DAYS.search(text)
    if match is None:
        return None
    word = match.group(0).lower()
    offsets = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0,
               "this evening": 0, "yesterday": -1, "last night": -1, "tomorrow": 1,
               "the day before yesterday": -2, "сегодня": 0, "вчера": -1, "позавчера": -2,
               "завтра": 1}  # fmt: skip
    offset = offsets.get(re.sub(r"\s+", " ", word))
    if offset is None:
        return None
    return _value(base + timedelta(days=offset), "day", "relative", text)


def _weekday(text: str, base: date, forward: bool) -> DateValue | None:
    """A weekday: the latest one on or before publication, or the next one after "next"."""
    match = WEEKDAY_RE.search(text)
    if match is None:
        return None
    target = WEEKDAYS[match.group("weekday").lower()[:3]]
    if forward or re.search(r"\bnext\b", text, re.I):
        delta = (target - base.weekday()) % 7 or 7
        return _value(base + timedelta(days=delta), "day", "relative", text)
    delta = (base.weekday() - target) % 7
    if re.search(r"\blast\b|прошл", text, re.I) and delta == 0:
        delta = 7  # "last Friday" said on a Friday means a week ago
    return _value(base - timedelta(days=delta), "day", "relative", text)


def _weekend(text: str, base: date) -> DateValue | None:
    """ "over the weekend": the latest Saturday-Sunday on or before publication, week precision."""
    if not _WEEKEND.search(text):
        return None
    saturday = base - timedelta(days=(base.weekday() - 5) % 7)
    if re.search(r"\bnext\b", text, re.I):
        saturday += timedelta(days=7)
    return _value(saturday, "week", "relative", text)


def _period(text: str, base: date) -> DateValue | None:
    """ "last week" / "earlier this month" / "this year" at week, month or year precision."""
    match = _PERIOD.search(text)
    if match is None:
        return None
    which, unit = match.group("which").lower(), match.group("unit").lower()
    step = -1 if which.startswith(("last", "past", "previous", "прошл")) else 0
    step = 1 if which.startswith(("next", "следующ")) else step
    if unit.startswith(("week", "недел")):
        return _value(base + timedelta(weeks=step), "week", "relative", text)
    if unit.startswith(("month", "месяц")):
        month_index = base.year * 12 + base.month - 1 + step
        return _value(date(month_index // 12, month_index % 12 + 1, 1), "month", "relative", text)
    return _value(date(base.year + step, 1, 1), "year", "relative", text)


def _ago(text: str, base: date) -> DateValue | None:
    match = _AGO.search(text)
    if match is None:
        return None
    raw = match.group("n").lower()
    n = int(raw) if raw.isdigit() else _SMALL[raw]
    unit = match.group("unit").lower().rstrip("s")
    if unit == "day":
        return _value(base - timedelta(days=n), "day", "relative", text)
    if unit == "week":
        return _value(base - timedelta(weeks=n), "week", "relative", text)
    if unit == "month":
        month_index = base.year * 12 + base.month - 1 - n
        return _value(date(month_index // 12, month_index % 12 + 1, 1), "month", "relative", text)
    return _value(date(base.year - n, 1, 1), "year", "relative", text)


@lru_cache(maxsize=32)
def _parser(base: date) -> Any:
    """One dateparser per publication date (its relative base is fixed at construction)."""
    from dateparser.date import DateDataParser  # noqa: PLC0415 - slow import, rarely needed

    settings = {"PREFER_DATES_FROM": "past", "RELATIVE_BASE": datetime(base.year, base.month, base.day)}
    return DateDataParser(languages=["en", "ru"], settings=settings)


def _fallback(text: str, base: date) -> DateValue | None:
    """dateparser on the short span, for phrasings the rules above do not know."""
    if len(text) > 40 or not re.search(r"[^\W\d_]", text) or _UNANCHORED.search(text):
        return None
    data = _parser(base).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    period: DatePrecision = data.period if data.period in {"week", "month", "year"} else "day"
    found = data.date_obj.date()
    if found > base:
        return None  # the rules above handle "next ..."; anything else in the future is a misreading
    return _value(found, period, "relative", text)
