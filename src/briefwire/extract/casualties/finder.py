"""Named casualties: people a document reports killed, with what it says about them.

A PERSON entity becomes a casualty when its clause (the stretch of its sentence that belongs
to it, shared with names coordinated by "and") carries a death cue, or when the next sentence
of the paragraph continues with "He/She ... killed/died". Wounded, captured, missing or
detained people carry no death cue and are left out. The people who *say* someone died
(claimants) are never casualties. A surname alone joins the full name mentioned earlier.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from briefwire.extract.casualties.cues import (
    NOMINAL_DEATH,
    PLACE_LEAD,
    VERBAL_DEATH,
    Found,
    is_rank_word,
    lexicon,
    rank_before,
    strip_rank,
)
from briefwire.extract.casualties.fields_en import build as build_en
from briefwire.extract.casualties.fields_ru import build_ru
from briefwire.extract.casualties.finder_ru import died_in_ru, is_russian, ru_lexicon
from briefwire.extract.casualties.shapes import has_surname, one_person
from briefwire.extract.mentions.places import find_places, lookup
from briefwire.models import Casualty, DateValue
from briefwire.nlp import Sentence, Span, Token

__all__ = ["Found", "build", "died_in", "fuller", "merge", "person_spans", "same_person", "war_story"]

_REPORTING = re.compile(
    r"^[\s,]*(?:[^,.]{0,80},\s*)?(?:said|says|wrote|writes|told|reported|claimed|stated|announced|"
    r"confirmed|added|noted|posted)\b"
)
# Rules read the words next to a name, never the rest of the sentence: with a bounded window a
# sentence naming hundreds of people is read in linear time.
_BEFORE = 100
_PRONOUN_START = re.compile(r"^\W*(?:he|she)\b", re.I)


def died_in(
    sentence: Sentence,
    following: list[Sentence],
    claimants: set[str],
    paragraph_text: str,
    known_surnames: frozenset[str] = frozenset(),
    *,
    war_story: bool = False,
) -> list[Found]:
    """People the sentence (or its He/She continuation) reports dead (Russian text goes to
    :func:`briefwire.extract.casualties.finder_ru.died_in_ru`). A death counts in a paragraph
    about soldiers, or anywhere in a document about the war (``war_story``): a digest's
    paragraph on a death in custody names no soldier, the digest around it does."""
    if is_russian(sentence.text):
        return died_in_ru(sentence, following, claimants, paragraph_text, known_surnames, war_story=war_story)
    lex = lexicon()
    people = person_spans(sentence, known_surnames)
    out: list[Found] = []
    for i, ent in enumerate(people):
        if ent.text in claimants or _is_speaker(sentence, ent):
            continue
        if _possessive(sentence, ent) and not (
            _KIN_TOLD.match(sentence.text, ent.end - sentence.start)
            or _REMAINS_OF.match(sentence.text, ent.end - sentence.start)
        ):
            continue
        if _MOURNER_AFTER.match(sentence.text, ent.end - sentence.start):
            continue  # "A buried her son": A is the one who mourns
        clause, own = _clause(sentence, people, i)
        if _official_before(sentence, ent) or (
            _in_role_apposition(sentence, ent) and not VERBAL_DEATH.search(own)
        ):
            continue  # "The district head, A, promised help with the funerals": an official acts
        extra = []
        if not _dies(own):
            is_subject = i == 0 and not _has_verb(sentence, sentence.start, ent.start)
            extra = _told_later(following) if is_subject else []
            if not extra:
                continue
        context = f"{paragraph_text} {' '.join(s.text for s in extra)}"
        if not war_story and not lex.soldier.search(context.lower()):
            continue
        lo = people[i - 1].end if i > 0 else sentence.start
        hi = people[i + 1].start if i + 1 < len(people) else sentence.end
        name = _tidy(ent.text)
        start = ent.start + max(0, ent.text.find(name))  # a rank before the name is a field, not the name
        out.append(Found(name, sentence, clause, extra, paragraph_text, (lo, hi), start))
    return out


# A name that buries, mourns or lost someone is the mourner's, not the dead person's.
_MOURNER_AFTER = re.compile(
    r",?\s+(?:has\s+|had\s+|have\s+)?(?:buried|mourn(?:s|ed)|lost|said\s+goodbye\s+to|bid\s+farewell\s+to)"
    r"\s+(?:his|her|their|a|an|two|three|another|both)\b",
    re.I,
)
# "A's parents received word that their son had died": the kin are told of A's death
_KIN_TOLD = re.compile(
    r"(?:['’]s)?\s+(?:parents|mother|father|family|wife|widow|relatives)\b[^.;]{0,80}?"
    r"\b(?:their|her|his) (?:son|husband|father|brother)\b",
    re.I,
)
# "A's funeral took place", "A's body was returned": the remains are A's, so A is dead
_REMAINS_OF = re.compile(
    r"(?:['’]s)?\s+(?:funeral|burial|body|coffin|grave|remains|death)\b(?!\s+(?:penalty|threats?|sentence))",
    re.I,
)
_PRONOUN_IN = re.compile(r"\b(?:he|she)\b", re.I)
# "His mother learned of his death": the death is his, told by the possessive
_HIS_DEATH = re.compile(r"\b(?:his|her) (?:death|killing|funeral|burial|body|coffin)\b", re.I)
_LATER = 3  # sentences after the one that names the person


def _told_later(following: list[Sentence]) -> list[Sentence]:
    """The sentences up to the one that tells the person's death a little later ("His unit was
    sent east. There he was killed by a drone."): none of them names anyone else, the death
    sentence refers to him or her, and a death cue is in it. Empty when there is no such death."""
    taken: list[Sentence] = []
    for s in following[:_LATER]:
        if person_spans(s, frozenset()):  # someone else: the "he" may be them
            return []
        taken.append(s)
        if (_PRONOUN_IN.search(s.text) and _dies(s.text)) or _HIS_DEATH.search(s.text):
            return taken
        if not (
            _PRONOUN_START.match(s.text) or re.match(r"^\W*(?:his|her|there|then|later)\b", s.text, re.I)
        ):
            return []
    return []


def war_story(text: str) -> bool:
    """Whether the document as a whole is about soldiers and the war (a soldier word anywhere;
    two were tried on en-dev and lost obituaries that name the front once)."""
    lex = ru_lexicon() if is_russian(text[:2000]) else lexicon()
    return lex.soldier.search(text.lower()) is not None


def build(found: Found, doc_id: str, published: DateValue) -> Casualty:
    """A Casualty record from a found mention, by the rules of its language."""
    if found.language == "ru":
        return build_ru(found, doc_id, published)
    return build_en(found, doc_id, published)


def person_spans(sentence: Sentence, known_surnames: frozenset[str]) -> list[Span]:
    """Names in a sentence: PERSON entities, plus runs of proper nouns the NER missed that a
    rank, a surname ending or a surname known from the document mark as a name."""
    in_places = [(h.start, h.end) for h in find_places(sentence.text, sentence.start)]
    found = [
        _widen(sentence, e)
        for e in sentence.entities
        if e.label == "PERSON" and not any(a <= e.start and e.end <= b for a, b in in_places)
    ]  # "Rostov" and "Don" of "Rostov-on-Don" tagged PERSON are the place's words
    found = [_without_place_head(sentence, e) for e in found if _is_name(e.text)]
    found = [e for e in found if not _is_place_word(sentence, e)]
    taken = [(e.start, e.end) for e in found]
    places = [(e.start, e.end) for e in sentence.entities if e.label in {"GPE", "LOC", "DATE"}]
    for whole in _proper_runs(sentence):
        run = _after_place(whole, places)
        if any(a < run.end and run.start < b for a, b in taken) or (
            any(a < run.end and run.start < b for a, b in places) and not _name_tagged_place(run, in_places)
        ):
            continue
        words = run.text.split()
        at = run.start - sentence.start
        ranked = rank_before(sentence.text[max(0, at - _BEFORE) : at]) is not None
        last = words[-1].lower()
        if (
            ranked or last in known_surnames or (len(words) >= 2 and lexicon().surname.search(last))
        ) and not _is_place_word(sentence, run):
            found.append(run)
    return sorted(found, key=lambda e: e.start)


def _without_place_head(sentence: Sentence, span: Span) -> Span:
    """A name with a place glued in front ("Kurgan Denis Ivanov" in a list of towns and names,
    "the village of Lipki Denis Ivanov's"): the place word is dropped when a name of two words or
    more is left after it and the word after it is no patronymic (then the first word is a given
    name that a place shares). The place is one the gazetteer knows, or one a place lead ("the
    village of", "in") introduces."""
    words = span.text.split(" ")
    if len(words) < 3 or lexicon().patronymic.search(words[1].lower()):
        return span
    before = sentence.text[max(0, span.start - sentence.start - 25) : span.start - sentence.start].lower()
    if lookup(words[0]) is None and not PLACE_LEAD.search(before):
        return span
    cut = len(words[0]) + 1
    return Span(span.start + cut, span.end, span.text[cut:], span.label)


def _after_place(run: Span, places: list[tuple[int, int]]) -> Span:
    """A run of capitalised words whose first words the NER tagged a place ("Orsk" of "Orsk
    Timofei Reshetnikov") is still a name after the place when two words or more are left and the
    last is surname-shaped: the words after the place."""
    head = next((b for a, b in places if a <= run.start < b < run.end), None)
    if head is None:
        return run
    rest = run.text[head - run.start :].lstrip()
    words = rest.split()
    if len(words) < 2 or not lexicon().surname.search(words[-1].lower()):
        return run
    return Span(run.end - len(rest), run.end, rest, run.label)


def _name_tagged_place(run: Span, in_places: list[tuple[int, int]]) -> bool:
    """A run of two or three capitalised words the NER tagged a place as a whole, that is
    person-shaped (its last word surname-shaped) and that the gazetteer knows neither whole nor
    by its first word: a name ("Given Surname" tagged GPE)."""
    words = run.text.split()
    return (
        len(words) >= 2
        and lexicon().surname.search(words[-1].lower()) is not None
        and lookup(run.text) is None
        and lookup(words[0]) is None
        and not any(a < run.end and run.start < b for a, b in in_places)
    )


def _proper_runs(sentence: Sentence) -> list[Span]:
    """Runs of one to three capitalised proper nouns, rank words left out."""
    runs: list[Span] = []
    current: list[Token] = []
    for tok in [*sentence.tokens, None]:
        if (
            tok is not None
            and tok.tag == "NNP"
            and tok.text[:1].isupper()
            and tok.text.isalpha()
            and not is_rank_word(tok.text)
        ):
            current.append(tok)
            continue
        if 1 <= len(current) <= 3:
            start, end = current[0].start, current[-1].end
            text = sentence.text[start - sentence.start : end - sentence.start]
            runs.append(Span(start, end, text, "PERSON"))
        current = []
    return runs


def _widen(sentence: Sentence, ent: Span) -> Span:
    """Take in capitalised given names the NER left outside ("Gennady" before "Rodionov")."""
    at, to = ent.start - sentence.start, ent.end - sentence.start
    before = sentence.text[max(0, at - _BEFORE) : at]
    after = re.match(r" ([A-Z][a-z’'\-]+)(?=['’‘]s\b|[ ,.;]|$)", sentence.text[to : to + _BEFORE])
    if after and len(ent.text.split()) == 1:
        ent = Span(ent.start, ent.end + len(after.group(0)), ent.text + after.group(0), ent.label)
    m = re.search(r"((?:[A-Z][a-z’'\-]+ ){1,2})$", before)
    if m is None:
        return ent
    words = m.group(1).split()
    offset = ent.start - len(m.group(1))
    while words and (is_rank_word(words[0]) or _function_word(sentence, offset)):
        offset += len(words.pop(0)) + 1  # a rank, or a sentence-initial "From", is not the name
    if not words or len(ent.text.split()) + len(words) > 4:
        return ent
    prefix = " ".join(words) + " "
    return Span(ent.start - len(prefix), ent.end, prefix + ent.text, ent.label)


_FUNCTION = frozenset({"ADP", "DET", "SCONJ", "CCONJ", "ADV", "PRON", "AUX", "VERB"})


def _function_word(sentence: Sentence, start: int) -> bool:
    """The capitalised word at ``start`` is a preposition or the like, not a given name."""
    tokens = sentence.tokens
    k = bisect.bisect_left(tokens, start, key=lambda t: t.start)
    return k < len(tokens) and tokens[k].start == start and tokens[k].pos in _FUNCTION


def _is_place_word(sentence: Sentence, ent: Span) -> bool:
    """A PERSON tag on a place ("from Kamchatka", "in the Kherson region")."""
    before = sentence.text[max(0, ent.start - sentence.start - 25) : ent.start - sentence.start].lower()
    if PLACE_LEAD.search(before):
        return True
    # a lone word the gazetteer knows as a place is a place, whatever the NER says, and so is a
    # place and a word that is no surname ("Orsk Inform", an outlet's name)
    words = ent.text.split()
    if len(words) == 2 and lookup(words[0]) is not None:
        return lexicon().surname.search(words[1].lower()) is None
    return len(words) == 1 and lookup(ent.text) is not None


def _official_before(sentence: Sentence, ent: Span) -> bool:
    """The name stands in apposition to an office ("the governor, A,", "district head A"): the
    people who hold an office in a story of a death are the ones who speak or help."""
    before = sentence.text[max(0, ent.start - sentence.start - 40) : ent.start - sentence.start].lower()
    m = re.search(r"(\w+)\W{0,3}$", before)
    return m is not None and m.group(1) in lexicon().titles - _NOT_OFFICE


# "The village imam, A, read the funeral prayer": a name in apposition to a role
_ROLE_APPOSITION = re.compile(r"\b(?:the|a|an|his|her|their)\s+(?:[\w-]+\s+){0,3}?([a-z]+),\s*$", re.I)


def _in_role_apposition(sentence: Sentence, ent: Span) -> bool:
    """The name stands in apposition to a role that is no soldier's ("the village imam, A,"):
    with only a funeral or a burial in the clause, that person officiates or mourns. A soldier
    or a status anywhere in the phrase before the name ("another soldier from the republic, A,",
    "a former inmate …, A,") or a verbal death ("…, A, was killed") keeps the name a casualty."""
    at = ent.start - sentence.start
    m = _ROLE_APPOSITION.search(sentence.text[max(0, at - 50) : at])
    if m is None or is_rank_word(m.group(1)):
        return False
    phrase = re.split(r"[.;:]", sentence.text[:at])[-1].lower()
    lex = lexicon()
    return not lex.soldier.search(phrase) and not any(p.search(phrase) for _, p in lex.status)


# title words that can name the dead man himself ("his commander, A, was killed too")
_NOT_OFFICE = frozenset({"commander", "colleague"})


def _possessive(sentence: Sentence, ent: Span) -> bool:
    after = sentence.text[ent.end - sentence.start : ent.end - sentence.start + 2]
    return after in {"'s", "’s", "‘s"} or ent.text.endswith(("'s", "’s", "‘s"))


def merge(a: Casualty, b: Casualty) -> Casualty:
    """Two mentions of one person: keep the fuller name and the first value of each field."""
    name = fuller(a.name, b.name)
    updates = {
        f: getattr(b, f)
        for f in (
            "age",
            "born",
            "rank",
            "home_region",
            "home_region_code",
            "home_town",
            "occupation",
            "unit",
            "place_of_death",
        )
        if getattr(a, f) is None and getattr(b, f) is not None
    }
    if a.status == "unknown" and b.status != "unknown":
        updates["status"] = b.status
    if a.date_of_death.date is None and b.date_of_death.date is not None:
        updates["date_of_death"] = b.date_of_death
    return replace(a, name=name, **updates)


def fuller(a: str, b: str) -> str:
    """The fuller of two writings of one name: one that gives a surname over one that may not
    ("Gennady Rusakov" over "Gennady Nikolaevich"), else the longer."""
    if has_surname(a) != has_surname(b):
        return a if has_surname(a) else b
    return a if len(a) >= len(b) else b


def same_person(a: str, b: str) -> bool:
    """Same surname, and first names agree where both are given ("Martynov" joins "Aleksey
    Martynov"); or one person written another way (see ``shapes``: "Surname Given Patronymic",
    "Surname G. P.", "Given Patronymic")."""
    ta, tb = a.lower().split(), b.lower().split()
    if ta and tb and ta[-1] == tb[-1] and (len(ta) == 1 or len(tb) == 1 or ta[0][:3] == tb[0][:3]):
        return True
    return one_person(a, b)


def _dies(text: str) -> bool:
    low = text.lower()
    lex = lexicon()
    return lex.death.search(low) is not None and lex.not_death.search(low) is None


def _is_name(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not any(c.isdigit() for c in text)


def _is_speaker(sentence: Sentence, ent: Span) -> bool:
    at, to = ent.start - sentence.start, ent.end - sentence.start
    after, before = sentence.text[to : to + 2 * _BEFORE], sentence.text[max(0, at - _BEFORE) : at]
    return bool(_REPORTING.match(after)) or before.rstrip().lower().endswith(("according to", "told", "said"))


def _clause(sentence: Sentence, people: list[Span], i: int) -> tuple[str, str]:
    """(clause, own part) of person ``i``.

    The clause runs from the previous person to the next person that a verb separates from
    this one, so names in a list share their predicate ("Colonel A and Colonel B were killed").
    The own part starts at the name, plus a nominal cue right before it ("the killing of A").
    """
    base = sentence.start
    start = people[i - 1].end - base if i > 0 else 0
    end = len(sentence.text)
    for j in range(i + 1, len(people)):
        if _has_verb(sentence, people[j - 1].end, people[j].start):
            end = people[j].start - base
            break
    first = i  # the first name of the list this one belongs to ("A, B and C were killed")
    while first > 0 and not _has_verb(sentence, people[first - 1].end, people[first].start):
        first -= 1
    group_start = people[first - 1].end - base if first > 0 else 0
    own_start = people[i].start - base
    lead_start = max(group_start, people[first].start - base - 60)
    nominal = NOMINAL_DEATH.search(sentence.text[lead_start : people[first].start - base])
    if nominal:
        own_start = lead_start + nominal.start()
    return sentence.text[start:end], sentence.text[own_start:end]


def _has_verb(sentence: Sentence, start: int, end: int) -> bool:
    # Only the tokens between the two offsets (found by binary search), not the whole sentence:
    # this runs for pairs of names, and a long sentence can hold hundreds.
    tokens = sentence.tokens
    first = bisect.bisect_left(tokens, start, key=lambda t: t.start)
    last = bisect.bisect_left(tokens, end, key=lambda t: t.start)
    return any(tokens[k].pos in {"VERB", "AUX"} for k in range(first, last))


def _tidy(name: str) -> str:
    name = re.sub(r"['’]s$", "", name.strip())
    return strip_rank(re.sub(r"\s+", " ", name))
