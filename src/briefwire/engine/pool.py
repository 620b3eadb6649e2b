"""A long-lived pool of worker processes that runs batches in order and survives a crash.

Workers are started with the ``spawn`` method (a forked copy of a process that already holds a
spaCy model is neither safe nor smaller), pin their maths libraries to one thread each (one
process per core is the intended use: see :mod:`briefwire.threads`), may load their language
models up front, and then live as long as the pool: every batch of every run a pool serves goes
to workers that have their models loaded already. At most two batches per worker are in flight,
so memory does not grow with the corpus.

When a worker dies (out of memory, a crash in native code) the whole executor breaks and which
item did it is unknown: the batch is run again one item at a time in a fresh executor, so only
an item that kills a worker by itself is reported (through ``died``), and the other batches are
sent again.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Generic, TypeVar

from briefwire import threads

T = TypeVar("T")
C = TypeVar("C")
R = TypeVar("R")
_IN_FLIGHT_PER_WORKER = 2


def _start_worker(warm: tuple[str, ...]) -> None:
    threads.pin()
    if warm:
        from briefwire.engine.process import warm_up  # noqa: PLC0415

        warm_up(warm)


class WorkerPool(Generic[T, C, R]):
    """``workers`` processes running ``fn(batch, context) -> one result per item``.

    ``warm``: languages whose models each worker loads when it starts (else on first use).
    """

    def __init__(self, fn: Callable[[list[T], C], list[R]], workers: int, warm: Sequence[str] = ()) -> None:
        self.fn = fn
        self.workers = max(1, workers)
        self.warm = tuple(warm)
        self._context = multiprocessing.get_context("spawn")
        self._executor: ProcessPoolExecutor | None = None

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            # Children inherit the environment at start: pin it before they are spawned.
            threads.pin_environment()
            self._executor = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=self._context,
                initializer=_start_worker,
                initargs=(self.warm,),
            )
        return self._executor

    def submit(self, batch: list[T], context: C) -> Future[list[R]]:
        return self._pool().submit(self.fn, batch, context)

    def share(self, fn: Callable[[list[T]], list[R]], items: Sequence[T], parts: int) -> list[R]:
        """``fn`` over ``items`` on the workers, in ``parts`` interleaved parts (item ``i`` goes
        to part ``i % parts``, so a sorted list is spread evenly); results in the items' order.
        A worker that dies costs the pool a restart, and the whole call runs in this process."""
        parts = max(1, min(parts, len(items)))
        shares = [list(items[k::parts]) for k in range(parts)]
        try:
            done = [f.result() for f in [self._pool().submit(fn, share) for share in shares]]
        except BrokenProcessPool:
            self.restart()
            return fn(list(items))
        out: list[R] = [None] * len(items)  # type: ignore[list-item]
        for k, results in enumerate(done):
            out[k::parts] = results
        return out

    def run(
        self, work: Iterable[tuple[list[T], C]], died: Callable[[T], R]
    ) -> Iterator[tuple[list[T], list[R]]]:
        """Each ``(batch, results)`` in the order the work came; ``died(item)`` stands for an
        item whose worker died with it."""
        items = iter(work)
        pending: deque[tuple[list[T], C, Future[list[R]]]] = deque()
        try:
            yield from self._drain(items, pending, died)
        finally:  # the caller stopped early: what is still queued is not wanted
            for _, _, future in pending:
                future.cancel()

    def _drain(
        self,
        items: Iterator[tuple[list[T], C]],
        pending: deque[tuple[list[T], C, Future[list[R]]]],
        died: Callable[[T], R],
    ) -> Iterator[tuple[list[T], list[R]]]:
        while True:
            while len(pending) < self.workers * _IN_FLIGHT_PER_WORKER:
                nxt = next(items, None)
                if nxt is None:
                    break
                pending.append((nxt[0], nxt[1], self.submit(*nxt)))
            if not pending:
                return
            batch, context, future = pending.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:
                self.restart()
                results = self._isolate(batch, context, died)
                resent = [(b, c, self.submit(b, c)) for b, c, _ in pending]
                pending.clear()
                pending.extend(resent)
            yield batch, results

    def _isolate(self, batch: list[T], context: C, died: Callable[[T], R]) -> list[R]:
        results: list[R] = []
        for item in batch:
            try:
                results.extend(self.submit([item], context).result())
            except BrokenProcessPool:
                results.append(died(item))
                self.restart()
        return results

    def restart(self) -> None:
        self.close()
        self._pool()

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(cancel_futures=True)
            self._executor = None
