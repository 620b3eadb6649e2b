"""Dates of claims: what the time resolver finds in a sentence, else the publication date."""

from __future__ import annotations

from briefwire.models import DateValue
from briefwire.nlp import Sentence, Span


def sentence_dates(sentence: Sentence, published: DateValue) -> list[tuple[Span, DateValue]]:
    """Resolved dates of a sentence, in text order (none when the time resolver is missing)."""
    try:
        from briefwire.extract.mentions.time import find_dates  # noqa: PLC0415 - sibling stage part
    except ImportError:  # the resolver lands separately; without it claims fall back
        return []
    found = find_dates(sentence, published)
    return sorted((x for x in found if x[1].date), key=lambda x: x[0].start)


def publication(published: DateValue) -> DateValue:
    """The publication date as a claim's date of last resort (basis "publication")."""
    if not published.date:
        return DateValue.unknown()
    return DateValue(published.date, published.precision, "publication")
