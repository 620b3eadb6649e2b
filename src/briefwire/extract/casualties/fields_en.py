"""The fields of a named-casualty record: age, rank, status, home, unit, date and place of death."""

from __future__ import annotations

import re

from briefwire.extract.casualties.cues import VERBAL_DEATH, Found, lexicon, rank_before
from briefwire.extract.mentions.places import PlaceHit, sentence_places
from briefwire.extract.mentions.when import sentence_dates
from briefwire.models import Casualty, DateValue
from briefwire.nlp import Sentence

_AGE_AFTER = re.compile(r"^,\s*(\d{1,2}),")
_AGE = re.compile(r"\b(\d{2})[-\s]year[-\s]old\b|\baged (\d{2})\b")
_BORN = re.compile(r"\bborn (?:in )?(?:\w+ )?(?:\d{1,2},? )?((?:19|20)\d{2})\b|\(b\. ((?:19|20)\d{2})\)")
_UNIT = re.compile(
    r"\b((?:\d+(?:st|nd|rd|th)|[A-Z][a-z]+) (?:[A-Za-z\-]+ ){0,4}?"
    r"(?:brigade|regiment|division|battalion|corps|company|army|detachment))\b"
    r"|\b(military unit (?:no\. )?\d+)\b",
    re.I,
)
_OCC_AFTER = re.compile(
    r"^,\s*(?:\d{1,2},\s*)?(?:the |a |an )?(?P<occ>[a-z][^,.;()]{3,90}?)(?=,|\.|;| was\b| were\b| who\b|$)"
)
_OCC_BEFORE = re.compile(
    r"(?:^|[.;]\s+|,\s+)(?:an? |the )(?P<occ>[a-z][\w\- ]{2,50} (?:at|of|in|for) (?:the )?[A-Z][\w\-]+),\s*$"
)
_NOT_OCC = re.compile(
    r"^(?:resident|native|citizen|born|from|who|which|husband|wife|son|father|brother|was|were|is|are|"
    r"has|had|said|says|\d)\b",
    re.I,
)


def build(found: Found, doc_id: str, published: DateValue) -> Casualty:
    """A Casualty record from a found mention (fields the text does not give stay None)."""
    sent = found.sentence
    ctx_sents = [sent, *found.extra]
    where = _name_pos(sent, found.name)
    after = sent.text[where + len(found.name) :] if where >= 0 else ""
    before = sent.text[:where] if where >= 0 else ""
    home, death_place = _places(found, ctx_sents)
    rank = rank_before(before) or _rank_in_apposition(after)
    return Casualty(
        doc_id=doc_id,
        name=found.name,
        start=sent.start,
        end=(found.extra[-1].end if found.extra else sent.end),
        quote=" ".join(s.text for s in ctx_sents),
        age=_age(after, found.clause),
        born=_born(found.clause),
        rank=rank,
        status=_status(found, rank),
        home_region=(home.location.admin1 or home.location.name) if home else None,
        home_region_code=home.location.admin1_code if home else None,
        home_town=home.location.name if home and home.location.precision == "settlement" else None,
        occupation=_occupation_unless_rank(before, after, rank),
        unit=_unit(found.clause),
        date_of_death=_date_of_death(found, ctx_sents, published),
        place_of_death=death_place.location.name if death_place else None,
    )


def _name_pos(sentence: Sentence, name: str) -> int:
    return sentence.text.find(name)


def _age(after: str, clause: str) -> int | None:
    m = _AGE_AFTER.match(after)
    if m:
        return int(m.group(1))
    m = _AGE.search(clause)
    return int(m.group(1) or m.group(2)) if m else None


def _born(clause: str) -> int | None:
    m = _BORN.search(clause)
    return int(m.group(1) or m.group(2)) if m else None


def _rank_in_apposition(after: str) -> str | None:
    """ "Ildar S., a 41-year-old junior sergeant from ...": the rank named right after the name."""
    m = re.match(
        r",\s*(?:an?\s+|the\s+)?(?:\d{1,2}-year-old\s+)?(?:mobilized\s+|contract\s+)?([a-z][a-z ]{2,30})",
        after,
    )
    if not m:
        return None
    words = m.group(1).lower()
    for rank in lexicon().ranks:
        if words == rank or words.startswith(rank + " "):
            return rank.title()
    return None


def _status(found: Found, rank: str | None) -> str:
    lex = lexicon()
    for text in (found.clause, " ".join(s.text for s in found.extra)):
        low = text.lower()
        for status, pat in lex.status:
            if pat.search(low):
                return status
    if rank and rank.lower() in lex.officer:
        return "career"
    lo, hi = found.lead
    lead = found.sentence.text[lo - found.sentence.start : hi - found.sentence.start].lower()
    said = [status for status, pat in lex.status if pat.search(lead)] if hi > lo else []
    if len(said) == 1:
        return said[0]  # "Two men mobilized from X died ...: A and B": the lead's word is each one's
    low = found.paragraph_text.lower()
    hits = [status for status, pat in lex.status if pat.search(low)]
    return hits[0] if len(hits) == 1 else "unknown"


