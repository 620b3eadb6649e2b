"""Calendar dates written out in English or Russian text, found with fixed patterns.

Patterns rather than ``dateparser.search_dates``: that is slow on whole articles and turns
ages and counts into days of the month. dateparser is kept for short spans (datelines,
metadata strings) where it is reliable.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_EN_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_RU_MONTHS = {
    "янв": 1, "фев": 2, "мар": 3, "апр": 4, "мая": 5, "май": 5, "июн": 6, "июл": 7,
    "авг": 8, "сен": 9, "окт": 10, "ноя": 11, "дек": 12,
}  # fmt: skip
_EN_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
# in capitals too ("18 NOV 2019", "NOVEMBER 20, 2019"), as page heads set them; a name in
# lower case stays a word ("may")
_EN_MONTH_ANY = f"(?:{_EN_MONTH}|{_EN_MONTH.upper()})"
_RU_MONTH = (
    r"(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
    r"|январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|ноябрь|декабрь"
    # as page heads shorten them ("3 дек. 2023", "12 сент 2022")
    r"|янв|фев|мар|апр|июн|июл|авг|сент?|окт|нояб?|дек)(?:\.|(?![а-яё]))"
)
_YEAR = r"(?P<y>(?:19|20)\d{2})"
PATTERNS = (
    re.compile(rf"\b(?P<m>{_EN_MONTH_ANY})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+{_YEAR}\b)?"),
    # "25. September 2018": German and Nordic pages put a point after the day
    re.compile(
        rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th|\.)?\s+(?:of\s+)?(?P<m>{_EN_MONTH_ANY})(?:,?\s+{_YEAR}\b)?"
    ),
    re.compile(rf"(?<!\d)(?P<d>\d{{1,2}})\s+(?P<m>{_RU_MONTH})(?:\s+{_YEAR})?", re.IGNORECASE),
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})-(?P<mn>[01]\d)-(?P<d>[0-3]\d)(?!\d)"),
    re.compile(r"(?<![\d.])(?P<d>[0-3]?\d)\.(?P<mn>[01]?\d)\.(?P<y>(?:19|20)\d{2})(?!\d)"),
)


@dataclass(frozen=True)
class Found:
    """A date written in text; ``year`` is None when the text leaves it out."""

    start: int
    end: int
    year: int | None
    month: int
    day: int

    def on(self, year: int) -> dt.date | None:
        try:
            return dt.date(year, self.month, self.day)
        except ValueError:
            return None

    @property
    def date(self) -> dt.date | None:
        return self.on(self.year) if self.year is not None else None


def _month(match: re.Match[str]) -> int | None:
    if match.groupdict().get("mn"):
        return int(match.group("mn"))
    name = match.group("m").casefold()
    return _EN_MONTHS.get(name[:3]) or _RU_MONTHS.get(name[:3])


_COMPACT = re.compile(r"(?<!\d)(?P<y>20\d{2})-?(?P<mn>[01]\d)-?(?P<d>[0-3]\d)(?!\d)")


# Day/month/year with slashes, as page heads print it; read only when the order is certain
# (one of the first two numbers is above 12), never in running text.
_SLASHED = re.compile(r"(?<![\d/])([0-3]?\d)/([01]?\d)/((?:19|20)\d{2})(?![\d/])")


def find_slashed_date(text: str) -> dt.date | None:
    """ "27/09/2018" (day first) or "11/19/2019" (month first); None when both could be."""
    match = _SLASHED.search(text)
    if not match:
        return None
    a, b, year = (int(g) for g in match.groups())
    if a > 12 >= b:
        day, month = a, b
    elif b > 12 >= a:
        day, month = b, a
    else:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str, *, compact: bool = False) -> list[Found]:
    """Every date in ``text`` that names at least a month and a valid day, in text order.

    ``compact`` also accepts ``20230509`` (only sensible inside file names and identifiers).
    """
    found: dict[int, Found] = {}
    for pattern in (*PATTERNS, _COMPACT) if compact else PATTERNS:
        for match in pattern.finditer(text):
            month = _month(match)
            year = int(match.group("y")) if match.groupdict().get("y") else None
            if month is None or match.start() in found:
                continue
            item = Found(match.start(), match.end(), year, month, int(match.group("d")))
            if item.on(year or 2000) is not None:
                found[match.start()] = item
    ordered = sorted(found.values(), key=lambda f: (f.start, -f.end))
    kept: list[Found] = []
    for item in ordered:  # overlapping matches: the first, longest one wins
        if not kept or item.start >= kept[-1].end:
            kept.append(item)
    return kept
