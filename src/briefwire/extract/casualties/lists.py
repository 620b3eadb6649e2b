"""Named dead as digests list them: one death cue, then the names.

"The dead include A, 34, from X; Sergeant B of Y; and C", "New names of the dead: A; B; C",
"Those killed this week: ...", «Среди погибших — A, B и C», «Стало известно о гибели A и B»,
and a list whose cue stands in the sentence before ("New names of the dead have been
published. They include ..."). Each item of the list is one person; the item's own words
(age, home town, rank, status) are that person's clause, so their fields stay apart. The cue
words are profile data (``list_cues`` in ``casualties.json`` and ``casualties_ru.json``).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from briefwire.extract.casualties.cues import Found, strip_rank
from briefwire.extract.casualties.names_ru import nominative
from briefwire.extract.mentions.places import lookup
from briefwire.nlp import Sentence, Span

__all__ = ["heads_dead_section", "heads_list", "item_dead", "listed_dead", "section_dead"]

# how far into an item its name may start (ranks, "and", status words before it)
_NAME_WITHIN = 48
# an item that says its person survived is no death ("his brother B was wounded")
_SURVIVED = re.compile(
    r"\b(?:wounded|injured|hurt|survived|missing|captured|taken prisoner|in hospital)\b|"
    r"(?<!\w)(?:ранен\w*|пострадал\w*|выжил\w*|пропал\w*|в плену|госпитал\w*)",
    re.I,
)
_DEATH = re.compile(
    r"\b(?:dead|deaths?|killed|killing|died|fallen|perished|funerals?|buried|memorial)\b"
    r"|(?<!\w)(?:погиб\w*|гибел\w*|убит\w*|похорон\w*|памят\w*)",
    re.I,
)
_ITEM_SPLIT = re.compile(r";|,?\s+(?:and|и|а также)\s+|,\s+(?=[A-ZА-ЯЁ][a-zа-яё]+\s+[A-ZА-ЯЁ])")


@lru_cache(maxsize=2)
def _cues(language: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(a cue that opens a list in its own sentence, a lead that continues one from the sentence
    before, a back-reference to the dead of the sentence before anywhere in the sentence)."""
    name = "casualties.json" if language == "en" else "casualties_ru.json"
    path = resources.files("briefwire.profiles").joinpath("mobilization", name)
    data = json.loads(path.read_text(encoding="utf-8"))
    opens = "|".join(data["list_cues"])
    goes_on = "|".join(data["list_continuations"])
    back = "|".join(data["back_references"])
    return re.compile(rf"(?:{opens})", re.I), re.compile(rf"^\W*(?:{goes_on})", re.I), re.compile(back, re.I)


@lru_cache(maxsize=2)
def _headers(language: str) -> re.Pattern[str]:
    name = "casualties.json" if language == "en" else "casualties_ru.json"
    path = resources.files("briefwire.profiles").joinpath("mobilization", name)
    words = "|".join(json.loads(path.read_text(encoding="utf-8"))["list_headers"])
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.I)


def heads_list(text: str, language: str) -> bool:
    """A line that opens a list of the dead one item per line ("Confirmed losses, week 6:")."""
    line = text.strip()
    return line.endswith(":") and len(line.split()) <= 16 and _headers(language).search(line) is not None


def heads_dead_section(text: str, language: str) -> bool:
    """A section heading that names the dead or mourns them ("The fallen", "Eternal memory"), and
    names no wounded, missing or captured: every sentence under it tells of one dead person."""
    line = text.strip()
    return _headers(language).search(line) is not None and _SURVIVED.search(line) is None


def section_dead(sentence: Sentence, people: list[Span], language: str) -> list[Found]:
    """The person a sentence under a heading of the dead opens with ("Town: A, 33, mobilized"):
    the name stands near the start with no verb before it, so the sentence is that person's item
    and not a story naming someone else (a claimant, a relative)."""
    name = next((p for p in people if p.start - sentence.start < _NAME_WITHIN), None)
    if name is None or any(t.pos in {"VERB", "AUX"} for t in sentence.tokens if t.start < name.start):
        return []
    if sentence.text[name.end - sentence.start : name.end - sentence.start + 2] in {"'s", "’s"}:
        return []  # "A's widow ...": the item is about someone else
    return item_dead(sentence, [name], language)


def item_dead(sentence: Sentence, people: list[Span], language: str) -> list[Found]:
    """The person an item of such a list names: the name at its head, unless the item says the
    person survived."""
    near = [p for p in people if p.start - sentence.start < _NAME_WITHIN]
    # a full name over a lone word the NER took for one ("Town — Given Surname, 24")
    name = next((p for p in near if len(p.text.split()) > 1), near[0] if near else None)
    if name is None or _SURVIVED.search(sentence.text):
        return []
    text = nominative(name.text) if language == "ru" else strip_rank(name.text)
    window = (sentence.start, sentence.end)
    return [Found(text, sentence, sentence.text, [], "", window, name.start, language=language)]


