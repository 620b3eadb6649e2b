"""What clustering reads of each claim, and what it keeps of its decisions.

:func:`claim_infos` computes once per claim what happenings gather as evidence (``happening``):
resolved people and claimants, the region and the regions its sentence names, the date and the
days it covers, re-used paragraphs, whether its document is a digest. :class:`Constraints` are
reviewers' merges and splits, :class:`Clustering` the result of ``group.cluster``, and
:func:`explaining_pairs` the scored pairs worth storing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from .entities import OrgProfile, PersonIndex, person_surfaces
from .features import (
    PUBLICATION_BASES,
    ClaimInfo,
    PairScore,
    background_date,
    claim_day,
    claim_span,
    name_skeletons,
)

# Roles that make a person what a claim is about; "subject" only counts for types about one
# person's fate (a statement by Putin and another about Putin are not one happening).
_PERSON_TYPES = frozenset(
    {
        "casualty",
        "desertion_or_missing",
        "wrongful_mobilization",
        "detention_of_refusers",
        "incident_or_crime",
        "repression_or_prosecution",
        "resignation",
    }
)


@dataclass(frozen=True)
class Constraints:
    must_link: tuple[tuple[str, str], ...] = ()
    alone: frozenset[str] = frozenset()  # claims a reviewer split off: each stays its own event


@dataclass(frozen=True)
class Clustering:
    clusters: list[list[str]]
    pairs: dict[tuple[str, str], PairScore]
    edges: list[list[PairScore]]  # per cluster: the pairs that joined it


def digests(claims: Sequence[dict[str, Any]], min_claims: int = 10, min_places: int = 4) -> set[str]:
    """Documents that read as digests: many claims about many different places."""
    places: dict[str, set[str]] = defaultdict(set)
    counts: dict[str, int] = defaultdict(int)
    for c in claims:
        counts[c["doc_id"]] += 1
        code = (c.get("location") or {}).get("admin1_code")
        if code:
            places[c["doc_id"]].add(code)
    return {d for d, n in counts.items() if n >= min_claims and len(places[d]) >= min_places}


def claim_infos(
    claims: Sequence[dict[str, Any]],
    people: PersonIndex,
    reuse: dict[tuple[str, int], int],
    orgs: OrgProfile | None = None,
    only: Collection[int] | None = None,
) -> list[ClaimInfo]:
    """One per claim, or per claim at the positions ``only`` (the rest of ``claims`` still
    says which documents are digests and where each claim's sentence is)."""
    digest_docs = digests(claims)
    out = []
    for i, c in enumerate(claims):
        if only is not None and i not in only:
            continue
        loc = c.get("location") or {}
        para = c.get("paragraph_index")
        key = (c["doc_id"], para) if para is not None else None
        roles = {"victim", "subject"} if c["type"] in _PERSON_TYPES else {"victim"}
        persons = {
            people.resolve(c["doc_id"], a["name"]) for a in c.get("actors") or [] if a.get("role") in roles
        }
        region = loc.get("admin1_code")
        out.append(
            ClaimInfo(
                key=c["claim_id"],
                index=i,
                doc_id=c["doc_id"],
                type=c["type"],
                day=claim_day(c),
                day_is_publication=c.get("date_basis") in PUBLICATION_BASES or background_date(c),
                region=region if region and "-" in region else None,
                country=(loc.get("country") or (region or "")[:2] or None) if loc else None,
                people=frozenset(p for p in persons if p),
                names=name_skeletons(c.get("quote") or ""),
                reuse_groups=frozenset([reuse[key]]) if key in reuse else frozenset(),
                order=i,
                digest=c["doc_id"] in digest_docs,
                regions_named=regions_named(c.get("quote") or ""),
                claimants=claimant_keys(c, people, orgs),
                span=claim_span(c),
            )
        )
    return out


def claimant_keys(c: dict[str, Any], people: PersonIndex, orgs: OrgProfile | None) -> frozenset[str]:
    keys = {people.resolve(c["doc_id"], s) for s, role in person_surfaces(c) if role == "claimant"}
    if orgs is not None:
        texts = [
            *(c.get("claimed_by") or []),
            *(a["name"] for a in c.get("actors") or [] if a.get("role") in ("claimant", "organisation")),
        ]
        quote = c.get("quote") or ""
        found = (orgs.find(_with_neighbours(str(t), quote)) for t in texts)
        keys |= {f"org:{o.key}" for o in found if o is not None}
    return frozenset(k for k in keys if k)


_NEIGHBOUR = r"(?:[\w.'’-]+\s+)?"


def _with_neighbours(text: str, quote: str) -> str:
    """``text`` with the word before and after it where the sentence names it: an actor
    extracted as «МИД» or "Defence Ministry" may stand in «Украинский МИД» or "the Defence
    Ministry of Ukraine", and a foreign body is never folded into a Russian one."""
    if not text or text not in quote:
        return text
    m = re.search(_NEIGHBOUR + re.escape(text) + r"(?:\s+(?:of\s+)?[\w.'’-]+)?", quote)
    return m.group(0) if m else text


def regions_named(quote: str) -> frozenset[str]:
    try:
        from briefwire.nlp.gazetteer import Gazetteer  # noqa: PLC0415

        found = Gazetteer.load().find(quote)
    except Exception:  # no gazetteer: the claim's own location still counts
        return frozenset()
    return frozenset(m.place.admin1_code for m in found if m.place.admin1_code)


def explaining_pairs(clustering: Clustering, near_misses: int = 3) -> tuple[PairScore, ...]:
    """The scored pairs worth keeping: those that explain a decision, not every pair scored.

    Kept: the pairs that joined each event (one per join); pairs that scored above the
    threshold yet stayed apart (a veto, a reviewer, average linkage); and each claim's
    ``near_misses`` strongest pairs across events. The rest (other pairs inside one event, pairs
    far below the threshold) decided nothing: keeping them made ``link_pairs`` grow with the
    square of a block's claims.
    """
    joined = {_pk(p.a, p.b) for edges in clustering.edges for p in edges}
    cluster_of = {k: i for i, members in enumerate(clustering.clusters) for k in members}
    kept = set(joined)
    best: dict[str, list[PairScore]] = defaultdict(list)
    for key, ps in clustering.pairs.items():
        if cluster_of.get(ps.a) == cluster_of.get(ps.b):
            continue
        if ps.merge:
            kept.add(key)
        else:
            best[ps.a].append(ps)
            best[ps.b].append(ps)
    for pairs in best.values():
        kept.update(_pk(p.a, p.b) for p in sorted(pairs, key=lambda p: -p.score)[:near_misses])
    return tuple(ps for key, ps in clustering.pairs.items() if key in kept)


def _pk(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)
