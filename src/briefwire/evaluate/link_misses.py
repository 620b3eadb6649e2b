"""What a linking dev set's scores leave out: the pairs merged wrongly or missed, with evidence.

For ``python -m briefwire.evaluate --misses`` on the dev sets only (looking at a test set's
misses makes it dev). Each line is one pair of annotated items (a document's happening): the
two sentences that lead them, and the stored pair's score, veto and features when linking
scored it ("not scored": never a candidate: another type family, or too far apart).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rich.console import Console

from briefwire import api

from .link_sets import DocSet
from .linking import doc_items


def print_link_misses(console: Console, ws: api.Workspace, s: DocSet, limit: int = 40) -> None:
    claims = list(api.export_rows(ws, "claims"))
    gold, pred, _ = doc_items(s, claims)
    lead: dict[str, dict[str, Any]] = {}
    for c in claims:
        lead.setdefault(c.get("happening_id") or c["claim_id"], c)
    happening_of = {c["claim_id"]: c.get("happening_id") or c["claim_id"] for c in claims}
    pairs = _pairs(ws, happening_of)
    items = sorted(i for i in gold if not pred[i].startswith("none:"))
    shown = 0
    for n, x in enumerate(items):
        for y in items[n + 1 :]:
            if x.split("#")[0] == y.split("#")[0]:
                continue
            same, merged = gold[x] == gold[y], pred[x] == pred[y]
            if same == merged or shown >= limit:
                continue
            shown += 1
            kind = "missed" if same else "wrongly merged"
            console.print(f"[bold]{kind}[/] {gold[x]} / {gold[y]}: {x.split('#')[0]} + {y.split('#')[0]}")
            for item in (x, y):
                c = lead[item.split("#", 1)[1]]
                loc = c.get("location") or {}
                console.print(
                    f"    {c['type']} {c.get('date')} {loc.get('admin1_code')} | {c['quote'][:100]}"
                )
            console.print(
                f"    {pairs.get(frozenset((x.split('#', 1)[1], y.split('#', 1)[1])), 'not scored')}"
            )


def _pairs(ws: api.Workspace, happening_of: Mapping[str, str]) -> dict[frozenset[str], str]:
    """Stored pairs by the two happenings they compare (pairs are stored by lead claims)."""
    out: dict[frozenset[str], str] = {}
    for row in ws.store.link_pairs(happening_of):
        features = {k: v for k, v in row["features"].items() if v}
        key = frozenset((happening_of.get(row["claim_a"], ""), happening_of.get(row["claim_b"], "")))
        out[key] = f"score {row['score']:.2f} veto {row['veto']} {features}"
    return out


__all__ = ["print_link_misses"]
