"""Link: claims about the same happening become events; casualty mentions become persons.

Entry point: ``link(LinkInput, LinkOptions) -> LinkResult``. Plain rows in (the store's claims,
casualty mentions, passages, documents and human decisions), plain records out: events with
their independent sources, claimants and status; the casualty register; the entities named;
and every scored pair with its features, so that ``briefwire why`` can explain each merge.

Steps: resolve people (``entities``), score candidate claim pairs (``features``), cluster them
under reviewers' constraints (``merge``), then count sources and settle status
(``corroborate``) and build the register (``register``). With ``LinkInput.new_claims`` only what
new claims touch is re-linked (``scope``): of the claims sharing a block (type and weeks) with
them, those a new claim scores a merge with, and whole events of those.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from briefwire.models import LinkedEvent, LinkedPerson

from .entities import (
    Entity,
    OrgProfile,
    PersonIndex,
    org_profile,
    organisation_entities,
    place_entities,
    resolve_people,
)
from .events import assemble_events
from .features import ClaimInfo, PairScore
from .merge import Constraints, claim_infos, cluster, explaining_pairs, scored_pairs
from .pairs import candidate_pairs
from .register import person_details, persons
from .scope import affected_claims, touched
from .similarity import Similarity, VectorCache, default_similarity

LINKER = "link.merge.v1"


@dataclass(frozen=True)
class LinkInput:
    """Everything link reads, as the store returns it (lists of plain dicts)."""

    claims: Sequence[dict[str, Any]]
    mentions: Sequence[dict[str, Any]] = ()
    decisions: Sequence[dict[str, Any]] = ()
    passages: Sequence[dict[str, Any]] = ()  # doc_id, index, reuse_group, reused_from
    documents: Sequence[dict[str, Any]] = ()  # doc_id, outlet, forwarded_from, published, origin
    new_claims: frozenset[str] | None = None  # claim keys added since the last link (None: all)
    vectors: VectorCache | None = None  # embeddings kept between runs (the store's claim_vectors)


@dataclass(frozen=True)
class LinkOptions:
    embeddings: bool = True  # sentence embeddings; False uses word overlap (fast, for tests)
    profile: str = "mobilization"


@dataclass(frozen=True)
class LinkResult:
    events: tuple[LinkedEvent, ...]
    persons: tuple[LinkedPerson, ...]
    entities: tuple[Entity, ...] = ()
    pairs: tuple[PairScore, ...] = ()
    details: Mapping[str, dict[str, Any]] = field(default_factory=dict)  # event_key -> details
    person_details: Mapping[str, dict[str, Any]] = field(default_factory=dict)  # person_key -> details
    scope_claim_keys: tuple[str, ...] | None = None  # None: everything was re-linked


def warm_up(options: LinkOptions | None = None) -> None:
    """Load the similarity model now (a long-running watch), not on the first claim to link."""
    default_similarity((options or LinkOptions()).embeddings).matrix(["Draft notices were served."])


def link(inp: LinkInput, options: LinkOptions | None = None) -> LinkResult:
    options = options or LinkOptions()
    rejected = {
        d["target_key"] for d in inp.decisions if d["target_kind"] == "claim" and d["action"] == "reject"
    }
    claims = [c for c in inp.claims if c["claim_id"] not in rejected]
    scope: tuple[str, ...] | None = None
    documents = {d["doc_id"]: d for d in inp.documents}
    reuse = reuse_groups(inp.passages)
    people = resolve_people(inp.claims, inp.mentions)
    orgs = org_profile(options.profile)
    comparer = _Comparer(people, reuse, orgs, default_similarity(options.embeddings), inp.vectors)
    if inp.new_claims is not None:
        block = affected_claims(claims, inp.new_claims)
        new = frozenset(inp.new_claims)
        infos, sim = comparer.compare(block, new)
        merging = [(p.a, p.b) for p in scored_pairs(infos, sim, new).values() if p.merge]
        claims = touched(block, new, merging)
        scope = tuple(sorted(c["claim_id"] for c in claims))
    infos, sim = comparer.compare(claims)
    clustering = cluster(infos, sim, constraints(inp.decisions))
    events, details = assemble_events(
        claims,
        clustering,
        documents=documents,
        reuse=reuse,
        people=people,
        orgs=orgs,
        decisions=inp.decisions,
    )
    entities = (*people.entities(), *organisation_entities(inp.claims, orgs), *place_entities(inp.claims))
    register = persons(inp.mentions, people, documents, reuse)
    return LinkResult(
        events=tuple(events),
        persons=tuple(register),
        entities=entities,
        pairs=explaining_pairs(clustering),
        details=details,
        scope_claim_keys=scope,
        person_details={p.person_key: person_details(p, inp.mentions, documents) for p in register},
    )


@dataclass(frozen=True)
class _Comparer:
    """What merging reads of claims besides the claims, and how alike their sentences are."""

    people: PersonIndex
    reuse: dict[tuple[str, int], int]
    orgs: OrgProfile
    similarity: Similarity
    vectors: VectorCache | None

    def compare(
        self, claims: Sequence[dict[str, Any]], touching: frozenset[str] | None = None
    ) -> tuple[list[ClaimInfo], Any]:
        """The claims' infos and similarity, embedded only where a candidate pair needs it (a pair
        with a claim of ``touching``, when given)."""
        infos = claim_infos(claims, self.people, self.reuse, self.orgs)
        pairs = candidate_pairs(infos, touching)
        needed = {i for x, y in pairs for i in (x.index, y.index)}
        texts = [c.get("quote") or c["summary"] for c in claims]
        return infos, self.similarity.matrix(texts, self.vectors, needed)


def reuse_groups(passages: Sequence[dict[str, Any]]) -> dict[tuple[str, int], int]:
    """(doc_id, paragraph index) -> re-use group, only for paragraphs shared by two documents."""
    members: dict[int, set[str]] = {}
    for p in passages:
        if p.get("reuse_group") is not None:
            members.setdefault(p["reuse_group"], set()).add(p["doc_id"])
    return {
        (p["doc_id"], p["index"]): p["reuse_group"]
        for p in passages
        if p.get("reuse_group") is not None and len(members[p["reuse_group"]]) > 1
    }


def constraints(decisions: Sequence[dict[str, Any]]) -> Constraints:
    """Reviewers' merges (must-link) and splits (a claim stands alone); later decisions win."""
    must: list[tuple[str, str]] = []
    alone: set[str] = set()
    for d in decisions:
        if d["target_kind"] == "event" and d["action"] == "merge" and isinstance(d.get("value"), str):
            must.append((d["target_key"], d["value"]))
        elif d["target_kind"] == "claim" and d["action"] == "split":
            alone.add(d["target_key"])
        elif d["target_kind"] == "claim" and d["action"] == "reset":
            alone.discard(d["target_key"])
    return Constraints(tuple(must), frozenset(alone))


__all__ = ["LINKER", "LinkInput", "LinkOptions", "LinkResult", "link", "warm_up"]
