"""One document read the way an editor reads it: structure, mentions, typing, happenings, casualties.

The walk goes block by block (``structure``): a heading closes the section above and sets the
theme of the paragraphs under it; every sentence of a body paragraph gives its mentions
(``mentions``), its named deaths (``casualties``), and its reading (``typing``); typed sentences
open or continue happenings and untyped ones that add a number or a detail continue them
(``happenings``). At the end every happening takes the story's place and date where its own
sentences name none, and becomes the claims the ledger stores (``claims``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from briefwire.extract import Extraction
from briefwire.extract.attribution import Attribution, attribute, is_denial, stance
from briefwire.extract.casualties.context import (
    group_status,
    region_of,
    status_in,
    story_region,
    told_date,
)
from briefwire.extract.casualties.finder import (
    Found,
    build,
    died_in,
    fuller,
    merge,
    person_spans,
    same_person,
    war_story,
)
from briefwire.extract.casualties.lists import (
    heads_dead_section,
    heads_list,
    item_dead,
    listed_dead,
    section_dead,
)
from briefwire.extract.casualties.names_ru import latin
from briefwire.extract.casualties.obituary import (
    Subject,
    mourned_in_headline,
    story_subject,
    tells_subject_death,
)
from briefwire.extract.claims import (
    claim_actors,
    claimable_quantities,
    happening_claims,
    story_place,
)
from briefwire.extract.happenings import Builder, Entry, Open
from briefwire.extract.mentions import sentence_mentions
from briefwire.extract.mentions.places import PlaceHit, find_places, sentence_places
from briefwire.extract.mentions.when import sentence_dates
from briefwire.extract.structure import Block, is_list_item, read_structure
from briefwire.extract.themes import OTHER, passage_theme, theme_of_claims, theme_of_type
from briefwire.extract.typing.decide import PRIORITY, Reading, read_sentence
from briefwire.extract.typing.lexicon import load_taxonomy
from briefwire.extract.typing.topic import BARRED, ON, document_topic
from briefwire.models import Actor, Casualty, Claim, CleanDocument, DateValue, Location, Mention, Quantity
from briefwire.nlp import Analysis, Sentence, Span, embeddings

_SOLDIER_COUNT = re.compile(
    r"men|soldier|servicem|troop|mobiliz|draftee|conscript|fighter|commander|officer|reservist|"
    r"recruit|volunteer|prisoner|convict|dead|killed|мобилизованн|военнослужащ|солдат|бойц|боец|человек|"
    r"контрактник|погибш"
)


@dataclass
class _Walk:
    """What the walk through one document has gathered so far."""

    doc: CleanDocument
    language: str
    on_topic: bool
    builder: Builder
    casualties: list[Casualty] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    mention_sentence: list[int] = field(default_factory=list)  # sentence start of each mention
    sentence_happening: dict[int, int] = field(default_factory=dict)  # sentence start -> happening
    places: list[PlaceHit] = field(default_factory=list)  # places named so far, in order
    dates: list[tuple[int, int, DateValue]] = field(
        default_factory=list
    )  # (paragraph, start, date) told so far
    speaker: str | None = None
    context: str = ""  # the headline and the current paragraph
    persons: frozenset[str] = frozenset()
    surnames: frozenset[str] = frozenset()
    default_chain: tuple[str, ...] = ()
    last_sentence: int = -1
    previous: Sentence | None = None  # the sentence before, in the same paragraph
    story_start: int = (
        0  # start of the paragraph before the current one (a story's place reaches back that far)
    )
    paragraph_start: int = 0
    vectors: dict[int, Any] = field(default_factory=dict)  # sentence start -> embedding (English)
    headline: str | None = None  # the type the headline states (read with low weight)
    headline_place: Location | None = None  # where the headline says the story is
    orphans: list[tuple[Entry, int]] = field(
        default_factory=list
    )  # numbers with no happening yet, by section
    barred: bool = False  # the topic judge is sure the document is not the story: no claims
    subject: Subject | None = None  # the one person the story is about (an obituary's)
    war_story: bool = False  # the document as a whole is about soldiers and the war
    listing: bool = False  # the list items below a line such as "Confirmed losses:" name the dead
    mourning: bool = False  # under a section heading of the dead ("The fallen"): items name the dead
    mourned_at: int = -1  # start of the sentence that records a subject the headline mourns
    label_place: Location | None = None  # a line that is only a region ("Penza oblast."), for items
    story_region: Location | None = None  # the Russian region the document is set in, if one


def extract_document(doc: CleanDocument, analysis: Analysis) -> Extraction:
    """Claims, happenings, mentions, casualties and per-paragraph themes of ``doc``."""
    language = "ru" if (analysis.language or doc.language).startswith("ru") else "en"
    taxonomy = load_taxonomy(language)
    topic = document_topic(doc, analysis, language)
    on_topic = topic == ON
    structure = read_structure(doc, analysis)
    vectors = _sentence_vectors(structure.blocks, language) if on_topic else {}
    headline = _headline_type(doc.title, language) if on_topic else None
    persons = frozenset(e.text for s in analysis.sentences for e in s.entities if e.label == "PERSON")
    body = [s for b in structure.body() for s in b.sentences]
    walk = _Walk(
        doc,
        language,
        on_topic,
        Builder(taxonomy.subsumes, PRIORITY),
        persons=persons,
        surnames=_surnames(persons),
        default_chain=_default_chain(doc),
        last_sentence=analysis.sentences[-1].start if analysis.sentences else -1,
        vectors=vectors,
        headline=headline,
        headline_place=_headline_place(doc.title),
        barred=topic == BARRED,
        subject=story_subject(doc.title, body, language),
        war_story=war_story(doc.text),
        story_region=story_region(doc.title, analysis.sentences),
    )
    if walk.subject is not None and walk.war_story and language == "en":
        top = [s for b in structure.blocks for s in b.sentences]
        line = mourned_in_headline(doc.title, top, body, walk.subject)
        walk.mourned_at = line.start if line is not None else -1
    for block in structure.blocks:
        item = is_list_item(block.paragraph.text)
        opens_list = not item and heads_list(block.paragraph.text, language)
        if block.heading:
            walk.builder.close_section()
            walk.mourning = walk.war_story and heads_dead_section(block.paragraph.text, language)
            walk.label_place = None
        else:
            _paragraph(walk, block)
        walk.listing = opens_list or (item and walk.listing)
    return _finish(walk, structure.blocks)


_HEADLINE_REACH = 3  # paragraphs: a headline speaks for the top of its story


def _headline_type(title: str | None, language: str) -> str | None:
    """The type a headline names by a strong cue of its own, if any."""
    if not title:
        return None
    taxonomy = load_taxonomy(language)
    scores = taxonomy.score(title, anchored=True)
    strong = [(s, t) for t, s in scores.items() if taxonomy.strong(title, t)]
    return max(strong)[1] if strong else None


def _headline_place(title: str | None) -> Location | None:
    """The first place the headline names: the story's place where its sentences name none."""
    hits = find_places(title) if title else []
    return hits[0].location if hits else None


