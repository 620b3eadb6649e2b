"""An editor's brief decisions for a period, as the desk records them and the brief applies them.

One place reads them so that the desk's builder, its export and `briefwire brief` agree.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .model import Decisions


def period_key(since: str | None, until: str | None) -> str:
    """How decisions name a period: "2022-09-29..2022-09-29", open ends left empty."""
    return f"{since or ''}..{until or ''}"


def from_rows(rows: Sequence[Mapping[str, Any]]) -> Decisions:
    """Include, exclude and order decisions in the order they were taken; the last one wins."""
    excluded: set[str] = set()
    order: list[str] = []
    for d in rows:
        if d["action"] == "exclude":
            excluded.add(str(d["value"]))
        elif d["action"] == "include":
            excluded.discard(str(d["value"]))
        elif d["action"] == "order" and isinstance(d["value"], list):
            order = [str(k) for k in d["value"]]
    return Decisions(frozenset(excluded), tuple(order))


def ordered(events: Sequence[Mapping[str, Any]], decisions: Decisions) -> list[Mapping[str, Any]]:
    """Events in the editor's order (those never ordered after, by first report)."""
    rank = {k: i for i, k in enumerate(decisions.order)}
    return sorted(
        events, key=lambda r: (rank.get(r["event_id"], len(rank)), r.get("first_reported") or "9999")
    )


def rank_of(keys: Sequence[str], decisions: Decisions) -> int:
    rank = {k: i for i, k in enumerate(decisions.order)}
    return min((rank[k] for k in keys if k in rank), default=len(rank))
