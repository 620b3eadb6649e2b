"""What the benchmarks share: the machine's load beside every figure, the corpora, warm-up.

The machine is shared (two cores, other jobs): absolute times say little, so every benchmark
prints the load when it starts and beside each measurement, and compares ratios measured in the
same run. Corpora are read from ../shared and never copied into the repository; ledgers built
from them are cached outside it (``BRIEFWIRE_BENCH_CACHE``, default ~/.cache/briefwire-bench).
"""

# ruff: noqa: E402 - the thread pin must come before anything loads numpy
from __future__ import annotations

from briefwire.threads import pin_environment

# As the briefwire command does: one BLAS/OpenMP thread per process, set before numpy loads, so
# both sides of every comparison run under the same conditions (bench/threads.py shows why).
pin_environment()

import gzip
import json
import os
import sqlite3
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
TELEGRAM = SHARED / "corpora" / "tg-ru-news" / "raw"
PAGES = SHARED / "corpora" / "article-extraction-benchmark"
CACHE = Path(os.environ.get("BRIEFWIRE_BENCH_CACHE", Path.home() / ".cache" / "briefwire-bench"))

# What each part of the ledger holds, by table (indexes count with their table).
GROUPS = {
    "search index": ("passages_fts",),  # first: its tables' names start like the passages'
    "text": ("documents", "passages", "removed_spans", "document_origins"),
    "dedupe index": ("passage_bands", "document_bands", "dedupe_state"),
    "outlet lines": ("outlet_line_counts", "outlet_lines"),
    "claims and links": (
        "claims", "casualty_mentions", "events", "persons", "entities", "entity_aliases",
        "entity_mentions", "link_pairs", "link_details", "claim_vectors",
    ),
}  # fmt: skip


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


def banner(title: str) -> None:
    print(f"{title}\nmachine: {load()}", flush=True)


def telegram_posts() -> list[dict[str, Any]]:
    """Every post of the Telegram corpus, in the order they were posted (ties: channel, id)."""
    posts: list[dict[str, Any]] = []
    for path in sorted(TELEGRAM.glob("*.json")):
        posts.extend(json.loads(path.read_text(encoding="utf-8")))
    return sorted(posts, key=lambda p: (p["date"], p["sender_id"], p["message_id"]))


def english_bodies() -> list[str]:
    """The human-checked article bodies of the article-extraction benchmark (181 pages)."""
    data = json.loads((PAGES / "ground-truth.json").read_text(encoding="utf-8"))
    return [item["articleBody"] for item in data.values() if item.get("articleBody", "").strip()]


def english_pages() -> list[tuple[str, str]]:
    """(name, html) of the benchmark's pages."""
    return [
        (path.name.removesuffix(".gz"), gzip.decompress(path.read_bytes()).decode("utf-8", "replace"))
        for path in sorted((PAGES / "html").glob("*.html.gz"))
    ]


def write_posts(posts: list[dict[str, Any]], path: Path) -> Path:
    """Posts as one JSON array file, the corpus's own format (briefwire reads it as is)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(posts, ensure_ascii=False), encoding="utf-8")
    return path


def warm_everything() -> None:
    """Load every model of this process (language backends, extraction data, embeddings)."""
    from briefwire.engine import warm_up  # noqa: PLC0415
    from briefwire.link.similarity import default_similarity  # noqa: PLC0415

    warm_up()
    default_similarity(True).matrix(["a warm-up sentence", "another one"])


def timed(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def best(fn: Callable[[], Any], rounds: int) -> float:
    return min(timed(fn) for _ in range(max(1, rounds)))


def bytes_per_document(db: Path) -> dict[str, float]:
    conn = sqlite3.connect(db)
    docs = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    table_of = dict(conn.execute("SELECT name, tbl_name FROM sqlite_master"))
    sizes: Counter[str] = Counter()
    for name, size in conn.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name"):
        table = table_of.get(name, name)
        group = next((g for g, tables in GROUPS.items() if any(table.startswith(t) for t in tables)), "other")
        sizes[group] += size
    conn.close()
    out = {g: sizes[g] / docs for g in [*GROUPS, "other"]}
    out["total"] = sum(sizes.values()) / docs
    return out
