"""Plain data passed between the stages of the flow.

Every stage takes and returns these frozen dataclasses; none of them knows about the
database. Offsets are character offsets (Python ``str`` indices), end-exclusive.

ingest -> RawDocument | IngestError
clean  -> CleanDocument (paragraphs, removed spans, title/dek, publication date)
dedupe -> DedupeResult (exact / near duplicate, paragraph re-use links)
nlp    -> (per backend, see ``briefwire.nlp``)
extract-> Extraction: Mention, Happening, Claim, Casualty
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

SourceKind = Literal["news", "telegram", "official", "ngo", "other"]
DatePrecision = Literal["day", "week", "month", "year", "unknown"]


@dataclass(frozen=True)
class RawDocument:
    """One input item as a reader found it, before any cleaning.

    ``origin`` names where it came from precisely enough to find it again: a file path,
    ``path#id`` for an item inside a container (a Telegram export, a JSONL line, a feed
    entry), or a URL.
    """

    origin: str
    text: str
    format: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None
    language: str | None = None
    source_kind: SourceKind = "news"
    forwarded_from: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class IngestError:
    """An input that could not become a document, and why.

    ``retryable`` says whether running again may help (a network timeout) or not (a
    truncated archive).
    """

    origin: str
    stage: str
    reason: str
    retryable: bool = False


@dataclass(frozen=True)
class DateValue:
    """A date with how precise it is and where it came from.

    ``basis`` is one of: metadata, dateline, inferred, explicit, relative, publication,
    unknown. ``date`` is ISO ``YYYY-MM-DD`` (the first day of the week/month/year for
    coarser precisions) or None when unknown.
    """

    date: str | None
    precision: DatePrecision = "unknown"
    basis: str = "unknown"
    note: str | None = None

    @staticmethod
    def unknown() -> DateValue:
        return DateValue(None, "unknown", "unknown")


@dataclass(frozen=True)
class RemovedSpan:
    """Text that cleaning took out of the raw text, kept for audit."""

    start: int
    end: int
    text: str
    reason: str


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the clean text; ``start``/``end`` index ``CleanDocument.text``."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class CleanDocument:
    """A document after cleaning: body text split into paragraphs, plus what was removed."""

    raw: RawDocument
    doc_id: str
    text: str
    paragraphs: tuple[Paragraph, ...]
    removed: tuple[RemovedSpan, ...]
    title: str | None
    dek: str | None
    published: DateValue
    language: str


@dataclass(frozen=True)
class ReuseLink:
    """Paragraph ``index`` of a document re-uses text of an earlier stored paragraph."""

    index: int
    other_doc_id: str
    other_index: int
    similarity: float


@dataclass(frozen=True)
class DedupeResult:
    doc_id: str
    exact_duplicate_of: str | None
    near_duplicate_of: str | None
    near_duplicate_score: float | None
    reuse: tuple[ReuseLink, ...]


@dataclass(frozen=True)
class Location:
    name: str
    admin1: str | None = None
    admin1_code: str | None = None
    country: str | None = None
    precision: Literal["settlement", "near", "region", "country", "unknown"] = "unknown"


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str | None = None
    approx: bool = False
    value_max: float | None = None


@dataclass(frozen=True)
class Actor:
    name: str
    role: str
    # a Cyrillic name's capitalised words in Latin letters (a person's in the nominative): what a
    # reader of the other script searches for, and what links a report across languages
    name_latin: str | None = None


@dataclass(frozen=True)
class Claim:
    """What one document says happened: a typed event mention with its evidence."""

    doc_id: str
    type: str
    theme: str
    summary: str
    start: int
    end: int
    quote: str
    date: DateValue
    location: Location | None
    actors: tuple[Actor, ...]
    quantity: Quantity | None
    claimed_by: tuple[str, ...]
    stance: str
    extractor: str
    confidence: float
    paragraph_index: int | None = None
    denies: int | None = None  # index (in the same document's claim list) of the claim denied
    happening: int | None = None  # index of the document happening this claim is evidence of
    facet: str | None = None  # what the sentence adds to its happening (its own type, "count", ...)


MentionKind = Literal["quantity", "person", "organisation", "place", "date"]


@dataclass(frozen=True)
class Mention:
    """Something a document names or counts, found whether or not its sentence states an event.

    ``value`` is the normalised form (a date's ISO day, a place's region code, a person's name as
    the document settles it); a vague amount ("thousands of reservists") is a quantity mention with
    ``quantity`` None. ``happening`` is the index of the document happening it is attached to.
    """

    kind: MentionKind
    start: int
    end: int
    text: str
    value: str | None = None
    quantity: Quantity | None = None
    unit: str | None = None
    paragraph_index: int | None = None
    happening: int | None = None
    role: str | None = None


@dataclass(frozen=True)
class Happening:
    """One happening as one document tells it: the unit that linking merges across documents.

    Its sentences may restate it and add facets (an arrest after an attack, a cause of death);
    ``type`` is the main type, ``facets`` the other types its sentences state, and the place,
    people and date are the story's, inherited from context where a sentence does not repeat them.
    ``evidence`` holds the (start, end) span of every sentence about it, the lead sentence first.
    """

    index: int
    type: str
    theme: str
    summary: str
    stance: str
    start: int
    end: int
    quote: str
    date: DateValue
    location: Location | None
    actors: tuple[Actor, ...]
    quantities: tuple[Quantity, ...]
    claimed_by: tuple[str, ...]
    facets: tuple[str, ...] = ()
    evidence: tuple[tuple[int, int], ...] = ()
    paragraph_indices: tuple[int, ...] = ()
    confidence: float = 0.5


@dataclass(frozen=True)
class Casualty:
    """A named person reported killed, as one document reports them."""

    doc_id: str
    name: str
    start: int
    end: int
    quote: str
    age: int | None = None
    born: int | None = None
    rank: str | None = None
    status: str = "unknown"
    home_region: str | None = None
    home_region_code: str | None = None
    home_town: str | None = None
    occupation: str | None = None
    unit: str | None = None
    date_of_death: DateValue = field(default_factory=DateValue.unknown)
    place_of_death: str | None = None
    claimed_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class LinkedEvent:
    """One happening as link assembled it from claims of one or more documents.

    ``event_key`` is the ``claim_key`` of its anchor (earliest) claim, so it stays the same
    when linking runs again and human decisions keep pointing at the right event.
    """

    event_key: str
    type: str
    theme: str
    summary: str
    date: DateValue
    location: Location | None
    actors: tuple[Actor, ...]
    quantity: Quantity | None
    status: str
    first_reported: str | None
    independent_sources: int
    sources: tuple[str, ...]
    claim_keys: tuple[str, ...]
    explanation: tuple[str, ...] = ()


@dataclass(frozen=True)
class LinkedPerson:
    """One person in the casualty register, merged across documents and spellings."""

    person_key: str
    name: str
    variants: tuple[str, ...]
    mention_keys: tuple[str, ...]
    first_reported: str | None
    independent_sources: int
    fields: dict[str, object] = field(default_factory=dict)
