"""Scale: a backfill of 20k-100k documents (one process against a 2-worker Dask LocalCluster),
and the costs that must not grow with the ledger (one more document, one day's brief, bytes per
document). One benchmark, two parts (``--part backfill|growth|both``; backfill by default).

**Backfill.** Documents are the Russian Telegram posts of ../shared/corpora/tg-ru-news (22k
posts, 24 channels) replayed as often as the size needs, each replay with distinct ids, dates
moved on by the corpus's span (a longer backfill, not the same weeks again) and light edits (a
number changed, a word added, a line dropped, as reposts do), with the English article bodies of
../shared/corpora/article-extraction-benchmark mixed in (``--english``, 5 % by default). The
corpus is read from ../shared at run time; none of its text is in the repository.

Each (size, engine) runs in a fresh process, so its time and peak memory are its own; both
engines of one size run one after the other in the same invocation, so their ratio is measured
under the same load. Printed per run: documents per second, the share of time spent linking,
peak RSS of the writer process and of each worker, ledger bytes per document (and by what they
hold), the machine's load before and after; then the ratio dask/single per size, and time
growth with size (t(size) / t(smallest) against size / smallest: near-linear is close to 1.0 per
unit).

**Growth** (``bench/scale_growth.py``): one held-out post added to a ledger of 1k and one of 20k
(``--ledgers``), models loaded; the ratio 20k / 1k (target <= 1.5), one day's brief on each, bytes
per document by what they hold.

    .venv/bin/python bench/scale.py [--sizes 20000 50000 100000] [--engines single dask]
    .venv/bin/python bench/scale.py --part growth [--ledgers 1000 20000] [--adds 3] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from common import bytes_per_document

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpora"
TELEGRAM = SHARED / "tg-ru-news" / "raw"
ENGLISH = SHARED / "article-extraction-benchmark" / "ground-truth.json"
SPAN = timedelta(days=485)  # the Telegram corpus covers 2023-08-10 .. 2024-12-04
console = Console(width=190)
_NUMBER = re.compile(r"\b\d{1,4}\b")
_PREFIXES = ("Срочно: ", "Главное: ", "Коротко: ", "")


def _telegram() -> list[dict[str, Any]]:
    posts = []
    for path in sorted(TELEGRAM.glob("*.json")):
        posts.extend(json.loads(path.read_text(encoding="utf-8")))
    return sorted(posts, key=lambda p: p["date"])


def _edit(text: str, rng: random.Random) -> str:
    """A light edit, as a repost makes: a number changed, a word in front, or the last line gone."""
    roll = rng.random()
    if roll < 0.4 and _NUMBER.search(text):
        return _NUMBER.sub(lambda m: str(int(m.group(0)) + rng.randint(1, 9)), text, count=1)
    if roll < 0.7:
        return rng.choice(_PREFIXES) + text
    lines = text.split("\n")
    return "\n".join(lines[:-1]) if len(lines) > 2 else text + " "


def documents(n: int, english_share: float, seed: int = 14) -> Iterator[Any]:
    """``n`` raw documents in date order: Telegram replays with English bodies mixed in."""
    from briefwire.models import RawDocument  # noqa: PLC0415 - imported in the measured process

    rng = random.Random(seed)
    posts = _telegram()
    bodies = list(json.loads(ENGLISH.read_text(encoding="utf-8")).items())
    made = 0
    replay = 0
    while made < n:
        for post in posts:
            if made >= n:
                return
            day = datetime.fromisoformat(post["date"]) + replay * SPAN
            if rng.random() < english_share:
                key, page = bodies[made % len(bodies)]
                text = page["articleBody"] if replay == 0 else _edit(page["articleBody"], rng)
                origin = f"bench://en/{replay}/{key}/{made}"
                yield RawDocument(
                    origin, text, "text", url=page["url"], outlet="English bench",
                    published=day.date().isoformat(), language="en",
                )  # fmt: skip
            else:
                text = post["text"] if replay == 0 else _edit(post["text"], rng)
                yield RawDocument(
                    f"bench://tg/{replay}/{post['sender_id']}/{post['message_id']}", text, "telegram",
                    outlet=post["channel"], published=day.date().isoformat(), language="ru",
                    source_kind="telegram",
                )  # fmt: skip
            made += 1
        replay += 1


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_s() -> float:
    """CPU seconds of this process (user + system): the writer's share of the work."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _worker_usage() -> tuple[float, float]:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def measure(size: int, engine: str, workers: int, english: float, partition: int) -> dict[str, Any]:
    """One run in this process: ingest ``size`` documents into a fresh ledger, then link."""
    from briefwire import threads  # noqa: PLC0415

    threads.pin_environment()
    from briefwire.engine import build_engine  # noqa: PLC0415
    from briefwire.pipeline import Pipeline, PipelineOptions  # noqa: PLC0415
    from briefwire.store import Store  # noqa: PLC0415

    load_before = _load()
    kind = "dask" if engine == "dask" else "local"
    eng = build_engine(kind, workers if kind == "dask" else 1)
    marks: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "ledger.db"
        start = time.perf_counter()
        with Store(db) as store:
            pipeline = Pipeline(store, PipelineOptions(batch_size=partition), engine=eng)
            summary = pipeline.ingest_items(
                documents(size, english), lambda stage, *_: marks.setdefault(stage, time.perf_counter())
            )
            store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        elapsed = time.perf_counter() - start
        db_bytes = db.stat().st_size
        held = bytes_per_document(db)
    worker_mb: list[float] = []
    worker_cpu = 0.0
    if kind == "dask":
        usage = eng.client.run(_worker_usage)  # type: ignore[attr-defined]
        worker_mb = sorted(float(mb) for mb, _ in usage.values())
        worker_cpu = sum(float(cpu) for _, cpu in usage.values())
    writer_cpu = _cpu_s()
    eng.close()
    link_s = elapsed - (marks.get("link", start + elapsed) - start)
    return {
        "size": size,
        "engine": engine,
        "seconds": elapsed,
        "docs_per_s": size / elapsed,
        "link_share": link_s / elapsed,
        "writer_mb": _peak_mb(),
        "writer_cpu_s": writer_cpu,
        "worker_cpu_s": worker_cpu,
        "worker_mb": worker_mb,
        "stored": summary.ingested,
        "duplicates": summary.duplicates,
        "claims": summary.claims,
        "errors": len(summary.errors),
        "bytes_per_doc": db_bytes / max(1, summary.ingested),
        "bytes_by_part": held,
        "load": f"{load_before} -> {_load()}",
    }


