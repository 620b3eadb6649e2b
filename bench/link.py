"""Linking the example corpus: time per run, and growth with the number of claims, all warm.

Ingests ``examples/`` (and ``../shared/seeds`` when present) once without linking, then, in this
process and with every resource loaded (a first link call is made and not timed):

- links the ledger with word-overlap similarity (the baseline), and with sentence embeddings,
  first computing every vector, then reading them back from the ledger's ``claim_vectors``;
- links the claims copied 8 and 16 times over, each copy moved by whole months (its dates and
  its documents' publication dates), so blocks keep their size: time should grow about
  linearly with the claims (ratio 8 and 16). Claims with neither a date nor a publication
  date (the seeds have none) can merge with any claim of their type, so they are compared
  with every copy: growth is shown with them and with dated claims only.

Printed: seconds (best of ``--rounds``), claims per second, ratios, and the machine's load.

    .venv/bin/python bench/link.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import copy
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from briefwire import api
from briefwire.link import LinkInput, LinkOptions, link
from briefwire.link.features import parse_day
from briefwire.link.similarity import default_similarity
from briefwire.pipeline import PipelineOptions
from briefwire.store import Store
from common import REPO, SHARED, banner, best, load

LEXICAL = LinkOptions(embeddings=False)


def _inputs(store: Store, vectors: Store | None = None) -> LinkInput:
    st = store
    return LinkInput(
        st.claims(),
        st.casualty_mentions(),
        st.decisions(),
        st.passages(),
        st.link_documents(),
        vectors=vectors,
    )


def _moved(value: str | None, days: int) -> str | None:
    if not value:
        return value
    return (date.fromisoformat(value[:10]) + timedelta(days=days)).isoformat() + value[10:]


def dated(inp: LinkInput) -> LinkInput:
    claims = [c for c in inp.claims if parse_day(c.get("date")) or parse_day(c.get("published"))]
    return LinkInput(claims=claims, mentions=(), passages=(), documents=inp.documents)


def shifted(inp: LinkInput, copies: int) -> LinkInput:
    """The claims ``copies`` times, each copy moved by 60 days a copy and given new keys."""
    claims: list[dict[str, Any]] = []
    documents: list[dict[str, Any]] = []
    for k in range(copies):
        for c in inp.claims:
            row = copy.deepcopy(c)
            row["claim_id"] = f"{c['claim_id']}~{k}"
            row["doc_id"] = f"{c['doc_id']}~{k}"
            row["date"] = _moved(row.get("date"), 60 * k)
            row["published"] = _moved(row.get("published"), 60 * k)
            claims.append(row)
        for d in inp.documents:
            documents.append(
                {**d, "doc_id": f"{d['doc_id']}~{k}", "published": _moved(d.get("published"), 60 * k)}
            )
    return LinkInput(claims=claims, mentions=(), passages=(), documents=documents)


def main() -> int:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=formatter)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    banner("bench/link.py: linking, warm, and its growth with the claims")
    inputs = [REPO / "examples", SHARED / "seeds"]
    with tempfile.TemporaryDirectory() as tmp, api.Workspace(Path(tmp) / "bench.db") as ws:
        api.ingest(ws, [p for p in inputs if p.exists()], PipelineOptions(link=False))
        inp = _inputs(ws.store)
        n = len(inp.claims)
        default_similarity(True).matrix(["warm the model up", "and its tokenizer"])
        link(inp, LEXICAL)  # warm: gazetteer, profiles, patterns
        base = best(lambda: link(inp, LEXICAL), args.rounds)
        fresh = best(lambda: link(inp, LinkOptions()), args.rounds)  # no cache: every vector encoded
        cached_inp = _inputs(ws.store, vectors=ws.store)
        link(cached_inp, LinkOptions())  # fills claim_vectors
        cached = best(lambda: link(cached_inp, LinkOptions()), args.rounds)
    print(f"\n{n} claims, best of {args.rounds} ({load()})")
    print(f"  word overlap (baseline):        {base:6.2f} s  {n / base:7.0f} claims/s")
    print(
        f"  embeddings, every vector new:   {fresh:6.2f} s  {n / fresh:7.0f} claims/s"
        f"  ratio {fresh / base:.2f}"
    )
    print(
        f"  embeddings read from the ledger:{cached:6.2f} s  {n / cached:7.0f} claims/s"
        f"  ratio {cached / base:.2f}"
    )
    for label, one in (("every claim", inp), ("dated claims only", dated(inp))):
        link(one, LEXICAL)
        single = best(lambda one=one: link(one, LEXICAL), args.rounds)  # type: ignore[misc]
        print(f"  {label} ({len(one.claims)}), word overlap: {single:.2f} s")
        for copies in (8, 16):
            big = shifted(one, copies)
            seconds = best(lambda big=big: link(big, LEXICAL), args.rounds)  # type: ignore[misc]
            print(
                f"    {copies:>2}x: {seconds:7.2f} s, ratio {seconds / single:6.2f}"
                f" ({copies} = linear; {load()})"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
