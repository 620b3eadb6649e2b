"""Mentions: every quantity, place and date of a text, whether or not its sentence states an event.

Mentions are first-class: they are found in every sentence and later attached to the happening
they belong to (:mod:`briefwire.extract.happenings`). ``quantities`` finds counts, money,
percentages, shares, ranges and measurements (English and Russian number words in any case);
``places`` resolves place names through the profile's gazetteer; ``time`` and ``when`` resolve
dates against the publication date with a precision.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from briefwire.models import DateValue, Mention
from briefwire.nlp import Sentence

__all__ = ["sentence_mentions"]

_NAMED = {"PERSON": "person", "ORG": "organisation"}


def sentence_mentions(
    sentence: Sentence,
    published: DateValue,
    paragraph_index: int,
    places: Sequence[Any],
    dates: Sequence[tuple[Any, DateValue]],
) -> list[Mention]:
    """Every quantity, person, organisation, place and date of ``sentence`` (offsets index the
    document text). ``places`` and ``dates`` are the sentence's resolved places and dates, which
    the caller has already looked up."""
    from briefwire.extract.mentions.quantities import find_quantities  # noqa: PLC0415

    del published  # dates arrive resolved against it
    out: list[Mention] = []
    for q in find_quantities(sentence):
        quantity = None if q.vague else q.quantity
        out.append(Mention("quantity", q.start, q.end, q.text, None, quantity, q.noun, paragraph_index))
    for e in sentence.entities:
        kind = _NAMED.get(e.label)
        if kind is not None:
            out.append(Mention(kind, e.start, e.end, e.text, e.text, paragraph_index=paragraph_index))  # type: ignore[arg-type]
    for hit in places:
        loc = hit.location
        out.append(
            Mention(
                "place",
                hit.start,
                hit.end,
                loc.name,
                loc.admin1_code or loc.country,
                paragraph_index=paragraph_index,
            )
        )
    for span, value in dates:
        out.append(
            Mention(
                "date",
                span.start,
                span.end,
                span.text,
                value.date,
                paragraph_index=paragraph_index,
                role=value.precision,
            )
        )
    return sorted(out, key=lambda m: (m.start, m.kind))
