"""Happenings, not sentences: the sentences of a document about one happening form one event.

Real reports restate a happening and add facets: the attack, then "Police seized the attacker as
he tried to leave", then "He is charged with attempted murder". Read one by one, each would be
a claim of its own with no place or name. Here a typed sentence opens a happening unless it
continues the one before it, and an untyped sentence that adds a number or an anaphoric detail
is evidence of the happening it follows. A happening has a main type (see ``Builder._main_type``),
facets (the other types its sentences state), every quantity, the story's place,
people and date (inherited from the running context when a sentence does not repeat them),
and its evidence spans.

A sentence continues the open happening when it stays in the same section, within one
paragraph of it, names no other place or person than the story's, and either refers back
("he", "the suspect", "police then ...") or states a type the happening can have as a facet
(``profiles/mobilization/facets.json``). Anything else opens a new happening.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from briefwire.extract.casualties.finder import same_person
from briefwire.extract.mentions.places import PlaceHit
from briefwire.models import Actor, DateValue, Location, Quantity
from briefwire.nlp import Sentence

__all__ = ["Builder", "Entry", "Open", "facets_of", "refers_back"]

_BACK_EN = re.compile(
    r"^\W*(?:he|she|they|his|her|their|it|its|this|that|these|those|there|then|later|afterwards|"
    r"subsequently|meanwhile,? (?:police|officers)|the (?:man|woman|men|suspect|attacker|driver|"
    r"soldier|serviceman|servicemen|detainee|deceased|victim|victims|couple|family|boy|girl|"
    r"teenager|mother|father|wife|husband|son|daughter|brother|sister|crowd|protesters|group|court|"
    r"police|officers|investigators|authorities|governor|mayor|ministry|unit|draftee|conscript|"
    r"recruit|volunteer|deserter|defendant|accused|activist|teacher|official|journalist|blogger|"
    r"video|post|letter|petition|appeal|case|fire|blaze|incident|attack)\b|both\b|all of them\b)",
    re.I,
)
_BACK_RU = re.compile(
    r"^\W*(?:он|она|они|его|ее|её|их|ему|ей|им|этот|эта|это|эти|там|тогда|затем|позже|потом|"
    r"впоследствии|после этого|мужчин\w*|женщин\w*|подозреваем\w*|задержанн\w*|обвиняем\w*|"
    r"военнослужащ\w*|погибш\w*|суд\b|полици\w*|следователи|власти|губернатор|семь\w*|родственник\w*|"
    r"жена|мать|отец|сын|дочь|видео|пост|обращени\w*|дело|пожар|инцидент)",
    re.I,
)
# A digest paragraph often tells another story; an article's next paragraph usually goes on.
_MAX_PARAGRAPH_GAP = 1


@lru_cache(maxsize=1)
def _facets() -> dict[str, frozenset[str]]:
    path = resources.files("briefwire.profiles").joinpath("mobilization", "facets.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    return {t: frozenset(v) for t, v in data["facets"].items()}


def facets_of(event_type: str) -> frozenset[str]:
    """Types a happening of ``event_type`` can have as facets (an attack: the arrest, the charge)."""
    return _facets().get(event_type, frozenset())


def refers_back(text: str) -> bool:
    """Does the sentence open by referring back to something already told? A quotation does: it
    is what someone said about the story."""
    if text.lstrip()[:1] in {'"', "“", "«", "„", "'"}:
        return True
    return (_BACK_RU if _cyrillic(text) else _BACK_EN).match(text) is not None


def _cyrillic(text: str) -> bool:
    return sum("а" <= ch.lower() <= "я" for ch in text[:80]) > 5


@dataclass
class Entry:
    """One sentence's contribution to a happening."""

    sentence: Sentence
    own_type: str | None  # the type the sentence itself states (None: a continuation)
    score: float
    stance: str
    claimed_by: tuple[str, ...]
    quantities: tuple[tuple[int, int, str, Quantity], ...] = ()  # (start, end, text, quantity)
    places: tuple[PlaceHit, ...] = ()
    people: tuple[str, ...] = ()
    actors: tuple[Actor, ...] = ()
    date: DateValue | None = None  # an explicit date in the sentence
    location: Location | None = None  # forced location (a casualty's place of death)
    paragraph: int = 0
    adopted: bool = False  # a number told near the happening, not in a sentence about it


@dataclass
class Open:
    """A happening being built."""

    index: int
    type: str
    paragraph: int
    section: int
    entries: list[Entry] = field(default_factory=list)
    last_paragraph: int = 0
    victim: str | None = None  # a named death: one happening per person
    story_start: int = 0  # where the story it inherits a place from begins (its paragraph or the one before)

    @property
    def lead(self) -> Entry:
        return self.entries[0]

    def places(self) -> list[PlaceHit]:
        return [p for e in self.entries for p in e.places]

    def people(self) -> set[str]:
        return {p for e in self.entries for p in e.people}

    def facets(self) -> tuple[str, ...]:
        types = [e.own_type for e in self.entries if e.own_type and e.own_type != self.type]
        return tuple(dict.fromkeys(types))