def _child(args: argparse.Namespace, size: int, engine: str) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--one", str(size), engine, "--workers", str(args.workers)]
    cmd += ["--english", str(args.english), "--partition", str(args.partition)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        console.print(done.stderr[-3000:], markup=False)
        raise SystemExit(f"run {size} {engine} failed")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _seconds(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f}"


def report(results: list[dict[str, Any]]) -> None:
    table = Table("size", "engine", "docs/s", "time s", "link %", "writer MB", "worker MB", "writer CPU s",
                  "worker CPU s", "B/doc", "stored", "claims", "errors", "load 1/5/15 min")  # fmt: skip
    for r in results:
        table.add_row(
            f"{r['size']:,}", r["engine"], f"{r['docs_per_s']:.1f}", f"{r['seconds']:.0f}",
            f"{100 * r['link_share']:.1f}", f"{r['writer_mb']:.0f}",
            " / ".join(f"{m:.0f}" for m in r["worker_mb"]) or "-", _seconds(r.get("writer_cpu_s")),
            _seconds(r.get("worker_cpu_s") if r["engine"] == "dask" else None), f"{r['bytes_per_doc']:,.0f}",
            f"{r['stored']:,}", f"{r['claims']:,}", str(r["errors"]), r["load"],
        )  # fmt: skip
    console.print(table)
    for r in results:
        if r.get("bytes_by_part"):
            parts = ", ".join(f"{k} {v:,.0f}" for k, v in r["bytes_by_part"].items())
            console.print(f"{r['size']:,} {r['engine']}: bytes per document by what they hold: {parts}")
    by = {(r["size"], r["engine"]): r for r in results}
    sizes = sorted({r["size"] for r in results})
    for size in sizes:
        if (size, "single") in by and (size, "dask") in by:
            ratio = by[(size, "dask")]["docs_per_s"] / by[(size, "single")]["docs_per_s"]
            console.print(f"{size:,}: dask (2 workers) / single process, documents per second: {ratio:.2f}")
    for engine in ("single", "dask"):
        runs = [by[(s, engine)] for s in sizes if (s, engine) in by]
        for r in runs[1:]:
            growth = r["seconds"] / runs[0]["seconds"]
            scale = r["size"] / runs[0]["size"]
            console.print(
                f"{engine}: time x{growth:.2f} for x{scale:.1f} documents "
                f"({growth / scale:.2f} per unit; 1.00 is linear)"
            )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--part", choices=["backfill", "growth", "both"], default="backfill")
    parser.add_argument("--sizes", type=int, nargs="+", default=[20_000, 50_000, 100_000])
    parser.add_argument("--engines", nargs="+", default=["single", "dask"], choices=["single", "dask"])
    parser.add_argument("--workers", type=int, default=2, help="LocalCluster workers of the dask runs")
    parser.add_argument("--english", type=float, default=0.05, help="share of English article bodies")
    parser.add_argument("--partition", type=int, default=32, help="documents per partition")
    parser.add_argument("--one", nargs=2, metavar=("SIZE", "ENGINE"), help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help="also write the results as JSON here")
    parser.add_argument("--show", type=Path, help="print the tables of results saved with --out, run nothing")
    parser.add_argument("--ledgers", type=int, nargs=2, default=[1000, 20000], help="growth: ledger sizes")
    parser.add_argument("--adds", type=int, default=3, help="growth: held-out posts added one at a time")
    parser.add_argument("--rounds", type=int, default=3, help="growth: best of this many")
    parser.add_argument("--rebuild", action="store_true", help="growth: rebuild the cached ledgers")
    parser.add_argument(
        "--upgrade", action="store_true", help="growth: migrate cached ledgers built before new migrations"
    )
    args = parser.parse_args()
    if args.show:
        report(json.loads(args.show.read_text(encoding="utf-8")))
        return
    if args.one:
        result = measure(int(args.one[0]), args.one[1], args.workers, args.english, args.partition)
        print(json.dumps(result))
        return
    if not TELEGRAM.exists() or not ENGLISH.exists():
        raise SystemExit(f"the corpora are not at {SHARED}: this benchmark reads them from ../shared")
    if args.part != "backfill":
        from scale_growth import run  # noqa: PLC0415 - loads the pipeline and models in this process

        run(args)
        if args.part == "growth":
            return
    console.print(
        f"machine: {os.cpu_count()} cores, load {_load()}; sizes {args.sizes}, engines {args.engines}"
    )
    results = []
    for size in args.sizes:
        for engine in args.engines:
            results.append(_child(args, size, engine))
            r = results[-1]
            console.print(
                f"  {size:,} {engine}: {r['docs_per_s']:.1f} docs/s, {r['seconds']:.0f} s, load {r['load']}"
            )
            if args.out:
                args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    report(results)


if __name__ == "__main__":
    main()
