"""Number patterns and word lists behind :mod:`briefwire.extract.mentions.quantities`.

Kept apart so the rules in ``quantities`` read as rules. English and Russian forms are both
here because Russian documents pass through the same finder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "a": 0,
    "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7,
    "восемь": 8, "девять": 9, "десять": 10, "двадцать": 20, "тридцать": 30, "сорок": 40,
    "пятьдесят": 50, "сто": 100,
}  # fmt: skip
_SCALES = {
    "hundred": 100, "thousand": 1_000, "th": 1_000, "ths": 1_000, "thous": 1_000,
    "million": 1_000_000, "mln": 1_000_000,
    "billion": 1_000_000_000, "bn": 1_000_000_000,
    "тысяча": 1_000, "тысячи": 1_000, "тысяч": 1_000, "тыс": 1_000,
    "миллион": 1_000_000, "миллиона": 1_000_000, "миллионов": 1_000_000, "млн": 1_000_000,
    "миллиард": 1_000_000_000, "миллиарда": 1_000_000_000, "миллиардов": 1_000_000_000,
    "млрд": 1_000_000_000,
}  # fmt: skip
# Vague counts: the value is twice the base, always approximate ("hundreds" ~ 200).
_VAGUE = {
    "dozens": 24, "hundreds": 200, "thousands": 2_000, "millions": 2_000_000,
    "tens of thousands": 20_000, "hundreds of thousands": 200_000,
    "десятки": 20, "сотни": 200, "тысячи": 2_000, "десятки тысяч": 20_000,
    "сотни тысяч": 200_000,
}  # fmt: skip
_SHARES = {
    "half": 0.5, "a half": 0.5, "one half": 0.5, "a third": 0.33, "one third": 0.33,
    "two thirds": 0.67, "a quarter": 0.25, "one quarter": 0.25, "three quarters": 0.75,
    "a fifth": 0.2, "one fifth": 0.2,
}  # fmt: skip
_CURRENCY = {"$": "USD", "€": "EUR", "£": "GBP", "₽": "RUB", "usd": "USD", "us$": "USD",
             "eur": "EUR", "rub": "RUB"}  # fmt: skip

_WORD = "|".join(sorted((w for w in _UNITS if w != "a"), key=len, reverse=True))
_WORDNUM = rf"(?:{_WORD}|a(?=\s+(?:hundred|dozen)\b))(?:[\s\-]+(?:{_WORD}|hundred|dozen))*"
_SCALE = (
    # "th." and "ths." (English translated from Russian, where «тыс.» stood) only after a space
    # and before a full stop, so the ordinal "4th" stays a word
    r"thousand|million|billion|mln|bn|(?<=\s)ths?(?=\.)|thous(?:and)?\.?|тысяч[аи]?|тыс\.?|миллион(?:а|ов)?|млн\.?"
    r"|миллиард(?:а|ов)?|млрд\.?"
)
NUMBER_RE = re.compile(
    rf"""
    (?<![\w$€£₽.,\-‑/:+#№])
    (?:
      (?P<vague>(?:(?:tens|hundreds)\s+of\s+)?(?:dozens|hundreds|thousands|millions)
               |(?:десятки|сотни)(?:\s+тысяч)?|тысячи)
     |(?P<share>(?:a|one|two|three)[\s\-]+(?:half|thirds?|quarters?|fifths?)|half)(?=\s+of\b)
     |(?P<cur>[$€£₽]|(?:USD|US\$|EUR|RUB)\s?)?
      (?P<digits>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?
                |\d{{1,3}}(?:[\u00a0\u202f ]\d{{3}})+
                |\d+,\d{{1,2}}(?=\s*(?:тыс|млн|млрд|миллион|миллиард|thousand|million|billion|mln|bn|ths?\.
                                   |thous|%|percent|per\s+cent|процент))
                |\d+(?:\.\d+)?)
     |(?P<words>{_WORDNUM})
    )
    (?P<half>\s+and\s+a\s+half)?
    (?P<kilo>(?<=\d)[kк](?!\w))?
    (?:\s*(?P<scale>{_SCALE})(?![\w]))?
    (?:\s*(?P<pct>%|percent\b|per\s+cent\b|процент(?:а|ов)?\b))?
    (?![\w\-‑/:]|[.,]\d)
    """,
    re.VERBOSE | re.IGNORECASE,
)

_SIMPLE = rf"\d{{1,3}}(?:,\d{{3}})+|\d+|{_WORD}"
# "between 20 and 30", "20-30", "20 to 30" (one quantity with a maximum).
RANGE_RE = re.compile(
    rf"(?<![\w$€£₽.,\-‑/:+#№])(?:(?P<between>between|from|от)\s+)?(?P<lo>{_SIMPLE})"
    rf"(?:\s*[-–—]\s*|\s+(?P<word>to|and|до|и)\s+)(?P<hi>{_SIMPLE})(?![\w\-‑/:]|[.,]\d)",
    re.IGNORECASE,
)

# Ratios: "one in five companies", "three out of ten", "one in every three" (a share, 0.2).
RATIO_RE = re.compile(
    rf"(?<![\w.,\-])(?P<part>\d+|{_WORD})\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<whole>\d+|{_WORD})(?![\w\-]|[.,]\d)",
    re.IGNORECASE,
)


def ratio_value(part: str, whole: str) -> float | None:
    """The share a ratio states, or None when it is no share (a whole of one, a part above it)."""
    a = float(part) if part.isdigit() else _words_value(part)
    b = float(whole) if whole.isdigit() else _words_value(whole)
    if a is None or b is None or b < 2 or not 0 < a < b or b > 1000:
        return None
    return round(a / b, 2)


# Measurements: a number and a unit of length, area, weight or volume, written out,
# abbreviated or joined by a hyphen ("8 km from the base", "a 9-kilometre tailback", "40 sq m",
# «в 5 км от»). A bare "m" is left out: after money it means million.
_MEASURE_UNITS = (
    r"km|kilomet(?:re|er)s?|met(?:re|er)s?|sq\.?\s?(?:km|m)|square\s+(?:kilomet|met)(?:re|er)s?"
    r"|hectares?|tonnes?|tons?|kg|kilo(?:gram(?:me)?)?s?|lit(?:re|er)s?|miles?"
    r"|км|кв\.?\s?(?:км|м)|квадратн\w+\s+метр\w*|гектар\w*|га|тонн\w*|кг|килограмм\w*|литр\w*|метр\w*"
    r"|километр\w*"
)
MEASURE_RE = re.compile(
    rf"(?<![\w$€£₽.,\-‑/:])(?P<num>\d+(?:[.,]\d{{1,2}})?|{_WORD})(?:\s?|[\-‑])(?P<unit>{_MEASURE_UNITS})"
    r"(?![\w\-‑])",
    re.IGNORECASE,
)


def measure_value(number: str) -> float | None:
    """The value of a measurement's number: digits (a decimal comma too) or English words."""
    if number[0].isdigit():
        return float(number.replace(",", "."))
    return _words_value(number)


_APPROX_RE = re.compile(
    r"(?:\b(?:more\s+than|over|at\s+least|nearly|almost|about|around|approximately|roughly"
    r"|some|up\s+to|as\s+many\s+as|less\s+than|fewer\s+than|an\s+estimated|estimated"
    r"|close\s+to|no\s+fewer\s+than|no\s+less\s+than|upwards\s+of|just\s+over|well\s+over"
    r"|почти|около|более|свыше|не\s+менее|порядка|примерно|больше|менее|меньше)"
    r"|~)\s*$",
    re.IGNORECASE,
)

# Durations: a number of them is a claim only as a term (a sentence, leave, a stay), see
# quantities._term; measurements (a 9-kilometre tailback, 40 sq m) are quantities like counts.
_DURATIONS = (
    "year years month months week weeks day days hour hours minute minutes second seconds"
    " decade decades century centuries"
)
DURATION_NOUNS = frozenset(_DURATIONS.split())
_NON_COUNT = "time times degrees am pm a.m. p.m. o'clock pages page percent year-olds"
NON_COUNT_NOUNS = frozenset(_NON_COUNT.split()) | DURATION_NOUNS
_RU_DURATIONS = (
    "год года году годах лет месяц месяца месяцев неделя недели недель неделю день дня дней час"
    " часа часов сутки суток минут минуты"
)
RU_DURATION_NOUNS = frozenset(_RU_DURATIONS.split())
_RU_NON_COUNT = "раз января февраля марта апреля мая июня июля августа сентября октября ноября декабря"
RU_NON_COUNT = frozenset(_RU_NON_COUNT.split()) | RU_DURATION_NOUNS


@dataclass(frozen=True)
class ParsedNumber:
    """A number expression: its value and what kind of expression it was."""

    value: float
    kind: str  # plain, percent, share, vague
    approx: bool = False
    value_max: float | None = None
    currency: str | None = None
    large: bool = False  # a count on its own even without a noun ("300,000")
    year_like: bool = False
    needs_of: bool = False


def _words_value(words: str) -> float | None:
    total, current = 0.0, 0.0
    for word in re.split(r"[\s\-]+", words.lower()):
        if word in _UNITS:
            current += _UNITS[word]
        elif word in {"hundred", "dozen"}:
            current = max(current, 1) * (100 if word == "hundred" else 12)
        else:
            return None
    return total + current


def _digits_value(digits: str) -> float:
    compact = re.sub(r"[\u00a0\u202f ,]", "", digits) if "," not in digits[-3:] else digits
    if re.fullmatch(r"\d+,\d{1,2}", digits):  # Russian decimal comma: "1,5 млн"
        compact = digits.replace(",", ".")
    return float(compact.replace(",", ""))


def parse_number(match: re.Match[str]) -> ParsedNumber | None:
    """Turn a :data:`NUMBER_RE` match into a value; None for an unparseable one."""
    groups = match.groupdict()
    scale = _SCALES.get((groups["scale"] or "").lower().rstrip("."), 1)
    if groups["kilo"]:
        scale *= 1_000  # "30k", «344к рублей»: thousands, as posts write them
    if groups["vague"]:
        vague = _VAGUE.get(re.sub(r"\s+", " ", groups["vague"].lower()))
        if vague is None:
            return None
        value = float(vague)
        return ParsedNumber(value * scale, "vague", approx=True, large=value * scale >= 1000)
    if groups["share"]:
        share = _SHARES.get(re.sub(r"[\s\-]+", " ", groups["share"].lower()).rstrip("s"))
        share = share or _SHARES.get(re.sub(r"[\s\-]+", " ", groups["share"].lower()))
        return None if share is None else ParsedNumber(share, "share", needs_of=True)
    if groups["digits"]:
        raw = groups["digits"]
        value = _digits_value(raw)
    else:
        words_value = _words_value(groups["words"])
        if words_value is None:
            return None
        raw, value = groups["words"], words_value
    if groups.get("half"):
        value += 0.5
    kind = "percent" if groups["pct"] else "plain"
    currency = _CURRENCY.get((groups["cur"] or "").strip().lower())
    year_like = bool(re.fullmatch(r"\d{4}", raw) and 1800 <= value <= 2100 and scale == 1 and not currency)
    large = (value * scale >= 1000 and not year_like) and (scale > 1 or not raw.isdigit())
    return ParsedNumber(
        value * scale,
        kind,
        currency=currency,
        large=large,
        year_like=year_like,
    )


def parse_range(match: re.Match[str]) -> ParsedNumber | None:
    """A :data:`RANGE_RE` match as one number with a maximum; None when it is no range."""
    word = (match.group("word") or "").lower()
    if word in {"and", "и"} and not match.group("between"):
        return None  # "30 criminal and 100 ..." is two quantities, not a range
    low, high = _simple_value(match.group("lo")), _simple_value(match.group("hi"))
    if low is None or high is None or high <= low:
        return None
    raw = match.group("lo")
    year_like = bool(re.fullmatch(r"\d{4}", raw)) and 1800 <= low <= 2100
    return ParsedNumber(
        low, "plain", value_max=high, large=high >= 1000 and not year_like, year_like=year_like
    )


def _simple_value(raw: str) -> float | None:
    if raw[0].isdigit():
        return float(raw.replace(",", ""))
    return _words_value(raw)


def approx_before(text: str, index: int) -> tuple[bool, int | None]:
    """Whether an approximating phrase ("more than", "nearly") ends at ``text[index]``.

    Returns (approximate?, start index of the phrase or None).
    """
    match = _APPROX_RE.search(text[max(0, index - 30) : index])
    if match is None:
        return False, None
    return True, max(0, index - 30) + match.start()