def _sentence_vectors(blocks: tuple[Block, ...], language: str) -> dict[int, Any]:
    """MiniLM embeddings of an English document's body sentences, in one batch, for the learned
    typer (Russian sentences carry their navec vector already)."""
    if language != "en" or not embeddings.available():
        return {}
    sents = [s for b in blocks if not b.heading for s in b.sentences if len(s.tokens) >= 5]
    return dict(zip((s.start for s in sents), embeddings.embed([s.text for s in sents]), strict=True))


def _paragraph(walk: _Walk, block: Block) -> None:
    walk.speaker = None  # "he said" looks back within its own paragraph only
    walk.previous = None
    walk.story_start, walk.paragraph_start = walk.paragraph_start, block.paragraph.start
    sents = list(block.sentences)
    if sents:
        walk.builder.paragraph_opening[block.paragraph.index] = sents[0].start
    walk.context = f"{walk.doc.title or ''} {block.paragraph.text}"  # once: a paragraph can be megabytes
    for i, sentence in enumerate(sents):
        _sentence(walk, block, sentence, sents[i + 1 : i + 1 + _LOOKAHEAD])
        walk.previous = sentence


# Sentences after the current one that any reader looks at (a quotation's tag, a death told in
# the next sentences): a window, not the rest of the paragraph, keeps a long paragraph linear.
_LOOKAHEAD = 3