class Builder:
    """Groups a document's sentences into happenings, in reading order."""

    def __init__(self, subsumes: dict[str, frozenset[str]], priority: tuple[str, ...] = ()) -> None:
        self.subsumes = subsumes
        self.priority = priority  # most specific type first
        self.happenings: list[Open] = []
        self.current: Open | None = None
        self.paragraph_opening: dict[int, int] = {}  # paragraph -> start of its first sentence

    def typed(
        self, entry: Entry, paragraph: int, section: int, *, victim: str | None = None, story_start: int = 0
    ) -> int:
        """Add a sentence that states a type; returns the index of its happening."""
        assert entry.own_type is not None
        h = self.current
        if (
            victim is None
            and h is not None
            and h.victim is None
            and self._continues(h, entry, paragraph, section)
        ):
            self._add(h, entry, paragraph)
            h.type = self._main_type(h.type, entry.own_type)
            return h.index
        if victim is not None:
            # one happening per person, however the document names them ("Martynov", then in full)
            same = next((o for o in self.happenings if o.victim and same_person(o.victim, victim)), None)
            if same is not None:
                self._add(same, entry, paragraph)
                return same.index
        entry.paragraph = paragraph
        opened = Open(
            len(self.happenings), entry.own_type, paragraph, section, [entry], paragraph, victim, story_start
        )
        self.happenings.append(opened)
        self.current = opened
        return opened.index

    def continuation(
        self, entry: Entry, paragraph: int, section: int, *, opens_paragraph: bool = True
    ) -> int | None:
        """Attach an untyped sentence (a number, a detail) to the happening it follows, if any.

        Across a paragraph break only the paragraph's first sentence can refer back to it: after
        a sentence about someone else, "she said" is about that someone.
        """
        h = self.current
        if h is None or h.section != section or paragraph - h.last_paragraph > _MAX_PARAGRAPH_GAP:
            return None
        if paragraph != h.last_paragraph and not (opens_paragraph and refers_back(entry.sentence.text)):
            return None
        if self._elsewhere(h, entry):
            return None
        self._add(h, entry, paragraph)
        return h.index

    def _main_type(self, current: str, incoming: str) -> str:
        """The type that names a happening whose sentences state both.

        The later stage that subsumes the other names it (an arrest story that turns out to be an
        arson attack is an attack). A statement stays a statement whatever it speaks of. Otherwise
        the type that counts the other among its facets names it (a death told after the call-up
        is a casualty), and where each counts the other, the more specific one does.
        """
        if incoming in self.subsumes and current in self.subsumes[incoming]:
            return incoming
        if current == "policy_or_statement" or (
            current in self.subsumes and incoming in self.subsumes[current]
        ):
            return current
        takes_in, taken_in = current in facets_of(incoming), incoming in facets_of(current)
        if takes_in != taken_in:
            return incoming if takes_in else current
        order = {t: i for i, t in enumerate(self.priority)}
        return min((current, incoming), key=lambda t: order.get(t, len(order)))

    def close_section(self) -> None:
        self.current = None

    def _add(self, h: Open, entry: Entry, paragraph: int) -> None:
        entry.paragraph = paragraph
        h.entries.append(entry)
        h.last_paragraph = paragraph

    def _continues(self, h: Open, entry: Entry, paragraph: int, section: int) -> bool:
        if h.section != section or paragraph - h.last_paragraph > _MAX_PARAGRAPH_GAP:
            return False
        own = entry.own_type or ""
        related = own == h.type or own in facets_of(h.type) or h.type in facets_of(own)
        if not related or self._elsewhere(h, entry):
            return False
        back = refers_back(entry.sentence.text)
        if paragraph != h.last_paragraph:
            return back and entry.sentence.start == self.paragraph_opening.get(
                paragraph, entry.sentence.start
            )
        # within a paragraph, a sentence of the same type that names nothing new goes on
        return back or own == h.type or not (entry.places or entry.people)

    @staticmethod
    def _elsewhere(h: Open, entry: Entry) -> bool:
        """Does the sentence name another place or person than the story's so far?"""
        known = h.places()
        if entry.places and known:
            codes = {p.location.admin1_code or p.location.name for p in known}
            if not any((p.location.admin1_code or p.location.name) in codes for p in entry.places):
                return True
        people = h.people()
        if entry.people and people:
            surnames = {p.split()[-1].lower() for p in people}
            if not any(p.split()[-1].lower() in surnames for p in entry.people):
                return not refers_back(entry.sentence.text)
        return False
