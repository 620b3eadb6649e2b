"""extract stage: claims (typed event mentions with evidence) and named casualties.

Entry point: :func:`extract` takes a cleaned document and its language analysis and returns an
:class:`Extraction`: the document's claims, its named casualties and one theme per paragraph.
The rules are registered as ``extract.rules.v1``; word lists live in the profile
(``profiles/mobilization/*.json``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from briefwire.models import Casualty, Claim, Happening, Mention

if TYPE_CHECKING:
    from briefwire.models import CleanDocument
    from briefwire.nlp import Analysis

__all__ = ["EXTRACTOR", "Extraction", "extract"]

EXTRACTOR = "extract.rules.v1"


@dataclass(frozen=True)
class Extraction:
    """What extract found in one document; ``passage_themes`` has one entry per paragraph."""

    claims: tuple[Claim, ...]
    casualties: tuple[Casualty, ...]
    passage_themes: tuple[str | None, ...]
    happenings: tuple[Happening, ...] = ()
    mentions: tuple[Mention, ...] = ()
    # claim text -> the MiniLM vector the typer already read for that sentence (English): linking
    # compares claims by the same vectors, so it reuses these instead of encoding the text again
    claim_vectors: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)


def extract(doc: CleanDocument, analysis: Analysis) -> Extraction:
    """Claims, named casualties and passage themes of one document (see ``extract.document``)."""
    from briefwire.extract.document import extract_document  # noqa: PLC0415 - keeps import light

    return extract_document(doc, analysis)
