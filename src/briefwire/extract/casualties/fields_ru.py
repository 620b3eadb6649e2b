"""The fields of a Russian named-casualty record: age, birth year, rank, status, home, occupation,
unit, date and place of death. They are read from the person's stretch of the sentence and from
the sentences that continue about them ("Ему было 34 года, он работал сварщиком ...")."""

from __future__ import annotations

import re

from briefwire.extract.casualties.cues import Found
from briefwire.extract.casualties.finder_ru import ru_lexicon
from briefwire.extract.mentions.places import PlaceHit, find_places, sentence_places
from briefwire.extract.mentions.when import sentence_dates
from briefwire.models import Casualty, DateValue
from briefwire.nlp import Sentence

_YEARS = r"(?:год|года|лет)"
_AGE_AFTER = re.compile(rf"^\s*(?:,|\()\s*(\d{{2}})\s+{_YEARS}\b")
_AGE = re.compile(
    rf"(?<!\d)(\d{{2}})-?летн\w*|(?:ему|ей) было (?:всего )?(\d{{2}}) {_YEARS}\b"
    rf"|в возрасте (\d{{2}}) {_YEARS}\b"
    rf"|(?:ему|ей) (\d{{2}}) {_YEARS}\b",
    re.I,
)
_BORN = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*(?:года рождения|г\.\s*р\.|г\.р\.|гр\.)"
    r"|родил\w* (?:в )?(?:[\w ]{0,20} )?((?:19|20)\d{2})",
    re.I,
)
_UNIT = re.compile(
    r"(?<!\w)(\d+[-\s]?(?:й|я|го|ой|ого)?\s+(?:[а-яё\-]+\s+){0,3}?"
    r"(?:бригад|полк|дивизи|батальон|корпус|арми|рот[аеуы]|отряд)\w*)"
    r"(?:\s+(?:[А-ЯЁ«][\w»\-]*\s*){0,3})?|(войсков\w+ част\w+ (?:№\s*)?\d+)",
    re.I,
)
_OCCUPATION = re.compile(
    r"(?<!\w)(?:работал[аи]?|трудил\w*|служил\w* в полиции)\s+"
    r"(?P<occ>[а-яё]+(?:ом|ем|ём|ой|ей)(?:\s+[а-яё\-]+){0,3}?)"
    r"(?=\s*(?:[,.;]|\s+и\s|\s+до\s|\s+а\s|\s+после\s|$))"
    r"|по профессии\s+(?P<prof>[а-яё]+)",
    re.I,
)
_OCC_STOP = re.compile(r"\s+(?:в течение|долгое|много|несколько|\d).*$")
_DATELINE = re.compile(r"^\s*([А-ЯЁ][^:.\n]{1,60})(?::|\.\s)")


def build_ru(found: Found, doc_id: str, published: DateValue) -> Casualty:
    """A Casualty from a Russian mention (fields the text does not give stay None)."""
    sent = found.sentence
    sents = [sent, *found.extra]
    texts = [found.clause, *(s.text for s in found.extra)]
    surface = _surface(found)
    rel = found.name_start - sent.start
    before, after = sent.text[:rel], sent.text[rel + len(surface) :]
    rank = _rank(before, after)
    home = _home(found, sents)
    death_place = _death_place(found, sents, home)
    return Casualty(
        doc_id=doc_id,
        name=found.name,
        start=sent.start,
        end=(found.extra[-1].end if found.extra else sent.end),
        quote=" ".join(s.text for s in sents),
        age=_age(after, texts),
        born=_born(texts),
        rank=rank,
        status=_status(found, texts, rank),
        home_region=(home.location.admin1 or home.location.name) if home else None,
        home_region_code=home.location.admin1_code if home else None,
        home_town=home.location.name if home and home.location.precision == "settlement" else None,
        occupation=_occupation(texts),
        unit=_unit(texts),
        date_of_death=_date_of_death(found, sents, published),
        place_of_death=death_place.location.name if death_place else None,
    )


def _surface(found: Found) -> str:
    for ent in found.sentence.entities:
        if ent.start == found.name_start:
            return ent.text
    return found.name


def _age(after: str, texts: list[str]) -> int | None:
    m = _AGE_AFTER.match(after)
    if m:
        return int(m.group(1))
    for text in texts:
        m = _AGE.search(text)
        if m:
            return int(next(g for g in m.groups() if g))
    return None


def _born(texts: list[str]) -> int | None:
    for text in texts:
        m = _BORN.search(text)
        if m:
            return int(m.group(1) or m.group(2))
    return None


