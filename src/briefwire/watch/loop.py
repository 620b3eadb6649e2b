"""`briefwire watch`: poll due sources concurrently, take what is new, keep going.

The event loop does the network (every due source at once, within per-host politeness);
one writer thread does everything that touches the ledger, in order: it takes new units
through the long-lived pipeline, links, and saves each source's state. A stop request
(SIGTERM, Ctrl-C) lets the writer finish the item in hand, link it and save the state, then
the watch exits; polls still on the network are dropped and asked again next run.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, TypeVar

from briefwire.pipeline import Pipeline
from briefwire.store import Store
from briefwire.store.db import now_iso

from .backoff import BackoffOptions, next_wait, should_pause
from .folders import FolderEvents
from .http import Http, HttpOptions
from .log import PollRecord, Sink
from .poll import Offer, PollError, PollOptions, poll
from .sources import Source, State, from_row
from .take import Taker

T = TypeVar("T")


@dataclass(frozen=True)
class WatchOptions:
    poll: PollOptions = field(default_factory=PollOptions)
    http: HttpOptions = field(default_factory=HttpOptions)
    backoff: BackoffOptions = field(default_factory=BackoffOptions)
    #: poll each due source once and return (for cron)
    once: bool = False
    #: re-read the sources table this often, so sources added while watching are picked up
    rescan: float = 5.0
    #: polls on the network at the same time
    concurrency: int = 16
    #: react to folder changes at once (watchfiles) instead of at the next interval
    watch_folders: bool = True


@dataclass
class WatchSummary:
    polls: int = 0
    failed: int = 0
    new: int = 0
    stored: int = 0
    paused: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 2 if self.failed else 0


class Watcher:
    def __init__(
        self,
        store: Store,
        pipeline: Pipeline,
        options: WatchOptions | None = None,
        log: Sink | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.store = store
        self.options = options or WatchOptions()
        self.log = log or (lambda record: None)
        self.rng = rng or random.Random()
        self.stopping = threading.Event()
        self.taker = Taker(store, pipeline, self.stopping)
        self.summary = WatchSummary()
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="briefwire-writer")
        # Takes queued on the writer: the last of a burst links for all of them.
        self._pending = 0
        self._pending_lock = threading.Lock()
        self._unlinked = False  # stored documents not linked yet (writer thread only)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._wake: asyncio.Event | None = None
        self._kicked: set[str] = set()
        self._warming: asyncio.Future[None] | None = None

    # ---- control ------------------------------------------------------------------------
    def stop(self) -> None:
        """Finish the item in hand and return from :meth:`run` (safe from any thread)."""
        self.stopping.set()
        if self._loop is not None and self._wake is not None:
            self._loop.call_soon_threadsafe(self._wake.set)

    async def run(self) -> WatchSummary:
        self._loop = asyncio.get_running_loop()
        self._wake = asyncio.Event()
        http = Http(self.options.http)
        tasks: dict[str, asyncio.Task[None]] = {}
        folders = FolderEvents(self._kick)
        try:
            if await self._write(self.taker.unlinked):
                await self._write(self.taker.link)
            if not self.options.once:
                # Queued first on the writer: the models load while the first polls are out. A
                # cron run loads them only when something new comes.
                self._warming = asyncio.ensure_future(self._write(self.taker.warm))
            await self._schedule(http, tasks, folders)
        finally:
            await folders.close()
            for task in tasks.values():
                task.cancel()
            if self._warming is not None:
                await asyncio.gather(self._warming, return_exceptions=True)
            await asyncio.gather(*tasks.values(), return_exceptions=True)
            # Takes already running finish their item; those still queued are dropped.
            await asyncio.to_thread(self._writer.shutdown, wait=True, cancel_futures=True)
            await http.aclose()
        return self.summary

    async def _schedule(
        self, http: Http, tasks: dict[str, asyncio.Task[None]], folders: FolderEvents
    ) -> None:
        assert self._wake is not None
        limit = asyncio.Semaphore(self.options.concurrency)
        while not self.stopping.is_set():
            sources = await self._write(self._sources)
            now = time.time()
            for source, state in sources:
                kicked = source.name in self._kicked and not state.paused
                if source.name not in tasks and (kicked or _due(state, now)):
                    self._kicked.discard(source.name)
                    tasks[source.name] = asyncio.create_task(self._cycle(http, limit, source, state))
            if self.options.once:
                await asyncio.gather(*tasks.values(), return_exceptions=True)
                return
            if self.options.watch_folders:
                folders.follow(sources)
            waits = [s.next_due - now for src, s in sources if src.name not in tasks and not s.paused]
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), max(0.01, min([self.options.rescan, *waits])))
            for name in [n for n, t in tasks.items() if t.done()]:
                tasks.pop(name).result()

    def _kick(self, name: str) -> None:
        """A folder changed: poll it now."""
        self._kicked.add(name)
        if self._wake is not None:
            self._wake.set()

    def _sources(self) -> list[tuple[Source, State]]:
        return [from_row(r) for r in self.store.watch_sources()]

    async def _write(self, fn: Callable[..., T], *args: Any) -> T:
        """Run ``fn`` on the writer thread, the only one that uses the store."""
        return await asyncio.get_running_loop().run_in_executor(self._writer, fn, *args)

    # ---- one poll -----------------------------------------------------------------------
    async def _cycle(self, http: Http, limit: asyncio.Semaphore, source: Source, state: State) -> None:
        started = time.monotonic()
        try:
            async with limit:
                offer = await poll(http, source, state, self.options.poll)
        except PollError as exc:
            await self._write(self._failed, source, state, exc, _ms(started))
        except Exception as exc:  # a bug in one source's poll must not stop the others
            failure = PollError(f"{type(exc).__name__}: {exc}")
            await self._write(self._failed, source, state, failure, _ms(started))
        else:
            with self._pending_lock:
                self._pending += 1
            try:
                await self._write(self._took, source, state, offer, _ms(started))
            except Exception as exc:  # the ledger said no (locked too long, disk full): log, go on
                failure = PollError(f"taking new items failed: {type(exc).__name__}: {exc}")
                await self._write(self._failed, source, state, failure, _ms(started))
        assert self._wake is not None
        self._wake.set()

    def _took(self, source: Source, state: State, offer: Offer, fetch_ms: float) -> None:
        with self._pending_lock:
            self._pending -= 1
            last = self._pending == 0
        started = time.monotonic()
        try:
            taken = self.taker.take(source, state, offer)
        except Exception:
            # What went in is marked taken and is linked with the next take; the rest comes again.
            self._unlinked = True
            raise
        self._unlinked = self._unlinked or taken.stored > 0
        if self._unlinked and (last or self.stopping.is_set()):
            self.taker.link()
            self._unlinked = False
        wait = self.options.poll.settle if offer.unsettled else source.interval_s
        etag, modified = offer.etag, offer.last_modified
        if taken.stopped:
            # Cut short by a stop: the rest is due as soon as a watch runs again, and the old
            # validators stay, or the server would answer 304 and the rest would never come.
            wait, etag, modified = 0.0, state.etag, state.last_modified
        now = now_iso()
        status = "not-modified" if offer.status == 304 else "ok"
        self.store.save_watch_state(
            source.name,
            {
                "last_fetch": now,
                "last_success": now,
                "last_status": f"{status}, {taken.new} new" if status == "ok" else status,
                "next_due": time.time() + wait,
                "cursor": taken.cursor,
                "etag": etag,
                "last_modified": modified,
                "last_error": None,
                "failures": 0,
            },
        )
        self.summary.polls += 1
        self.summary.new += taken.new
        self.summary.stored += taken.stored
        self.log(
            PollRecord(
                source.name,
                source.kind,
                status,
                offered=len(offer.units),
                new=taken.new,
                stored=taken.stored,
                duplicates=taken.duplicates,
                errors=taken.errors,
                requests=offer.requests,
                fetch_ms=fetch_ms,
                take_ms=_ms(started),
                next_in_s=wait,
            )
        )

    def _failed(self, source: Source, state: State, error: PollError, fetch_ms: float) -> None:
        failures = state.failures + 1
        wait = next_wait(source.interval_s, failures, error.retry_after, self.options.backoff, self.rng)
        pause = should_pause(failures, self.options.backoff)
        reason = error.reason
        self.store.save_watch_state(
            source.name,
            {
                "last_fetch": now_iso(),
                "last_status": "paused" if pause else "error",
                "next_due": time.time() + wait,
                "last_error": reason,
                "failures": failures,
            },
        )
        if pause:
            why = f"{failures} failures in a row, the last: {reason}"
            self.store.set_watch_paused(source.name, True, why)
            self.summary.paused.append(source.name)
        self.summary.polls += 1
        self.summary.failed += 1
        self.log(
            PollRecord(
                source.name,
                source.kind,
                "paused" if pause else "error",
                fetch_ms=fetch_ms,
                next_in_s=wait,
                failures=failures,
                reason=reason,
            )
        )


def _due(state: State, now: float) -> bool:
    return not state.paused and state.next_due <= now


def _ms(started: float) -> float:
    return round((time.monotonic() - started) * 1000, 1)
