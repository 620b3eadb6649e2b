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
from dataclasses import dataclass
from datetime import date
from typing import Any

from briefwire.extract.mentions.quantity_patterns import DURATION_NOUNS, RU_DURATION_NOUNS

from .features import ClaimInfo, parse_day
from .names import has_cyrillic

_WORD = re.compile(r"[^\W\d_]{4,}")
_NUMBER = re.compile(r"(?<![\d.,])\d{2,}(?:[.,]\d+)?(?![\d.,])")
_CAPS = re.compile(r"\b[A-ZА-ЯЁ][\w'’-]{2,}")

_OWN_DATE = ("explicit", "relative", "dateline", "inferred")


@dataclass(frozen=True)
class Count:
    value: float
    value_max: float | None
    approx: bool
    unit: str | None
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
    # known only from figures told by the way: nothing to compare across documents but numbers
    figures_only: bool = False


def place_key(name: str) -> str:
    """A spelling-neutral key of a place name: its words' stems, in order (Verkhny Lars, Верхний Ларс)."""
    from .places import place_words  # noqa: PLC0415

    return " ".join(place_words(name))


def happening_infos(
    claims: Sequence[dict[str, Any]], infos: Sequence[ClaimInfo], alone: Collection[str] = ()
) -> list[HappeningInfo]:
    """One per happening; a claim a reviewer split off (``alone``) is a happening of its own."""
    groups: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        own = c["claim_id"] in alone or not c.get("happening_id")
        groups[c["claim_id"] if own else c["happening_id"]].append(i)
    out = []
    for order, (key, rows) in enumerate(groups.items()):
        out.append(_happening(key, [claims[i] for i in rows], [infos[i] for i in rows], order))
    return out


def _happening(key: str, cs: list[dict[str, Any]], infos: list[ClaimInfo], order: int) -> HappeningInfo:
    every = [i.key for i in infos]
    figures_only = all(c.get("facet") == "figure" for c in cs)
    if not figures_only:
        # figures told near the happening say nothing of its place, people or wording
        told = [(c, i) for c, i in zip(cs, infos, strict=True) if c.get("facet") != "figure"]
        cs, infos = [c for c, _ in told], [i for _, i in told]
    type_ = Counter(c["type"] for c in cs).most_common(1)[0][0]
    core = [i for c, i in zip(cs, infos, strict=True) if (c.get("facet") or c["type"]) == type_]
    core = core or infos[:1]
    # a short sentence ("He was buried on Saturday.") reads like many others: compare the
    # longer ones when there are any
    telling = {i.index for c, i in zip(cs, infos, strict=True) if len((c.get("quote") or "").split()) >= 7}
    core = [i for i in core if i.index in telling] or core
    rows = [i for i in infos if i.index in telling] or infos
    lead = min(core, key=lambda i: (i.day_is_publication, i.order))
    own = [(c, i) for c, i in zip(cs, infos, strict=True) if c.get("date_basis") in _OWN_DATE and i.day]
    best = min(own, key=lambda ci: (ci[1].span, ci[1].order))[1] if own else lead
    regions = Counter(i.region for i in infos if i.region)
    return HappeningInfo(
        key=key,
        claims=(lead.key, *(k for k in every if k != lead.key)),
        core=tuple(i.index for i in core[:4]),
        rows=tuple(i.index for i in rows[:8]),
        doc_id=lead.doc_id,
        type=type_,
        day=best.day,
        span=best.span if own else 1,
        dated=bool(own),
        published=parse_day(cs[0].get("published")),
        region=regions.most_common(1)[0][0] if regions else None,
        regions=frozenset(regions),
        regions_named=frozenset().union(*(i.regions_named for i in infos)),
        settlements=frozenset(_settlements(cs)),
        country=next((i.country for i in infos if i.country), None),
        people=frozenset().union(*(i.people for i in infos)),
        claimants=frozenset().union(*(i.claimants for i in infos)),
        counts=tuple(_counts(cs, infos)),
        names=frozenset().union(*(i.names for i in infos)),
        words=content_words(" ".join(c.get("quote") or "" for c in cs[:8])),
        place_mentions=_place_mentions(cs),
        reuse_groups=frozenset().union(*(i.reuse_groups for i in infos)),
        digest=lead.digest,
        cyrillic=has_cyrillic(" ".join(c.get("quote") or "" for c in cs[:3])),
        figures_only=figures_only,
        order=order,
    )


def content_words(text: str) -> frozenset[str]:
    """Stems (first five letters) of the longer words and the numbers a text uses, less the
    commonest function words: what two paraphrases of one report still share."""
    from .places import stopwords  # noqa: PLC0415

    words = {w[:5] for w in _WORD.findall(text.casefold()) if w not in stopwords()}
    return frozenset(words | set(_NUMBER.findall(text)))


def _settlements(cs: list[dict[str, Any]]) -> set[str]:
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


def _counts(cs: list[dict[str, Any]], infos: list[ClaimInfo]) -> list[Count]:
    out = []
    for c, info in zip(cs, infos, strict=True):
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
                q.get("unit"),
                # who gives the number: resolved claimants, else the words the text names them by
                info.claimants | {str(w).casefold() for w in c.get("claimed_by") or []},
            )
        )
    return out
