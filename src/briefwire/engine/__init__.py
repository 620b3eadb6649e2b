"""Engines: how the processing half of the flow runs (see :mod:`briefwire.pipeline`).

An engine takes batches of raw documents, each with its :class:`ProcessContext`, runs
:func:`process_batch` on them somewhere, and gives back each batch's results in the order the
batches came. Engines differ only in where that happens:

- :class:`InProcess`: in this process (one worker; models load here, once).
- :class:`LocalProcesses`: in a long-lived pool of local worker processes (``--workers N``),
  each loading its models once for as long as the pool lives.

A Dask engine (scale-out) implements the same two methods. The writer half (the store, the
dedupe index, linking) always stays in the calling process.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Protocol

from briefwire.engine.pool import WorkerPool
from briefwire.engine.process import ProcessContext, Processed, process_batch, warm_up
from briefwire.models import IngestError, RawDocument

Result = Processed | IngestError
Work = tuple[list[RawDocument], ProcessContext]

__all__ = [
    "Engine",
    "InProcess",
    "LocalProcesses",
    "ProcessContext",
    "Processed",
    "Result",
    "Work",
    "local_engine",
    "process_batch",
    "warm_up",
]


class Engine(Protocol):
    def run(self, work: Iterable[Work]) -> Iterator[tuple[list[RawDocument], list[Result]]]:
        """``(batch, one result per document)`` for each batch, in the order they came."""
        ...

    def close(self) -> None:
        """Let go of workers and models (the engine may not be used afterwards)."""
        ...


class InProcess:
    """Runs every batch here; models stay loaded in this process between runs."""

    def __init__(self, warm: Sequence[str] = ()) -> None:
        if warm:
            warm_up(warm)

    def run(self, work: Iterable[Work]) -> Iterator[tuple[list[RawDocument], list[Result]]]:
        for batch, context in work:
            yield batch, process_batch(batch, context)

    def close(self) -> None:
        """Nothing to let go of: the models belong to the process."""


def _died(raw: RawDocument) -> Result:
    return IngestError(raw.origin, "process", "worker process died", retryable=True)


class LocalProcesses:
    """A pool of ``workers`` local processes that lives until :meth:`close`."""

    def __init__(self, workers: int, warm: Sequence[str] = ()) -> None:
        self._pool: WorkerPool[RawDocument, ProcessContext, Result] = WorkerPool(process_batch, workers, warm)

    def run(self, work: Iterable[Work]) -> Iterator[tuple[list[RawDocument], list[Result]]]:
        return self._pool.run(work, _died)

    def close(self) -> None:
        self._pool.close()


def local_engine(workers: int, warm: Sequence[str] = ()) -> Engine:
    """One worker runs in this process; more run in a pool of that many processes."""
    return InProcess(warm) if workers <= 1 else LocalProcesses(workers, warm)
