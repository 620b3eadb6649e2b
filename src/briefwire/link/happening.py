"""A document's happening as linking sees it: the evidence of all its claims, as entities.

Extraction groups a document's sentences into happenings (claims carry ``happening_id`` and
``facet``); linking decides which happenings of different documents are one event. A
happening's evidence is gathered once here: its people (resolved person keys), its place by
role (the region code and the settlement, spelling-neutral), its date as the interval its
precision covers (and whether it has a date of its own or only the publication's), its counts
with their claimants, its claimants, the names its sentences mention, the re-published
paragraphs it sits in, and which of its claims are *core* (state the happening itself) and
which are facets (a count, the funeral, the case that followed).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from briefwire.extract.mentions.quantity_patterns import DURATION_NOUNS, RU_DURATION_NOUNS

from .features import PUBLICATION_BASES, ClaimInfo, background_date, claim_day, claim_span, parse_day
from .names import has_cyrillic
from .units import unit_class

_WORD = re.compile(r"[^\W\d_]{4,}")
_NUMBER = re.compile(r"(?<![\d.,])\d{2,}(?:[.,]\d+)?(?![\d.,])")
_CAPS = re.compile(r"\b[A-ZА-ЯЁ][\w'’-]{2,}")

_OWN_DATE = ("explicit", "relative", "dateline", "inferred")


@dataclass(frozen=True)
class Count:
    value: float
    value_max: float | None
    approx: bool
    unit: str  # the class of what it counts (``units.unit_class``)
    claimants: frozenset[str]


@dataclass(frozen=True)
class HappeningInfo:
    key: str
    claims: tuple[str, ...]  # claim keys, the lead first
    core: tuple[int, ...]  # similarity rows of the claims that state the happening itself
    rows: tuple[int, ...]  # similarity rows of every claim (facets too)
    doc_id: str
    type: str
    day: date | None
    span: int
    dated: bool  # a date of its own, not only the publication's
    published: date | None
    region: str | None
    regions: frozenset[str]
    regions_named: frozenset[str]
    settlements: frozenset[str]  # spelling-neutral keys of the settlement-level places
    country: str | None
    people: frozenset[str]
    claimants: frozenset[str]
    counts: tuple[Count, ...]
    names: frozenset[str]
    words: frozenset[str]  # content-word stems and numbers of its sentences (see ``content_words``)
    place_mentions: frozenset[str]  # place-word keys of the capitalised words its sentences use
    reuse_groups: frozenset[int]
    digest: bool
    cyrillic: bool
    order: int
    post: bool = False  # a channel's post (Telegram): it tells what has just happened
    group: bool = False  # it tells of several people (a toll, a list): other names are more of them


def place_key(name: str) -> str:
    """A spelling-neutral key of a place name: its words' stems, in order (Verkhny Lars, Верхний Ларс)."""
    from .places import place_words  # noqa: PLC0415

    return " ".join(place_words(name))


def happening_infos(
    claims: Sequence[dict[str, Any]],
    infos: Sequence[ClaimInfo],
    alone: Collection[str] = (),
    posts: Collection[str] = (),
) -> list[HappeningInfo]:
    """One per happening; a claim a reviewer split off (``alone``) is a happening of its own;
    ``posts``: the documents that are a channel's posts."""
    out = []
    for order, (key, rows) in enumerate(happening_groups(claims, alone).items()):
        h = _happening(key, [claims[i] for i in rows], [infos[i] for i in rows], order)
        out.append(replace(h, post=True) if h.doc_id in posts else h)
    return out


def happening_groups(claims: Sequence[dict[str, Any]], alone: Collection[str] = ()) -> dict[str, list[int]]:
    """Happening key -> positions of its claims, in order of first appearance."""
    groups: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        own = c["claim_id"] in alone or not c.get("happening_id")
        groups[c["claim_id"] if own else c["happening_id"]].append(i)
    return groups


def told(cs: Sequence[dict[str, Any]]) -> list[int]:
    """Positions of a happening's claims that tell it: figures told near the happening say
    nothing of its place, people or wording (all of them when it is known only from figures)."""
    return [n for n, c in enumerate(cs) if c.get("facet") != "figure"] or list(range(len(cs)))


