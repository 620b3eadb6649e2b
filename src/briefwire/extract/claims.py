"""From happenings to the claims the ledger stores, and the parts of a claim.

A happening becomes one claim per sentence that states its type or a facet of it, and one per
number its sentences give (a number in a sentence with no event of its own still reaches the
ledger, attached to the happening it belongs to). Every claim of a happening carries the
happening's main type (the sentence's own type is its ``facet``), the story's place and date
where the sentence names none, and its own evidence span and quote.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from briefwire.extract.attribution import Attribution
from briefwire.extract.casualties.names_ru import latin
from briefwire.extract.happenings import Entry, Open
from briefwire.extract.mentions.places import PlaceHit
from briefwire.extract.mentions.quantities import QuantityMention, find_quantities
from briefwire.extract.themes import theme_of_type
from briefwire.models import Actor, Claim, DateValue, Happening, Location, Quantity
from briefwire.nlp import Sentence

EXTRACTOR = "extract.happenings.v2"
_TITLES = re.compile(
    r"\b(?:governor|mayor|minister|president|spokes\w+|head|chief|deputy|general|colonel|"
    r"commander|senator|prosecutor|ombuds\w+|secretary|director)\s*$",
    re.I,
)
_LEAD_ATTR = re.compile(
    r"^(?:according to [^,]{2,80},\s*|(?:however|meanwhile|also|in addition|moreover|at the same time|"
    r"earlier|later|previously|as a result|in turn|furthermore|besides),\s*)",
    re.I,
)
# (?<!\s): a run of spaces is entered at its first space only, not scanned again from each.
_TAIL_ATTR = re.compile(
    r",?(?<!\s)\s*"
    r"(?:according to [^,.]{2,80}|[^,.]{2,60} (?:said|wrote|reported|claimed|told [^,.]{1,40}))\.?$",
    re.I,
)
_SUMMARY_MAX = 180
# Where a place is the scene ("in", "near", "outside") rather than where someone comes from.
_SCENE_BEFORE = re.compile(
    r"(?:\b(?:in|near|at|outside|on|into|across|around|over)|(?<!\w)(?:в|во|под|около|возле|на|у))\s+(?:the\s+)?$",
    re.I,
)
_ORIGIN_BEFORE = re.compile(
    r"(?:\b(?:from|of|native of)|(?<!\w)(?:из|уроженец|уроженка|житель\w*))\s+(?:the\s+)?$", re.I
)


def claimable_quantities(sentence: Sentence) -> list[QuantityMention]:
    """The numbers of a sentence that a claim can carry: counts, money, shares, measures.

    Vague amounts ("thousands of reservists") are mentions without a value and carry no claim.
    """
    return [q for q in find_quantities(sentence) if not q.vague]


def story_place(h: Open, told: list[PlaceHit]) -> Location | None:
    """Where the happening took place: a forced place (a death's place), else the first place its
    sentences name as a scene, else any other place they name, else an origin they name, else the
    story's last place told before its lead sentence in its paragraph or the one before."""
    forced = next((e.location for e in h.entries if e.location is not None), None)
    if forced is not None:
        return forced
    scene, other, origin = [], [], []
    for e in h.entries:
        for p in e.places:
            before = e.sentence.text[max(0, p.start - e.sentence.start - 14) : p.start - e.sentence.start]
            if _SCENE_BEFORE.search(before):
                scene.append(p)
            elif _ORIGIN_BEFORE.search(before):
                origin.append(p)  # "men from Kursk complained": where they come from, if nothing better
            else:
                other.append(p)
    if scene or other or origin:
        return (scene or other or origin)[0].location
    lead = h.lead.sentence.start
    earlier = [p for p in told if p.start < lead and p.start >= h.story_start]
    return earlier[-1].location if earlier else None


def happening_claims(
    h: Open, doc_id: str, place: Location | None, date: DateValue
) -> tuple[Happening, list[Claim]]:
    """The happening record and its claims (one per typed sentence, one per number)."""
    lead = h.lead
    actors = tuple({a.name: a for e in h.entries for a in e.actors}.values())
    quantities = tuple(q for e in h.entries for *_, q in e.quantities)
    # who the happening is about, for the sentences that do not name them again ("He is charged")
    cast = tuple(a for a in actors if a.role in {"subject", "victim", "organisation", "official"})
    claims: list[Claim] = []
    for e in h.entries:
        claims.extend(_entry_claims(h, e, doc_id, place, date, cast=cast))
    theme = theme_of_type(h.type)
    happening = Happening(
        index=h.index,
        type=h.type,
        theme=theme,
        summary=summarise(lead.sentence.text),
        stance=lead.stance,
        start=lead.sentence.start,
        end=lead.sentence.end,
        quote=lead.sentence.text,
        date=date,
        location=place,
        actors=actors,
        quantities=quantities,
        claimed_by=next((e.claimed_by for e in h.entries if e.claimed_by), ()),
        facets=h.facets(),
        evidence=tuple((e.sentence.start, e.sentence.end) for e in h.entries),
        paragraph_indices=tuple(dict.fromkeys(_paragraph_of(h, e) for e in h.entries)),
        confidence=_confidence(lead.score),
    )
    return happening, claims


def _entry_claims(
    h: Open, e: Entry, doc_id: str, place: Location | None, date: DateValue, *, cast: tuple[Actor, ...] = ()
) -> list[Claim]:
    if e.own_type is None and not e.quantities:
        return []  # a detail that only places the story: evidence, not a claim
    own = [p for p in e.places if p.location]
    where = e.location or (own[0].location if own and e.own_type else None) or place
    base = Claim(
        doc_id=doc_id,
        type=h.type,
        theme=theme_of_type(h.type),
        summary=summarise(e.sentence.text),
        start=e.sentence.start,
        end=e.sentence.end,
        quote=e.sentence.text,
        date=e.date or date,
        location=where,
        actors=_with_cast(e.actors, cast),
        quantity=None,
        claimed_by=e.claimed_by,
        stance=e.stance,
        extractor=EXTRACTOR,
        confidence=_confidence(e.score or 1.5),
        paragraph_index=_paragraph_of(h, e),
        happening=h.index,
        facet=_facet(h, e),
    )
    quantities: list[Quantity | None] = [q for *_, q in e.quantities] or [None]
    return [replace(base, quantity=q) for q in quantities]


def _facet(h: Open, e: Entry) -> str | None:
    """What the claim says of its happening: its type (None), another type it has, a count its
    sentences give, or a figure told near it (adopted: linking does not compare those)."""
    if e.adopted:
        return "figure"
    if e.own_type:
        return e.own_type if e.own_type != h.type else None
    return "count"


def _with_cast(own: tuple[Actor, ...], cast: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """A sentence's actors, and the happening's people where the sentence names no one of its own."""
    if any(a.role in {"subject", "victim", "organisation", "official"} for a in own):
        return own
    names = {a.name for a in own}
    return own + tuple(a for a in cast if a.name not in names)


def _paragraph_of(h: Open, e: Entry) -> int:
    return e.paragraph if h.entries else h.paragraph


def _confidence(score: float) -> float:
    return round(min(0.95, 0.45 + 0.1 * score), 2)


def claim_actors(sentence: Sentence, attribution: Attribution) -> tuple[Actor, ...]:
    """Named people and organisations of the sentence with their roles."""
    actors: dict[str, Actor] = {}
    claimants = " ".join(attribution.chain)
    for ent in sentence.entities:
        if ent.label not in {"PERSON", "ORG"} or len(ent.text) < 2:
            continue
        if ent.text in claimants:
            role = "claimant"
        elif ent.label == "ORG":
            role = "organisation"
        else:
            at = ent.start - sentence.start
            before = sentence.text[max(0, at - 60) : at]  # the title right before the name
            role = "official" if _TITLES.search(before) else "subject"
        actors.setdefault(ent.text, Actor(ent.text, role, latin(ent.text, person=ent.label == "PERSON")))
    return tuple(actors.values())


@lru_cache(maxsize=256)  # a sentence with many claims (a list of names) is summarised once
def summarise(text: str) -> str:
    """The sentence as a short clause: attribution trimmed, cut at a word boundary."""
    s = _LEAD_ATTR.sub("", text.strip())
    trimmed = _TAIL_ATTR.sub("", s)
    if len(trimmed) >= 25:
        s = trimmed
    s = s.strip(' ,;“”"')
    if len(s) > _SUMMARY_MAX:
        cut = s.rfind(" ", 0, _SUMMARY_MAX)
        s = s[: cut if cut > 60 else _SUMMARY_MAX].rstrip(" ,;") + "…"
    return s[:1].upper() + s[1:]
