"""Count-like quantities in a sentence: "more than 250,000 people", "48,000 rubles".

Only numbers that count something are returned, because every number we return competes to
be a claim's quantity: ages ("Petrov, 31,", "a 42-year-old"), years, dates and times,
durations ("two weeks"), ordinals, identifiers ("military unit 12345", "Article 328"), phone
numbers and bare numbers with nothing counted are left out. A number is kept when it is
followed by a counted noun ("140 men", "five newly mobilized troops"), is money ("$10,000",
"1 million rubles") or a percentage, is a share ("nearly a third of ..."), or is large enough
to be a count on its own ("300,000", "300 тысяч").

Numbers are found with patterns over the sentence text; the tokens' parts of speech and entity
labels decide what the number counts and whether it sits inside a date. A conversion in
brackets right after a quantity ("59,000 rubles [USD 970]") belongs to that quantity and is not
returned again.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from briefwire.extract.mentions.counts_by_role import counted_by_role
from briefwire.extract.mentions.numbers_ru import word_numbers
from briefwire.extract.mentions.quantity_patterns import (
    DURATION_NOUNS,
    MEASURE_RE,
    NON_COUNT_NOUNS,
    NUMBER_RE,
    RANGE_RE,
    RATIO_RE,
    RU_DURATION_NOUNS,
    RU_NON_COUNT,
    ParsedNumber,
    approx_before,
    measure_value,
    parse_number,
    parse_range,
    ratio_value,
)
from briefwire.models import Quantity
from briefwire.nlp import Sentence, Token
from briefwire.nlp.natasha_ru import is_dative, is_finite_singular

__all__ = ["QuantityMention", "find_quantities"]


@dataclass(frozen=True)
class QuantityMention:
    """A quantity and where it was said; offsets index the document text."""

    start: int
    end: int
    text: str
    quantity: Quantity
    noun: str | None
    vague: bool = False  # "thousands of reservists": a mention, not a value


_AGE_AFTER = re.compile(r"^\s*(?:-|‑|–)?\s*(?:years?|yrs?)[\s\-‑]*old\b|^\s*-?\s*year\b", re.I)
_AGE_BEFORE = re.compile(r"\b(?:aged?|ages|at the age of|возрасте)\s*$", re.I)
_ID_BEFORE = re.compile(
    r"(?:\b(?:no|nos|number|unit|article|art|part|section|paragraph|page|chapter|item|clause"
    r"|code|room|flat|apartment|house|building|school|bus|route|flight|line|channel|model"
    r"|статьи|статья|ч|часть|пункт|номер|в/ч|части)\.?|[#№])\s*$",
    re.I,
)
_MONTH_NAMES = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_MONTH_BEFORE = re.compile(rf"\b{_MONTH_NAMES}\s*(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s*)?$")
_RU_YEAR_AFTER = re.compile(r"^\s*(?:год\w*|г\.)", re.I)
_YEAR_PREPOSITION = re.compile(r"\b(?:in|since|by|until|till|from|during|of|before|after|в|с|до)\s*$", re.I)
_MONTH_AFTER = re.compile(
    rf"^(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_NAMES}\b"
)  # Russian month names after a number are caught as non-count nouns (RU_NON_COUNT)
_OF = re.compile(r"^\s*of\s+", re.I)
_CLOCK_DURATION = re.compile(r"^\s*(?:minutes?|hours?|seconds?|минут\w*|час\w*)\b", re.I)
# "four or more children", "10 or fewer people": an open bound between number and noun.
_OPEN_BOUND = re.compile(r"^\s*(?:or|and)\s+(?:more|fewer|less|over|above|under)\b", re.I)
_LINKERS = {"and", "or", "и", "или"}
_OPENING_QUOTES = {"«", '"', "„", "“"}
_HEDGE_WORDS = {
    "about",
    "around",
    "some",
    "nearly",
    "almost",
    "over",
    "at",
    "least",
    "more",
    "than",
    "up",
    "to",
}
_NOUNISH = {"NOUN", "PROPN"}
# Work per number stays bounded, so a sentence with thousands of numbers is read in linear
# time: the text looked at around a number, and the noun phrase it can count.
_WINDOW = 80
_MAX_NP_TOKENS = 12
_MODIFIER_POS = {"ADJ", "NOUN", "PROPN", "NUM"}
_SKIP_IN_NP = {"the", "a", "an", "its", "their", "his", "her", "our", "all", "these", "those"}


def find_quantities(sentence: Sentence) -> list[QuantityMention]:
    """Return the count-like quantities of ``sentence`` in text order."""
    russian = _russian(sentence)
    mentions: list[QuantityMention] = []
    pending: list[tuple[QuantityMention, bool]] = []  # (mention without noun, approx from before)
    ranges = _ranges(sentence)
    ranges += [m for m in _measurements(sentence) if not _covered(m.start, ranges)]
    ranges += [m for m in _ratios(sentence) if not _covered(m.start, ranges)]
    mentions.extend(ranges)
    for match in NUMBER_RE.finditer(sentence.text):
        if russian and not match.group("cur") and not any(ch.isdigit() for ch in match.group(0)):
            continue  # Russian numbers in words inflect: numbers_ru reads them from the lemmas
        parsed = parse_number(match)
        if parsed is None or _covered(sentence.start + match.start(), ranges):
            continue
        start, end = sentence.start + match.start(), sentence.start + match.end()
        if _excluded(sentence, match.start(), match.end(), parsed, mentions):
            continue
        if pending and not _linked(sentence, pending[-1][0].end, start):
            pending = []
        mention = _build(sentence, start, end, parsed)
        if mention is None and mentions and parsed.kind == "plain":
            mention = _part_of(sentence, start, end, parsed, mentions[-1])
        if mention is None:
            elliptic = _elliptic(sentence, start, end, parsed)
            if elliptic is not None:
                pending.append((elliptic, elliptic.quantity.approx))
            elif not russian and parsed.kind == "plain":
                mentions.extend(_by_role(sentence, start, end, parsed))
            continue
        resolved = _resolve_pending(pending, mention)
        if any(m.quantity.approx for m in resolved) and not mention.quantity.approx:
            # "at least 30 criminal and 100 misdemeanor cases": the hedge covers both.
            mention = replace(mention, quantity=replace(mention.quantity, approx=True))
        mentions.extend(resolved)
        pending = []
        mentions.append(mention)
    if russian:
        mentions.extend(_russian_words(sentence, mentions))
    return sorted(mentions, key=lambda m: m.start)


def _by_role(sentence: Sentence, start: int, end: int, parsed: ParsedNumber) -> list[QuantityMention]:
    """The number as a count of people its verb or state word names (see ``counts_by_role``)."""
    role = counted_by_role(sentence, start, end, parsed.value)
    if role is None:
        return []
    approx, approx_start = approx_before(sentence.text, start - sentence.start)
    span_start = sentence.start + approx_start if approx_start is not None else start
    span_end, unit = role
    quantity = Quantity(parsed.value, unit, approx or parsed.approx, parsed.value_max)
    return [QuantityMention(span_start, span_end, _slice(sentence, span_start, span_end), quantity, unit)]


def _russian(sentence: Sentence) -> bool:
    return (
        bool(sentence.tokens)
        and not sentence.tokens[0].tag
        and any("а" <= ch <= "я" for ch in sentence.text.lower())
    )


def _russian_words(sentence: Sentence, found: list[QuantityMention]) -> list[QuantityMention]:
    """Russian numbers in words, each with the noun it counts (the next noun after adjectives)."""
    out = []
    tokens = sentence.tokens
    for number in word_numbers(sentence):
        if any(m.start <= number.start < m.end or number.start <= m.start < number.end for m in found):
            continue
        if _RU_CLOCK_AFTER.match(sentence.text[number.end - sentence.start :]):
            continue  # «в половине седьмого утра», «в девять вечера»: a time of day
        noun_end, noun = number.end, None
        modifier = None  # "двухсот мобилизованных": an adjective or participle used as a noun
        for tok in tokens[number.tokens[1] + 1 : number.tokens[1] + 4]:
            if tok.pos == "NOUN":
                noun_end, noun = tok.end, tok.text
                break
            if tok.pos not in {"ADJ", "VERB"}:
                break
            modifier = modifier or tok
        if noun is None and modifier is not None:
            noun_end, noun = modifier.end, modifier.text
        if (
            noun is not None
            and noun.lower() in RU_NON_COUNT
            and not _term(sentence, noun, number.start, noun_end)
        ):
            continue
        if number.value is not None and number.value == 1 and not _one_is_counted(sentence, number.start):
            continue  # «ещё один мобилизованный», «одного класса»: one of, not a count
        if number.value is not None and number.value < 1 and noun is None:
            continue
        text = _slice(sentence, number.start, noun_end)
        value = number.value if number.value is not None else 0.0
        quantity = Quantity(value, noun, number.approx)
        out.append(QuantityMention(number.start, noun_end, text, quantity, noun, vague=number.value is None))
    return out


def _ranges(sentence: Sentence) -> list[QuantityMention]:
    """Ranges ("between 20 and 30 people") as one quantity with ``value_max``."""
    found: list[QuantityMention] = []
    for match in RANGE_RE.finditer(sentence.text):
        parsed = parse_range(match)
        if parsed is None or _excluded(sentence, match.start(), match.end(), parsed, found):
            continue
        lead = match.start("lo") if match.group("between") and match.group("between").lower() == "from" else 0
        start = sentence.start + (lead or match.start())
        mention = _build(sentence, start, sentence.start + match.end(), parsed)
        if mention is not None:
            found.append(mention)
    return found


# "64 applied, of them 17 passed", «из них 17»: a part of the count just named, in its noun.
_PARTITIVE_BEFORE = re.compile(
    r"(?:\b(?:of|among)\s+(?:them|whom|these|those)|(?<!\w)(?:из|среди)\s+(?:них|которых))\s*,?\s*"
    r"(?:(?:only|just|already|at least|about|some|around|лишь|только|уже|около)\s+)?$",
    re.I,
)


def _part_of(
    sentence: Sentence, start: int, end: int, parsed: ParsedNumber, before: QuantityMention
) -> QuantityMention | None:
    """A bare number right after "of them" counts what the quantity before it counted."""
    if before.noun is None or before.vague or before.end > start:
        return None
    lead = sentence.text[max(0, before.end - sentence.start) : start - sentence.start]
    if not _PARTITIVE_BEFORE.search(lead) or len(lead) > _WINDOW:
        return None
    quantity = Quantity(value=parsed.value, unit=before.quantity.unit, approx=parsed.approx)
    text = sentence.text[start - sentence.start : end - sentence.start]
    return QuantityMention(start, end, text, quantity, before.noun)


def _ratios(sentence: Sentence) -> list[QuantityMention]:
    """Ratios ("one in five companies") as the share they state."""
    found: list[QuantityMention] = []
    for match in RATIO_RE.finditer(sentence.text):
        value = ratio_value(match.group("part"), match.group("whole"))
        if value is None:
            continue
        approx, lead = approx_before(sentence.text, match.start())
        at = lead if approx and lead is not None else match.start()
        start, end = sentence.start + at, sentence.start + match.end()
        quantity = Quantity(value=value, unit="share", approx=approx)
        found.append(QuantityMention(start, end, sentence.text[at : match.end()], quantity, "share"))
    return found


def _measurements(sentence: Sentence) -> list[QuantityMention]:
    """Measurements ("8 km from the base", "a 9-kilometre tailback") with their unit."""
    found: list[QuantityMention] = []
    for match in MEASURE_RE.finditer(sentence.text):
        value = measure_value(match.group("num"))
        if value is None or value == 0:
            continue
        unit = re.sub(r"\s+", " ", match.group("unit").lower())
        approx, lead = approx_before(sentence.text, match.start())
        at = lead if approx and lead is not None else match.start()
        start, end = sentence.start + at, sentence.start + match.end()
        quantity = Quantity(value=value, unit=unit, approx=approx)
        found.append(QuantityMention(start, end, sentence.text[at : match.end()], quantity, unit))
    return found


def _linked(sentence: Sentence, end: int, start: int) -> bool:
    """Whether only a linker (and a hedge) stands between an elliptic number and the next one."""
    between = sentence.text[end - sentence.start : start - sentence.start].lower().split()
    return bool(between) and between[0] in _LINKERS and all(w in _HEDGE_WORDS for w in between[1:])


def _covered(position: int, mentions: list[QuantityMention]) -> bool:
    return any(m.start <= position < m.end for m in mentions)


def _excluded(
    sentence: Sentence, start: int, end: int, parsed: ParsedNumber, found: list[QuantityMention]
) -> bool:
    """Whether the number at ``sentence.text[start:end]`` is not a count at all."""
    text = sentence.text
    before, after = text[max(0, start - 40) : start], text[end : end + 40]
    if _AGE_AFTER.search(after) or _AGE_BEFORE.search(before) or _ID_BEFORE.search(before):
        return True
    if _RU_CLOCK_AFTER.match(after):
        return True  # «около 9 утра», «до 11.30 мск», «в половине седьмого утра»: a time of day
    if parsed.kind == "plain" and (_MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after)):
        return True  # a day of the month
    if parsed.year_like and (_YEAR_PREPOSITION.search(before) or _RU_YEAR_AFTER.match(after)):
        return True  # "in 2022 reservists were ...", «в сентябре 2022 года», «1989 г. р.»
    if (
        parsed.kind == "plain"
        and _in_entity(sentence, sentence.start + start, {"TIME"})
        and not _CLOCK_DURATION.match(after)  # "within 20 minutes" is how long, not what time
    ):
        return True
    return _inside_conversion(sentence, start, found)


def _in_entity(sentence: Sentence, position: int, labels: set[str]) -> bool:
    return any(e.start <= position < e.end and e.label in labels for e in sentence.entities)


# What may stand between a conversion's bracket and its number: a currency, a hedge.
_CONVERSION_LEAD = re.compile(
    r"\s*(?:(?:[~≈$€£₽]|about|approx\.?|around|около|примерно|usd|us\$|eur|rub)\s*)*", re.I
)


def _inside_conversion(sentence: Sentence, start: int, found: list[QuantityMention]) -> bool:
    """A number in brackets opened right after an earlier quantity restates that quantity."""
    text = sentence.text
    lo = max(0, start - _WINDOW)
    opening = max(text.rfind("(", lo, start), text.rfind("[", lo, start))
    if opening < 0 or max(text.rfind(")", opening, start), text.rfind("]", opening, start)) >= 0:
        return False
    if not _CONVERSION_LEAD.fullmatch(text[opening + 1 : start]):
        return False  # "(they said 300,000 ...)": words of their own, another figure
    before_end = opening  # where the text before the bracket ends, spaces left out
    while before_end > 0 and text[before_end - 1].isspace():
        before_end -= 1
    return any(m.end - sentence.start == before_end for m in found)


def _build(sentence: Sentence, start: int, end: int, parsed: ParsedNumber) -> QuantityMention | None:
    """A mention for the number at document offsets ``start:end``, or None if not a count."""
    approx, approx_start = approx_before(sentence.text, start - sentence.start)
    rest = sentence.text[end - sentence.start : end - sentence.start + _WINDOW]
    approx = approx or parsed.approx or _OPEN_BOUND.match(rest) is not None
    if parsed.value == 1 and parsed.kind == "plain" and not _one_is_counted(sentence, start):
        return None
    _noun_start, noun_end, noun = _counted_noun(sentence, end, parsed)
    counted, unit = _unit(parsed, noun)
    if not counted and not _term(sentence, noun, start, noun_end):
        return None
    if parsed.kind == "plain" and noun is None and not parsed.large:
        return None
    if parsed.year_like and noun is None:
        return None
    span_start = sentence.start + approx_start if approx_start is not None else start
    span_end = max(end, noun_end)
    quantity = Quantity(parsed.value, unit, approx, parsed.value_max)
    text = _slice(sentence, span_start, span_end)
    return QuantityMention(span_start, span_end, text, quantity, noun, vague=parsed.kind == "vague")


_RU_CLOCK_AFTER = re.compile(
    r"^\s*(?:[а-яё]+(?:ого|его)\s+)?(?:час\w*\s+)?"
    r"(?:утра|вечера|ночи|дня\b(?!\s+назад)|по (?:местному|московскому|киевскому) времени|мск\b)",
    re.I,
)
# an age in Russian: "в 58 лет", "ему было 30 лет", "X, 23 года,", "20 и 22 лет"
_AGE_LEAD = re.compile(
    r"(?:(?<!\w)(?:в возрасте|в|было|исполнилось|исполнится)(?!\w)\s*(?:\w+\s+(?:и|или)\s+)?[\w\-]*"
    r"|,\s*(?:\w+\s+(?:и|или)\s+)?)\s*$",
    re.I,
)
_NOT_TERM_AFTER = re.compile(
    r"^\s*(?:ago|later|earlier|old|назад|спустя|позже|раньше|от роду)\b|^[-‑ ]old\b", re.I
)
_APPROX_LEAD = re.compile(
    r"(?:more than|over|at least|nearly|almost|about|around|up to|less than|"
    r"свыше|более|около|почти|до|не менее)\s*$",
    re.I,
)
_NOT_TERM_BEFORE = re.compile(
    r"\b(?:in|(?:with)?in the (?:past|last|next|first)|over the (?:past|last|next)|for the first|every|each|"
    r"since|until|by)\s*$|(?<!\w)(?:за последние|в течение|каждые)\s*$",
    re.I,
)


def _term(sentence: Sentence, noun: str | None, number_start: int, noun_end: int) -> bool:
    """A duration stated as a fact ("sentenced to eight years", "ten days' leave", "the training
    lasted two weeks"), not a time offset ("two weeks later", "within three days", "in the past
    month") and not an age. Offsets index the document text."""
    if noun is None:
        return False
    head = noun.split()[-1].lower().strip("'’")
    if head not in DURATION_NOUNS and head not in RU_DURATION_NOUNS:
        return False
    after = sentence.text[noun_end - sentence.start :]
    before = sentence.text[: number_start - sentence.start]
    approx = _APPROX_LEAD.search(before)
    if approx:  # "more than two years": the hedge is part of the number
        before = before[: approx.start()]
    if _NOT_TERM_AFTER.match(after) or _NOT_TERM_BEFORE.search(before):
        return False
    if _AGE_LEAD.search(before[-40:]):  # «в 58 лет», «ему было 30 лет», ", 20 и 22 лет,": an age
        return False
    return not _dative_before(sentence, number_start, after)  # «Женщине 43 года», «которым 8 лет»


_RU_AGE_LINK = frozenset(
    {"был", "была", "было", "будет", "исполнилось", "исполнится", "и", "или", "уже", "всего"}
)


_RU_TERM_AFTER = re.compile(
    r"^\s*(?:колони\w*|лишени\w*|тюрьм\w*|заключени\w*|строгого|общего|особого|условно|"
    r"исправительн\w*|принудительн\w*|ограничени\w*)",
    re.I,
)


def _dative_before(sentence: Sentence, number_start: int, after: str = "") -> bool:
    """Is the word before a Russian number of years in the dative (who is that old), and no
    sentence follows («назначил мужчине 3 года колонии» is a term)?"""
    if _RU_TERM_AFTER.match(after):
        return False
    before = [t for t in sentence.tokens if t.end <= number_start and t.pos != "PUNCT"]
    while before and (before[-1].text.lower() in _RU_AGE_LINK or before[-1].pos == "NUM"):
        before.pop()
    return bool(before) and is_dative(before[-1].text)


def _one_is_counted(sentence: Sentence, start: int) -> bool:
    """ "one" counts only after a limiter ("only one", "at least one", "more than one")."""
    at = start - sentence.start
    before = sentence.text[max(0, at - _WINDOW) : at].rstrip().lower()
    return before.endswith(
        (
            "only",
            "just",
            "at least",
            "more than",
            "than",
            "single",
            "только",
            "лишь",
            "всего",
            "хотя бы",
            "минимум",
        )
    )


def _unit(parsed: ParsedNumber, noun: str | None) -> tuple[bool, str | None]:
    """(is it a count?, unit): not a count when the noun is a duration or a measure."""
    if parsed.currency:
        return True, parsed.currency
    if parsed.kind == "percent":
        return True, "percent"
    if parsed.kind == "share":
        return True, "share"
    if noun is None:
        return True, None
    head = noun.split()[-1].lower()
    return head not in NON_COUNT_NOUNS and head not in RU_NON_COUNT, noun


def _slice(sentence: Sentence, start: int, end: int) -> str:
    return sentence.text[start - sentence.start : end - sentence.start]


def _tokens_after(sentence: Sentence, position: int) -> Iterator[Token]:
    """The tokens from ``position`` on, lazily (callers read a few, not the rest of the sentence)."""
    tokens = sentence.tokens
    first = bisect.bisect_left(tokens, position, key=lambda t: t.start)
    return (tokens[i] for i in range(first, len(tokens)))


def _counted_noun(sentence: Sentence, end: int, parsed: ParsedNumber) -> tuple[int, int, str | None]:
    """(start, end, text) of the noun phrase the number counts, (end, end, None) if none."""
    rest = sentence.text[end - sentence.start : end - sentence.start + _WINDOW]
    bound = _OPEN_BOUND.match(rest)
    if bound:
        end, rest = end + bound.end(), rest[bound.end() :]
    of = _OF.match(rest)
    if parsed.needs_of and of is None:
        return end, end, None
    position = end + (of.end() if of else 0)
    tokens = _tokens_after(sentence, position)
    if sentence.tokens and not sentence.tokens[0].tag:  # Russian: no fine-grained tags
        return _russian_noun(tokens, end)
    chain: list[Token] = []
    for token in tokens:
        if not chain and token.text.lower() in _SKIP_IN_NP and of is not None:
            continue
        if _in_np(token, chain) and len(chain) < _MAX_NP_TOKENS:
            chain.append(token)
            if token.text.lower() in DURATION_NOUNS:
                break  # "ten days investigators have ...": a duration ends its phrase
            continue
        break
    while chain and chain[-1].pos not in _NOUNISH:
        chain.pop()
    if not chain or not _plural_enough(chain[-1], parsed):
        return end, end, None
    words = [t for t in chain if t.pos != "ADV"]
    if chain[-1].pos == "NOUN":
        # "the Moscow mayor's office officials" counts "office officials".
        names = [i for i, t in enumerate(words) if t.pos == "PROPN" or t.tag == "POS"]
        words = words[names[-1] + 1 :] if names else words
    return chain[0].start, chain[-1].end, " ".join(t.text for t in words)


def _in_np(token: Token, chain: list[Token]) -> bool:
    """Whether ``token`` can continue the noun phrase after a number."""
    if token.pos == "NUM" or (token.ent == "DATE" and token.pos == "PROPN"):
        return False
    if token.ent == "TIME" and token.text.lower() not in DURATION_NOUNS:
        return False  # "5 pm", but "20 minutes" is a duration the tagger also calls TIME
    # Right after a number the tagger often reads a participle as a past-tense verb
    # ("7 mobilized men"); the noun check below drops it when no noun follows.
    if (
        token.pos in _MODIFIER_POS
        or token.tag in {"VBN", "VBG", "POS", "HYPH"}
        or (token.tag == "VBD" and not chain)
    ):
        return not (token.pos == "PROPN" and chain and chain[-1].pos == "NOUN")
    # "newly mobilized troops": an adverb in -ly may lead into a participle or adjective.
    return token.pos == "ADV" and token.text.lower().endswith("ly")


def _plural_enough(head: Token, parsed: ParsedNumber) -> bool:
    """A count above one names its noun in the plural ("183 men", not "2022 mobilization")."""
    if parsed.currency or parsed.kind in {"percent", "share"} or parsed.value <= 1:
        return True
    if head.tag in {"NNS", "NNPS"} or head.lemma.lower() != head.text.lower():
        return True
    word = head.text.lower()
    return word.endswith("s") and not word.endswith("ss")


def _russian_noun(tokens: Iterator[Token], end: int) -> tuple[int, int, str | None]:
    """The word a Russian number counts: the next lower-case word if it is a noun, an adjective or
    a participle (pymorphy's part of speech; "20 и 22" counts nothing)."""
    first = next(tokens, None)
    if first is not None and first.text in _OPENING_QUOTES and first.start - end <= 1:
        quoted = next(tokens, None)  # 32 «Шахеда»: a name in quotes is what is counted
        if quoted is not None and re.fullmatch(r"[А-ЯЁа-яё]+", quoted.text) and quoted.start == first.end:
            return quoted.start, quoted.end, quoted.text
        return end, end, None
    if first is not None and re.fullmatch(r"[а-яё]+", first.text) and first.start - end <= 1:
        if (first.pos and first.pos not in {"NOUN", "ADJ", "VERB", "X"}) or is_finite_singular(first.text):
            return end, end, None
        return first.start, first.end, first.text
    return end, end, None


def _elliptic(sentence: Sentence, start: int, end: int, parsed: ParsedNumber) -> QuantityMention | None:
    """ "30 criminal and ...": a number whose modifier is followed by a linker and a number."""
    tokens = _tokens_after(sentence, end)
    modifiers: list[Token] = []
    for token in tokens:
        if token.text.lower() in _LINKERS:
            break
        if token.pos not in {"ADJ", "NOUN", "PROPN"} and token.tag not in {"VBN", "HYPH"}:
            return None
        modifiers.append(token)
        if len(modifiers) > 3:
            return None
    else:
        return None
    if not modifiers or len(modifiers) > 3:
        return None
    approx, approx_start = approx_before(sentence.text, start - sentence.start)
    span_start = sentence.start + approx_start if approx_start is not None else start
    text = " ".join(t.text for t in modifiers)
    quantity = Quantity(parsed.value, None, approx or parsed.approx, parsed.value_max)
    return QuantityMention(
        span_start, modifiers[-1].end, _slice(sentence, span_start, modifiers[-1].end), quantity, text
    )


def _resolve_pending(
    pending: list[tuple[QuantityMention, bool]], mention: QuantityMention
) -> list[QuantityMention]:
    """Give elliptic numbers the head noun of the quantity that completes them."""
    if mention.noun is None or not pending:
        return []
    head = mention.noun.split()[-1]
    resolved = []
    for partial, approx in pending:
        noun = f"{partial.noun} {head}"
        unit = mention.quantity.unit if mention.quantity.unit != mention.noun else noun
        quantity = Quantity(partial.quantity.value, unit, approx, partial.quantity.value_max)
        resolved.append(QuantityMention(partial.start, partial.end, partial.text, quantity, noun))
    return resolved
