"""Dates of claims: what the time resolver finds in a sentence, else the publication date."""

from __future__ import annotations

from functools import lru_cache

from briefwire.models import DateValue
from briefwire.nlp import Sentence, Span


def sentence_dates(sentence: Sentence, published: DateValue) -> list[tuple[Span, DateValue]]:
    """Resolved dates of a sentence, in text order (none when the time resolver is missing)."""
    return list(_dates(sentence.text, sentence.start, sentence.entities, published))


# Each casualty of a sentence asks for its dates again: resolving them once per sentence keeps
# a sentence naming hundreds of people linear. The key hashes in constant time after the
# first call (a str caches its hash), apart from the sentence's entities.
@lru_cache(maxsize=32)
def _dates(
    text: str, start: int, entities: tuple[Span, ...], published: DateValue
) -> tuple[tuple[Span, DateValue], ...]:
    try:
        from briefwire.extract.mentions.time import find_dates  # noqa: PLC0415 - sibling stage part
    except ImportError:  # the resolver lands separately; without it claims fall back
        return ()
    found = find_dates(Sentence(start, start + len(text), text, (), entities), published)
    return tuple(sorted((x for x in found if x[1].date), key=lambda x: x[0].start))


def publication(published: DateValue) -> DateValue:
    """The publication date as a claim's date of last resort (basis "publication")."""
    if not published.date:
        return DateValue.unknown()
    return DateValue(published.date, published.precision, "publication")
