"""bench/scale.py's growth part: costs that must not grow with the ledger.

Two ledgers are built from the real Russian Telegram corpus (../shared/corpora/tg-ru-news): one of
1,000 posts and one of 20,000, both drawn evenly from the same months (the small one is a subset
of the big one) and ingested in posting order. One post in a hundred is held out; held-out posts
that yield claims and are new to the big ledger are then added one at a time, each to a fresh
copy of each ledger, by a pipeline whose models are already loaded (as ``watch`` keeps them
between polls). Printed:

- seconds to add one document (best of ``--rounds``; read, clean, nlp, extract, dedupe, store,
  link), and the linking part alone, on each ledger, and the ratio 20k / 1k (target <= 1.5);
- seconds for the brief of one day holding about the same number of posts in each ledger;
- bytes per document of each ledger, by what they hold.

Ledgers are cached in ``$BRIEFWIRE_BENCH_CACHE`` (default ~/.cache/briefwire-bench, never the
repository) and rebuilt when the migrations change or with ``--rebuild``; building the big one
takes a while (``--workers 2``).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sqlite3
import statistics
import time
from collections import Counter
from pathlib import Path
from typing import Any

from briefwire import api, ingest
from briefwire.engine import ProcessContext, Processed, process_batch
from briefwire.models import RawDocument
from briefwire.pipeline import Pipeline, PipelineOptions
from briefwire.store import Store, raw_text_hash
from briefwire.store.db import migration_files
from common import (
    CACHE,
    TELEGRAM,
    best,
    bytes_per_document,
    load,
    telegram_posts,
    timed,
    warm_everything,
    write_posts,
)


def split(
    posts: list[dict[str, Any]], sizes: list[int]
) -> tuple[dict[int, list[dict[str, Any]]], list[dict[str, Any]]]:
    """Ledger posts per size (each a subset of the next, in posting order) and held-out posts."""
    held_out = posts[50::100]
    pool = [p for i, p in enumerate(posts) if i % 100 != 50]
    random.Random(15).shuffle(pool)
    order = {id(p): i for i, p in enumerate(posts)}
    return {n: sorted(pool[:n], key=lambda p: order[id(p)]) for n in sizes}, held_out


def raw_of(post: dict[str, Any], name: str) -> list[RawDocument]:
    items = ingest.read_data(json.dumps([post], ensure_ascii=False).encode(), f"{name}.json")
    return [i for i in items if isinstance(i, RawDocument)]


def additions(held_out: list[dict[str, Any]], count: int, big: Path) -> list[dict[str, Any]]:
    """The first held-out posts that yield a claim and are new to the big ledger (the corpus
    cross-posts: a held-out post can be a copy of one in the ledger, which adds nothing)."""
    chosen: list[dict[str, Any]] = []
    with Store(big) as store:
        for post in held_out:
            raws = raw_of(post, "probe")
            if not raws or store.doc_id_for_raw(raw_text_hash(raws[0].text)) is not None:
                continue
            [result] = process_batch(raws, ProcessContext())
            if not isinstance(result, Processed) or store.has_document(result.doc.doc_id):
                continue
            if result.extraction and result.extraction.claims:
                chosen.append(post)
                if len(chosen) == count:
                    break
    return chosen


def ledger(
    size: int, posts: list[dict[str, Any]], rebuild: bool, workers: int, upgrade: bool = False
) -> Path:
    """The cached ledger of ``size`` posts, built first if missing or made by other migrations.

    ``upgrade``: a ledger built before some migrations is kept and migrated (as a user's ledger
    is when briefwire is upgraded), which is said, instead of being rebuilt.
    """
    key = {"size": size, "migrations": [name for name, _ in migration_files()], "corpus": str(TELEGRAM)}
    db, meta = CACHE / f"ledger-{size}.db", CACHE / f"ledger-{size}.json"
    cached = json.loads(meta.read_text()) if meta.exists() and db.exists() else None
    if not rebuild and cached == key:
        return db
    if not rebuild and upgrade and cached and set(cached["migrations"]) <= set(key["migrations"]):
        added = sorted(set(key["migrations"]) - set(cached["migrations"]))
        print(
            f"the {size:,}-post ledger was built before migrations {', '.join(added)}: upgraded", flush=True
        )
        Store(db).close()  # opening migrates
        return db
    for path in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        path.unlink(missing_ok=True)
    source = write_posts(posts, CACHE / f"posts-{size}.json")
    print(f"building the {size:,}-post ledger ({load()})...", flush=True)
    seconds = timed(lambda: _ingest(db, source, workers))
    print(f"  built in {seconds:.0f} s ({load()})", flush=True)
    meta.write_text(json.dumps(key))
    return db


def _ingest(db: Path, source: Path, workers: int) -> None:
    with api.Workspace(db) as ws:
        api.ingest(ws, [source], PipelineOptions(workers=workers))


def add_one(db: Path, post: dict[str, Any], work: Path) -> tuple[float, float, float]:
    """(seconds to ingest one post with linking, seconds of the linking alone, CPU seconds of
    both), on a copy. CPU seconds of this process say what the work costs when other jobs take
    the cores (wall time then mostly measures waiting)."""
    copy = work / "copy.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{copy}{suffix}").unlink(missing_ok=True)
        if Path(f"{db}{suffix}").exists():
            shutil.copy(f"{db}{suffix}", f"{copy}{suffix}")
    raws = raw_of(post, "added")
    with Store(copy) as store, Pipeline(store, PipelineOptions(link=False)) as pipeline:
        cpu = time.process_time()
        ingest_s = timed(lambda: pipeline.ingest_items(raws))
        link_s = timed(lambda: pipeline.link(incremental=True))
        cpu = time.process_time() - cpu
    return ingest_s + link_s, link_s, cpu


def one_day(db: Path, documents: int = 20) -> tuple[str, int]:
    """The day whose number of documents is closest to ``documents``."""
    conn = sqlite3.connect(db)
    days = Counter(
        r[0]
        for r in conn.execute("SELECT substr(published, 1, 10) FROM documents WHERE published IS NOT NULL")
    )
    conn.close()
    day = min(days, key=lambda d: (abs(days[d] - documents), d))
    return day, days[day]


def brief_seconds(db: Path, day: str, rounds: int) -> float:
    with api.Workspace(db) as ws:
        api.brief(ws, day, day)  # the first call warms SQLite's page cache
        return best(lambda: api.brief(ws, day, day), rounds)


def run(args: argparse.Namespace) -> int:
    """The growth part: ``args.ledgers`` (two sizes), ``adds``, ``rounds``, ``workers``, ``rebuild``."""
    if not TELEGRAM.exists():
        print(f"skipped: corpus not found at {TELEGRAM}")
        return 0
    print(f"\ngrowth: costs of one more document on a small and a big ledger ({load()})", flush=True)
    sets, held_out = split(telegram_posts(), sorted(args.ledgers))
    dbs = {n: ledger(n, posts, args.rebuild, args.workers, args.upgrade) for n, posts in sets.items()}
    warm_everything()
    small, big = sorted(dbs)
    posts = additions(held_out, args.adds, dbs[big])
    work = CACHE / "work"
    work.mkdir(parents=True, exist_ok=True)
    print(f"\nadding one post ({len(posts)} held-out posts with claims, best of {args.rounds}; {load()})")
    print(
        f"{'post':>4} {'words':>6} {small:>8,} docs {big:>8,} docs  ratio   link {small:,} / {big:,}"
        f"   CPU {small:,} / {big:,}"
    )
    totals: dict[int, list[float]] = {n: [] for n in dbs}
    cpus: dict[int, list[float]] = {n: [] for n in dbs}
    for i, post in enumerate(posts):
        runs = {n: [add_one(db, post, work) for _ in range(args.rounds)] for n, db in dbs.items()}
        best_of = {n: min(r[0] for r in rs) for n, rs in runs.items()}
        link_of = {n: min(r[1] for r in rs) for n, rs in runs.items()}
        cpu_of = {n: min(r[2] for r in rs) for n, rs in runs.items()}
        for n in dbs:
            totals[n].append(best_of[n])
            cpus[n].append(cpu_of[n])
        print(
            f"{i:>4} {len(post['text'].split()):>6} {best_of[small]:>10.3f} s {best_of[big]:>10.3f} s"
            f"  {best_of[big] / best_of[small]:>5.2f}   {link_of[small]:.3f} / {link_of[big]:.3f} s"
            f"   {cpu_of[small]:.3f} / {cpu_of[big]:.3f} s  ({load()})",
            flush=True,
        )
    ratio = sum(totals[big]) / sum(totals[small])
    print(
        f"one document, {big:,} / {small:,} docs: {ratio:.2f} (target <= 1.5); median per post "
        f"{statistics.median(totals[small]):.3f} s / {statistics.median(totals[big]):.3f} s"
    )
    print(f"CPU seconds, {big:,} / {small:,} docs: {sum(cpus[big]) / sum(cpus[small]):.2f}")
    print(f"\nbrief for one day (best of {args.rounds}; {load()})")
    for n, db in dbs.items():
        day, count = one_day(db)
        print(f"  {n:>6,} docs: {day} ({count} documents): {brief_seconds(db, day, args.rounds):.3f} s")
    print(f"\nbytes per document ({load()})")
    sizes = {n: bytes_per_document(db) for n, db in dbs.items()}
    for group in sizes[small]:
        print(f"  {group:<18}" + "".join(f"{sizes[n][group]:>10,.0f}" for n in dbs))
    return 0
