"""Link: claims about the same happening become events; casualty mentions become persons.

Entry point: ``link(LinkInput, LinkOptions) -> LinkResult``. Plain rows in (the store's claims,
casualty mentions, passages, documents and human decisions), plain records out: events with
their independent sources, claimants and status; the casualty register; the entities named;
and every scored pair with its features, so that ``briefwire why`` can explain each merge.

Steps: resolve people (``entities``); gather each document happening's evidence from its claims
(``happening``); score candidate pairs of happenings of different documents, blocked by type
family and date (``evidence``, ``families``); cluster them under reviewers' constraints
(``group``); then count sources and settle status (``corroborate``) and build the register
(``register``). With ``LinkInput.new_claims`` only what new claims touch is re-linked
(``scope``): of the happenings sharing a block (type family and weeks) with them, the new ones,
those a new one scores a merge with (candidate pairs found from the new side, ``pairs``), and
whole events of those. Old happenings of the block that no score could merge with a new one are
ruled out before their evidence is gathered (``index``), with the same result.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from briefwire.models import LinkedEvent, LinkedPerson

from .entities import Entity, org_profile, organisation_entities, place_entities, resolve_people
from .events import assemble_events
from .evidence import score
from .features import PairScore
from .group import cluster
from .happening import HappeningInfo, happening_infos
from .index import comparable, could_merge, similarity_rows, sketches
from .merge import Constraints, claim_infos, explaining_pairs
from .pairs import Pair, candidate_pairs
from .register import person_details, persons
from .scope import affected_claims, touched
from .similarity import CallRunner, Similarity, VectorCache, default_similarity

LINKER = "link.happenings.v1"


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
    # where the embeddings missing from ``vectors`` are computed (None: in this process; a
    # pipeline with worker processes shares the encoder calls out among them)
    run_calls: CallRunner | None = None


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
    documents = {d["doc_id"]: d for d in inp.documents}
    reuse = reuse_groups(inp.passages)
    people = resolve_people(inp.claims, inp.mentions)
    orgs = org_profile(options.profile).for_one_run()
    cons = constraints(inp.decisions)
    similarity = default_similarity(options.embeddings, inp.run_calls)
    posts = channel_posts(inp.documents)

    def infos_of(cs: Sequence[dict[str, Any]], only: Sequence[int] | None = None) -> list[HappeningInfo]:
        """Happenings of ``cs``, or of the claims at positions ``only`` (whole happenings)."""
        chosen = cs if only is None else [cs[i] for i in only]
        return happening_infos(chosen, claim_infos(cs, people, reuse, orgs, only), cons.alone, posts)

    scope: tuple[str, ...] | None = None
    if inp.new_claims is not None:
        block = affected_claims(claims, inp.new_claims)
        if all(c["claim_id"] in inp.new_claims for c in block):
            # a first run or a backfill: every claim of the block is new, so every one is
            # touched whatever merges (``touched``), and finding the merges would score each
            # candidate pair once more than clustering does
            claims = list(block)
        else:
            merging = _merging(block, infos_of, Candidates(inp, similarity, reuse, cons.alone))
            claims = touched(block, inp.new_claims, merging)
        scope = tuple(sorted(c["claim_id"] for c in claims))
    happenings = infos_of(claims)
    pairs, sim = _compared(claims, happenings, None, similarity, inp.vectors)
    clustering = cluster(happenings, sim, cons, pairs)
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
class Candidates:
    """What finding a block's merges with new claims reads besides the block."""

    inp: LinkInput
    similarity: Similarity
    reuse: dict[tuple[str, int], int]
    alone: frozenset[str]


def _merging(
    block: Sequence[dict[str, Any]],
    infos_of: Callable[[Sequence[dict[str, Any]], Sequence[int]], list[HappeningInfo]],
    cand: Candidates,
) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """The claims of each pair of happenings, one with a new claim, that scores a merge.

    Only the new happenings and the old ones the candidate index (``index``) cannot rule out
    have their evidence gathered; their candidate pairs with a new one are scored."""
    new_claims = cand.inp.new_claims or frozenset()
    sketched = sketches(block, cand.reuse, cand.alone, channel_posts(cand.inp.documents))
    fresh = [s for s in sketched if any(block[i]["claim_id"] in new_claims for i in s.positions)]
    fresh_keys = frozenset(s.key for s in fresh)
    old = comparable(sketched, fresh_keys)
    texts = [c.get("quote") or c["summary"] for c in block]
    sim = cand.similarity.matrix(texts, cand.inp.vectors, similarity_rows(fresh, old))
    new = infos_of(block, sorted(i for s in fresh for i in s.positions))
    kept = [*fresh, *(s for s in old if any(could_merge(x, s, sim) for x in new))]
    hs = infos_of(block, sorted(i for s in kept for i in s.positions))
    pairs = candidate_pairs(hs, fresh_keys)
    return [(x.claims, y.claims) for x, y in pairs if score(x, y, sim).merge]


def _compared(
    claims: Sequence[dict[str, Any]],
    hs: Sequence[HappeningInfo],
    touching: frozenset[str] | None,
    similarity: Similarity,
    vectors: VectorCache | None,
) -> tuple[list[Pair], Any]:
    """The candidate pairs (those with a happening of ``touching``, when given) and the
    similarity of their sentences: only those are embedded (or read back)."""
    pairs = candidate_pairs(hs, touching)
    needed = {i for x, y in pairs for h in (x, y) for i in (*h.core, *h.rows)}
    texts = [c.get("quote") or c["summary"] for c in claims]
    return pairs, similarity.matrix(texts, vectors, needed)


def channel_posts(documents: Sequence[dict[str, Any]]) -> frozenset[str]:
    """The documents that are a channel's posts (a Telegram channel's), by id."""
    return frozenset(d["doc_id"] for d in documents if d.get("source_kind") == "telegram")


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
            # A split after a merge that named this claim's event by it undoes that merge.
            must = [pair for pair in must if d["target_key"] not in pair]
        elif d["target_kind"] == "claim" and d["action"] == "reset":
            alone.discard(d["target_key"])
    return Constraints(tuple(must), frozenset(alone))


__all__ = ["LINKER", "LinkInput", "LinkOptions", "LinkResult", "link", "warm_up"]