def main_type(cs: Sequence[dict[str, Any]]) -> str:
    """The type most of a happening's telling claims have (the first seen on a tie)."""
    return str(Counter(c["type"] for c in cs).most_common(1)[0][0])


def sentence_rows(cs: Sequence[dict[str, Any]]) -> tuple[list[int], list[int]]:
    """Positions of the telling claims (of ``told``) whose sentences are compared: the core
    ones (state the happening itself) and every one (facets too)."""
    type_ = main_type(cs)
    core = [n for n, c in enumerate(cs) if (c.get("facet") or c["type"]) == type_] or [0]
    # a short sentence ("He was buried on Saturday.") reads like many others: compare the
    # longer ones when there are any
    telling = {n for n, c in enumerate(cs) if len((c.get("quote") or "").split()) >= 7}
    core = [n for n in core if n in telling] or core
    return core, [n for n in range(len(cs)) if n in telling] or list(range(len(cs)))


@dataclass(frozen=True)
class When:
    lead: int  # position of the lead claim: a core one, with a date of its own if any has
    day: date | None
    span: int  # days the date covers
    dated: bool  # a date of its own, not only the publication's


def when(cs: Sequence[dict[str, Any]], core: Sequence[int], orders: Sequence[int]) -> When:
    """A happening's lead claim and date, from its telling claims (``orders``: their places in
    the block): the narrowest date of its own, else the lead's (the publication's)."""
    lead = min(core, key=lambda n: (cs[n].get("date_basis") in PUBLICATION_BASES, orders[n]))
    own = [n for n, c in enumerate(cs) if c.get("date_basis") in _OWN_DATE and not background_date(c)]
    own = [n for n in own if claim_day(cs[n])]
    if not own:
        return When(lead, claim_day(cs[lead]), 1, False)
    best = min(own, key=lambda n: (claim_span(cs[n]), orders[n]))
    return When(lead, claim_day(cs[best]), claim_span(cs[best]), True)


def _happening(key: str, cs: list[dict[str, Any]], infos: list[ClaimInfo], order: int) -> HappeningInfo:
    every = [i.key for i in infos]
    every_claim = cs
    # a region any of its sentences names, a figure's too ("40 men from Tatarstan" leads a
    # post whose scene is Avdiivka): where the people come from is no other place
    named = frozenset().union(*(i.regions_named for i in infos))
    kept = told(cs)
    cs, infos = [cs[n] for n in kept], [infos[n] for n in kept]
    type_ = main_type(cs)
    core_at, rows_at = sentence_rows(cs)
    core, rows = [infos[n] for n in core_at], [infos[n] for n in rows_at]
    w = when(cs, core_at, [i.order for i in infos])
    lead = infos[w.lead]
    people = frozenset().union(*(i.people for i in infos))
    regions = Counter(i.region for i in infos if i.region)
    return HappeningInfo(
        key=key,
        claims=(lead.key, *(k for k in every if k != lead.key)),
        core=tuple(i.index for i in core[:4]),
        rows=tuple(i.index for i in rows[:8]),
        doc_id=lead.doc_id,
        type=type_,
        day=w.day,
        span=w.span,
        dated=w.dated,
        published=parse_day(cs[0].get("published")),
        region=regions.most_common(1)[0][0] if regions else None,
        regions=frozenset(regions),
        regions_named=named,
        settlements=frozenset(settlements_of(cs)),
        country=next((i.country for i in infos if i.country), None),
        people=people,
        group=not lead.digest and (len(people) > 1 or any(_several(c) for c in every_claim)),
        claimants=frozenset().union(*(i.claimants for i in infos)),
        counts=tuple(counts_of(cs, [i.claimants for i in infos])),
        names=frozenset().union(*(i.names for i in infos)),
        words=content_words(" ".join(c.get("quote") or "" for c in cs[:8])),
        place_mentions=_place_mentions(cs),
        reuse_groups=frozenset().union(*(i.reuse_groups for i in infos)),
        digest=lead.digest,
        cyrillic=has_cyrillic(" ".join(c.get("quote") or "" for c in cs[:3])),
        order=order,
    )


