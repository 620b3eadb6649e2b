"""Publish-to-linked latency of `briefwire watch` on loopback.

A loopback server publishes items at random moments on an RSS feed and a Telegram channel
preview (both watched every ``--interval`` seconds, 30 by default) while a real
`briefwire watch` process runs. For every item the time from its publication to the moment
its document is in the ledger with its claims extracted and linked into events is measured.
Printed: the latency distribution, how many items made it within 60 s, the watch's own
per-poll times (the first take includes loading the models; later ones do not), and the
machine's load beside the figures.

    .venv/bin/python bench/live_latency.py               # 12 items over about 4 minutes
    .venv/bin/python bench/live_latency.py --items 4 --interval 5   # a quick look
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # the loopback server lives with the tests

from tests.liveserver import Site, serve  # noqa: E402
from tests.livesite import Entry, Post, story  # noqa: E402

from briefwire.store import Store  # noqa: E402
from briefwire.watch import make_source  # noqa: E402

BUDGET_S = 60.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=12)
    parser.add_argument("--interval", type=float, default=30.0)
    parser.add_argument("--spread", type=float, default=None, help="seconds to publish over")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--keep-log", type=Path, default=None, help="copy the watch's log here")
    args = parser.parse_args()
    # A SIGTERM to the benchmark still stops the watch it started (the finally below).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    spread = args.spread if args.spread is not None else args.items * args.interval / 1.5
    print(f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp, serve() as (base, site):
        db = Path(tmp) / "live.db"
        with Store(db) as store:
            for kind, target in (("feed", f"{base}/feed.xml"), ("telegram", "loopbench")):
                store.add_watch_source(make_source(kind, target, name=kind, interval=args.interval).fields())
        # The feed and the channel have a post before the watch starts, as real ones do.
        site.publish("/feed.xml", Entry("old", "Before", story(0, "Kazan"), datetime.now(UTC)))
        site.post("loopbench", Post(0, story(0, "Omsk"), datetime.now(UTC)), "Loop Bench")
        log = Path(tmp) / "watch.log"
        started = time.time()
        proc = _start(db, base, log)
        try:
            ready = _first_poll(log, started)
            print(f"watch started, models loaded and first polls done in {ready:.1f} s")
            # Published in a thread while this one watches the ledger: each item's clock starts
            # when it appears on the server and stops when the ledger has it linked.
            published: dict[str, float] = {}
            publisher = threading.Thread(
                target=_publish, args=(site, base, _moments(args.items, spread, args.seed), published)
            )
            publisher.start()
            linked = _wait_linked(db, published, publisher, timeout=spread + 4 * args.interval + 120)
            publisher.join()
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(120)
        _report(published, linked, log, started)
        if args.keep_log:
            args.keep_log.write_text(log.read_text(encoding="utf-8"), encoding="utf-8")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


def _start(db: Path, base: str, log: Path) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "briefwire", "watch", "--db", str(db), "--telegram-base", base]
    cmd += ["--host-delay", "0", "--log-format", "json"]
    with log.open("wb") as out:
        return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=out)


def _moments(items: int, spread: float, seed: int) -> list[float]:
    """When to publish each item: random moments within ``spread`` seconds, in order."""
    rng = random.Random(seed)
    return sorted(rng.uniform(0, spread) for _ in range(items))


def _publish(site: Site, base: str, moments: list[float], published: dict[str, float]) -> None:
    """Publish one item at each moment into ``published`` (origin -> publication time)."""
    begin = time.time()
    for n, moment in enumerate(moments):
        time.sleep(max(0.0, begin + moment - time.time()))
        now = datetime.now(UTC)
        if n % 2:
            post_id = n // 2 + 1  # a channel numbers its posts 1, 2, 3 ...
            site.post("loopbench", Post(post_id, story(900 + n, "Miass"), now), "Loop Bench")
            published[f"https://t.me/loopbench/{post_id}"] = time.time()
            print(f"  published post {n} at {datetime.now(UTC):%H:%M:%S}", flush=True)
        else:
            site.publish("/feed.xml", Entry(f"b{n}", f"Bench {n}", story(n), now))
            published[f"{base}/feed.xml#b{n}"] = time.time()
            print(f"  published entry {n} at {datetime.now(UTC):%H:%M:%S}", flush=True)


def _first_poll(log: Path, started: float, timeout: float = 600) -> float:
    """Seconds until the watch logged its first poll: the writer loads the models before it."""
    while time.time() < started + timeout:
        if '{"source"' in log.read_text(encoding="utf-8"):
            return time.time() - started
        time.sleep(0.2)
    raise SystemExit("the watch logged no poll")


def _wait_linked(
    db: Path, published: dict[str, float], publisher: threading.Thread, timeout: float
) -> dict[str, tuple[float, float]]:
    """origin -> (when its document was stored, when every claim of it was linked into an event)."""
    stored: dict[str, float] = {}
    linked: dict[str, tuple[float, float]] = {}
    end = time.time() + timeout
    sql = """SELECT o.origin,
                    NOT EXISTS (SELECT 1 FROM claims c WHERE c.doc_id = o.doc_id AND c.event_id IS NULL)
                    AND EXISTS (SELECT 1 FROM claims c WHERE c.doc_id = o.doc_id)
             FROM document_origins o"""
    while (publisher.is_alive() or len(linked) < len(published)) and time.time() < end:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
        try:
            rows = conn.execute(sql).fetchall()
        except sqlite3.OperationalError:  # the ledger is still being created
            rows = []
        finally:
            conn.close()
        now = time.time()
        for origin, done in rows:
            if origin in dict(published):
                stored.setdefault(origin, now)
                if done:
                    linked.setdefault(origin, (stored[origin], now))
        time.sleep(0.25)
    return linked


def _report(
    published: dict[str, float], linked: dict[str, tuple[float, float]], log: Path, started: float
) -> None:
    latencies = sorted(linked[o][1] - published[o] for o in linked)
    to_stored = sorted(linked[o][0] - published[o] for o in linked)
    missing = sorted(set(published) - set(linked))
    print(f"items published: {len(published)}, in the ledger extracted and linked: {len(linked)}")
    if latencies:
        q = statistics.quantiles(latencies, n=10, method="inclusive") if len(latencies) > 1 else latencies * 9
        print(
            f"latency publish -> linked (s): min {latencies[0]:.1f}  p50 {statistics.median(latencies):.1f}  "
            f"p90 {q[8]:.1f}  max {latencies[-1]:.1f}"
        )
        print("  each: " + " ".join(f"{x:.1f}" for x in latencies))
        print(
            f"of which publish -> stored (s): p50 {statistics.median(to_stored):.1f}  max {to_stored[-1]:.1f}"
        )
        within = sum(1 for x in latencies if x <= BUDGET_S)
        print(f"within {BUDGET_S:g} s: {within}/{len(published)}")
    if missing:
        print(f"never linked: {missing}")
    polls = [
        json.loads(line)
        for line in log.read_text(encoding="utf-8").splitlines()
        if line.startswith('{"source"')
    ]
    takes = [p["take_ms"] / 1000 for p in polls if p["new"]]
    if takes:
        print(
            f"watch: {len(polls)} polls, {len(takes)} with new items; take (pipeline + link) per such poll: "
            f"first {takes[0]:.1f} s, median {statistics.median(takes):.1f} s, max {max(takes):.1f} s"
        )
    print(f"ran {time.time() - started:.0f} s")


if __name__ == "__main__":
    main()
