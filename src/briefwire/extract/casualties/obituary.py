"""The death of the person a story is about, told without naming them again.

An obituary or a portrait names its person in full once, in the headline or the opening
paragraph, and from then on says "he", a first name or a surname: "Ivan fell near the river in
May", "He was buried on Monday". The sentence-by-sentence finder only sees a
death where a name stands; this module knows the story's subject and reads those sentences.

The subject is the one full name of the headline or the opening paragraph that the document
names again at least once, while no other full name comes back more often. A sentence tells
the subject's death when it opens with a pronoun or a short form of the subject's name (or
"His funeral", "Her body"), a death verb follows within a few words (the lemma lists are
profile data, ``subject_death`` in ``casualties.json`` and ``casualties_ru.json``), it names
nobody else, and no sentence before it in its paragraph names someone else the pronoun could
mean.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from briefwire.extract.casualties.finder import person_spans, same_person
from briefwire.extract.casualties.names_ru import nominative
from briefwire.extract.mentions.places import find_places, lookup
from briefwire.nlp import Sentence, Span, Token

__all__ = ["Subject", "mourned_in_headline", "story_subject", "tells_subject_death"]

_OPENING = 5  # tokens: the death verb stands right after the pronoun or the name
_LEAD = 3  # tokens before the pronoun: a date or an adverb ("On 6 August he died")
_CLAUSE_BREAKS = frozenset({":", ";", "—", "–"})
_PROFILE = {"en": "casualties.json", "ru": "casualties_ru.json"}
_HEADLINE_LINES = 4  # body sentences at the top where a headline left in the text stands
_SENTENCE_END = re.compile(r"[.!?…]\s*$")


@dataclass(frozen=True)
class Subject:
    """The person a story is about, and the short forms it calls them by."""

    name: str
    forms: frozenset[str]  # lower-case first name and surname


@dataclass(frozen=True)
class _Words:
    pronouns: frozenset[str]
    possessives: frozenset[str]
    remains: frozenset[str]  # "funeral", "body": nouns after "his"/"her" that tell a death
    intransitive: frozenset[str]  # "die", "fall": the subject's own verb
    idioms: frozenset[str]  # words after such a verb that make it no death ("fell ill")
    passive: frozenset[str]  # "kill": told in the passive
    burial: frozenset[str]  # "bury": told in the passive, a death without its date or place
    negations: frozenset[str]


@lru_cache(maxsize=2)
def _words(language: str) -> _Words:
    path = resources.files("briefwire.profiles").joinpath("mobilization", _PROFILE[language])
    data = json.loads(path.read_text(encoding="utf-8"))["subject_death"]
    return _Words(**{key: frozenset(data[key]) for key in _Words.__dataclass_fields__})


def _people(sentence: Sentence, language: str) -> list[Span]:
    """The names of a sentence: for English the casualty finder's (the small English model tags
    many Russian names as organisations), for Russian natasha's PERSON entities."""
    if language == "en":
        return person_spans(sentence, frozenset())
    return [e for e in sentence.entities if e.label == "PERSON"]


def _full_names(sentence: Sentence, language: str) -> list[str]:
    """Full names the sentence gives, possessives ("Putin's order") left out: a person named only
    as the owner of something is not who the sentence is about."""
    names = []
    for e in _people(sentence, language):
        after = sentence.text[e.end - sentence.start : e.end - sentence.start + 2]
        if after not in {"'s", "’s"} and not e.text.endswith(("'s", "’s")):
            names.append(nominative(e.text) if language == "ru" else e.text)
    return [n for n in names if len(n.split()) >= 2]


def _key(name: str, known: dict[str, str]) -> str:
    """The surname a name is counted under: another writing of a name already met (the first
    name and patronymic, «Геннадий Васильевич», or the surname first) joins it."""
    words = {w.lower() for w in name.split()}
    for key, full in known.items():
        if words <= {w.lower() for w in full.split()} or same_person(name, full):
            return key
    return name.rsplit(maxsplit=1)[-1].lower()


def _stem(surname: str) -> str:
    """Enough of a surname to find it in a headline that inflects it (Russian cases)."""
    return surname[:-2] if len(surname) > 5 else surname


