"""Linking, warm: time per run, and growth with the ledger up to 10,000 document happenings.

Ingests ``examples/`` (and ``../shared/seeds`` when present) once without linking, then, in this
process and with every resource loaded (a first link call is made and not timed):

- links the ledger with word-overlap similarity (the baseline), and with sentence embeddings,
  first computing every vector, then reading them back from the ledger's ``claim_vectors``;
- links the claims copied over and over until the ledger holds about 1,250, 2,500, 5,000 and
  10,000 document happenings, each copy moved by whole months (its dates and its documents'
  publication dates) and given its own documents and happenings, so blocks keep their size.
  Linking blocks candidates by type family and date, so time should grow about linearly: each
  size's time is divided by the time of the smallest size measured warm in this same process,
  beside the ratio of their sizes. Only happenings with a date or a publication date are
  copied: one with neither meets every happening sharing a place or a name with it, and its
  copies, word for word the same, share all of them (a ledger holds no such copies).

Printed: seconds (best of ``--rounds``), happenings per second, pairs scored per happening,
ratios, and the machine's load beside each figure.

    .venv/bin/python bench/link.py [--rounds 3] [--growth-rounds 1]
"""

from __future__ import annotations

import argparse
import copy
import math
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
SIZES = (1250, 2500, 5000, 10000)  # document happenings


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


def happenings(inp: LinkInput) -> int:
    return len({c.get("happening_id") or c["claim_id"] for c in inp.claims})


def _moved(value: str | None, days: int) -> str | None:
    if not value:
        return value
    return (date.fromisoformat(value[:10]) + timedelta(days=days)).isoformat() + value[10:]


def dated(inp: LinkInput) -> LinkInput:
    claims = [c for c in inp.claims if parse_day(c.get("date")) or parse_day(c.get("published"))]
    return LinkInput(claims=claims, mentions=(), passages=(), documents=inp.documents)


def shifted(inp: LinkInput, copies: int) -> LinkInput:
    """The claims ``copies`` times, each copy moved by 60 days a copy, with its own keys."""
    claims: list[dict[str, Any]] = []
    documents: list[dict[str, Any]] = []
    for k in range(copies):
        for c in inp.claims:
            row = copy.deepcopy(c)
            row["claim_id"] = f"{c['claim_id']}~{k}"
            row["doc_id"] = f"{c['doc_id']}~{k}"
            if c.get("happening_id"):
                row["happening_id"] = f"{c['happening_id']}~{k}"
            row["date"] = _moved(row.get("date"), 60 * k)
            row["published"] = _moved(row.get("published"), 60 * k)
            claims.append(row)
        for d in inp.documents:
            documents.append(
                {**d, "doc_id": f"{d['doc_id']}~{k}", "published": _moved(d.get("published"), 60 * k)}
            )
    return LinkInput(claims=claims, mentions=(), passages=(), documents=documents)


def growth(one: LinkInput, rounds: int) -> None:
    per_copy = happenings(one)
    print(f"  dated happenings ({per_copy} a copy), word overlap ({load()})")
    first: tuple[int, float] | None = None
    for size in SIZES:
        big = shifted(one, max(1, math.ceil(size / per_copy)))
        n = happenings(big)
        kept: list[int] = []
        seconds = best(lambda big=big, kept=kept: kept.append(len(link(big, LEXICAL).pairs)), rounds)  # type: ignore[misc]
        first = first or (n, seconds)
        print(
            f"    {n:>6} happenings: {seconds:7.2f} s {n / seconds:7.0f} /s,"
            f" {kept[-1] / n:5.2f} pairs kept each;"
            f" time x{seconds / first[1]:5.2f} for size x{n / first[0]:5.2f} ({load()})",
            flush=True,
        )


def main() -> int:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=formatter)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--growth-rounds", type=int, default=1, help="timed runs per size (warm)")
    args = parser.parse_args()
    banner("bench/link.py: linking document happenings, warm, and its growth to 10,000")
    inputs = [REPO / "examples", SHARED / "seeds"]
    with tempfile.TemporaryDirectory() as tmp, api.Workspace(Path(tmp) / "bench.db") as ws:
        api.ingest(ws, [p for p in inputs if p.exists()], PipelineOptions(link=False))
        inp = _inputs(ws.store)
        n = happenings(inp)
        default_similarity(True).matrix(["warm the model up", "and its tokenizer"])
        link(inp, LEXICAL)  # warm: gazetteer, profiles, patterns
        base = best(lambda: link(inp, LEXICAL), args.rounds)
        fresh = best(lambda: link(inp, LinkOptions()), args.rounds)  # no cache: every vector encoded
        cached_inp = _inputs(ws.store, vectors=ws.store)
        link(cached_inp, LinkOptions())  # fills claim_vectors
        cached = best(lambda: link(cached_inp, LinkOptions()), args.rounds)
    print(f"\n{n} happenings ({len(inp.claims)} claims), best of {args.rounds} ({load()})")
    print(f"  word overlap (baseline):        {base:6.2f} s  {n / base:7.0f} happenings/s")
    print(f"  embeddings, every vector new:   {fresh:6.2f} s  ratio {fresh / base:.2f}")
    print(f"  embeddings read from the ledger:{cached:6.2f} s  ratio {cached / base:.2f}")
    growth(dated(inp), args.growth_rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
