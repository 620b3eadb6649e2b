"""The brief as plain data: what the store gives for a period, and what the renderers lay out."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

ItemKind = Literal["passage", "event", "person", "group"]


@dataclass(frozen=True)
class Citation:
    doc_id: str
    outlet: str | None
    title: str | None
    url: str | None
    date: str | None
    origin: str
    language: str | None = None


def citation(doc: Mapping[str, Any]) -> Citation:
    date = doc.get("published")
    return Citation(
        doc["doc_id"],
        doc.get("outlet"),
        doc.get("title"),
        doc.get("url"),
        date[:10] if isinstance(date, str) else None,
        doc["origin"],
        doc.get("language"),
    )


@dataclass(frozen=True)
class BriefItem:
    """One line of the brief. A ``group`` item is a paragraph: a heading and its ``parts``."""

    kind: ItemKind
    key: str
    text: str
    theme: str
    citations: tuple[Citation, ...]
    attribution: str | None = None
    stance: str | None = None
    date: str | None = None
    place: str | None = None
    quantity: str | None = None  # the key number in the source's own words
    counts: str | None = None  # what the key number counts: dead, detained, money ...
    status: str | None = None
    independent_sources: int = 1
    new: bool = False
    type: str | None = None
    region: str | None = None
    date_precision: str | None = None
    outlets: tuple[str, ...] = ()
    happenings: tuple[str, ...] = ()
    merged: tuple[str, ...] = ()  # keys of the events this item also tells
    lead_doc: str | None = None
    lead_index: int | None = None  # the lead happening's place in its document
    language: str | None = None  # set when it differs from the brief's language
    original_title: str | None = None
    name_latin: str | None = None  # a transliterated name where the name is the point
    heading: str | None = None
    parts: tuple[BriefItem, ...] = ()

    @property
    def event_keys(self) -> tuple[str, ...]:
        own = (self.key,) if self.kind == "event" else ()
        return (*own, *self.merged, *(k for p in self.parts for k in p.event_keys))


@dataclass(frozen=True)
class BriefSection:
    title: str
    items: tuple[BriefItem, ...]
    developing: bool = False


@dataclass(frozen=True)
class Brief:
    since: str | None
    until: str | None
    sections: tuple[BriefSection, ...]
    casualties: tuple[dict[str, Any], ...] = ()
    key_numbers: tuple[tuple[str, str], ...] = ()
    figures: tuple[tuple[str, str], ...] = ()  # (a number in the source's words, what and who says so)
    events_per_day: dict[str, dict[str, int]] = field(default_factory=dict)
    casualties_by_region: dict[str, int] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    language: str = "en"

    @property
    def n_items(self) -> int:
        return sum(len(s.items) for s in self.sections)

    def items(self) -> list[BriefItem]:
        return [i for s in self.sections for i in s.items]


@dataclass(frozen=True)
class Decisions:
    """An editor's choices for a period (the review desk's brief builder)."""

    excluded: frozenset[str] = frozenset()
    order: tuple[str, ...] = ()

    @property
    def any(self) -> bool:
        return bool(self.excluded or self.order)


@dataclass(frozen=True)
class BriefInput:
    """What the store returns for a period; plain rows."""

    passages: Sequence[Mapping[str, Any]]
    documents: Mapping[str, Mapping[str, Any]]
    events: Sequence[Mapping[str, Any]] = ()
    claims: Sequence[Mapping[str, Any]] = ()
    persons: Sequence[Mapping[str, Any]] = ()
    previous_keys: frozenset[str] = frozenset()
    undated_documents: int = 0
    happenings: Sequence[Mapping[str, Any]] = ()
    mentions: Sequence[Mapping[str, Any]] = ()
    decisions: Decisions = Decisions()
    language: str | None = None  # None: the majority language of the period's documents