def listed_dead(
    sentence: Sentence, previous: Sentence | None, people: list[Span], language: str
) -> list[Found]:
    """The people a list sentence names as dead (empty when it is no such list).

    ``people`` are the name spans of the sentence (see ``finder.person_spans``); ``previous``
    is the sentence before it in the same paragraph, where a list's cue may stand.
    """
    start = _list_start(sentence, previous, people, language)
    if start is None:
        return []
    base = sentence.start
    out: list[Found] = []
    items = _items(sentence.text, start)
    for k, (lo, hi) in enumerate(items):
        name = next(
            (p for p in people if lo <= p.start - base < lo + _NAME_WITHIN and p.end - base <= hi), None
        ) or _item_head(sentence, lo, hi)
        if name is None:
            continue
        text = nominative(name.text) if language == "ru" else strip_rank(name.text)
        clause = sentence.text[lo:hi]
        if _SURVIVED.search(clause):
            continue
        window = (base + lo, base + hi)
        words = (base, base + start)  # the words before the first item, the cue's among them
        found = Found(text, sentence, clause, [], "", window, name.start, language=language, lead=words)
        found.group = (base + lo, base + _group_end(sentence.text, items, k))
        out.append(found)
    return out


def _list_start(
    sentence: Sentence, previous: Sentence | None, people: list[Span], language: str
) -> int | None:
    """Where the items of a list of the dead start in ``sentence``, or None when it is no list.

    A cue of the sentence's own opens one; so does a lead that continues the sentence before
    ("They include", a back-reference), or a list-shaped sentence (a short lead that ends in a
    colon or a copula, then names) after a sentence that tells deaths."""
    opens, goes_on, back = _cues(language)
    cue = opens.search(sentence.text)
    if cue is not None:
        return cue.end()
    told_before = previous is not None and bool(opens.search(previous.text) or _DEATH.search(previous.text))
    if not told_before:
        return None
    lead = goes_on.match(sentence.text) or back.search(sentence.text)
    if lead is not None:
        return lead.end()
    return _shaped_lead(sentence, people)


# A list's lead of its own wording ("Those named are", "The newest additions:", «Вот они:»): short,
# ending in a colon or dash, or in a copula or "include" right before the first name.
_LEAD_END = re.compile(
    r"(?:[:—–]|\b(?:are|were|is|was|include[sd]?|named|identified as)|(?<!\w)(?:это|—))\s*$", re.I
)
_LEAD_WORDS = 8


def _shaped_lead(sentence: Sentence, people: list[Span]) -> int | None:
    if not people:
        return None
    at = people[0].start - sentence.start
    lead = sentence.text[:at]
    colon = lead.rstrip().endswith((":", "—", "–"))
    if len(lead.split()) > _LEAD_WORDS or not _LEAD_END.search(lead) or (len(people) < 2 and not colon):
        return None
    return at


# The head of an item the NER missed or took for an organisation ("Saryg Kuular, a contract
# soldier"): two or three capitalised words at the item's start, after an optional rank.
_HEAD = re.compile(
    r"^\s*(?:(?:and|и)\s+)?(?:[a-zа-яё]+\s+){0,2}?"
    r"([A-ZА-ЯЁ][\w'’-]+(?:\s+[A-ZА-ЯЁ][\w'’-]+){1,2})"
    r"(?=\s*(?:[,;(]|$|\s(?:from|of|из)\b))"
)


def _item_head(sentence: Sentence, lo: int, hi: int) -> Span | None:
    m = _HEAD.match(sentence.text[lo:hi])
    if m is None:
        return None
    words = m.group(1).split()
    if any(lookup(w) is not None for w in words) or lookup(m.group(1)) is not None:
        return None
    start = sentence.start + lo + m.start(1)
    return Span(start, start + len(m.group(1)), m.group(1), "PERSON")


def _group_end(text: str, items: list[tuple[int, int]], k: int) -> int:
    """The end of the run of items joined by "and" or commas that item ``k`` belongs to ("A, 38,
    and B, 27, both from X"): a semicolon ends it. A home told at its end is every item's."""
    end = items[k][1]
    for lo, hi in items[k + 1 :]:
        if ";" in text[end:lo]:
            break
        end = hi
    return end


def _items(text: str, start: int) -> list[tuple[int, int]]:
    """(start, end) of each item of the list that runs from ``start`` to the end of the sentence."""
    bounds = [start]
    bounds += [m.end() for m in _ITEM_SPLIT.finditer(text, start)]
    ends = [m.start() for m in _ITEM_SPLIT.finditer(text, start)] + [len(text)]
    return [(a, b) for a, b in zip(bounds, ends, strict=False) if b > a]
