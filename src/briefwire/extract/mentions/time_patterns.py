"""Month and weekday names and the date patterns behind :mod:`briefwire.extract.mentions.time`."""

from __future__ import annotations

import re

_MONTH_FORMS = {
    1: "january jan январь января январе", 2: "february feb февраль февраля феврале",
    3: "march mar март марта марте", 4: "april apr апрель апреля апреле",
    5: "may май мая мае", 6: "june jun июнь июня июне", 7: "july jul июль июля июле",
    8: "august aug август августа августе", 9: "september sept sep сентябрь сентября сентябре",
    10: "october oct октябрь октября октябре", 11: "november nov ноябрь ноября ноябре",
    12: "december dec декабрь декабря декабре",
}  # fmt: skip
MONTHS = {form: number for number, forms in _MONTH_FORMS.items() for form in forms.split()}


def _cased(forms: list[str]) -> str:
    """English month names only capitalised ("may" is a verb); Russian ones in either case."""
    cased = {f.capitalize() for f in forms} | {f for f in forms if not f.isascii()}
    return "|".join(sorted(cased, key=len, reverse=True))


_MONTH = _cased(list(MONTHS))
# Only full names stand alone ("in May"); abbreviations need a day or year beside them.
_FULL_MONTH = _cased([f for f in MONTHS if len(f) > 3 or f == "may"])

WEEKDAYS = {
    "mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6,
    "пон": 0, "вто": 1, "сре": 2, "чет": 3, "пят": 4, "суб": 5, "вос": 6,
}  # fmt: skip
WEEKDAY_RE = re.compile(
    r"\b(?:(?:on|late|early|last|this|next|past|coming)\s+)*"
    r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)"
    r"(?:\s+(?:morning|afternoon|evening|night|утром|днем|днём|вечером|ночью))?\b",
    re.IGNORECASE,
)
RELATIVE_DAYS = re.compile(
    r"\b(?:the\s+day\s+before\s+yesterday|yesterday|today|tonight|tomorrow|last\s+night"
    r"|this\s+(?:morning|afternoon|evening)|позавчера|вчера|сегодня|завтра)\b",
    re.IGNORECASE,
)

_YEAR = r"(?P<year>(?:19|20)\d{2})"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{1,2}(?:st|nd|rd|th)?)?"
_FLAGS = 0  # month names are matched case-sensitively, see _cased
# (pattern, kind): tried in order, the most specific first. kind "year" is a bare year.
ABSOLUTE_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"\b{_YEAR}-(?P<mnum>\d{{1,2}})-(?P<day>\d{{1,2}})\b"), "date"),
    (re.compile(rf"\b(?P<day>\d{{1,2}})\.(?P<mnum>\d{{1,2}})\.{_YEAR}\b"), "date"),
    (
        re.compile(rf"\b(?P<month>{_MONTH})\.?\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?(?!\s*(?:%|percent))", _FLAGS),
        "date",
    ),
    (re.compile(rf"\b{_DAY}\s+(?i:of\s+)?(?P<month>{_MONTH})\b\.?(?:,?\s+{_YEAR}\b)?", _FLAGS), "date"),
    (re.compile(rf"\b(?P<month>{_MONTH})\.?,?\s+(?i:of\s+)?{_YEAR}\b", _FLAGS), "date"),
    (
        re.compile(
            rf"(?:\b(?i:in|since|by|until|from|during|early|late|mid|end\s+of|beginning\s+of"
            rf"|в|с|до|начале|конце|середине)\s+|\b(?i:mid)-)(?P<month>{_FULL_MONTH})\b",
            _FLAGS,
        ),
        "date",
    ),
    (re.compile(rf"\b(?i:in|since|by|until|from|during|of|в|с|до)\s+{_YEAR}\b(?!\s*-)"), "year"),
    (re.compile(rf"^\s*(?i:the\s+)?(?i:year\s+)?{_YEAR}\s*$"), "year"),
]


def ordinal_day(raw: str | None) -> int | None:
    """``"16th"`` -> 16; None stays None."""
    if not raw:
        return None
    digits = re.match(r"\d+", raw)
    return int(digits.group(0)) if digits else None
