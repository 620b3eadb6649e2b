"""A named casualty's home region from the story around the name, when the name's own words
give none.

Editors say where a story is once, and the names under it inherit it: a paragraph that opens
"In Buryatia, three more men were buried" and then lists names; a regional obituary that names
the town in its first line and never again next to the name. A reader takes that region for the
dead man's home; so does this module, with two guards: the region must be the only Russian
region the paragraph names (else the one the whole document names, alone or in a clear
majority), and it must not be where the person died (a strike on a town kills visitors too).
Only the region is inferred, never a town: the record's ``home_town`` stays empty.

The status is inherited the same way, from a sentence that speaks of a whole list at once ("All
three were mobilized") or, for the one person an obituary is about, from the whole story when it
gives one status only.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from briefwire.extract.casualties.cues import VERBAL_DEATH, lexicon
from briefwire.extract.casualties.finder_ru import ru_lexicon
from briefwire.extract.mentions.places import PlaceHit, find_places, sentence_places
from briefwire.extract.mentions.when import sentence_dates
from briefwire.models import DateValue, Location
from briefwire.nlp import Sentence

__all__ = ["group_status", "region_of", "status_in", "story_region", "told_date"]

# A document's region holds when it has at least this share of the Russian-region mentions
# (a digest of one region mentions Moscow once; one of three regions has none).
_MAJORITY = 0.75


def _regions(hits: Iterable[PlaceHit]) -> list[Location]:
    """One Location per Russian region mention, at region precision (a town counts for its
    region)."""
    out = []
    for hit in hits:
        loc = hit.location
        if loc.country == "RU" and loc.admin1_code:
            out.append(Location(loc.admin1 or loc.name, loc.admin1, loc.admin1_code, "RU", "region"))
    return out


def story_region(title: str | None, sentences: Iterable[Sentence]) -> Location | None:
    """The Russian region the document as a whole is set in, or None when it names several
    without a clear majority (or none)."""
    found = _regions(find_places(title)) if title else []
    for s in sentences:
        found += _regions(sentence_places(s))
    return _dominant(found, _MAJORITY)


def region_of(
    paragraph: Iterable[Sentence], story: Location | None, death_place: str | None
) -> Location | None:
    """The home region a casualty inherits: the one Russian region of its paragraph (the
    sentences up to and including its own), else the document's; None when that region is
    where the person died."""
    local = _dominant([loc for s in paragraph for loc in _regions(sentence_places(s))], 1.0)
    choice = local or story
    if choice is None or (death_place and _same_region(choice, death_place)):
        return None
    return choice


def _dominant(found: list[Location], share: float) -> Location | None:
    if not found:
        return None
    counts = Counter(loc.admin1_code for loc in found)
    code, n = counts.most_common(1)[0]
    if n / len(found) < share:
        return None
    return next(loc for loc in found if loc.admin1_code == code)


def _same_region(region: Location, place: str) -> bool:
    hits = find_places(place)
    return any(h.location.admin1_code == region.admin1_code for h in hits)


# A sentence that goes on about a whole list at once ("All three were mobilized in October",
# «Все трое — мобилизованные», «Оба служили по контракту»).
_GROUP_START = re.compile(
    r"^\W*(?:all (?:three|four|five|six|of them|the men)|both(?: men)?|they all|"
    r"все (?:трое|четверо|пятеро|шестеро|они)|оба|обе)\b",
    re.I,
)


def status_in(text: str, language: str) -> str | None:
    """The one status a text gives (None when it gives none or several)."""
    lex = ru_lexicon() if language == "ru" else lexicon()
    low = text.lower()
    hits = {status for status, pat in lex.status if pat.search(low)}
    return hits.pop() if len(hits) == 1 else None


def group_status(following: Iterable[Sentence], language: str) -> str | None:
    """The status the next sentence gives a whole list, when it speaks of the list as a group."""
    nxt = next(iter(following), None)
    if nxt is None or not _GROUP_START.match(nxt.text):
        return None
    return status_in(nxt.text, language)


def told_date(previous: Sentence | None, published: DateValue, language: str) -> DateValue:
    """The day of the deaths the sentence before told ("A drone hit the bus late on Tuesday,
    killing three. Two of the dead were named as ..."): its one date, when it tells a death."""
    if previous is None:
        return DateValue.unknown()
    lex = ru_lexicon() if language == "ru" else None
    told = lex.strong.search(previous.text.lower()) if lex else VERBAL_DEATH.search(previous.text)
    if not told and language != "ru" and not re.search(r"\bkilling\b", previous.text, re.I):
        return DateValue.unknown()
    dates = [value for _, value in sentence_dates(previous, published) if value.date]
    return dates[0] if len(dates) == 1 else DateValue.unknown()
