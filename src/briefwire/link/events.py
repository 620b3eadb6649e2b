"""Clusters of claims into ``LinkedEvent`` records with stable keys and explanations.

An event's key is the ``claim_key`` of its earliest claim, except that a key the event already
had (a member claim's current event key that is one of its members) is kept, preferring one a
reviewer has decided on: new, earlier documents joining an accepted event do not rename it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from briefwire.models import Actor, DateValue, LinkedEvent, Location, Quantity

from .corroborate import corroborate
from .entities import OrgProfile, PersonIndex
from .features import PairScore
from .merge import Clustering

_DATE_RANK = {"explicit": 3, "dateline": 2, "relative": 2, "inferred": 1}
_PLACE_RANK = {"settlement": 4, "near": 3, "region": 2, "country": 1, "unknown": 0}


def assemble_events(
    claims: Sequence[dict[str, Any]],
    clustering: Clustering,
    *,
    documents: Mapping[str, Mapping[str, Any]],
    reuse: Mapping[tuple[str, int], int],
    people: PersonIndex,
    orgs: OrgProfile,
    decisions: Sequence[dict[str, Any]],
) -> tuple[list[LinkedEvent], dict[str, dict[str, Any]]]:
    by_key = {c["claim_id"]: c for c in claims}
    order = {c["claim_id"]: i for i, c in enumerate(claims)}
    decided = {d["target_key"] for d in decisions if d["target_kind"] == "event"}
    events, details = [], {}
    touching: dict[str, list[PairScore]] = {}
    for pair in clustering.pairs.values():
        touching.setdefault(pair.a, []).append(pair)
        touching.setdefault(pair.b, []).append(pair)
    for members_keys, edges in zip(clustering.clusters, clustering.edges, strict=True):
        members = sorted(
            (by_key[k] for k in members_keys),
            key=lambda c: (c.get("published") or "9999", order[c["claim_id"]]),
        )
        key = event_key(members, decided)
        corr = corroborate(members, documents, reuse, people, orgs)
        ev = _event(key, members, corr.status, corr.sources, corr.independent)
        explanation = _explain(members, edges, corr.as_dict(), by_key, documents)
        events.append(_with_explanation(ev, explanation))
        details[key] = {
            **corr.as_dict(),
            "joins": [_edge(e) for e in edges],
            "near_misses": _near_misses(members_keys, touching),
        }
    return events, details


def event_key(members: Sequence[dict[str, Any]], decided: set[str]) -> str:
    keys = [c["claim_id"] for c in members]
    previous = [c["event_id"] for c in members if c.get("event_id") in keys]
    for k in previous:
        if k in decided:
            return str(k)
    return str(previous[0]) if previous else keys[0]


def _event(key: str, members: list[dict[str, Any]], status: str, sources: list[str], n: int) -> LinkedEvent:
    lead = max(
        members, key=lambda c: (c.get("stance") != "denied", c.get("confidence") or 0, -len(c["summary"]))
    )
    dated = [c for c in members if c.get("date")]
    best_date = max(
        dated,
        key=lambda c: (c.get("date_precision") == "day", _DATE_RANK.get(c.get("date_basis") or "", 0)),
        default=None,
    )
    located = [c for c in members if c.get("location")]
    best_loc = max(
        located, key=lambda c: _PLACE_RANK.get(c["location"].get("precision") or "unknown", 0), default=None
    )
    quantities = [c["quantity"] for c in members if c.get("quantity")]
    values = Counter(q["value"] for q in quantities)
    quantity = (
        next((q for q in quantities if q["value"] == values.most_common(1)[0][0]), None) if values else None
    )
    actors = list(
        dict.fromkeys(
            (a["name"], a["role"], a.get("name_latin")) for c in members for a in c.get("actors") or []
        )
    )
    return LinkedEvent(
        event_key=key,
        type=Counter(c["type"] for c in members).most_common(1)[0][0],
        theme=lead["theme"],
        summary=lead["summary"],
        date=DateValue(best_date["date"], best_date["date_precision"], best_date["date_basis"])
        if best_date
        else DateValue.unknown(),
        location=Location(**best_loc["location"]) if best_loc else None,
        actors=tuple(Actor(n_, r, latin) for n_, r, latin in actors),
        quantity=Quantity(**quantity) if quantity else None,
        status=status,
        first_reported=min((c["published"] for c in members if c.get("published")), default=None),
        independent_sources=n,
        sources=tuple(sources),
        claim_keys=tuple(c["claim_id"] for c in members),
    )


def _with_explanation(ev: LinkedEvent, lines: list[str]) -> LinkedEvent:
    from dataclasses import replace  # noqa: PLC0415

    return replace(ev, explanation=tuple(lines))


def _explain(
    members: list[dict[str, Any]],
    edges: list[PairScore],
    corr: dict[str, Any],
    by_key: Mapping[str, dict[str, Any]],
    documents: Mapping[str, Mapping[str, Any]],
) -> list[str]:
    from .explain import describe_pair  # noqa: PLC0415

    n_docs = len({c["doc_id"] for c in members})
    lines = [f"link.happenings.v1: {len(members)} claim(s) from {n_docs} document(s)"]
    lines += [describe_pair(e, by_key, documents) for e in edges]
    units = corr["units"]
    lines.append(f"independent sources: {len(units)} — " + "; ".join(" = ".join(u) for u in units))
    if corr["claimants"]:
        lines.append("primary claimants: " + "; ".join(corr["claimants"]))
    lines.append(f"status {corr['status']}: {corr['status_reason']}")
    for v in corr["values"]:
        lines.append(f"value {v['value']:g}: " + ", ".join(v["sources"]))
    return lines


def _edge(e: PairScore) -> dict[str, Any]:
    return {"a": e.a, "b": e.b, "score": e.score, "features": e.features, "veto": e.veto}


def _near_misses(
    keys: list[str], touching: Mapping[str, list[PairScore]], n: int = 3
) -> list[dict[str, Any]]:
    inside = set(keys)
    outside = {id(p): p for k in keys for p in touching.get(k, ()) if (p.a in inside) != (p.b in inside)}
    ranked = sorted(outside.values(), key=lambda p: -p.score)
    return [_edge(p) for p in ranked[:n]]