# Count classes (``units``) of people: a count of more than one of them tells of a group
_PEOPLE_CLASSES = frozenset({"people", "wounded", "children"})
_PEOPLE_WORDS = ("soldier", "servicem", "reservist", "mobiliz", "mobilis", "conscript", "военн", "мобилиз")


def _several(c: dict[str, Any]) -> bool:
    """Whether a claim is a toll: it counts more than one person and names none of them ("63
    dead", a list's "3 people"). Such a happening is about a group, and two reports of it each
    name whom they name of it. A count beside a named person ("the grave of D., where three
    other men lie") is a detail of that person's story."""
    if any(a.get("role") in ("victim", "subject") and _is_person(a) for a in c.get("actors") or []):
        return False
    q = c.get("quantity") or {}
    if q.get("value") is None or float(q["value"]) <= 1 or _duration(q.get("unit")):
        return False
    unit = str(q.get("unit") or "").casefold()
    return unit_class(unit) in _PEOPLE_CLASSES or any(w.startswith(_PEOPLE_WORDS) for w in unit.split())


def _is_person(actor: dict[str, Any]) -> bool:
    """An actor named like a person: two or more capitalised words ("Pavel Demin")."""
    words = str(actor.get("name") or "").split()
    return len(words) >= 2 and all(w[:1].isupper() for w in words)


def content_words(text: str) -> frozenset[str]:
    """Stems (first five letters) of the longer words and the numbers a text uses, less the
    commonest function words: what two paraphrases of one report still share."""
    from .places import stopwords  # noqa: PLC0415

    words = {w[:5] for w in _WORD.findall(text.casefold()) if w not in stopwords()}
    return frozenset(words | set(_NUMBER.findall(text)))


def settlements_of(cs: Sequence[dict[str, Any]]) -> set[str]:
    out = set()
    for c in cs:
        loc = c.get("location") or {}
        if loc.get("precision") in ("settlement", "near") and loc.get("name"):
            key = place_key(str(loc["name"]))
            # a city that is a region of its own (Moscow) says no more than the region does
            if key and key != place_key(str(loc.get("admin1") or "")):
                out.add(key)
    return out


def _place_mentions(cs: list[dict[str, Any]]) -> frozenset[str]:
    capitalised = _CAPS.findall(" ".join(c.get("quote") or "" for c in cs))
    return frozenset(place_key(" ".join(capitalised)).split())


def _duration(unit: str | None) -> bool:
    head = (unit or "").split()[-1:] or [""]
    return head[0].lower() in DURATION_NOUNS or head[0].lower() in RU_DURATION_NOUNS


def counts_of(cs: Sequence[dict[str, Any]], claimants: Sequence[frozenset[str]]) -> list[Count]:
    """The counts a happening's claims give (``claimants``: each claim's resolved claimants)."""
    out = []
    for c, resolved in zip(cs, claimants, strict=True):
        q = c.get("quantity") or {}
        if q.get("value") is None or c.get("facet") == "figure" or _duration(q.get("unit")):
            # a figure told near the happening is not one of its counts, and how long something
            # took or lasted is told differently by each report
            continue
        out.append(
            Count(
                float(q["value"]),
                float(q["value_max"]) if q.get("value_max") is not None else None,
                bool(q.get("approx")),
                unit_class(q.get("unit")),
                # who gives the number: resolved claimants, else the words the text names them by
                resolved | _named_claimants(c),
            )
        )
    return out


def _named_claimants(c: dict[str, Any]) -> set[str]:
    """The words a claim names who says so by, less the outlet that carries it: extraction
    falls back to the outlet when the text names no one, and two outlets' different numbers
    with no one behind them are two counts, not a dispute between claimants."""
    carrier = str(c.get("outlet") or "").casefold()
    return {w for w in (str(x).casefold() for x in c.get("claimed_by") or []) if w and w != carrier}
