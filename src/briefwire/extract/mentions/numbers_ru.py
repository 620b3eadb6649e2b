"""Russian numbers written in words, in any case: «более трёхсот жителей», «два десятка»,
«восемьдесят две тысячи мобилизованных», «трое военнослужащих».

Russian numerals inflect for case (двести, двухсот, двумстам ...), so they are read from the
tokens' dictionary forms (pymorphy3 lemmas, which the Russian backend gives): a run of numeral
lemmas is summed and multiplied by its scale words (тысяча, миллион, десяток). Collective
numerals (двое, трое, пятеро) count people. Plural scale words on their own («десятки»,
«сотни», «тысячи людей») are vague: a mention without a value.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefwire.nlp import Sentence, Token

__all__ = ["WordNumber", "word_numbers"]

_UNITS = {
    "ноль": 0, "один": 1, "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7,
    "восемь": 8, "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13,
    "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17, "восемнадцать": 18,
    "девятнадцать": 19, "двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50,
    "шестьдесят": 60, "семьдесят": 70, "восемьдесят": 80, "девяносто": 90, "сто": 100,
    "двести": 200, "триста": 300, "четыреста": 400, "пятьсот": 500, "шестьсот": 600,
    "семьсот": 700, "восемьсот": 800, "девятьсот": 900, "полтора": 1.5, "полторы": 1.5,
    "двое": 2, "трое": 3, "четверо": 4, "пятеро": 5, "шестеро": 6, "семеро": 7, "восьмеро": 8,
    "девятеро": 9, "десятеро": 10, "оба": 2, "обе": 2,
}  # fmt: skip
_SCALES = {
    "полсотни": 50,
    "полсотня": 50,
    "тысяча": 1_000,
    "миллион": 1_000_000,
    "миллиард": 1_000_000_000,
    "десяток": 10,
    "сотня": 100,
}
_SHARES = {"половина": 0.5, "треть": 0.33, "четверть": 0.25, "вдвое": 2, "втрое": 3, "вчетверо": 4}
_VAGUE_PLURALS = {"десяток", "сотня", "тысяча", "миллион"}
_HEDGES = {
    "свыше", "более", "около", "почти", "примерно", "порядка", "больше", "менее", "меньше",
    "минимум", "максимум", "приблизительно", "до", "не менее", "не более", "как минимум",
}  # fmt: skip


@dataclass(frozen=True)
class WordNumber:
    """A number written in words; ``value`` None for a vague amount ("десятки")."""

    start: int
    end: int
    value: float | None
    approx: bool
    tokens: tuple[int, int]  # indices of its first and last token in the sentence


def word_numbers(sentence: Sentence) -> list[WordNumber]:
    """Numbers in words in a Russian sentence, in text order."""
    tokens = sentence.tokens
    out: list[WordNumber] = []
    i = 0
    while i < len(tokens):
        j, value, vague = _run(tokens, i)
        if j > i:
            approx = vague or _hedged(tokens, i)
            out.append(
                WordNumber(tokens[i].start, tokens[j - 1].end, None if vague else value, approx, (i, j - 1))
            )
            i = j
        else:
            i += 1
    return out


# pymorphy's most likely parse of «десятки» is «десятка» (the playing card), not «десяток»
_LEMMA_FIX = {"десятка": "десяток"}


def _lemma(token: Token) -> str:
    lemma = token.lemma.lower().replace("ё", "е")
    return _LEMMA_FIX.get(lemma, lemma)


def _run(tokens: tuple[Token, ...], i: int) -> tuple[int, float, bool]:
    """(end index, value, vague?) of a numeral run starting at token ``i`` (end == i: none)."""
    total, group, j = 0.0, 0.0, i
    seen_number = False
    if i > 0 and _lemma(tokens[i - 1]) in {"несколько", "много", "немало", "множество"}:
        return (i + 1, 0.0, True) if _lemma(tokens[i]) in _SCALES else (i, 0.0, False)
    while j < len(tokens):
        lemma, low = _lemma(tokens[j]), tokens[j].text.lower()
        if lemma in _UNITS and tokens[j].text.isalpha():
            group += _UNITS[lemma]
            seen_number = True
        elif lemma in _SCALES and (seen_number or j == i):
            plural = low != lemma and not seen_number and _plural(low)
            if plural and lemma in _VAGUE_PLURALS:
                k = j + 1  # "десятки тысяч": the scale after a vague plural is part of it
                while k < len(tokens) and _lemma(tokens[k]) in _SCALES:
                    k += 1
                return k, 0.0, True  # "десятки", "сотни", "тысячи людей"
            total += (group or 1) * _SCALES[lemma]
            group, seen_number = 0.0, True
        elif lemma in _SHARES and j == i:
            return j + 1, _SHARES[lemma], False
        else:
            break
        j += 1
    return (j, total + group, False) if seen_number else (i, 0.0, False)


def _plural(word: str) -> bool:
    return word.endswith(("и", "ы", "ов", "ей", "ями", "ям", "ах", "ях", "ен", "ок"))


def _hedged(tokens: tuple[Token, ...], i: int) -> bool:
    before = " ".join(t.text.lower() for t in tokens[max(0, i - 2) : i])
    return any(before.endswith(h) for h in _HEDGES)
