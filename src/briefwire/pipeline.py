"""Wires the stages: ingest -> clean -> dedupe -> nlp/extract -> store, then link.

The seam (agreed in the coordination protocol; other work builds on it)::

    read (this process)        processing half (anywhere)              writer half (this process)
    ingest.read(paths) ──► Writer.prepare(items) ──► process_batch(raws, context) ──► Writer.write_batch
                           (raw re-reads, context)   clean, signatures, nlp, extract   dedupe, store
                                                                                       then one link

1. ``process_batch(raws, context) -> list[Processed | IngestError]``
   (:mod:`briefwire.engine.process`) is pure: plain data in, plain picklable data out, one
   result per raw document in order. ``context`` (:class:`ProcessContext`) carries what it
   needs from the ledger as plain data (per-outlet line counts) and the run's switches.
   ``Processed`` holds the CleanDocument, its Extraction (or why it failed), its dedupe
   Signatures and its line keys.
2. :class:`~briefwire.engine.writer.Writer` is the single writer: it owns the Store and the
   dedupe index. ``prepare(items) -> (raws, context)`` before processing, ``write_batch(raws,
   results)`` (or ``write(processed)`` per document) after; :meth:`Pipeline.link` runs once
   at the end of a run, incrementally.
3. An engine (:mod:`briefwire.engine`) runs half 1: :class:`~briefwire.engine.InProcess` for
   one worker, :class:`~briefwire.engine.LocalProcesses` for ``--workers N``, a Dask engine
   for scale-out. Engines only differ in where ``process_batch`` runs.

A :class:`Pipeline` keeps its engine (one worker pool, models loaded once per process) for as
long as it lives: a long-running caller (``watch``) calls :meth:`Pipeline.ingest` or
:meth:`Pipeline.ingest_items` between polls and the models stay loaded. Close it (or use it
as a context manager) to stop the workers.

``progress(stage, done, total)`` is called as the run goes: stage ``"read"`` per input
(``total`` from :func:`briefwire.ingest.count_inputs`, or None), ``"models"`` before (0, 1)
and after (1, 1) a Pipeline's first batch (models load on first use, in that batch, unless
the engine warmed them), ``"write"`` per document processed and written (``total`` None: a
stream), ``"link"`` before (0, 1) and after (1, 1) linking.

Every document is written in its own transaction: an ingest killed half-way leaves whole
documents only, and running it again skips what is stored (by raw-text hash, then by
clean-text id) and finishes the job. Every failure is recorded with its input, stage and
reason; the batch goes on.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TypeVar

from briefwire import ingest
from briefwire import link as link_stage
from briefwire.dedupe import DedupeOptions, Deduper
from briefwire.engine import (
    Engine,
    InProcess,
    LocalProcesses,
    ProcessContext,
    Processed,
    Work,
    build_engine,
    process_batch,
)
from briefwire.engine.relink import relink_all, relink_new
from briefwire.engine.writer import IngestSummary, Writer, ledger_deduper
from briefwire.link.similarity import CallRunner
from briefwire.models import IngestError, RawDocument
from briefwire.store import LedgerUnavailable, Store

__all__ = [
    "FLOW",
    "IngestSummary",
    "Pipeline",
    "PipelineOptions",
    "ProcessContext",
    "Processed",
    "Progress",
    "Stage",
    "Writer",
    "check_flow",
    "process_batch",
]

T = TypeVar("T")
Progress = Callable[[str, int, int | None], None]


@dataclass(frozen=True)
class Stage:
    """What a stage of the flow reads and what it adds, so the wiring can be checked."""

    name: str
    needs: frozenset[str]
    adds: frozenset[str]


def _stage(name: str, needs: str, adds: str) -> Stage:
    return Stage(name, frozenset(needs.split()), frozenset(adds.split()))


FLOW = (
    _stage("ingest", "", "raw_text metadata"),
    _stage("clean", "raw_text metadata", "clean_text paragraphs removed published"),
    _stage("dedupe", "clean_text paragraphs", "signatures reuse near_duplicate"),
    _stage("nlp", "clean_text", "sentences entities"),
    _stage("extract", "sentences entities paragraphs published", "claims casualties themes"),
    _stage("store", "clean_text paragraphs removed signatures reuse claims casualties themes", "ledger"),
    _stage("link", "ledger claims casualties reuse", "events persons entities"),
)


def check_flow(stages: tuple[Stage, ...]) -> None:
    """Every field a stage needs is added by an earlier stage (as spaCy's analyze_pipes checks)."""
    have: set[str] = set()
    for stage in stages:
        missing = stage.needs - have
        if missing:
            raise ValueError(
                f"stage {stage.name!r} needs {', '.join(sorted(missing))}, which no earlier stage adds"
            )
        have |= stage.adds


@dataclass(frozen=True)
class PipelineOptions:
    """``workers``: processes for the processing half (1 runs it in this process).
    ``batch_size``: raw documents per batch (a partition) handed to a worker. ``warm``:
    languages whose models every worker loads up front (else on first use). ``engine``:
    ``local`` or ``dask``; ``scheduler``: a running Dask scheduler's address (None: the dask
    engine starts a LocalCluster)."""

    workers: int = 1
    extract: bool = True
    link: bool = True
    batch_size: int = 64
    read: ingest.ReadOptions | None = None
    link_options: link_stage.LinkOptions | None = None
    dedupe: DedupeOptions | None = None
    warm: tuple[str, ...] = ()
    engine: str = "local"
    scheduler: str | None = None


class Pipeline:
    """Runs the flow over inputs into one store; keeps its engine until closed."""

    def __init__(
        self, store: Store, options: PipelineOptions | None = None, engine: Engine | None = None
    ) -> None:
        check_flow(FLOW)
        self.store = store
        self.options = options or PipelineOptions()
        self._engine = engine
        self._owns_engine = engine is None  # an engine passed in is the caller's to close
        self._deduper: Deduper | None = None
        self._models_ready = False  # after the first batch: models stay loaded in the engine

    @property
    def engine(self) -> Engine:
        """The engine of the processing half, started on first use and kept."""
        if self._engine is None:
            o = self.options
            self._engine = build_engine(o.engine, o.workers, o.warm, o.scheduler)
        return self._engine

    @property
    def deduper(self) -> Deduper:
        """The dedupe index: the ledger's band tables, queried per document (not loaded)."""
        if self._deduper is None:
            self._deduper = ledger_deduper(self.store, self.options.dedupe)
        return self._deduper

    def close(self) -> None:
        """Stop the workers this pipeline started (an engine passed in stays the caller's)."""
        if self._engine is not None and self._owns_engine:
            self._engine.close()
            self._engine = None

    def __enter__(self) -> Pipeline:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def ingest(self, paths: Iterable[str | Path], progress: Progress | None = None) -> IngestSummary:
        """Read ``paths`` (files, folders, URLs) into the ledger, then link what is new."""
        paths = list(paths)
        total = ingest.count_inputs(paths) if progress else None
        done = itertools.count(1)

        def read_one(origin: str) -> None:
            if progress:
                progress("read", next(done), total)

        items = ingest.read(paths, self.options.read, progress=read_one if progress else None)
        return self.ingest_items(items, progress)

    def ingest_items(
        self, items: Iterable[RawDocument | IngestError], progress: Progress | None = None
    ) -> IngestSummary:
        """Process and store documents already read (a feed poll, an upload), then link."""
        o = self.options
        dedupe = o.dedupe or DedupeOptions()
        writer = Writer(self.store, lambda: self.deduper, o.extract, dedupe, self._embed_claims())
        written = 0
        try:
            for raws, results in self.engine.run(self._work(writer, items, progress)):
                self._models_loaded(progress)
                writer.write_batch(raws, results)
                written += len(raws)
                if progress:
                    progress("write", written, None)
        except LedgerUnavailable as exc:  # the run stops; say what it had done by then
            exc.summary = writer.summary  # type: ignore[attr-defined]
            raise
        if self.options.link and self.options.extract:
            if progress:
                progress("link", 0, 1)
            self.link(incremental=True)
            if progress:
                progress("link", 1, 1)
        return writer.summary

    def _work(
        self, writer: Writer, items: Iterable[RawDocument | IngestError], progress: Progress | None
    ) -> Iterator[Work]:
        for chunk in _batched(items, self.options.batch_size):
            raws, context = writer.prepare(chunk)
            if raws:
                if progress and not self._models_ready:
                    progress("models", 0, 1)  # the first batch loads them
                yield raws, context

    def _embed_claims(self) -> bool:
        """Whether workers embed every claim for linking: when processing runs in processes
        linking cannot reach (Dask), so the single writer does not embed them serially. A local
        pool instead embeds, at link time, just the claims linking compares (``_run_calls``);
        in this process linking embeds them itself."""
        o = self.options
        if isinstance(self.engine, InProcess | LocalProcesses) or not (o.link and o.extract):
            return False
        if not (o.link_options or link_stage.LinkOptions()).embeddings:
            return False
        from briefwire.nlp import embeddings  # noqa: PLC0415 - asking imports torch

        return embeddings.available()

    def _run_calls(self) -> CallRunner | None:
        """Where linking's encoder calls run: shared among a local pool's workers, else here."""
        engine = self._engine
        return engine.run_calls if isinstance(engine, LocalProcesses) else None

    def _models_loaded(self, progress: Progress | None) -> None:
        if not self._models_ready:
            self._models_ready = True
            if progress:
                progress("models", 1, 1)

    def link(self, incremental: bool = False) -> None:
        """Re-link claims into events and casualty mentions into persons (decisions honoured).

        ``incremental``: only claims not yet in an event, and what they can touch, are read and
        re-linked (see :mod:`briefwire.engine.relink`).
        """
        if incremental:
            relink_new(self.store, self.options.link_options, self._run_calls())
        else:
            relink_all(self.store, self.options.link_options)


def _batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while chunk := list(itertools.islice(it, max(1, size))):
        yield chunk
