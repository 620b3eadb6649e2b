"""The processing half on Dask distributed: partitions run on workers, results come back here.

A partition is one batch of raw documents with its :class:`ProcessContext` (what the writer
prepared). Each becomes one Dask task running :func:`process_batch`; the task's arguments
travel with it, so the scheduler holds everything needed to run it again. Results come back
as plain records (``Processed`` or ``IngestError``) and are handed on in the order the
partitions came, so the single writer stores exactly what a single-process run stores.

- Models load once per worker: ``process_batch`` keeps its language backends in module-level
  caches of the worker process, and :class:`LoadModels` (a worker plugin) pins maths
  libraries to one thread and, when asked, loads the models as the worker starts.
- A worker that dies (killed, out of memory) loses no input: the scheduler runs its
  partitions again elsewhere. A partition that kills every worker it meets (``KilledWorker``
  after ``distributed.scheduler.allowed-failures`` tries) is run again one document per task,
  so only a document that kills a worker by itself is reported, as a retryable error.
- Without a scheduler address a ``LocalCluster`` is started, one single-threaded worker
  process per core (spaCy and natasha hold the GIL: threads would not help).

``distributed`` is an optional dependency (``pip install 'briefwire[dask]'``): this module is
imported only when the Dask engine is asked for.
"""

from __future__ import annotations

import itertools
import os
import uuid
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from distributed import Client, Future, LocalCluster
from distributed.diagnostics.plugin import WorkerPlugin
from distributed.scheduler import KilledWorker

from briefwire import threads
from briefwire.engine.process import ProcessContext, Processed, process_batch, warm_up
from briefwire.models import IngestError, RawDocument

Result = Processed | IngestError
Work = tuple[list[RawDocument], ProcessContext]
# Partitions in flight per worker thread: one running, one waiting, so no worker idles while
# the writer stores; more would only hold memory.
_IN_FLIGHT_PER_THREAD = 2


@dataclass(frozen=True)
class DaskOptions:
    """``scheduler``: address of a running scheduler (``tcp://host:8786``); None starts a
    LocalCluster of ``workers`` processes (None: one per core). ``dashboard``: the
    LocalCluster's dashboard address (``:0``, the default: any free port, which the CLI prints;
    ``:8787`` a fixed one, which fails to start while another run holds it; None: no dashboard
    pages, though the scheduler's HTTP endpoint still binds the default port)."""

    scheduler: str | None = None
    workers: int | None = None
    dashboard: str | None = ":0"  # two runs at once must not fight over one port
    warm: tuple[str, ...] = ()


def machine_cores() -> int:
    """Cores this process may run on (a container's limit, not the host's count)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


class LoadModels(WorkerPlugin):
    """Worker plugin: one maths thread per worker process, and the models loaded at start."""

    name = "briefwire-models"

    def __init__(self, warm: Sequence[str] = ()) -> None:
        self.warm = tuple(warm)

    def setup(self, worker: Any) -> None:
        threads.pin()
        if self.warm:
            warm_up(self.warm)


class DaskEngine:
    """Runs partitions on a Dask cluster: a running one, or a LocalCluster started here."""

    def __init__(self, options: DaskOptions | None = None) -> None:
        self.options = options or DaskOptions()
        self._cluster: LocalCluster | None = None
        # Workers inherit the environment they start with: pin it before they are started.
        threads.pin_environment()
        if self.options.scheduler:
            self.client: Client = Client(self.options.scheduler)
        else:
            self._cluster = LocalCluster(
                n_workers=self.options.workers or machine_cores(),
                threads_per_worker=1,
                processes=True,
                dashboard_address=self.options.dashboard,
            )
            self.client = Client(self._cluster)
        self.client.register_plugin(LoadModels(self.options.warm))
        self._run = uuid.uuid4().hex[:8]
        self._keys = itertools.count()

    @property
    def dashboard_link(self) -> str | None:
        """Where the Dask dashboard shows this run's tasks (None when none runs)."""
        try:
            return str(self.client.dashboard_link)
        except Exception:  # no dashboard (bokeh missing, or turned off)
            return None

    def threads(self) -> int:
        return max(1, int(sum(self.client.nthreads().values())))

    def run(self, work: Iterable[Work]) -> Iterator[tuple[list[RawDocument], list[Result]]]:
        """``(batch, one result per document)`` for each partition, in the order they came."""
        items = iter(work)
        pending: deque[tuple[list[RawDocument], ProcessContext, Future[list[Result]]]] = deque()
        try:
            while True:
                while len(pending) < self.threads() * _IN_FLIGHT_PER_THREAD:
                    nxt = next(items, None)
                    if nxt is None:
                        break
                    pending.append((nxt[0], nxt[1], self._submit(*nxt)))
                if not pending:
                    return
                batch, context, future = pending.popleft()
                yield batch, self._result(batch, context, future)
        finally:  # the caller stopped early: what is still queued is not wanted
            for *_, future in pending:
                future.cancel()

    def _submit(self, batch: list[RawDocument], context: ProcessContext) -> Future[list[Result]]:
        # A readable key: the dashboard groups tasks by the prefix before the last dash.
        key = f"briefwire-partition-{self._run}-{next(self._keys)}"
        return self.client.submit(process_batch, batch, context, key=key, pure=False)

    def _result(
        self, batch: list[RawDocument], context: ProcessContext, future: Future[list[Result]]
    ) -> list[Result]:
        try:
            return list(future.result())
        except KilledWorker:
            return self._isolate(batch, context)

    def _isolate(self, batch: list[RawDocument], context: ProcessContext) -> list[Result]:
        """One task per document, so only a document that kills workers by itself is lost."""
        futures = [self._submit([raw], context) for raw in batch]
        out: list[Result] = []
        for raw, future in zip(batch, futures, strict=True):
            try:
                out.extend(future.result())
            except KilledWorker:
                out.append(IngestError(raw.origin, "process", "worker process died", retryable=True))
        return out

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None