def _sentence(walk: _Walk, block: Block, sentence: Sentence, following: list[Sentence]) -> None:
    att = _attribution(walk, sentence, following)
    places = sentence_places(sentence)
    dates = sentence_dates(sentence, walk.doc.published)
    for m in sentence_mentions(sentence, walk.doc.published, block.paragraph.index, places, dates):
        walk.mentions.append(m)
        walk.mention_sentence.append(sentence.start)
    if walk.barred:  # its mentions are kept (they are what the text names); nothing is claimed
        return
    named = _named_deaths(walk, block, sentence, following, att=att, places=places)
    reading = read_sentence(
        sentence,
        walk.on_topic,
        att.speaker,
        walk.language,
        last=sentence.start == walk.last_sentence,
        vector=walk.vectors.get(sentence.start),
        prior=walk.headline if block.paragraph.index < _HEADLINE_REACH else None,
        context=walk.context,
    )
    quantities = tuple(
        (q.start, q.end, q.text, q.quantity)
        for q in claimable_quantities(sentence)
        if not any(q.text in c for c in att.chain)
    )
    entry = _entry(walk, sentence, att, places=places, dates=dates, quantities=quantities)
    placed = _place_entry(
        walk,
        block,
        sentence,
        entry,
        reading=reading,
        quantities=quantities,
        named=named,
        places=places,
        att=att,
    )
    if quantities and not placed and reading.modality != "truncated":
        # a number told in a sentence that opens or continues nothing (a plan, a figure given by
        # the way, a sentence naming the dead) still reaches the ledger, with its stance; a
        # sentence cut off mid-way may have lost the word that says what its number counts
        mood = _stance(reading.modality, sentence, att)
        adopted = replace(entry, stance=mood, paragraph=block.paragraph.index, adopted=True)
        walk.orphans.append((adopted, block.section))
    walk.places.extend(places)
    walk.dates.extend(
        (block.paragraph.index, sentence.start, d)
        for _, d in dates
        if d.basis == "explicit" and d.precision != "year"
    )
    if att.speaker:
        walk.speaker = att.speaker
    elif walk.speaker is None:
        people = [e.text for e in sentence.entities if e.label == "PERSON"]
        walk.speaker = people[-1] if people else None


def _place_entry(
    walk: _Walk,
    block: Block,
    sentence: Sentence,
    entry: Entry,
    *,
    reading: Reading,
    quantities: tuple[tuple[int, int, str, Quantity], ...],
    named: list[Casualty],
    places: Sequence[PlaceHit],
    att: Attribution,
) -> bool:
    """Hand the sentence's entry to the happening it opens, continues or denies; whether it was."""
    paragraph, section = block.paragraph.index, block.section
    index: int | None = None
    if is_denial(sentence.text):
        own = reading.type or (walk.builder.current.type if walk.builder.current else None)
        if own is not None:
            entry = replace(entry, own_type=own, score=max(reading.score, 2.0), stance="denied")
            index = walk.builder.typed(entry, paragraph, section)
    elif reading.source == "speech-act" and _continues_paragraph(walk, paragraph):
        # "…," a source told the outlet: a word about the happening being told, not a new one
        index = walk.builder.continuation(entry, paragraph, section, opens_paragraph=walk.previous is None)
    elif reading.types:
        for event_type, score in reading.types:
            if event_type == "casualty" and not _group_casualty(walk, quantities, named, places):
                continue
            typed = replace(
                entry, own_type=event_type, score=score, stance=_stance(reading.modality, sentence, att)
            )
            index = walk.builder.typed(typed, paragraph, section, story_start=walk.story_start)
    elif not named and reading.modality == "happened":
        index = walk.builder.continuation(entry, paragraph, section, opens_paragraph=walk.previous is None)
    if index is None:
        return False
    walk.sentence_happening[sentence.start] = index
    return True


def _continues_paragraph(walk: _Walk, paragraph: int) -> bool:
    current = walk.builder.current
    return current is not None and paragraph - current.last_paragraph <= 1


def _attribution(walk: _Walk, sentence: Sentence, following: list[Sentence]) -> Attribution:
    att = attribute(sentence, walk.speaker)
    if not att.chain and following and len(following[0].tokens) <= 8:
        tagged = attribute(following[0], walk.speaker)  # a quotation split off its tag: "…," X wrote.
        if tagged.chain:
            att = tagged
    return att


def _stance(mood: str, sentence: Sentence, att: Attribution) -> str:
    if mood == "planned":
        return "planned"
    if mood == "demanded":
        return "demanded"
    return stance(sentence.text, att)


def _entry(
    walk: _Walk,
    sentence: Sentence,
    att: Attribution,
    *,
    places: Sequence[PlaceHit],
    dates: Sequence[tuple[Span, DateValue]],
    quantities: tuple[tuple[int, int, str, Quantity], ...],
) -> Entry:
    claimants = " ".join(att.chain)
    people = tuple(
        e.text
        for e in sentence.entities
        if e.label == "PERSON" and e.text not in claimants and e.text != att.speaker
    )
    # a year alone ("last served in 1987") dates a background fact, not the happening
    explicit = next(
        (d for _, d in dates if d.basis in {"explicit", "relative"} and d.precision != "year"), None
    )
    return Entry(
        sentence,
        None,
        0.0,
        stance(sentence.text, att),
        att.chain or walk.default_chain,
        quantities,
        tuple(places),
        people,
        claim_actors(sentence, att),
        explicit,
    )


def _group_casualty(
    walk: _Walk,
    quantities: tuple[tuple[int, int, str, Quantity], ...],
    named: list[Casualty],
    places: Sequence[PlaceHit],
) -> bool:
    """Whether a death sentence is a casualty happening of its own beside the named deaths."""
    if named:
        return any(_SOLDIER_COUNT.search(text.lower()) for _, _, text, _ in quantities)
    return walk.language != "en" or bool(places) or bool(quantities) or walk.builder.current is None


def _named_deaths(
    walk: _Walk,
    block: Block,
    sentence: Sentence,
    following: list[Sentence],
    *,
    att: Attribution,
    places: Sequence[PlaceHit],
) -> list[Casualty]:
    """Record people the sentence reports killed, each a casualty happening of their own."""
    claimants = set(att.chain) | ({att.person} if att.person else set())
    claimants |= {p for p in walk.persons if any(p in c for c in att.chain)}
    # A Russian Telegram digest strings war news and other news together in one post, so there
    # a death must find its soldier words in its own paragraph (measured on ru-tg-names-dev).
    found = died_in(
        sentence,
        following,
        claimants,
        block.paragraph.text,
        walk.surnames,
        war_story=walk.war_story and walk.language == "en",
    )
    people = (
        person_spans(sentence, walk.surnames)
        if walk.language == "en"
        else [e for e in sentence.entities if e.label == "PERSON"]
    )
    for f in listed_dead(sentence, walk.previous, people, walk.language):
        if not any(same_person(f.name, g.name) for g in found) and f.name not in claimants:
            found.append(f)
    items: list[Found] = []
    if walk.listing and sentence is block.sentences[0]:
        items += item_dead(sentence, people, walk.language)
    if walk.mourning:
        items += section_dead(sentence, people, walk.language)
    items = [
        f for f in items if f.name not in claimants and not any(same_person(f.name, g.name) for g in found)
    ]
    found.extend(items)
    if not people and len(sentence.text.split()) <= _LABEL_WORDS:
        walk.label_place = next((p.location for p in places if p.location.country == "RU"), walk.label_place)
    found = [f for f in found if _full_or_known(f, walk)]
    if not found and walk.subject is not None and (walk.war_story or walk.on_topic):
        found = _subject_death(walk, walk.subject, block, sentence)
    if not found and walk.subject is not None and sentence.start == walk.mourned_at:
        found = [_mourned(walk.subject, block, sentence, walk.language)]
    records = []
    told = stance(sentence.text, att) if found else ""
    for f in found:
        record = replace(
            build(f, walk.doc.doc_id, walk.doc.published),
            name=_subject_name(walk, f.name),
            claimed_by=att.chain or walk.default_chain,
        )
        record = _from_story(
            walk, record, f, (block, sentence), items=items, following=following, named=len(found)
        )
        _add_casualty(walk, record)
        records.append(record)
        location = _place_of([sentence, *f.extra], record.place_of_death)
        entry = Entry(
            sentence,
            "casualty",
            3.0,
            told,
            att.chain or walk.default_chain,
            places=tuple(places),
            people=(record.name,),
            actors=(
                Actor(
                    _canonical(walk, record.name), "victim", latin(_canonical(walk, record.name), person=True)
                ),
                *(Actor(c, "claimant", latin(c)) for c in att.chain),
            ),
            date=record.date_of_death if record.date_of_death.date else None,
            location=location,
        )
        index = walk.builder.typed(
            entry, block.paragraph.index, block.section, victim=_canonical(walk, record.name).lower()
        )
        walk.sentence_happening.setdefault(sentence.start, index)
    return records


_LABEL_WORDS = 4  # a line of at most so many words naming a region and nobody labels what follows


def _subject_death(walk: _Walk, subject: Subject, block: Block, sentence: Sentence) -> list[Found]:
    """The story's subject, when the sentence tells their death by pronoun or short name."""
    before = [s for s in block.sentences if s.start < sentence.start]
    kind = tells_subject_death(sentence, subject, before, walk.language)
    if kind is None:
        return []
    # a funeral's date and place are not the death's: the record reads them from the clause
    clause = sentence.text if kind == "death" else ""
    window = (sentence.start, sentence.end) if kind == "death" else (sentence.start, sentence.start)
    paragraph = block.paragraph.text
    return [Found(subject.name, sentence, clause, [], paragraph, window, sentence.start, walk.language)]


def _from_story(
    walk: _Walk,
    record: Casualty,
    f: Found,
    where: tuple[Block, Sentence],
    *,
    items: list[Found],
    following: list[Sentence],
    named: int,
) -> Casualty:
    """The fields a record's own words leave open, filled from the story around them: a region
    label above a list, a status about the whole list, the day the sentence before told, the
    region of the paragraph or the document (see ``casualties.context``)."""
    block, sentence = where
    if record.home_region is None and walk.label_place is not None and any(f is i for i in items):
        # an item of a list or a section under a line that names only a region is from there
        label = walk.label_place
        record = replace(record, home_region=label.admin1 or label.name, home_region_code=label.admin1_code)
    if record.status == "unknown":
        record = replace(record, status=_inherited_status(walk, f, items, following, named))
    if record.date_of_death.date is None and (f.lead != (0, 0) or named > 1):
        # a list or back-reference after the sentence that told the deaths and their day
        record = replace(record, date_of_death=told_date(walk.previous, walk.doc.published, walk.language))
    if record.home_region is None:
        upto = [s for s in block.sentences if s.start <= sentence.start]
        inherited = region_of(upto, walk.story_region, record.place_of_death)
        if inherited is not None:
            record = replace(record, home_region=inherited.name, home_region_code=inherited.admin1_code)
    return record


def _inherited_status(
    walk: _Walk, found: Found, items: list[Found], following: list[Sentence], named: int
) -> str:
    """A status the record's own words do not give: from a sentence about the whole list it is
    an item of (or about all the names of its sentence), or, for the story's subject, from the
    whole story (see ``casualties.context``)."""
    listed = named > 1 or found.lead != (0, 0) or any(found is i for i in items)
    status = group_status(following, walk.language) if listed else None
    if status is None and walk.subject is not None and same_person(walk.subject.name, found.name):
        status = status_in(walk.doc.text, walk.language)
    return status or "unknown"