def _rank(before: str, after: str) -> str | None:
    """The rank right before the name ("рядового Алексея ...") or in apposition after it."""
    lex = ru_lexicon()
    tail = before[-45:].lower()
    best: tuple[int, str] | None = None
    for pattern, english in lex.ranks:
        for m in pattern.finditer(tail):
            gap = tail[m.end() :]
            if re.fullmatch(r"[\s\w\-]{0,25}", gap) and (best is None or m.end() > best[0]):
                best = (m.end(), english)
    if best:
        return best[1]
    head = re.match(
        r"^\s*,\s*(?:\d{2}\s+(?:год|года|лет)\s*,\s*)?(?:мобилизованн\w+\s+)?([а-яё\- ]{3,30})", after
    )
    if head:
        for pattern, english in lex.ranks:
            if pattern.match(head.group(1).lower()):
                return english
    return None


def _status(found: Found, texts: list[str], rank: str | None) -> str:
    lex = ru_lexicon()
    for text in texts:
        low = text.lower()
        for status, pat in lex.status:
            if pat.search(low):
                return status
    if rank and rank in lex.officer:
        return "career"
    low = found.paragraph_text.lower()
    hits = [status for status, pat in lex.status if pat.search(low)]
    return hits[0] if len(hits) == 1 else "unknown"


def _lead(s: Sentence, hit: PlaceHit) -> str:
    return s.text[max(0, hit.start - s.start - 30) : hit.start - s.start]


def _in_clause(found: Found, s: Sentence, hit: PlaceHit) -> bool:
    if s is not found.sentence:
        return True
    lo, hi = found.window
    return lo <= hit.start < hi


def _home(found: Found, sents: list[Sentence]) -> PlaceHit | None:
    """Where the person came from: "из Миасса", "житель Нефтекамска", "уроженец ... области";
    else the dateline a regional post opens with ("Нефтекамск: ..."); else a burial town."""
    lex = ru_lexicon()
    for s in sents:
        hits = [h for h in sentence_places(s) if _in_clause(found, s, h)]
        cued = [h for h in hits if lex.home_cue.search(_lead(s, h))]
        if cued:
            return min(cued, key=lambda h: (h.location.precision != "settlement", h.start))
    dateline = _DATELINE.match(found.paragraph_text)
    if dateline:
        hits = [h for h in find_places(dateline.group(1)) if h.location.country == "RU"]
        if hits:
            return min(hits, key=lambda h: (h.location.precision != "settlement", h.start))
    if lex.burial.search(found.clause.lower()) and not lex.strong.search(found.clause.lower()):
        hits = [h for h in sentence_places(found.sentence) if h.location.country == "RU"]
        return hits[0] if hits else None
    return None


def _death_place(found: Found, sents: list[Sentence], home: PlaceHit | None) -> PlaceHit | None:
    """A place after "в", "под", "на территории" in a stretch that reports the death itself."""
    lex = ru_lexicon()
    for s in sents:
        region = found.clause if s is found.sentence else s.text
        if not lex.strong.search(region.lower()) and not (s is found.sentence and "гибел" in region.lower()):
            continue
        for hit in sentence_places(s):
            lead = _lead(s, hit)
            if not _in_clause(found, s, hit) or lex.home_cue.search(lead):
                continue
            if home is not None and hit.start == home.start:
                continue
            if lex.death_place_cue.search(lead):
                return hit
    return None


def _occupation(texts: list[str]) -> str | None:
    for text in texts:
        m = _OCCUPATION.search(text)
        if m is None:
            continue
        if m.group("prof"):
            return m.group("prof").lower()
        words = _OCC_STOP.sub("", m.group("occ")).split()
        return " ".join([_noun_nominative(words[0].lower()), *words[1:]])
    return None


def _noun_nominative(word: str) -> str:
    """An occupation noun from the instrumental ("сварщиком" -> "сварщик")."""
    for ending, nom in (("цом", "ец"), ("ём", "ь"), ("ем", "ь"), ("ом", ""), ("ой", "а"), ("ей", "я")):
        if word.endswith(ending):
            return word[: len(word) - len(ending)] + nom
    return word


def _unit(texts: list[str]) -> str | None:
    for text in texts:
        m = _UNIT.search(text)
        if m:
            return (m.group(1) or m.group(2)).strip()
    return None


def _date_of_death(found: Found, sents: list[Sentence], published: DateValue) -> DateValue:
    """The date nearest a verbal death cue of the person ("погиб 3 октября"); unknown if none."""
    lex = ru_lexicon()
    for s in sents:
        region = found.clause if s is found.sentence else s.text
        offset = max(0, s.text.find(region)) if s is found.sentence else 0
        cue = lex.strong.search(region.lower())
        if cue is None:
            continue
        anchor = s.start + offset + cue.start()
        lo, hi = s.start + offset, s.start + offset + len(region)
        best: tuple[int, DateValue] | None = None
        for span, value in sentence_dates(s, published):
            if not lo <= span.start < hi:
                continue
            distance = abs(span.start - anchor)
            if best is None or distance < best[0]:
                best = (distance, value)
        if best is not None:
            return best[1]
    return DateValue.unknown()