def story_subject(headline: str | None, sentences: list[Sentence], language: str) -> Subject | None:
    """The one person the story is about, or None when it is about no one person."""
    if not sentences:
        return None
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    in_clause: set[str] = set()  # named in a sentence with a verb, not only in a menu-like line
    for s in sentences:
        verbal = any(t.pos in {"VERB", "AUX"} for t in s.tokens)
        for name in _full_names(s, language):
            key = _key(name, names)
            names.setdefault(key, name)
            counts[key] += 1
            if verbal:
                in_clause.add(key)
    opening = {_key(n, names) for s in sentences[:3] for n in _full_names(s, language)}
    named_above = headline.lower() if headline else ""
    forms = {k: frozenset({names[k].split()[0].lower(), k}) for k in counts}
    # every person is counted the same way: full mentions plus sentences with a short form
    mentions = {k: n + sum(1 for s in sentences if _mentions_short(s, forms[k])) for k, n in counts.items()}
    # a name met once, in a line without a verb (a menu line taken for a name), is no subject
    candidates = [
        k
        for k in counts
        if (k in opening or _stem(k) in named_above) and (mentions[k] >= 2 or k in in_clause)
    ]
    if len(candidates) != 1:
        return None
    key = candidates[0]
    if any(n >= mentions[key] for k, n in mentions.items() if k != key):
        return None
    return Subject(names[key], forms[key])


@lru_cache(maxsize=2)
def _mourning(language: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]] | None:
    """(a headline's mourning cue, a body's word of a death, a negation of one), or None where the
    profile has no such words."""
    path = resources.files("briefwire.profiles").joinpath("mobilization", _PROFILE[language])
    data = json.loads(path.read_text(encoding="utf-8"))
    words = data.get("mourned_in_headline")
    if not words:
        return None

    def any_of(items: list[str]) -> re.Pattern[str]:
        return re.compile(rf"(?<!\w)(?:{'|'.join(items)})(?!\w)", re.I)

    return any_of(words["cues"]), any_of(words["confirms"]), any_of(data["not_death"])


def mourned_in_headline(
    headline: str | None, top: list[Sentence], body: list[Sentence], subject: Subject
) -> Sentence | None:
    """The body sentence to record the subject's death on when the headline mourns the subject
    ("A farewell in <town>: contract soldier <name>") and a sentence of the body confirms a death
    (a farewell alone may be a send-off to the front). The headline is the document's title, or a
    line without sentence punctuation among the ``top`` sentences (a heading or a line a scraper
    left in the text); the record stands on that line when it is a body sentence, else on the
    first body sentence with the subject's full name."""
    words = _mourning("en")
    if words is None:
        return None
    cue, confirms, negated = words
    line = next(
        (
            s
            for s in top[:_HEADLINE_LINES]
            if not _SENTENCE_END.search(s.text) and _mourns(s.text, subject, cue)
        ),
        None,
    )
    if line is None and not (headline and _mourns(headline, subject, cue)):
        return None
    rest = [s for s in body if s is not line]
    if not any(confirms.search(s.text) and not negated.search(s.text) for s in rest):
        return None
    if line is not None and any(s is line for s in body):
        return line
    return next((s for s in body if subject.name in s.text), None)


def _mourns(text: str, subject: Subject, cue: re.Pattern[str]) -> bool:
    """The line names the subject after a mourning cue."""
    at = text.find(subject.name)
    m = cue.search(text)
    return at > 0 and m is not None and m.end() <= at


def _mentions_short(sentence: Sentence, forms: frozenset[str]) -> bool:
    """The sentence calls the person by the first name or the surname alone."""
    return any(forms & {t.text.lower(), t.lemma.lower()} for t in sentence.tokens) and not any(
        e.label == "PERSON" and len(e.text.split()) >= 2 for e in sentence.entities
    )


def tells_subject_death(
    sentence: Sentence, subject: Subject, previous: list[Sentence], language: str
) -> str | None:
    """How ``sentence`` tells the death of ``subject`` without naming anyone else: ``"death"``
    (its date and place are the death's), ``"burial"`` (a funeral, a body: the death is told, its
    date and place are not), or None. Each clause of the sentence is read on its own ("… could
    not be saved: he died on 9 March")."""
    if sentence.text.rstrip().endswith("?"):
        return None
    if language == "en" and _named_as_dead(sentence, subject):
        return "death"
    if not _names_only_subject(sentence, subject, previous, language):
        return None
    if language == "en" and _DESCRIBED_DEATH.match(sentence.text):
        return "death"
    kinds = [_clause_kind(clause, subject, language) for clause in _clauses(sentence)]
    return next((k for k in kinds if k), None)


# "... confirmed that Alexandr was among the dead", "... to say Nikolai had been killed": the
# subject's own name, anywhere in the sentence, right before the death; others named beside it
# do not matter, since the name says whose death it is.
_DEAD_AFTER_NAME = re.compile(
    r"\s+(?:(?:had|has|have)\s+been\s+|was\s+|had\s+)?"
    r"(?:killed|died|perished|among\s+the\s+(?:dead|killed|fallen)|fell\s+(?:in|near|at|during|while))\b",
    re.I,
)