def _subject_name(walk: _Walk, name: str) -> str:
    """The story subject's full name for a shorter writing of it ("Gennady Nikolaevich" in the
    obituary of Gennady Rusakov), else the name as found."""
    subject = walk.subject
    if subject is None or not same_person(subject.name, name):
        return name
    return fuller(subject.name, name)


def _surnames(persons: frozenset[str]) -> frozenset[str]:
    """The surnames (last words) of the document's multi-word PERSON entities, their stray
    non-letter words ("•", "—") left out."""
    out = set()
    for p in persons:
        words = [w for w in p.split() if w[:1].isalpha()]
        if len(words) > 1:
            out.add(words[-1].lower())
    return frozenset(out)


def _mourned(subject: Subject, block: Block, sentence: Sentence, language: str) -> Found:
    """The subject a headline mourns, recorded on the headline's line (its date is no death's)."""
    at = sentence.start + max(0, sentence.text.find(subject.name))
    window = (sentence.start, sentence.end)
    return Found(subject.name, sentence, sentence.text, [], block.paragraph.text, window, at, language)


def _place_of(sentences: list[Sentence], name: str | None) -> Location | None:
    if not name:
        return None
    for s in sentences:
        for hit in sentence_places(s):
            if hit.location.name == name:
                return hit.location
    return Location(name)


def _full_or_known(found: Found, walk: _Walk) -> bool:
    """A bare surname counts only when a fuller name of the document or a rank backs it."""
    if len(found.name.split()) > 1:
        return True
    return any(same_person(found.name, p) and len(p.split()) > 1 for p in walk.persons) or any(
        same_person(found.name, c.name) for c in walk.casualties
    )


def _add_casualty(walk: _Walk, record: Casualty) -> None:
    for i, known in enumerate(walk.casualties):
        if same_person(known.name, record.name):
            walk.casualties[i] = merge(known, record)
            return
    walk.casualties.append(record)


def _canonical(walk: _Walk, name: str) -> str:
    return next((known.name for known in walk.casualties if same_person(known.name, name)), name)


def _adopt_orphans(walk: _Walk) -> None:
    """A number told where no happening is open belongs to the nearest happening: of its section,
    the one before it, else the one after (a digest paragraph that gives figures, then the news);
    in a document without sections, the nearest one of the document. In an on-topic document,
    numbers with no happening to join are news of their own: an ``other`` happening per section.
    """
    if not walk.orphans:
        return
    happenings = walk.builder.happenings
    sectioned = any(h.section for h in happenings) or any(section for _, section in walk.orphans)
    by_section: dict[int, list[Open]] = {}
    for h in happenings:  # in reading order, so their leads' starts are in order: bisect, not a scan
        by_section.setdefault(h.section if sectioned else 0, []).append(h)
    leads = {key: [h.lead.sentence.start for h in hs] for key, hs in by_section.items()}
    homeless: dict[int, Open] = {}
    for entry, section in walk.orphans:
        key = section if sectioned else 0  # no headings: the document is one story
        same = by_section.get(key)
        start = entry.sentence.start
        if same:
            before = bisect.bisect_left(leads[key], start)
            chosen = same[before - 1] if before else same[0]
            chosen.entries.append(entry)
        elif walk.on_topic and section not in homeless:
            lead = replace(entry, own_type="other", score=1.0)
            index = len(happenings) + len(homeless)
            chosen = Open(index, "other", entry.paragraph, section, [lead])
            homeless[section] = chosen
        elif walk.on_topic:
            chosen = homeless[section]
            chosen.entries.append(entry)
        else:
            continue
        walk.sentence_happening[start] = chosen.index
    happenings.extend(homeless.values())


