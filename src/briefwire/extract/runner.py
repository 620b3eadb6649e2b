"""Runs nlp + extraction over a stream of clean documents, in batches, on one or more cores.

``run_extraction`` yields, in input order, ``(doc, extraction)`` for every document, or an
:class:`ExtractionError` for a document whose analysis or extraction failed; the rest of the
batch goes on. Documents are taken ``batch_size`` at a time and at most two batches per worker
are in flight, so memory does not grow with the corpus.

With ``workers > 1`` batches go to that many processes started with the ``spawn`` method (a
forked copy of a process that already holds a spaCy model is neither safe nor smaller); each
worker loads its language models once, on its first batch, and keeps them. Only the documents
go out and only the extractions come back. The extract function must then be a module-level
function (it is pickled by name).
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING, Any, TypeVar

from briefwire.models import CleanDocument
from briefwire.nlp import Analysis, get_backend

if TYPE_CHECKING:
    from briefwire.extract import Extraction

__all__ = ["ExtractFunction", "ExtractionError", "run_extraction"]

T = TypeVar("T")
ExtractFunction = Callable[[CleanDocument, Analysis], Any]
_IN_FLIGHT_PER_WORKER = 2
_THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


@dataclass(frozen=True)
class ExtractionError:
    """A document that nlp or extraction could not handle, and why.

    ``retryable`` is True when the failure was the machinery's, not the document's (a worker
    process died), so running again may help.
    """

    doc_id: str
    reason: str
    origin: str | None = None
    retryable: bool = False


def default_extract(doc: CleanDocument, analysis: Analysis) -> Extraction:
    """The claims extractor of :mod:`briefwire.extract`."""
    from briefwire.extract import extract  # noqa: PLC0415 - extract imports this module's package

    result: Extraction = extract(doc, analysis)
    return result


def run_extraction(
    docs: Iterable[CleanDocument],
    workers: int = 1,
    batch_size: int = 16,
    extract_fn: ExtractFunction = default_extract,
) -> Iterator[tuple[CleanDocument, Extraction] | ExtractionError]:
    """Analyse and extract every document; yields in input order, one item per document."""
    batches = _batched(docs, max(1, batch_size))
    if workers <= 1:
        for batch in batches:
            yield from _pair(batch, process_batch(batch, extract_fn))
        return
    yield from _run_parallel(batches, workers, extract_fn)


@contextmanager
def _one_thread_per_worker() -> Iterator[None]:
    """Workers inherit single-threaded BLAS/OpenMP settings while they are being started.

    Two workers with two BLAS threads each on two cores fight over them; one process per core
    is the intended use. Variables the user has set are left alone.
    """
    added = [name for name in _THREAD_VARIABLES if name not in os.environ]
    os.environ.update(dict.fromkeys(added, "1"))
    try:
        yield
    finally:
        for name in added:
            os.environ.pop(name, None)


def _run_parallel(
    batches: Iterator[list[CleanDocument]], workers: int, extract_fn: ExtractFunction
) -> Iterator[tuple[CleanDocument, Any] | ExtractionError]:
    with _one_thread_per_worker():
        yield from _run_pool(batches, workers, extract_fn)


def _run_pool(
    batches: Iterator[list[CleanDocument]], workers: int, extract_fn: ExtractFunction
) -> Iterator[tuple[CleanDocument, Any] | ExtractionError]:
    pool = _Pool(workers, extract_fn)
    pending: deque[tuple[list[CleanDocument], Future[list[Any]]]] = deque()
    try:
        while True:
            while len(pending) < workers * _IN_FLIGHT_PER_WORKER:
                batch = next(batches, None)
                if batch is None:
                    break
                pending.append((batch, pool.submit(batch)))
            if not pending:
                return
            batch, future = pending.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:
                # A worker died (out of memory, a crash in native code) and took the pool with
                # it. Which document did it is unknown: this batch is run again one document at
                # a time, alone in a fresh pool, so only a document that kills a worker by
                # itself is reported; the other batches are then sent again.
                pool.restart()
                results = pool.isolate(batch)
                pending = deque((b, pool.submit(b)) for b, _ in pending)
            yield from _pair(batch, results)
    finally:
        pool.shutdown()


class _Pool:
    """A spawn-context process pool that can be replaced after a worker dies."""

    def __init__(self, workers: int, extract_fn: ExtractFunction) -> None:
        self.workers = workers
        self.extract_fn = extract_fn
        self.context = multiprocessing.get_context("spawn")
        self.executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self.workers, mp_context=self.context)

    def submit(self, batch: list[CleanDocument]) -> Future[list[Any]]:
        return self.executor.submit(process_batch, batch, self.extract_fn)

    def restart(self) -> None:
        self.executor.shutdown(cancel_futures=True)
        self.executor = self._new()

    def isolate(self, batch: list[CleanDocument]) -> list[Any]:
        """Run each document alone; one that kills its worker becomes an error."""
        results: list[Any] = []
        for doc in batch:
            try:
                results.extend(self.submit([doc]).result())
            except BrokenProcessPool:
                results.append(_died(doc))
                self.restart()
        return results

    def shutdown(self) -> None:
        self.executor.shutdown(cancel_futures=True)


def _died(doc: CleanDocument) -> ExtractionError:
    return ExtractionError(doc.doc_id, "worker process died", doc.raw.origin, retryable=True)


def _pair(
    batch: list[CleanDocument], results: list[Any]
) -> Iterator[tuple[CleanDocument, Any] | ExtractionError]:
    for doc, result in zip(batch, results, strict=True):
        yield result if isinstance(result, ExtractionError) else (doc, result)


def process_batch(batch: list[CleanDocument], extract_fn: ExtractFunction) -> list[Any]:
    """Analyse and extract one batch; a failing document becomes an :class:`ExtractionError`.

    Documents are analysed together per language (spaCy is much faster on batches). When the
    batch analysis fails, each document of that language is analysed alone to find the culprit.
    """
    analyses: dict[int, Analysis | ExtractionError] = {}
    by_language: dict[str, list[int]] = {}
    for index, doc in enumerate(batch):
        by_language.setdefault(get_backend(doc.language).language, []).append(index)
    for language, indices in by_language.items():
        analyses.update(_analyse(language, [batch[i] for i in indices], indices))
    results: list[Any] = []
    for index, doc in enumerate(batch):
        analysis = analyses[index]
        if isinstance(analysis, ExtractionError):
            results.append(analysis)
            continue
        try:
            results.append(extract_fn(doc, analysis))
        except Exception as exc:  # one document's bug must not cost the batch
            results.append(_error(doc, "extract", exc))
    return results


def _analyse(
    language: str, docs: list[CleanDocument], indices: list[int]
) -> dict[int, Analysis | ExtractionError]:
    backend = get_backend(language)
    analyses: list[Analysis] | None
    try:
        analyses = list(backend.analyse([d.text for d in docs], batch_size=len(docs)))
    except Exception:  # the batch broke: analyse one by one below to find the culprit
        analyses = None
    if analyses is not None:
        return dict(zip(indices, analyses, strict=True))
    out: dict[int, Analysis | ExtractionError] = {}
    for index, doc in zip(indices, docs, strict=True):
        try:
            [out[index]] = list(backend.analyse([doc.text], batch_size=1))
        except Exception as exc:  # reported as this document's error
            out[index] = _error(doc, "nlp", exc)
    return out


def _error(doc: CleanDocument, stage: str, exc: Exception) -> ExtractionError:
    return ExtractionError(doc.doc_id, f"{stage}: {type(exc).__name__}: {exc}", doc.raw.origin)


def _batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch
