"""Typed claims from sentences: event type, summary, place, date, quantity and actors.

A sentence becomes a claim when the profile's trigger lexicons give one event type a summed
cue weight of at least 2 (one strong cue, or two weak ones) in on-topic text. Ties go to the
more specific type (a death before a statement). A sentence that counts several things
("at least 30 criminal and 100 misdemeanor cases") yields one claim per count, so every number
stays attached to what it counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefwire.extract.attribution import Attribution, stance
from briefwire.extract.mentions.places import PlaceHit, sentence_places
from briefwire.extract.mentions.quantities import QuantityMention, find_quantities
from briefwire.extract.mentions.when import publication, sentence_dates
from briefwire.extract.themes import theme_of_type
from briefwire.extract.typing.lexicon import Taxonomy, load_taxonomy
from briefwire.models import Actor, Claim, DateValue, Location, Quantity
from briefwire.nlp import Sentence

EXTRACTOR = "extract.rules.v1"
MIN_SCORE = 2.0
# More specific types win ties over broader ones; policy_or_statement is the catch-all.
PRIORITY = (
    "casualty",
    "attack_on_draft_office",
    "detention_of_refusers",
    "desertion_or_missing",
    "release_or_return",
    "wrongful_mobilization",
    "repression_or_prosecution",
    "draft_notice",
    "resignation",
    "flight_or_emigration",
    "protest_or_appeal",
    "conditions_complaint",
    "aid_or_fundraising",
    "incident_or_crime",
    "training_or_deployment",
    "recruitment_or_advertising",
    "labor_or_economy",
    "policy_or_statement",
    "other",
)
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
_COUNT_NOUNS = re.compile(
    r"\b(?:men|people|persons|soldiers|servicem[ae]n|troops|mobilized|draftees|conscripts|reservists|"
    r"citizens|residents|officials|employees|workers|cases|rubles|roubles|dollars|usd|eur|euros|"
    r"volunteers|fighters|prisoners|convicts|deputies|governors|commanders|officers|children|"
    r"relatives|wives|mothers|families|notices|summonses|sources|cvs|vacancies|percent|%|"
    r"balaclavas|gloves|vests|kits|sets|units|pieces|parcels|tons|kilograms|refusers|deserters|"
    r"recruits|volunteers|applications|complaints|signatures|protesters|detainees|students|pairs)\b",
    re.I,
)


@dataclass(frozen=True)
class SentenceContext:
    """What a sentence's claims need from around it."""

    doc_id: str
    paragraph_index: int
    paragraph_places: tuple[PlaceHit, ...]
    published: DateValue
    on_topic: bool
    default_chain: tuple[str, ...]
    paragraph_text: str = ""
    language: str = "en"


def event_types(text: str, on_topic: bool, language: str = "en") -> list[tuple[str, float]]:
    """Event types whose cues reach the threshold, best first."""
    taxonomy = load_taxonomy(language)
    scores = taxonomy.score(text, anchored=True if on_topic else None)
    kept = [(t, s) for t, s in scores.items() if s >= MIN_SCORE]

    def rank(ts: tuple[str, float]) -> tuple[float, bool, int]:
        # equal weight: a type named by one strong cue beats one pieced together from weak cues
        order = PRIORITY.index(ts[0]) if ts[0] in PRIORITY else len(PRIORITY)
        return (-ts[1], not taxonomy.strong(text, ts[0]), order)

    return _implying_first(sorted(kept, key=rank), text, taxonomy)


def _implying_first(
    ranked: list[tuple[str, float]], text: str, taxonomy: Taxonomy
) -> list[tuple[str, float]]:
    """Put first a strongly cued type that implies the best one.

    A sentence that states a later stage of a story also names the earlier one ("called up by
    mistake ... came home" is a release; "tried to burn the draft office and was detained" is
    an attack): the type that subsumes the other is the event, whatever the cue count.
    """
    if len(ranked) < 2:
        return ranked
    best = ranked[0][0]
    for i, (event_type, _) in enumerate(ranked[1:], start=1):
        if best in taxonomy.subsumes.get(event_type, frozenset()) and taxonomy.strong(text, event_type):
            return [ranked[i], *ranked[:i], *ranked[i + 1 :]]
    return ranked