def _finish(walk: _Walk, blocks: tuple[Block, ...]) -> Extraction:
    doc = walk.doc
    _adopt_orphans(walk)
    happenings, claims = [], []
    dates_by_paragraph: dict[int, tuple[list[int], list[DateValue]]] = {}
    for paragraph, start, d in walk.dates:  # in reading order: starts ascend within a paragraph
        starts, values = dates_by_paragraph.setdefault(paragraph, ([], []))
        starts.append(start)
        values.append(d)
    for h in walk.builder.happenings:
        place = story_place(h, walk.places) or walk.headline_place
        date = _story_date(h, dates_by_paragraph, doc.published)
        happening, rows = happening_claims(h, doc.doc_id, place, date)
        happenings.append(happening)
        claims.extend(rows)
    mentions = tuple(
        replace(m, happening=walk.sentence_happening.get(start))
        for m, start in zip(walk.mentions, walk.mention_sentence, strict=True)
    )
    themes = _themes(walk, blocks, claims)
    claims = _link_denials(sorted(claims, key=lambda c: (c.start, c.type)))
    vectors = _claim_vectors(walk, blocks, claims)
    return Extraction(tuple(claims), tuple(walk.casualties), themes, tuple(happenings), mentions, vectors)


def _claim_vectors(walk: _Walk, blocks: tuple[Block, ...], claims: Sequence[Claim]) -> dict[str, Any]:
    """The sentence vectors of the claims whose text (as linking reads it) is that sentence."""
    if not walk.vectors:
        return {}
    by_text = {s.text: walk.vectors[s.start] for b in blocks for s in b.sentences if s.start in walk.vectors}
    texts = (c.quote or c.summary for c in claims)
    return {t: by_text[t] for t in texts if t in by_text}


def _link_denials(claims: list[Claim]) -> list[Claim]:
    """A denial points at the first claim of the happening it denies (its index in the list)."""
    first: dict[int, int] = {}  # happening -> index of its first claim that is not a denial
    for i, o in enumerate(claims):
        if o.stance != "denied" and o.happening is not None:
            first.setdefault(o.happening, i)
    out = []
    for c in claims:
        if c.stance == "denied" and c.happening is not None:
            out.append(replace(c, denies=first.get(c.happening)))
        else:
            out.append(c)
    return out


def _story_date(
    h: Open, dates: Mapping[int, tuple[list[int], list[DateValue]]], published: DateValue
) -> DateValue:
    """The happening's own explicit date, else the last explicit date told before its lead in the
    same paragraph, else the publication date. ``dates`` holds each paragraph's explicit dates
    with their starts in order, so a long paragraph is searched by bisection, not scanned."""
    own = next((e.date for e in h.entries if e.date is not None), None)
    if own is not None:
        return own
    starts, values = dates.get(h.paragraph, ([], []))
    before = bisect.bisect_left(starts, h.lead.sentence.start)
    if before:
        return replace(values[before - 1], basis="context")
    if not published.date:
        return DateValue.unknown()
    return DateValue(published.date, published.precision, "publication")


def _themes(walk: _Walk, blocks: tuple[Block, ...], claims: Sequence[Claim]) -> tuple[str | None, ...]:
    """One theme per paragraph: the section heading's where there is one, else its claims', else
    its own cues'; a substantial paragraph with nothing of its own goes on with the one before."""
    by_paragraph: dict[int, list[str]] = {}
    for c in claims:
        if c.paragraph_index is not None:
            by_paragraph.setdefault(c.paragraph_index, []).append(c.type)
    out: list[str | None] = []
    for block in blocks:
        index = block.paragraph.index
        if block.section_theme:
            out.append(block.section_theme)
            continue
        theme = theme_of_claims(by_paragraph.get(index, [])) or _cue_theme(block.paragraph.text, walk)
        if theme is None and walk.on_topic and out and out[-1] and len(block.paragraph.text.split()) >= 12:
            theme = out[-1]
        out.append(theme)
    return tuple(out)


def _cue_theme(text: str, walk: _Walk) -> str | None:
    theme = passage_theme(text, language=walk.language)
    if theme is None and walk.on_topic:
        contextual = passage_theme(text, on_topic=True, language=walk.language)
        return contextual if contextual != OTHER else None
    return theme


def _default_chain(doc: CleanDocument) -> tuple[str, ...]:
    """The outlet or channel that carries the document: the claimant when the text names none."""
    raw = doc.raw
    return tuple(dict.fromkeys(c for c in (raw.forwarded_from, raw.outlet) if c))


__all__ = ["extract_document", "theme_of_type"]
