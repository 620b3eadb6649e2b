"""A real `briefwire watch` process: killed with -9 and started again it loses nothing and takes
nothing twice; SIGTERM lets it finish the item in hand and exit cleanly."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from briefwire.store import Store
from briefwire.watch import make_source
from tests.liveserver import Site, serve
from tests.livesite import Entry, Post, story
from tests.watchrun import n_documents, origins, wait_for

pytestmark = pytest.mark.slow
N_ITEMS = 16  # per source, published one every PUBLISH_EVERY seconds
PUBLISH_EVERY = 0.2
BURST = 30


@pytest.fixture
def site() -> Iterator[tuple[str, Site]]:
    with serve() as (base, s):
        yield base, s


def start(db: Path, base: str, *extra: str) -> subprocess.Popen[bytes]:
    """The watch command in its own process; its log (standard error) goes to DB.N.log."""
    cmd = [sys.executable, "-m", "briefwire", "watch", "--db", str(db), "--telegram-base", base]
    cmd += ["--host-delay", "0", "--timeout", "5", "--log-format", "json", *extra]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    log = db.with_name(f"{db.name}.{len(list(db.parent.glob('*.log')))}.log")
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=out, env=env)
    proc.log = log  # type: ignore[attr-defined]
    return proc


def finish(proc: subprocess.Popen[bytes], timeout: float = 60) -> str:
    """Wait for the process to end by itself; its log."""
    try:
        proc.wait(timeout)
    finally:
        proc.kill()
        proc.wait()
    return str(proc.log.read_text(encoding="utf-8"))  # type: ignore[attr-defined]


def add_sources(db: Path, base: str) -> None:
    with Store(db) as store:
        store.add_watch_source(make_source("feed", f"{base}/feed.xml", name="wire", interval=0.5).fields())
        store.add_watch_source(make_source("telegram", "loopnews", name="tg", interval=0.5).fields())


def publish(site: Site, done: threading.Event) -> None:
    """Items dated as they appear, as a live channel's are: all after the sources were added."""
    for n in range(N_ITEMS):
        now = datetime.now(UTC)
        site.publish("/feed.xml", Entry(f"w{n}", f"Wire {n}", story(n), now))
        site.post("loopnews", Post(n + 1, story(500 + n, "Miass"), now), "Loop News")
        time.sleep(PUBLISH_EVERY)
    done.set()


def published(base: str) -> set[str]:
    return {f"{base}/feed.xml#w{n}" for n in range(N_ITEMS)} | {
        f"https://t.me/loopnews/{n + 1}" for n in range(N_ITEMS)
    }


def ledger_facts(db: Path) -> dict[str, int]:
    with Store(db) as store:
        one = lambda sql: int(store.conn.execute(sql).fetchone()[0])  # noqa: E731
        return {
            "documents": one("SELECT COUNT(*) FROM documents"),
            "origins": one("SELECT COUNT(*) FROM document_origins"),
            "taken": one("SELECT COUNT(*) FROM watch_items"),
            "items_taken": one("SELECT SUM(items_taken) FROM watch_sources"),
            "claims": one("SELECT COUNT(*) FROM claims"),
            "unlinked": one("SELECT COUNT(*) FROM claims WHERE event_id IS NULL"),
            "docs_without_claims": one(
                "SELECT COUNT(*) FROM documents d "
                "WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.doc_id = d.doc_id)"
            ),
        }


def test_watch_killed_with_9_sigtermed_and_restarted_loses_nothing_and_takes_nothing_twice(
    tmp_path: Path, site: tuple[str, Site]
) -> None:
    """Three runs of one watch over a server that keeps publishing: killed with -9 in the
    middle of its work, stopped with SIGTERM in the middle of a burst, then a cron run."""
    base, s = site
    db = tmp_path / "live.db"
    add_sources(db, base)
    done = threading.Event()
    publisher = threading.Thread(target=publish, args=(s, done), daemon=True)
    publisher.start()

    first = start(db, base)
    try:
        wait_for(lambda: n_documents(db) >= 4, timeout=240, what="the first run to store some items")
    finally:
        first.send_signal(signal.SIGKILL)
        finish(first, 10)
    at_kill = n_documents(db)

    second = start(db, base)
    try:
        wait_for(done.is_set, timeout=60, what="the publisher")
        wait_for(lambda: n_documents(db) == 2 * N_ITEMS, timeout=240, what="every published item")
        with s.lock:  # a burst: more posts at once than one preview page shows
            channel = s.channels["loopnews"]
            for n in range(N_ITEMS + 1, N_ITEMS + 1 + BURST):
                channel.posts.append(Post(n, story(800 + n, "Kurgan"), datetime.now(UTC)))
        wait_for(lambda: n_documents(db) > 2 * N_ITEMS, timeout=60, what="the burst to start going in")
    finally:
        second.send_signal(signal.SIGTERM)
        stopped = time.monotonic()
        log = finish(second)
        took = time.monotonic() - stopped
    assert second.returncode == 0, log[-2000:]
    assert took < 90, "systemd waits 90 s (TimeoutStopSec) before it kills"
    facts = ledger_facts(db)
    assert facts["documents"] < 2 * N_ITEMS + BURST, "the stop did not cut the burst short"
    assert facts["documents"] == facts["taken"], facts  # what is stored is marked taken, no more
    assert facts["unlinked"] == 0, facts  # and linked before exiting

    third = start(db, base, "--once")
    log += finish(third, 300)
    assert third.returncode == 0, log[-2000:]

    every = published(base) | {f"https://t.me/loopnews/{n}" for n in range(N_ITEMS + 1, N_ITEMS + 1 + BURST)}
    assert origins(db) == every
    facts = ledger_facts(db)
    total = 2 * N_ITEMS + BURST
    assert facts["documents"] == facts["origins"] == facts["taken"] == total, facts
    assert facts["items_taken"] == total  # nothing counted twice either
    assert facts["unlinked"] == 0 and facts["docs_without_claims"] == 0, facts
    assert 0 < at_kill < 2 * N_ITEMS
    polls = [json.loads(line) for line in log.splitlines() if line.startswith('{"source"')]
    assert polls and all(p["status"] in ("ok", "not-modified") for p in polls)
