"""Cue words and shared pieces of the named-casualty rules (word lists live in the profile's
``casualties.json``)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from briefwire.extract.typing.lexicon import compile_pattern
from briefwire.nlp import Sentence

NOMINAL_DEATH = re.compile(
    r"\b(?:(?:death|killing|funeral|burial|body|murder|loss) of (?:the )?|among the (?:dead|killed|fallen)|"
    r"the (?:dead|killed|fallen) (?:are|were|include[sd]?)|(?:killed|dead) (?:are|were|include[sd]?))"
    r"[^.;]{0,50}$",
    re.I,
)
VERBAL_DEATH = re.compile(
    r"\b(?:killed|died|perished|fell|lost (?:his|her|their) li(?:fe|ves)|confirmed dead|dead)\b", re.I
)
PLACE_LEAD = re.compile(
    r"\b(?:from|in|near|at|outside|(?:town|village|city|settlement|hamlet|township) of|resident of|native of)"
    r"\s+(?:the\s+)?$"
)


@dataclass(frozen=True)
class Lexicon:
    death: re.Pattern[str]
    not_death: re.Pattern[str]
    soldier: re.Pattern[str]
    status: tuple[tuple[str, re.Pattern[str]], ...]
    ranks: tuple[str, ...]
    officer: frozenset[str]
    home_cue: re.Pattern[str]
    death_place_cue: re.Pattern[str]
    surname: re.Pattern[str]
    titles: frozenset[str]
    patronymic: re.Pattern[str]


def _any(items: list[str]) -> re.Pattern[str]:
    return compile_pattern("|".join(f"(?:{i})" for i in items))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    path = resources.files("briefwire.profiles").joinpath("mobilization", "casualties.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    return Lexicon(
        death=_any(data["death"]),
        not_death=_any(data["not_death"]),
        soldier=_any(data["soldier"]),
        status=tuple((k, _any(v)) for k, v in data["status"].items()),
        ranks=tuple(sorted(data["ranks"], key=len, reverse=True)),
        officer=frozenset(data["officer_ranks"]),
        home_cue=re.compile(rf"(?:{'|'.join(data['home_cues'])})\s+(?:the\s+)?$", re.I),
        death_place_cue=re.compile(
            rf"\b(?:{'|'.join(data['death_place_cues'])})\s+(?:an?\s+|the\s+)?$", re.I
        ),
        titles=frozenset(data["titles"]),
        surname=re.compile(rf"(?:{'|'.join(data['surname_endings'])})$"),
        patronymic=re.compile(rf"\w\w(?:{'|'.join(data['patronymic_endings'])})$"),
    )


@dataclass
class Found:
    """A casualty being assembled from one or more mentions of the same person."""

    name: str
    sentence: Sentence
    clause: str
    extra: list[Sentence] = field(default_factory=list)
    paragraph_text: str = ""
    window: tuple[int, int] = (0, 0)  # document offsets: previous name's end .. next name's start
    name_start: int = 0
    language: str = "en"  # "ru" mentions are built by casualties.fields_ru
    lead: tuple[int, int] = (0, 0)  # document offsets of a list's lead, which speaks for every item
    group: tuple[int, int] = (0, 0)  # a list item's run of items sharing a home ("A and B, both from X")


def strip_rank(name: str) -> str:
    """The name without ranks or titles written before it ("Sergeant Yuri Samsonov" -> "Yuri
    Samsonov"): the rank is a field of its own, and a name compares by its own words."""
    words = name.split()
    while len(words) > 1 and is_rank_word(words[0]):
        words.pop(0)
    return " ".join(words)


def rank_before(before: str) -> str | None:
    low = before.rstrip().lower()
    for rank in lexicon().ranks:
        if low.endswith(rank) and (len(low) == len(rank) or not low[-len(rank) - 1].isalpha()):
            return before.rstrip()[-len(rank) :].title()
    return None


def is_rank_word(word: str) -> bool:
    w = word.lower()
    lex = lexicon()
    return (
        any(w in rank.split() for rank in lex.ranks)
        or w in lex.titles
        or w in {"the", "a", "an", "on", "in", "rip"}  # "RIP Denis Sokolov": a mourning word, no name
    )
