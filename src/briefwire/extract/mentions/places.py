"""Places of claims and casualties: gazetteer matches turned into ``Location`` values.

The profile gazetteer (``briefwire.nlp.gazetteer``) knows Russian federal subjects, Ukrainian
oblasts and larger towns with their ISO 3166-2 codes. Where it knows nothing, a GPE/LOC entity
of the sentence still names the place, with precision "unknown" and no codes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from briefwire.models import Location
from briefwire.nlp import Sentence

_PRECISION = {
    "country": "country",
    "region": "region",
    "oblast": "region",
    "federal_subject": "region",
    "subject": "region",
    "admin1": "region",
}


@dataclass(frozen=True)
class PlaceHit:
    """A place named in the text; offsets index the document text."""

    start: int
    end: int
    location: Location


@lru_cache(maxsize=1)
def _gazetteer() -> Any:
    try:
        from briefwire.nlp.gazetteer import Gazetteer  # noqa: PLC0415
    except ImportError:
        return None
    return Gazetteer.load()


def to_location(place: Any) -> Location:
    """A gazetteer ``Place`` as the claim's ``Location``."""
    kind = str(getattr(place, "kind", "") or "").lower()
    precision = _PRECISION.get(kind, "settlement")
    return Location(
        name=place.name,
        admin1=place.admin1,
        admin1_code=place.admin1_code,
        country=place.country,
        precision=precision,  # type: ignore[arg-type]
    )


def find_places(text: str, offset: int = 0) -> list[PlaceHit]:
    """Places the gazetteer finds in ``text``; offsets shifted by ``offset``."""
    return list(_find_cached(text, offset))


@lru_cache(maxsize=512)
def _find_cached(text: str, offset: int) -> tuple[PlaceHit, ...]:
    # A sentence is looked up several times (its claims, its paragraph, casualties).
    gaz = _gazetteer()
    if gaz is None:
        return ()
    return tuple(PlaceHit(m.start + offset, m.end + offset, to_location(m.place)) for m in gaz.find(text))


def sentence_places(sentence: Sentence) -> list[PlaceHit]:
    """Places in one sentence: gazetteer matches, else GPE/LOC entities with unknown precision."""
    hits = find_places(sentence.text, sentence.start)
    if hits or _gazetteer() is not None:
        return hits
    return [
        PlaceHit(e.start, e.end, Location(name=e.text))
        for e in sentence.entities
        if e.label in {"GPE", "LOC"}
    ]


def lookup(name: str) -> Location | None:
    """The place a bare name denotes ("Kamchatka", "Meleuz"), if the gazetteer knows it."""
    gaz = _gazetteer()
    if gaz is None:
        return None
    place = gaz.lookup(name)
    return to_location(place) if place is not None else None
