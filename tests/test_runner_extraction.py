"""The extraction runner: order kept, workers agree, failures stay with their document."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from typing import cast

import pytest

from briefwire.extract.runner import ExtractionError, run_extraction
from briefwire.models import CleanDocument, DateValue, Paragraph, RawDocument
from briefwire.nlp import Analysis

TOPICS = ["Moscow", "Kazan", "Belgorod", "Dagestan", "Yakutia", "Kursk"]


def make_doc(index: int, text: str | None = None, language: str = "en") -> CleanDocument:
    body = (
        text
        if text is not None
        else (
            f"Report {index} from {TOPICS[index % len(TOPICS)]}.\n"
            f"Officials in {TOPICS[(index + 1) % len(TOPICS)]} said {index + 2} men were sent home."
        )
    )
    paragraphs = (Paragraph(0, 0, len(body), body),) if isinstance(body, str) else ()
    raw = RawDocument(f"tests/doc-{index}.txt", cast(str, body), "txt")
    return CleanDocument(raw, f"doc{index}", body, paragraphs, (), None, None, DateValue.unknown(), language)


def summarise(doc: CleanDocument, analysis: Analysis) -> tuple[str, int, tuple[str, ...]]:
    """A stand-in extractor: what the analysis saw (module level so worker processes can use it)."""
    if "EXPLODE" in doc.text:
        raise RuntimeError("extractor bug")
    return doc.doc_id, len(analysis.sentences), tuple(e.text for e in analysis.entities)


def test_runner_keeps_input_order_and_yields_one_item_per_document() -> None:
    docs = [make_doc(i) for i in range(11)]
    out = list(run_extraction(docs, batch_size=3, extract_fn=summarise))
    assert [item[0].doc_id for item in out if not isinstance(item, ExtractionError)] == [
        d.doc_id for d in docs
    ]
    first = out[0]
    assert not isinstance(first, ExtractionError)
    assert first[1][1] == 2
    assert "Moscow" in first[1][2]


def test_runner_failing_document_yields_an_error_and_the_rest_go_on() -> None:
    docs = [make_doc(0), make_doc(1, "Troops EXPLODE the myth in Kursk."), make_doc(2)]
    out = list(run_extraction(docs, batch_size=8, extract_fn=summarise))
    assert len(out) == 3
    error = out[1]
    assert isinstance(error, ExtractionError)
    assert error.doc_id == "doc1"
    assert "extractor bug" in error.reason
    assert error.origin == "tests/doc-1.txt"
    assert not isinstance(out[0], ExtractionError)
    assert not isinstance(out[2], ExtractionError)


def test_runner_document_the_analyser_rejects_is_isolated() -> None:
    broken = replace(make_doc(1), text=cast(str, 12345))  # not text at all: the backend raises
    docs = [make_doc(0), broken, make_doc(2)]
    out = list(run_extraction(docs, batch_size=8, extract_fn=summarise))
    assert isinstance(out[1], ExtractionError)
    assert out[1].reason.startswith("nlp:")
    assert [not isinstance(o, ExtractionError) for o in out] == [True, False, True]


def test_runner_streams_input_in_batches() -> None:
    pulled = 0

    def docs() -> Iterator[CleanDocument]:
        nonlocal pulled
        for i in range(100):
            pulled += 1
            yield make_doc(i)

    results = run_extraction(docs(), batch_size=4, extract_fn=summarise)
    next(results)
    assert pulled == 4


def test_runner_mixes_languages_in_one_batch() -> None:
    docs = [make_doc(0), make_doc(1, "Мобилизованных из Казани отправили домой.", "ru"), make_doc(2)]
    out = list(run_extraction(docs, batch_size=8, extract_fn=summarise))
    assert not any(isinstance(o, ExtractionError) for o in out)
    russian = out[1]
    assert not isinstance(russian, ExtractionError)
    assert "Казани" in russian[1][2]


@pytest.mark.slow
def test_runner_two_workers_give_the_same_results_as_one() -> None:
    docs = [make_doc(i) for i in range(14)] + [make_doc(14, "It will EXPLODE in Yakutia.")]
    one = list(run_extraction(docs, workers=1, batch_size=3, extract_fn=summarise))
    two = list(run_extraction(docs, workers=2, batch_size=3, extract_fn=summarise))
    assert one == two
    assert isinstance(two[-1], ExtractionError)


def crash_on_marker(doc: CleanDocument, analysis: Analysis) -> tuple[str, int, tuple[str, ...]]:
    """Kills its worker process outright on one document, as a native crash would."""
    if "CRASH" in doc.text:
        os._exit(3)
    return summarise(doc, analysis)


@pytest.mark.slow
def test_runner_worker_crash_costs_only_the_document_that_caused_it() -> None:
    docs = [make_doc(i) for i in range(6)]
    docs.insert(2, make_doc(99, "This one will CRASH the worker in Kursk."))
    out = list(run_extraction(docs, workers=2, batch_size=3, extract_fn=crash_on_marker))
    assert len(out) == len(docs)
    errors = [o for o in out if isinstance(o, ExtractionError)]
    assert [(e.doc_id, e.retryable) for e in errors] == [("doc99", True)]
    assert [o[0].doc_id for o in out if not isinstance(o, ExtractionError)] == [
        d.doc_id for d in docs if d.doc_id != "doc99"
    ]