def chosen_types(
    text: str, on_topic: bool, speaker: str | None, language: str = "en"
) -> list[tuple[str, float]]:
    """The one or two types a sentence states.

    The best type always; a second when it has a strong cue of its own (someone "fled Russia
    as police raided her home" states two events). With no type at all, an official's
    statement on the topic is a policy statement.
    """
    taxonomy = load_taxonomy(language)
    ranked = event_types(text, on_topic, language)
    if not ranked:
        anchored = on_topic or taxonomy.has_topic(text)
        quoted = text.lstrip()[:1] in {'"', "“", "«"}
        if speaker and anchored and not quoted and taxonomy.is_official(speaker):
            return [("policy_or_statement", MIN_SCORE)]
        return []
    chosen = ranked[:1]
    for event_type, score in ranked[1:2]:
        implied = taxonomy.subsumes.get(chosen[0][0], frozenset())
        if (
            event_type not in taxonomy.never_secondary
            and event_type not in implied
            and taxonomy.strong(text, event_type)
        ):
            chosen.append((event_type, score))
    return chosen


def sentence_claims(
    sentence: Sentence, event_type: str, score: float, ctx: SentenceContext, attribution: Attribution
) -> list[Claim]:
    """Claims of one type stated by a sentence: one per counted quantity, at least one."""
    # a count inside the attribution ("two employees said") counts sources, not the event
    quantities: list[Quantity | None] = [
        q.quantity for q in claim_quantities(sentence) if not any(q.text in c for c in attribution.chain)
    ]
    base = make_claim(sentence, event_type, score, ctx, attribution)
    return [_with_quantity(base, q) for q in quantities or [None]]


def make_claim(
    sentence: Sentence,
    event_type: str,
    score: float,
    ctx: SentenceContext,
    attribution: Attribution,
    *,
    actors: tuple[Actor, ...] | None = None,
    date: DateValue | None = None,
    location: Location | None = None,
) -> Claim:
    chain = attribution.chain or ctx.default_chain
    return Claim(
        doc_id=ctx.doc_id,
        type=event_type,
        theme=theme_of_type(event_type),
        summary=summarise(sentence.text),
        start=sentence.start,
        end=sentence.end,
        quote=sentence.text,
        date=date or claim_date(sentence, ctx.published),
        location=location or claim_location(sentence, ctx.paragraph_places),
        actors=actors if actors is not None else claim_actors(sentence, attribution),
        quantity=None,
        claimed_by=chain,
        stance=stance(sentence.text, attribution),
        extractor=EXTRACTOR,
        confidence=round(min(0.95, 0.45 + 0.1 * score), 2),
        paragraph_index=ctx.paragraph_index,
    )


def _with_quantity(claim: Claim, quantity: Quantity | None) -> Claim:
    if quantity is None:
        return claim
    from dataclasses import replace  # noqa: PLC0415

    return replace(claim, quantity=quantity)


def claim_quantities(sentence: Sentence) -> list[QuantityMention]:
    """The counts a claim can carry: numbers that count people, cases, money or things."""
    out = []
    for q in find_quantities(sentence):
        label = f"{q.noun or ''} {q.quantity.unit or ''}"
        unit = q.quantity.unit
        counted = _COUNT_NOUNS.search(label) or (unit and unit not in {"year", "years"})
        if counted or (q.noun is None and q.quantity.value >= 1000):
            out.append(q)
    return out


def claim_date(sentence: Sentence, published: DateValue) -> DateValue:
    found = sentence_dates(sentence, published)
    return found[0][1] if found else publication(published)


def claim_location(sentence: Sentence, paragraph_places: tuple[PlaceHit, ...]) -> Location | None:
    """The sentence's first place; else the paragraph's place named last before it (the scene
    the story has moved to), else the paragraph's first place."""
    hits = sentence_places(sentence)
    if hits:
        return hits[0].location
    before = [h for h in paragraph_places if h.end <= sentence.start]
    if before:
        return before[-1].location
    return paragraph_places[0].location if paragraph_places else None


def claim_actors(sentence: Sentence, attribution: Attribution) -> tuple[Actor, ...]:
    """Named people and organisations of the sentence with their roles."""
    actors: dict[str, Actor] = {}
    claimants = " ".join(attribution.chain)
    for ent in sentence.entities:
        if ent.label not in {"PERSON", "ORG", "NORP"} or len(ent.text) < 2:
            continue
        if ent.text in claimants:
            role = "claimant"
        elif ent.label == "ORG":
            role = "organisation"
        elif ent.label == "NORP":
            continue
        else:
            at = ent.start - sentence.start
            before = sentence.text[max(0, at - 60) : at]  # the title right before the name
            role = "official" if _TITLES.search(before) else "subject"
        actors.setdefault(ent.text, Actor(ent.text, role))
    return tuple(actors.values())


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
