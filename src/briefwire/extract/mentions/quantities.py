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

from briefwire.extract.mentions.quantity_patterns import (
    NON_COUNT_NOUNS,
    NUMBER_RE,
    RANGE_RE,
    RU_NON_COUNT,
    ParsedNumber,
    approx_before,
    parse_number,
    parse_range,
)
from briefwire.models import Quantity
from briefwire.nlp import Sentence, Token

__all__ = ["QuantityMention", "find_quantities"]


@dataclass(frozen=True)
class QuantityMention:
    """A quantity and where it was said; offsets index the document text."""

    start: int
    end: int
    text: str
    quantity: Quantity
    noun: str | None


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
_YEAR_PREPOSITION = re.compile(r"\b(?:in|since|by|until|till|from|during|of|before|after|в|с|до)\s*$", re.I)
_MONTH_AFTER = re.compile(
    rf"^(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_NAMES}\b"
)  # Russian month names after a number are caught as non-count nouns (RU_NON_COUNT)
_OF = re.compile(r"^\s*of\s+", re.I)
# "four or more children", "10 or fewer people": an open bound between number and noun.
_OPEN_BOUND = re.compile(r"^\s*(?:or|and)\s+(?:more|fewer|less|over|above|under)\b", re.I)
_LINKERS = {"and", "or", "и", "или"}
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
    mentions: list[QuantityMention] = []
    pending: list[tuple[QuantityMention, bool]] = []  # (mention without noun, approx from before)
    ranges = _ranges(sentence)
    mentions.extend(ranges)
    for match in NUMBER_RE.finditer(sentence.text):
        parsed = parse_number(match)
        if parsed is None or _covered(sentence.start + match.start(), ranges):
            continue
        start, end = sentence.start + match.start(), sentence.start + match.end()
        if _excluded(sentence, match.start(), match.end(), parsed, mentions):
            continue
        if pending and not _linked(sentence, pending[-1][0].end, start):
            pending = []
        mention = _build(sentence, start, end, parsed)
        if mention is None:
            elliptic = _elliptic(sentence, start, end, parsed)
            if elliptic is not None:
                pending.append((elliptic, elliptic.quantity.approx))
            continue
        resolved = _resolve_pending(pending, mention)
        if any(m.quantity.approx for m in resolved) and not mention.quantity.approx:
            # "at least 30 criminal and 100 misdemeanor cases": the hedge covers both.
            mention = replace(mention, quantity=replace(mention.quantity, approx=True))
        mentions.extend(resolved)
        pending = []
        mentions.append(mention)
    return sorted(mentions, key=lambda m: m.start)


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
    if parsed.kind == "plain" and (_MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after)):
        return True  # a day of the month
    if parsed.year_like and _YEAR_PREPOSITION.search(before):
        return True  # "in 2022 reservists were ..."
    if parsed.kind == "plain" and _in_entity(sentence, sentence.start + start, {"TIME"}):
        return True
    return _inside_conversion(sentence, start, found)


def _in_entity(sentence: Sentence, position: int, labels: set[str]) -> bool:
    return any(e.start <= position < e.end and e.label in labels for e in sentence.entities)


def _inside_conversion(sentence: Sentence, start: int, found: list[QuantityMention]) -> bool:
    """A number in brackets opened right after an earlier quantity restates that quantity."""
    text = sentence.text
    lo = max(0, start - _WINDOW)
    opening = max(text.rfind("(", lo, start), text.rfind("[", lo, start))
    if opening < 0 or max(text.rfind(")", opening, start), text.rfind("]", opening, start)) >= 0:
        return False
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
    if not counted:
        return None
    if parsed.kind == "plain" and noun is None and not parsed.large:
        return None
    if parsed.year_like and noun is None:
        return None
    span_start = sentence.start + approx_start if approx_start is not None else start
    span_end = max(end, noun_end)
    quantity = Quantity(parsed.value, unit, approx, parsed.value_max)
    return QuantityMention(span_start, span_end, _slice(sentence, span_start, span_end), quantity, noun)


def _one_is_counted(sentence: Sentence, start: int) -> bool:
    """ "one" counts only after a limiter ("only one", "at least one", "more than one")."""
    at = start - sentence.start
    before = sentence.text[max(0, at - _WINDOW) : at].rstrip().lower()
    return before.endswith(("only", "just", "at least", "more than", "than", "single"))


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
    if sentence.tokens and not sentence.tokens[0].pos:
        return _russian_noun(tokens, end)
    chain: list[Token] = []
    for token in tokens:
        if not chain and token.text.lower() in _SKIP_IN_NP and of is not None:
            continue
        if _in_np(token, chain) and len(chain) < _MAX_NP_TOKENS:
            chain.append(token)
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
    if token.ent == "TIME" or token.pos == "NUM" or (token.ent == "DATE" and token.pos == "PROPN"):
        return False
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
    """Russian has no tagger here: the next lower-case Cyrillic word is the counted noun."""
    first = next(tokens, None)
    if first is not None and re.fullmatch(r"[а-яё]+", first.text) and first.start - end <= 1:
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