# "The 41-year-old welder from X, mobilized on ..., died on 3 November": the story's person by
# a description (an age, or what he was), with nobody else named around it.
_DESCRIBED_DEATH = re.compile(
    r"(?:(?:On|In|Last|The\s+next|Next|That|A\s+\w+\s+later)\b[^,;:]{0,30}?,?\s+)?the\s+(?:\w+[\s-]year[\s-]old"
    r"|soldier|serviceman|conscript|reservist|volunteer|father\s+of\s+\w+)\b[^.;:?]{0,160}?"
    r"\s(?:died|was\s+(?:killed|dead)|had\s+been\s+killed|perished)\b",
    re.I,
)


def _named_as_dead(sentence: Sentence, subject: Subject) -> bool:
    text, base = sentence.text, sentence.start
    return any(
        token.text.lower() in subject.forms and _DEAD_AFTER_NAME.match(text, token.end - base)
        for token in sentence.tokens
    )


def _clauses(sentence: Sentence) -> list[list[Token]]:
    out: list[list[Token]] = [[]]
    for t in sentence.tokens:
        if t.text in _CLAUSE_BREAKS:
            out.append([])
        elif t.pos != "PUNCT":
            out[-1].append(t)
    return [c for c in out if len(c) >= 2]


def _clause_kind(tokens: list[Token], subject: Subject, language: str) -> str | None:
    words = _words(language)
    # a date in front ("On 9 June he was killed", «14 августа он погиб») does not count against
    # the few words allowed before the pronoun
    dated = 0
    while dated < len(tokens) and (tokens[dated].ent == "DATE" or (dated == 0 and tokens[0].pos == "ADP")):
        dated += 1
    tokens = tokens[dated:] if dated > 1 else tokens
    window = tokens[: _LEAD + _OPENING]
    if any(t.lemma.lower() in words.negations for t in window):
        return None
    for at, token in enumerate(window[:_LEAD]):
        lead = token.text.lower()
        if lead in words.possessives and at + 1 < len(window):
            return _possessive_kind(window[at + 1], words, language)
        if lead in words.pronouns or {lead, token.lemma.lower()} & subject.forms:
            after = window[at : at + _OPENING]
            kinds = [_kind(after, i, words, language) for i in range(1, len(after))]
            return next((k for k in kinds if k), None)
    return None


def _possessive_kind(second: Token, words: _Words, language: str) -> str | None:
    """ "His funeral was held ...", «Его похоронили ...» (Russian puts the dead man in the
    accusative before a plural verb)."""
    plural = language == "ru" and second.text.endswith("ли")
    if second.lemma.lower() in words.remains or (plural and second.lemma.lower() in words.burial):
        return "burial"
    return "death" if plural and second.lemma.lower() in words.passive else None


def _names_only_subject(
    sentence: Sentence, subject: Subject, previous: list[Sentence], language: str
) -> bool:
    """The sentence names nobody but the subject, and neither do the sentences before it."""
    if previous and _opens_with_other_name(previous[-1], subject):
        return False
    return not any(_someone_else(s, subject, language) for s in [sentence, *previous])


def _kind(tokens: list[Token], i: int, words: _Words, language: str) -> str | None:
    lemma = tokens[i].lemma.lower()
    if lemma in words.intransitive:
        idiom = any(t.lemma.lower() in words.idioms for t in tokens[i + 1 : i + 3])
        return None if idiom else "death"
    if lemma not in words.passive and lemma not in words.burial:
        return None
    if language == "ru":  # the short participle: «был убит», «похоронен»
        passive = tokens[i].text.lower().endswith(("т", "та", "н", "на"))
    else:
        passive = tokens[i].tag == "VBN" and any(t.pos == "AUX" for t in tokens[1:i])
    if not passive:
        return None
    return "burial" if lemma in words.burial else "death"


def _opens_with_other_name(sentence: Sentence, subject: Subject) -> bool:
    """The sentence before opens with a name the NER left untagged ("Ivanov, 28, was ..."): the
    pronoun after it is more likely that person's."""
    words = [t for t in sentence.tokens if t.pos != "PUNCT"]
    if not words or words[0].pos != "PROPN" or len(words) < 2:
        return False
    first = words[0]
    other = first.text.lower() not in subject.forms and first.lemma.lower() not in subject.forms
    return other and lookup(first.text) is None and words[1].pos in {"VERB", "AUX", "NUM"}


def _someone_else(sentence: Sentence, subject: Subject, language: str) -> bool:
    """The sentence names a person who is not the subject (by any word or lemma of the name)."""
    in_places = [(h.start, h.end) for h in find_places(sentence.text, sentence.start)]
    for e in _people(sentence, language):
        if " " not in e.text and lookup(e.text) is not None:
            continue  # a lone word the gazetteer knows is a place, whatever the NER says
        if any(a <= e.start and e.end <= b for a, b in in_places):
            continue  # a word of a place's name ("Rostov-on-Don")
        inside = [t for t in sentence.tokens if e.start <= t.start < e.end]
        words = {w.lower() for w in e.text.split()} | {t.lemma.lower() for t in inside}
        if not words & subject.forms:
            return True
    return False
