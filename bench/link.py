"""Linking the example corpus: time per run and scaling with the number of claims.

Ingests ``examples/`` (and ``../shared/seeds`` when present) once without linking, then links
the ledger three ways in this process: word-overlap similarity (the baseline), sentence
embeddings with the model already loaded, and the claims copied eight times over (each copy a
different week, so blocks stay the same size: near-linear growth is the target). Printed:
seconds per run, claims per second, and the ratios to the baseline.

    .venv/bin/python bench/link.py
"""

from __future__ import annotations

import copy
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from briefwire import api
from briefwire.link import LinkInput, LinkOptions, link
from briefwire.link.similarity import default_similarity
from briefwire.pipeline import PipelineOptions

REPO = Path(__file__).resolve().parent.parent


def _inputs(ws: api.Workspace) -> LinkInput:
    st = ws.store
    return LinkInput(st.claims(), st.casualty_mentions(), st.decisions(), st.passages(), st.link_documents())


def _shifted(inp: LinkInput, copies: int) -> LinkInput:
    """The claims ``copies`` times, each copy moved by whole months and given new keys."""
    claims: list[dict[str, Any]] = []
    for k in range(copies):
        for c in inp.claims:
            row = copy.deepcopy(c)
            row["claim_id"] = f"{c['claim_id']}~{k}"
            row["doc_id"] = f"{c['doc_id']}~{k}"
            if row.get("date"):
                row["date"] = (date.fromisoformat(row["date"][:10]) + timedelta(days=60 * k)).isoformat()
            claims.append(row)
    return LinkInput(claims=claims, mentions=inp.mentions, passages=(), documents=())


def _time(inp: LinkInput, options: LinkOptions) -> float:
    start = time.perf_counter()
    link(inp, options)
    return time.perf_counter() - start


def main() -> None:
    inputs = [REPO / "examples", REPO.parent / "shared" / "seeds"]
    with tempfile.TemporaryDirectory() as tmp, api.Workspace(Path(tmp) / "bench.db") as ws:
        api.ingest(ws, [p for p in inputs if p.exists()], PipelineOptions(link=False))
        inp = _inputs(ws)
    n = len(inp.claims)
    default_similarity(True).matrix(["warm the model up"])
    base = _time(inp, LinkOptions(embeddings=False))
    emb = _time(inp, LinkOptions(embeddings=True))
    big = _shifted(inp, 8)
    scaled = _time(big, LinkOptions(embeddings=False))
    print(f"claims: {n}")
    print(f"lexical (baseline): {base:.2f} s, {n / base:.0f} claims/s")
    print(f"embeddings:         {emb:.2f} s, {n / emb:.0f} claims/s, ratio {emb / base:.2f}")
    print(f"8x claims, lexical: {scaled:.2f} s, ratio {scaled / base:.2f} (8.0 = linear)")


if __name__ == "__main__":
    main()
