"""Dates a page's head prints in a language other than English or Russian.

A Portuguese, German or Polish page gives its byline timestamp in its own words ("22 de <month>
de 2018", "22. <Monat> 2018"); Korean, Japanese and Chinese pages in figures with their
year, month and day signs. The month names are dateparser's locale data for the languages
the profile lists (``profiles/boilerplate/date_languages.txt``): the language of a name is
fixed by the name itself, and a name that means different months in two languages is left
out. Only a full date counts (day, month, year): next to a bare number a word is weak evidence.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from importlib import resources

_MONTH_KEYS = ("january", "february", "march", "april", "may", "june", "july", "august",
               "september", "october", "november", "december")  # fmt: skip
_MIN_NAME = 4  # shorter abbreviations are common words somewhere ("mar", "gen", "ago")
_YEAR = r"(?P<y>(?:19|20)\d\d)(?!\d)"
_LINK = r"(?:\s+(?:de|del|di|du|of)\b)?"  # "22 de <month> de 2018", "22 di <mese>"
# 2016年08月03日 / 2018년 8월 25일
_CJK = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)\s*[年년]\s*(?P<m>[01]?\d)\s*[月월]\s*(?P<d>[0-3]?\d)\s*[日일]"
)


def _languages() -> list[str]:
    data = resources.files("briefwire.profiles").joinpath("boilerplate", "date_languages.txt")
    lines = (line.split("#")[0].strip() for line in data.read_text("utf-8").splitlines())
    return [code for line in lines for code in line.split()]


@lru_cache(maxsize=1)
def month_names() -> dict[str, int]:
    """Casefolded month name -> month number, over the profile's languages."""
    from dateparser.languages.loader import default_loader  # noqa: PLC0415 - slow import

    months: dict[str, set[int]] = {}
    for code in _languages():
        info = default_loader.get_locale(code).info
        for number, key in enumerate(_MONTH_KEYS, 1):
            for name in info.get(key, []):
                folded = name.casefold().rstrip(".")
                if len(folded) >= _MIN_NAME and folded.isalpha():
                    months.setdefault(folded, set()).add(number)
    return {name: numbers.pop() for name, numbers in months.items() if len(numbers) == 1}


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    names = "|".join(sorted(map(re.escape, month_names()), key=len, reverse=True))
    month = rf"(?P<m>{names})(?!\w)\.?"
    day_first = rf"(?<![\w.])(?P<d>[0-3]?\d)\.?{_LINK}\s+{month}{_LINK},?\s+{_YEAR}"
    month_first = rf"(?<!\w){month}\s+(?P<d>[0-3]?\d)(?!\d),?\s+{_YEAR}"
    return re.compile(day_first, re.IGNORECASE), re.compile(month_first, re.IGNORECASE)


def other_language_dates(text: str) -> list[tuple[int, dt.date]]:
    """(offset, date) of every full date in ``text`` written with a month name of the
    profile's other languages, or with CJK year, month and day signs."""
    out: list[tuple[int, dt.date]] = []
    for match in _CJK.finditer(text):
        _add(out, match.start(), match.group("y"), int(match.group("m")), match.group("d"))
    if not any(ch.isalpha() for ch in text):
        return out
    for pattern in _patterns():
        for match in pattern.finditer(text):
            month = month_names()[match.group("m").casefold()]
            _add(out, match.start(), match.group("y"), month, match.group("d"))
    return out


def _add(out: list[tuple[int, dt.date]], start: int, year: str, month: int, day: str) -> None:
    try:
        out.append((start, dt.date(int(year), month, int(day))))
    except ValueError:
        return