def _places(found: Found, sents: list[Sentence]) -> tuple[PlaceHit | None, PlaceHit | None]:
    """(home, place of death) among the places of the person's clause and continuation.

    A place after a verbal death cue ("died in a Luhansk hospital") is where they died. Home is
    a place between this name and the next one, after "from", "resident of" and the like or
    any Russian place; one named after the name wins over one before it.
    """
    lex = lexicon()
    homes: list[tuple[bool, int, PlaceHit]] = []
    death: PlaceHit | None = None
    for s in sents:
        lo, hi = _region(found, s)
        cue = VERBAL_DEATH.search(s.text, lo - s.start, hi - s.start)
        for hit in sentence_places(s):
            if not lo <= hit.start < hi:
                continue
            lead = s.text[max(0, hit.start - s.start - 40) : hit.start - s.start]
            after_death = cue is not None and hit.start - s.start >= cue.end()
            from_cue = lex.home_cue.search(lead) is not None  # "from Kursk" is home wherever it stands
            if after_death and not from_cue and death is None and lex.death_place_cue.search(lead):
                death = hit
            elif (from_cue or not after_death) and _home_like(hit, lead) and _in_window(found, s, hit):
                homes.append((s is found.sentence and hit.start < found.name_start, hit.start, hit))
    if not homes:
        return _lead_home(found) or _group_home(found), death
    return min(homes, key=lambda h: (h[0], h[1]))[2], death


def _lead_home(found: Found) -> PlaceHit | None:
    """The home a list's lead gives every item ("… from Bashkortostan grew by three names: …"):
    its first home-like place that no death cue before it makes the place of death."""
    lo, hi = found.lead
    if hi <= lo:
        return None
    s = found.sentence
    cue = VERBAL_DEATH.search(s.text, 0, hi - s.start)
    for hit in sentence_places(s):
        if not lo <= hit.start < hi:
            continue
        lead = s.text[max(0, hit.start - s.start - 40) : hit.start - s.start]
        after_death = cue is not None and hit.start - s.start >= cue.end()
        if (not after_death or lexicon().home_cue.search(lead)) and _home_like(hit, lead):
            return hit
    return None


def _group_home(found: Found) -> PlaceHit | None:
    """The home told after the last of a run of list items ("A, 38, and B, 27, both from X"): the
    first place after the name, inside the run, that a home cue ("from", "of") introduces."""
    lo, hi = found.group
    if hi <= lo:
        return None
    s = found.sentence
    for hit in sentence_places(s):
        lead = s.text[max(0, hit.start - s.start - 40) : hit.start - s.start]
        if found.name_start < hit.start < hi and _GROUP_HOME.search(lead) and _home_like(hit, "from "):
            return hit
    return None


_DEATHS = re.compile(r"\bdeaths?\b", re.I)
_GROUP_HOME = re.compile(r"\b(?:from|of)\s+(?:the\s+)?$", re.I)


def _home_like(hit: PlaceHit, lead: str) -> bool:
    cue = lexicon().home_cue.search(lead)
    return hit.location.country != "UA" and (cue is not None or hit.location.country == "RU")


def _in_window(found: Found, s: Sentence, hit: PlaceHit) -> bool:
    if s is not found.sentence or found.window == (0, 0):
        return True
    return found.window[0] <= hit.start < found.window[1]


def _region(found: Found, s: Sentence) -> tuple[int, int]:
    if s is not found.sentence:
        return s.start, s.end
    lo = s.start + s.text.find(found.clause)
    return lo, lo + len(found.clause)


def _occupation_unless_rank(before: str, after: str, rank: str | None) -> str | None:
    """The occupation, unless what looks like one only restates the rank."""
    occupation = _occupation(before, after)
    if occupation and rank and rank.lower() in occupation.lower():
        return None
    return occupation


def _occupation(before: str, after: str) -> str | None:
    m = _OCC_AFTER.match(after)
    if m and not _NOT_OCC.match(m.group("occ")):
        return m.group("occ").strip()
    m = _OCC_BEFORE.search(_strip_rank(before))
    return m.group("occ").strip() if m else None


def _strip_rank(before: str) -> str:
    rank = rank_before(before)
    return before.rstrip()[: -len(rank)].rstrip() if rank else before


def _unit(clause: str) -> str | None:
    m = _UNIT.search(clause)
    return (m.group(1) or m.group(2)) if m else None


def _date_of_death(found: Found, sents: list[Sentence], published: DateValue) -> DateValue:
    """The date nearest a verbal death cue ("killed", "died") of the person; unknown if none."""
    best: tuple[int, DateValue] | None = None
    for s in sents:
        region = found.clause if s is found.sentence else s.text
        offset = s.text.find(region) if s is found.sentence else 0
        cue = VERBAL_DEATH.search(region)
        if cue is None:
            continue
        anchor = s.start + offset + cue.start()
        lo, hi = s.start + offset, s.start + offset + len(region)
        for span, value in sentence_dates(s, published):
            inside = lo <= span.start < hi or (span.start - s.start) < 20
            # a date after "killed" tells when; one before it may date the call-up instead
            distance = span.start - anchor if span.start >= anchor else 1000 + anchor - span.start
            if (span.start - s.start) < 20:
                distance = min(distance, 500)  # "On November 16, X was killed"
            if inside and (best is None or distance < best[0]):
                best = (distance, value)
        if best is not None:
            break
    return best[1] if best else _lead_date(found, published)


def _lead_date(found: Found, published: DateValue) -> DateValue:
    """The date a list's lead gives its deaths ("… killed in the shelling on 21 November: A, B and
    C"): the lead's one date, when the lead tells a death."""
    lo, hi = found.lead
    s = found.sentence
    told = VERBAL_DEATH.search(s.text, lo - s.start, hi - s.start) or _DEATHS.search(
        s.text, lo - s.start, hi - s.start
    )
    if hi <= lo or told is None:
        return DateValue.unknown()
    dates = [value for span, value in sentence_dates(s, published) if lo <= span.start < hi]
    return dates[0] if len(dates) == 1 else DateValue.unknown()
