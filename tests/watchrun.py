"""Runs a Watcher in a thread against a ledger, for tests that publish while it watches."""

from __future__ import annotations

import asyncio
import random
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from briefwire.pipeline import Pipeline, PipelineOptions
from briefwire.store import Store
from briefwire.watch import BackoffOptions, HttpOptions, PollOptions, PollRecord, Watcher, WatchOptions

NO_EXTRACT = PipelineOptions(extract=False, batch_size=8)


def options(base: str, **changes: object) -> WatchOptions:
    """Quick settings for loopback: no politeness gap, short timeouts, a quick rescan."""
    opts = WatchOptions(
        poll=PollOptions(telegram_base=base, settle=0.2),
        http=HttpOptions(host_delay=0.0, timeout=2.0, deadline=1.5, max_bytes=256 * 1024),
        backoff=BackoffOptions(cap=1.0, pause_after=3),
        rescan=0.2,
    )
    return replace(opts, **changes)  # type: ignore[arg-type]


@dataclass
class Run:
    records: list[PollRecord] = field(default_factory=list)
    error: BaseException | None = None

    def of(self, source: str) -> list[PollRecord]:
        return [r for r in list(self.records) if r.source == source]


def once(db: Path, opts: WatchOptions, pipeline: PipelineOptions = NO_EXTRACT) -> Run:
    run = Run()
    with Store(db) as store:
        watcher = Watcher(store, Pipeline(store, pipeline), replace(opts, once=True), run.records.append)
        asyncio.run(watcher.run())
    return run


@contextmanager
def watching(db: Path, opts: WatchOptions, pipeline: PipelineOptions = NO_EXTRACT) -> Iterator[Run]:
    """A watcher running in a thread for the block, stopped (and joined) at its end."""
    run = Run()
    ready = threading.Event()
    holder: list[Watcher] = []

    def main() -> None:
        try:
            with Store(db) as store:
                holder.append(
                    Watcher(store, Pipeline(store, pipeline), opts, run.records.append, random.Random(1))
                )
                ready.set()
                asyncio.run(holder[0].run())
        except BaseException as exc:  # handed to the test thread
            run.error = exc
        finally:
            ready.set()

    thread = threading.Thread(target=main, daemon=True)
    thread.start()
    ready.wait(30)
    try:
        yield run
    finally:
        if holder:
            holder[0].stop()
        thread.join(60)
        assert not thread.is_alive(), "the watcher did not stop"
        if run.error:
            raise run.error


def wait_for(check: Callable[[], bool], timeout: float = 30.0, what: str = "condition") -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if check():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out after {timeout:g} s waiting for {what}")


def origins(db: Path) -> set[str]:
    with Store(db) as store:
        return {r[0] for r in store.conn.execute("SELECT origin FROM document_origins")}


def n_documents(db: Path) -> int:
    with Store(db) as store:
        return int(store.conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
