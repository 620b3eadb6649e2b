"""Runs nlp + extraction over a stream of clean documents, in batches, on one or more cores.

``run_extraction`` yields, in input order, ``(doc, extraction)`` for every document, or an
:class:`ExtractionError` for a document whose analysis or extraction failed; the rest of the
batch goes on. Documents are taken ``batch_size`` at a time and at most two batches per worker
are in flight, so memory does not grow with the corpus.

With ``workers > 1`` batches go to a pool of that many processes (``briefwire.engine.pool``);
each worker loads its language models once, on its first batch, and keeps them. Only the
documents go out and only the extractions come back. The extract function must then be a
module-level function (it is pickled by name). ``analyse_and_extract`` is the work on one
batch; the pipeline's processing half (``briefwire.engine.process``) calls it directly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING, Any, TypeVar

from briefwire.engine.pool import WorkerPool
from briefwire.models import CleanDocument
from briefwire.nlp import Analysis, get_backend

if TYPE_CHECKING:
    from briefwire.extract import Extraction

__all__ = ["ExtractFunction", "ExtractionError", "analyse_and_extract", "run_extraction"]

T = TypeVar("T")
ExtractFunction = Callable[[CleanDocument, Analysis], Any]


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
    """Analyse and extract every document; yields in input order, one item per document.

    With ``workers > 1`` a pool is started for this call and closed at the end (the pipeline
    keeps one pool for a whole run instead: see :mod:`briefwire.engine`).
    """
    batches = _batched(docs, max(1, batch_size))
    if workers <= 1:
        for batch in batches:
            yield from _pair(batch, analyse_and_extract(batch, extract_fn))
        return
    pool: WorkerPool[CleanDocument, ExtractFunction, Any] = WorkerPool(analyse_and_extract, workers)
    try:
        for batch, results in pool.run(((b, extract_fn) for b in batches), _died):
            yield from _pair(batch, results)
    finally:
        pool.close()


def _died(doc: CleanDocument) -> ExtractionError:
    return ExtractionError(doc.doc_id, "worker process died", doc.raw.origin, retryable=True)


def _pair(
    batch: list[CleanDocument], results: list[Any]
) -> Iterator[tuple[CleanDocument, Any] | ExtractionError]:
    for doc, result in zip(batch, results, strict=True):
        yield result if isinstance(result, ExtractionError) else (doc, result)


def analyse_and_extract(
    batch: list[CleanDocument], extract_fn: ExtractFunction = default_extract
) -> list[Any]:
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
