"""One document through the rules: paragraphs, sentences, claims, casualties and themes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from briefwire.extract import Extraction
from briefwire.extract.attribution import Attribution, attribute, is_denial
from briefwire.extract.casualties.finder import Found, build, died_in, merge, same_person
from briefwire.extract.claims import (
    SentenceContext,
    chosen_types,
    claim_quantities,
    event_types,
    make_claim,
    sentence_claims,
)
from briefwire.extract.mentions.places import PlaceHit, sentence_places
from briefwire.extract.themes import OTHER, passage_theme, theme_of_claims
from briefwire.extract.typing.lexicon import load_taxonomy
from briefwire.models import Actor, Casualty, Claim, CleanDocument, Location
from briefwire.nlp import Analysis, Sentence

_SOLDIER_COUNT = re.compile(
    r"men|soldier|servicem|troop|mobiliz|draftee|conscript|fighter|commander|officer|reservist|"
    r"recruit|volunteer|prisoner|convict|мобилизованн|военнослужащ|солдат|бойц|боец|человек|контрактник"
)


@dataclass
class _State:
    """What the walk through one document has gathered so far."""

    claims: list[Claim] = field(default_factory=list)
    casualties: list[Casualty] = field(default_factory=list)
    casualty_claims: set[tuple[str, tuple[str, ...]]] = field(default_factory=set)
    covered: set[int] = field(default_factory=set)  # starts of sentences a named death used
    speaker: str | None = None
    persons: frozenset[str] = frozenset()  # PERSON entities of the whole document
    surnames: frozenset[str] = frozenset()  # their last words, for surname-only mentions


def extract_document(doc: CleanDocument, analysis: Analysis) -> Extraction:
    """Claims, casualties and per-paragraph themes of ``doc`` (offsets index ``doc.text``)."""
    language = "ru" if (analysis.language or doc.language).startswith("ru") else "en"
    local = any(h.location.country in {"RU", "UA"} for s in analysis.sentences for h in sentence_places(s))
    on_topic = load_taxonomy(language).document_on_topic(
        f"{doc.title or ''}\n{doc.text}", local_places=local, strict=language == "en"
    )
    by_paragraph = _sentences_by_paragraph(doc, analysis)
    persons = frozenset(e.text for s in analysis.sentences for e in s.entities if e.label == "PERSON")
    surnames = frozenset(p.split()[-1].lower() for p in persons if len(p.split()) > 1)
    state = _State(persons=persons, surnames=surnames)
    default_chain = _default_chain(doc)
    for para in doc.paragraphs:
        sents = by_paragraph.get(para.index, [])
        places = tuple(h for s in sents for h in sentence_places(s))
        ctx = SentenceContext(
            doc.doc_id, para.index, places, doc.published, on_topic, default_chain, para.text, language
        )
        state.speaker = None  # "he said" looks back within its own paragraph only
        for i, sentence in enumerate(sents):
            _sentence(state, sentence, sents[i + 1 :], ctx)
    themes = _continue_themes(
        [_theme(p.text, p.index, state.claims, on_topic, language) for p in doc.paragraphs], doc, on_topic
    )
    return Extraction(tuple(state.claims), tuple(state.casualties), themes)


def _sentence(state: _State, sentence: Sentence, following: list[Sentence], ctx: SentenceContext) -> None:
    att = attribute(sentence, state.speaker)
    if not att.chain and following and len(following[0].tokens) <= 8:
        # a quotation split off its tag: "… Martynov," Super wrote.
        tagged = attribute(following[0], state.speaker)
        if tagged.chain:
            att = tagged
    if att.speaker:
        state.speaker = att.speaker
    if is_denial(sentence.text):
        _denial(state, sentence, ctx, att)
        return
    named = _named_deaths(state, sentence, following, ctx, att)
    types = chosen_types(sentence.text, ctx.on_topic, att.speaker, ctx.language)
    for event_type, score in types:
        if event_type == "casualty":
            _group_casualty(state, sentence, score, ctx, att, named=named)
            continue
        state.claims.extend(sentence_claims(sentence, event_type, score, ctx, att))
    if not types and not named:
        _continuation(state, sentence, ctx, att)
    _remember_speaker(state, sentence)


def _continuation(state: _State, sentence: Sentence, ctx: SentenceContext, att: Attribution) -> None:
    """A sentence that only adds a count ("They have made 150 balaclavas") continues the claim
    of the sentence before it in the same paragraph."""
    if not state.claims or state.claims[-1].paragraph_index != ctx.paragraph_index:
        return
    previous = next(c for c in state.claims if c.start == state.claims[-1].start)
    if previous.end < sentence.start - 2 or previous.type == "casualty":
        return  # after a death, "He leaves three children" is about the person, not the event
    for q in claim_quantities(sentence):
        claim = make_claim(sentence, previous.type, 1.5, ctx, att)
        state.claims.append(replace(claim, quantity=q.quantity, claimed_by=att.chain or previous.claimed_by))


def _named_deaths(
    state: _State, sentence: Sentence, following: list[Sentence], ctx: SentenceContext, att: Attribution
) -> bool:
    """Record people the sentence reports killed; True when it named anyone."""
    claimants = set(att.chain) | ({att.person} if att.person else set())
    claimants |= {p for p in state.persons if any(p in c for c in att.chain)}
    found = [
        f
        for f in died_in(sentence, following, claimants, ctx.paragraph_text, state.surnames)
        if _full_or_known(f, state)
    ]
    for f in found:
        state.covered.update(s.start for s in f.extra)
        record = replace(build(f, ctx.doc_id, ctx.published), claimed_by=att.chain or ctx.default_chain)
        _add_casualty(state, record)
        key = (_canonical(state, record.name), att.chain or ctx.default_chain)
        if key in state.casualty_claims:
            continue
        state.casualty_claims.add(key)
        # the claim's place is where the person died; their home region is not the event's place
        location = Location(record.place_of_death) if record.place_of_death else None
        hit = next(filter(None, (_place_of(s, record.place_of_death) for s in [sentence, *f.extra])), None)
        claim = make_claim(
            sentence,
            "casualty",
            3.0,
            ctx,
            att,
            actors=_victim_actors(record, att),
            date=record.date_of_death if record.date_of_death.date else None,
            location=hit or location,
        )
        state.claims.append(
            replace(claim, start=record.start, end=record.end, quote=record.quote, location=hit or location)
        )
    return bool(found)


def _full_or_known(found: Found, state: _State) -> bool:
    """A bare surname counts only when a fuller name of the document or a rank backs it."""
    if len(found.name.split()) > 1:
        return True
    return any(same_person(found.name, p) and len(p.split()) > 1 for p in state.persons) or any(
        same_person(found.name, c.name) for c in state.casualties
    )


def _add_casualty(state: _State, record: Casualty) -> None:
    for i, known in enumerate(state.casualties):
        if same_person(known.name, record.name):
            state.casualties[i] = merge(known, record)
            return
    state.casualties.append(record)


def _canonical(state: _State, name: str) -> str:
    for known in state.casualties:
        if same_person(known.name, name):
            return known.name
    return name


def _victim_actors(record: Casualty, att: Attribution) -> tuple[Actor, ...]:
    actors = [Actor(record.name, "victim")]
    actors += [Actor(c, "claimant") for c in att.chain]
    return tuple(actors)


def _place_of(sentence: Sentence, name: str | None) -> Location | None:
    if not name:
        return None
    for hit in sentence_places(sentence):
        if hit.location.name == name:
            return hit.location
    return None


def _group_casualty(
    state: _State, sentence: Sentence, score: float, ctx: SentenceContext, att: Attribution, *, named: bool
) -> None:
    """A death count ("five mobilized men were killed") is a casualty claim with a quantity."""
    counts = [q for q in claim_quantities(sentence) if q.noun and _SOLDIER_COUNT.search(q.noun.lower())]
    if counts:
        for q in counts:
            claim = make_claim(sentence, "casualty", score, ctx, att)
            state.claims.append(replace(claim, quantity=q.quantity))
    elif (
        not named
        and sentence.start not in state.covered
        and (ctx.language != "en" or (sentence_places(sentence) and score >= 3))
    ):  # without English name rules, a death report in another language is claimed as such
        state.claims.append(make_claim(sentence, "casualty", score, ctx, att))


def _denial(state: _State, sentence: Sentence, ctx: SentenceContext, att: Attribution) -> None:
    """A denial is a claim of its own, pointing at the latest claim it can deny."""
    own = event_types(sentence.text, ctx.on_topic, ctx.language)
    target = _denied_target(state, ctx.paragraph_index, own[0][0] if own else None)
    if target is None and not own:
        return
    event_type = own[0][0] if own else state.claims[target].type  # type: ignore[index]
    claim = make_claim(sentence, event_type, own[0][1] if own else 2.0, ctx, att)
    state.claims.append(replace(claim, stance="denied", denies=target))


def _denied_target(state: _State, paragraph_index: int, event_type: str | None) -> int | None:
    """Index of the claim a denial answers: same type if any, else the latest nearby claim."""
    for i in range(len(state.claims) - 1, -1, -1):
        c = state.claims[i]
        if (c.paragraph_index or 0) < paragraph_index - 1:
            break
        if event_type is None or c.type == event_type:
            return i
    return None


def _remember_speaker(state: _State, sentence: Sentence) -> None:
    people = [e.text for e in sentence.entities if e.label == "PERSON"]
    if people and state.speaker is None:
        state.speaker = people[-1]


def _theme(text: str, index: int, claims: list[Claim], on_topic: bool, language: str) -> str | None:
    from_claims = theme_of_claims(c.type for c in claims if c.paragraph_index == index)
    if from_claims:
        return from_claims
    theme = passage_theme(text, language=language)
    if theme is None and on_topic:
        contextual = passage_theme(text, on_topic=True, language=language)
        return contextual if contextual != OTHER else None
    return theme


def _continue_themes(themes: list[str | None], doc: CleanDocument, on_topic: bool) -> tuple[str | None, ...]:
    """A substantial paragraph with no cue of its own in an on-topic document goes on with the
    story of the paragraph before it ("Male employees left en masse ..." after "officials fled")."""
    out = list(themes)
    for i in range(1, len(out)):
        if out[i] is None and on_topic and out[i - 1] and len(doc.paragraphs[i].text.split()) >= 12:
            out[i] = out[i - 1]
    return tuple(out)


def _default_chain(doc: CleanDocument) -> tuple[str, ...]:
    """The outlet or channel that carries the document: the claimant when the text names none."""
    raw = doc.raw
    chain = [c for c in (raw.forwarded_from, raw.outlet) if c]
    return tuple(dict.fromkeys(chain))


def _sentences_by_paragraph(doc: CleanDocument, analysis: Analysis) -> dict[int, list[Sentence]]:
    out: dict[int, list[Sentence]] = {}
    paras = doc.paragraphs
    j = 0
    for s in analysis.sentences:
        while j < len(paras) and s.start >= paras[j].end:
            j += 1
        if j < len(paras) and paras[j].start <= s.start < paras[j].end:
            out.setdefault(paras[j].index, []).append(s)
    return out


__all__ = ["PlaceHit", "extract_document"]
