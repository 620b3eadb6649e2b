"""Engines: how the processing half of the flow runs (see :mod:`briefwire.pipeline`).

An engine takes batches of raw documents, each with its :class:`ProcessContext`, runs
:func:`process_batch` on them somewhere, and gives back each batch's results in the order the
batches came. Engines differ only in where that happens:

- :class:`InProcess`: in this process (one worker; models load here, once).
- :class:`LocalProcesses`: in a long-lived pool of local worker processes (``--workers N``),
  each loading its models once for as long as the pool lives.

- :class:`~briefwire.engine.dask_engine.DaskEngine`: on Dask distributed workers, a running
  cluster's or a LocalCluster's (``--engine dask``; needs ``briefwire[dask]``).

The writer half (the store, the dedupe index, linking) always stays in the calling process.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Protocol, cast

from briefwire.engine.pool import WorkerPool
from briefwire.engine.process import ProcessContext, Processed, process_batch, warm_up
from briefwire.models import IngestError, RawDocument

Result = Processed | IngestError
_SHARES_PER_WORKER = 4  # parts per worker when encoder calls are shared out: even ends
Work = tuple[list[RawDocument], ProcessContext]

__all__ = [
    "Engine",
    "InProcess",
    "LocalProcesses",
    "ProcessContext",
    "Processed",
    "Result",
    "Work",
    "build_engine",
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

    def run_calls(self, calls: Sequence[Sequence[str]]) -> list[Any]:
        """Sentence-encoder calls (``link.similarity.encode``) shared out among the workers:
        linking, which runs in the writer, embeds the claims it compares on every core. Each
        call runs whole, so the vectors are those one process would make, to the bit."""
        from briefwire.link.similarity import encode_calls  # noqa: PLC0415 - link loads much

        pool = cast("WorkerPool[Sequence[str], None, Any]", self._pool)
        return pool.share(encode_calls, calls, self._pool.workers * _SHARES_PER_WORKER)

    def close(self) -> None:
        self._pool.close()


def local_engine(workers: int, warm: Sequence[str] = ()) -> Engine:
    """One worker runs in this process; more run in a pool of that many processes."""
    return InProcess(warm) if workers <= 1 else LocalProcesses(workers, warm)


ENGINES = ("local", "dask")


def build_engine(kind: str, workers: int, warm: Sequence[str] = (), scheduler: str | None = None) -> Engine:
    """The engine called ``kind``: ``local`` (this process or a local pool) or ``dask``.

    For ``dask``, ``scheduler`` is a running scheduler's address; without one a LocalCluster of
    ``workers`` processes starts (``workers`` <= 1: one per core).
    """
    if kind == "local":
        return local_engine(workers, warm)
    if kind == "dask":
        try:
            from briefwire.engine.dask_engine import DaskEngine, DaskOptions  # noqa: PLC0415
        except ImportError as exc:  # the optional extra is not installed
            raise RuntimeError("the dask engine needs Dask: pip install 'briefwire[dask]'") from exc
        return DaskEngine(DaskOptions(scheduler, workers if workers > 1 else None, warm=tuple(warm)))
    raise ValueError(f"unknown engine {kind!r}; expected one of {', '.join(ENGINES)}")
