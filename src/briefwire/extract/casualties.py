"""Named casualties: people a document reports killed, with what it says about them.

A PERSON entity becomes a casualty when its clause (the stretch of its sentence that belongs
to it, shared with names coordinated by "and") carries a death cue, or when the next sentence
of the paragraph continues with "He/She ... killed/died". Wounded, captured, missing or
detained people carry no death cue and are left out. The people who *say* someone died
(claimants) are never casualties. A surname alone joins the full name mentioned earlier.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources

from briefwire.extract.lexicon import compile_pattern
from briefwire.extract.places import PlaceHit, lookup, sentence_places
from briefwire.extract.when import sentence_dates
from briefwire.models import Casualty, DateValue
from briefwire.nlp import Sentence, Span, Token

_REPORTING = re.compile(
    r"^[\s,]*(?:[^,.]{0,80},\s*)?(?:said|says|wrote|writes|told|reported|claimed|stated|announced|"
    r"confirmed|added|noted|posted)\b"
)
_NOMINAL_DEATH = re.compile(
    r"\b(?:(?:death|killing|funeral|burial|body|murder|loss) of (?:the )?|among the (?:dead|killed|fallen)|"
    r"the (?:dead|killed|fallen) (?:are|were|include[sd]?)|(?:killed|dead) (?:are|were|include[sd]?))"
    r"[^.;]{0,50}$",
    re.I,
)
_VERBAL_DEATH = re.compile(
    r"\b(?:killed|died|perished|fell|lost (?:his|her|their) li(?:fe|ves)|confirmed dead|dead)\b", re.I
)
_PLACE_LEAD = re.compile(
    r"\b(?:from|in|near|at|outside|of the town of|of the village of|resident of|native of)\s+(?:the\s+)?$"
)
_PRONOUN_START = re.compile(r"^\W*(?:he|she)\b", re.I)
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


@dataclass(frozen=True)
class Lexicon:
    death: re.Pattern[str]
    not_death: re.Pattern[str]
    soldier: re.Pattern[str]
    status: tuple[tuple[str, re.Pattern[str]], ...]
    ranks: tuple[str, ...]
    officer: frozenset[str]
    home_cue: re.Pattern[str]
    death_place_cue: re.Pattern[str]
    surname: re.Pattern[str]
    titles: frozenset[str]


def _any(items: list[str]) -> re.Pattern[str]:
    return compile_pattern("|".join(f"(?:{i})" for i in items))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    path = resources.files("briefwire.profiles").joinpath("mobilization", "casualties.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    return Lexicon(
        death=_any(data["death"]),
        not_death=_any(data["not_death"]),
        soldier=_any(data["soldier"]),
        status=tuple((k, _any(v)) for k, v in data["status"].items()),
        ranks=tuple(sorted(data["ranks"], key=len, reverse=True)),
        officer=frozenset(data["officer_ranks"]),
        home_cue=re.compile(rf"(?:{'|'.join(data['home_cues'])})\s+(?:the\s+)?$", re.I),
        death_place_cue=re.compile(
            rf"\b(?:{'|'.join(data['death_place_cues'])})\s+(?:an?\s+|the\s+)?$", re.I
        ),
        titles=frozenset(data["titles"]),
        surname=re.compile(rf"(?:{'|'.join(data['surname_endings'])})$"),
    )


@dataclass
class Found:
    """A casualty being assembled from one or more mentions of the same person."""

    name: str
    sentence: Sentence
    clause: str
    extra: list[Sentence] = field(default_factory=list)
    paragraph_text: str = ""
    window: tuple[int, int] = (0, 0)  # document offsets: previous name's end .. next name's start
    name_start: int = 0


def died_in(
    sentence: Sentence,
    following: list[Sentence],
    claimants: set[str],
    paragraph_text: str,
    known_surnames: frozenset[str] = frozenset(),
) -> list[Found]:
    """People the sentence (or its He/She continuation) reports dead."""
    lex = lexicon()
    people = person_spans(sentence, known_surnames)
    out: list[Found] = []
    for i, ent in enumerate(people):
        if ent.text in claimants or _is_speaker(sentence, ent) or _possessive(sentence, ent):
            continue
        clause, own = _clause(sentence, people, i)
        extra = []
        if not _dies(own):
            cont = following[:1]
            is_subject = i == 0 and not _has_verb(sentence, sentence.start, ent.start)
            if not (is_subject and cont and _PRONOUN_START.match(cont[0].text) and _dies(cont[0].text)):
                continue
            extra = cont
        context = f"{paragraph_text} {' '.join(s.text for s in extra)}"
        if not lex.soldier.search(context.lower()):
            continue
        lo = people[i - 1].end if i > 0 else sentence.start
        hi = people[i + 1].start if i + 1 < len(people) else sentence.end
        out.append(Found(_tidy(ent.text), sentence, clause, extra, paragraph_text, (lo, hi), ent.start))
    return out


def person_spans(sentence: Sentence, known_surnames: frozenset[str]) -> list[Span]:
    """Names in a sentence: PERSON entities, plus runs of proper nouns the NER missed that a
    rank, a surname ending or a surname known from the document mark as a name."""
    found = [_widen(sentence, e) for e in sentence.entities if e.label == "PERSON"]
    found = [e for e in found if _is_name(e.text) and not _is_place_word(sentence, e)]
    taken = [(e.start, e.end) for e in found]
    places = [(e.start, e.end) for e in sentence.entities if e.label in {"GPE", "LOC", "DATE"}]
    for run in _proper_runs(sentence):
        if any(a < run.end and run.start < b for a, b in taken + places):
            continue
        words = run.text.split()
        ranked = _rank(sentence.text[: run.start - sentence.start]) is not None
        last = words[-1].lower()
        if (
            ranked or last in known_surnames or (len(words) >= 2 and lexicon().surname.search(last))
        ) and not _is_place_word(sentence, run):
            found.append(run)
    return sorted(found, key=lambda e: e.start)


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
            and not _is_rank_word(tok.text)
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
    before = sentence.text[: ent.start - sentence.start]
    after = re.match(r" ([A-Z][a-z’'\-]+)(?=['’‘]s\b|[ ,.;]|$)", sentence.text[ent.end - sentence.start :])
    if after and len(ent.text.split()) == 1:
        ent = Span(ent.start, ent.end + len(after.group(0)), ent.text + after.group(0), ent.label)
    m = re.search(r"((?:[A-Z][a-z’'\-]+ ){1,2})$", before)
    if m is None:
        return ent
    words = m.group(1).split()
    while words and _is_rank_word(words[0]):
        words.pop(0)
    if not words or len(ent.text.split()) + len(words) > 4:
        return ent
    prefix = " ".join(words) + " "
    return Span(ent.start - len(prefix), ent.end, prefix + ent.text, ent.label)


def _is_rank_word(word: str) -> bool:
    w = word.lower()
    lex = lexicon()
    return (
        any(w in rank.split() for rank in lex.ranks) or w in lex.titles or w in {"the", "a", "an", "on", "in"}
    )


def _is_place_word(sentence: Sentence, ent: Span) -> bool:
    """A PERSON tag on a place ("from Kamchatka", "in the Kherson region")."""
    before = sentence.text[max(0, ent.start - sentence.start - 25) : ent.start - sentence.start].lower()
    if _PLACE_LEAD.search(before):
        return True
    # a lone word the gazetteer knows as a place is a place, whatever the NER says
    return len(ent.text.split()) == 1 and lookup(ent.text) is not None


def _possessive(sentence: Sentence, ent: Span) -> bool:
    after = sentence.text[ent.end - sentence.start : ent.end - sentence.start + 2]
    return after in {"'s", "’s", "‘s"} or ent.text.endswith(("'s", "’s", "‘s"))


def build(found: Found, doc_id: str, published: DateValue) -> Casualty:
    """A Casualty record from a found mention (fields the text does not give stay None)."""
    sent = found.sentence
    ctx_sents = [sent, *found.extra]
    where = _name_pos(sent, found.name)
    after = sent.text[where + len(found.name) :] if where >= 0 else ""
    before = sent.text[:where] if where >= 0 else ""
    home, death_place = _places(found, ctx_sents)
    rank = _rank(before) or _rank_in_apposition(after)
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


def merge(a: Casualty, b: Casualty) -> Casualty:
    """Two mentions of one person: keep the fuller name and the first value of each field."""
    name = a.name if len(a.name) >= len(b.name) else b.name
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


def same_person(a: str, b: str) -> bool:
    """Same surname, and first names agree where both are given ("Martynov" joins "Aleksey Martynov")."""
    ta, tb = a.lower().split(), b.lower().split()
    if not ta or not tb or ta[-1] != tb[-1]:
        return False
    return len(ta) == 1 or len(tb) == 1 or ta[0][:3] == tb[0][:3]


def _dies(text: str) -> bool:
    low = text.lower()
    lex = lexicon()
    return lex.death.search(low) is not None and lex.not_death.search(low) is None


def _is_name(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not any(c.isdigit() for c in text)


def _is_speaker(sentence: Sentence, ent: Span) -> bool:
    after = sentence.text[ent.end - sentence.start :]
    before = sentence.text[: ent.start - sentence.start]
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
    nominal = _NOMINAL_DEATH.search(sentence.text[lead_start : people[first].start - base])
    if nominal:
        own_start = lead_start + nominal.start()
    return sentence.text[start:end], sentence.text[own_start:end]


def _has_verb(sentence: Sentence, start: int, end: int) -> bool:
    return any(t.pos in {"VERB", "AUX"} and start <= t.start < end for t in sentence.tokens)


def _tidy(name: str) -> str:
    name = re.sub(r"['’]s$", "", name.strip())
    return re.sub(r"\s+", " ", name)


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


def _rank(before: str) -> str | None:
    low = before.rstrip().lower()
    for rank in lexicon().ranks:
        if low.endswith(rank) and (len(low) == len(rank) or not low[-len(rank) - 1].isalpha()):
            return before.rstrip()[-len(rank) :].title()
    return None


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
        cue = _VERBAL_DEATH.search(s.text, lo - s.start, hi - s.start)
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
    return (min(homes, key=lambda h: (h[0], h[1]))[2] if homes else None), death


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
    rank = _rank(before)
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
        cue = _VERBAL_DEATH.search(region)
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
    return best[1] if best else DateValue.unknown()
