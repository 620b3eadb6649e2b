"""The pipeline seam: a pure processing half, one writer, engines that keep their workers."""

from __future__ import annotations

import os
import pickle
import sqlite3
import subprocess
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import numpy as np
import pytest

from briefwire import api
from briefwire.engine import InProcess, ProcessContext, Processed, Result, Work, process_batch
from briefwire.engine.pool import WorkerPool
from briefwire.link import LinkOptions
from briefwire.link.similarity import EmbeddingSimilarity, encode, encode_calls, text_key
from briefwire.models import IngestError, RawDocument
from briefwire.pipeline import Pipeline, PipelineOptions
from briefwire.store import Store

FOOTER = "From our evening desk in Samara"


def _post(i: int, outlet: str = "Volga Wire") -> RawDocument:
    text = (
        f"Officials in district {i} said that {20 + i} men had received summonses at work this week.\n"
        f"Relatives of {i + 2} of them said the men should have been exempt.\n{FOOTER}"
    )
    return RawDocument(f"mem://post-{i}", text, "text", outlet=outlet, published="2022-10-0" + str(i % 9 + 1))


def test_process_batch_gives_one_picklable_result_per_raw_in_order() -> None:
    raws = [_post(1), RawDocument("mem://blank", "   \n  ", "text"), _post(2)]
    out = process_batch(raws, ProcessContext())
    assert len(out) == 3
    first, blank, last = out
    assert isinstance(first, Processed) and first.doc.raw.origin == "mem://post-1"
    assert isinstance(blank, IngestError) and blank.stage == "clean"
    assert isinstance(last, Processed) and last.doc.raw.origin == "mem://post-2"
    assert first.extraction is not None and first.extraction.claims
    assert len(first.signatures.paragraphs) == len(first.doc.paragraphs)
    again = pickle.loads(pickle.dumps(out))  # noqa: S301 - our own data, as a worker returns it
    assert again[0].doc == first.doc and again[0].extraction == first.extraction


def test_process_batch_analyses_a_text_twice_in_one_batch_only_once() -> None:
    twin = RawDocument("mem://twin", _post(1).text, "text", outlet="Volga Wire")
    out = process_batch([_post(1), twin], ProcessContext())
    assert isinstance(out[1], Processed) and out[1].copy_in_batch and out[1].extraction is None


def test_process_batch_learns_outlet_lines_from_the_context() -> None:
    raw = _post(1)
    doc = process_batch([raw], ProcessContext())[0]
    assert isinstance(doc, Processed) and FOOTER in doc.doc.text
    counts = {"Volga Wire": dict.fromkeys(doc.line_hashes, 1) | {doc.line_hashes[-1]: 9}}
    learned = process_batch([raw], ProcessContext(line_counts=counts))[0]
    assert isinstance(learned, Processed) and FOOTER not in learned.doc.text


class AllAtOnce(InProcess):
    """An engine that takes every batch before it returns any: as many in flight as can be."""

    def run(self, work: Iterable[Work]) -> Iterator[tuple[list[RawDocument], list[Result]]]:
        taken = list(work)
        for batch, context in taken:
            yield batch, process_batch(batch, context)


def test_pipeline_learns_an_outlet_footer_while_its_posts_are_in_flight(tmp_path: Path) -> None:
    posts = [_post(i) for i in range(6)]
    options = PipelineOptions(batch_size=1, link=False)
    with Store(tmp_path / "l.db") as store, Pipeline(store, options, engine=AllAtOnce()) as pipeline:
        summary = pipeline.ingest_items(posts)
        texts = [p["text"] for p in store.passages()]
    assert summary.ingested == 6
    # 5 words: learned once two other documents of the outlet carry it (the third post on)
    assert sum(FOOTER in t for t in texts) == 2, "the footer was not learned across batches in flight"


def test_pipeline_reports_progress_of_every_stage(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        (folder / f"p{i}.txt").write_text(_post(i).text, encoding="utf-8")
    seen: list[tuple[str, int, int | None]] = []
    options = PipelineOptions(link_options=LinkOptions(embeddings=False))
    with api.Workspace(tmp_path / "l.db") as ws:
        api.ingest(ws, [folder], options, progress=lambda *a: seen.append(a))
    assert [s for s in seen if s[0] == "read"] == [("read", 1, 3), ("read", 2, 3), ("read", 3, 3)]
    assert ("write", 3, None) in seen
    assert seen[-2:] == [("link", 0, 1), ("link", 1, 1)]


def test_pipeline_called_again_keeps_its_engine(tmp_path: Path) -> None:
    options = PipelineOptions(link=False)
    with Store(tmp_path / "l.db") as store, Pipeline(store, options) as pipeline:
        pipeline.ingest_items([_post(1)])
        engine = pipeline.engine
        again = pipeline.ingest_items([_post(2), _post(1)])
        assert pipeline.engine is engine
    assert (again.ingested, again.duplicates) == (1, 1)


def _pid(batch: list[int], context: None) -> list[int]:
    return [os.getpid() for _ in batch]


@pytest.mark.slow
def test_worker_pool_keeps_its_processes_from_one_run_to_the_next() -> None:
    pool: WorkerPool[int, None, int] = WorkerPool(_pid, 2)
    try:
        first = {p for _, pids in pool.run((([i], None) for i in range(8)), died=lambda i: -1) for p in pids}
        second = {p for _, pids in pool.run((([i], None) for i in range(8)), died=lambda i: -1) for p in pids}
    finally:
        pool.close()
    assert os.getpid() not in first
    assert second <= first


@pytest.mark.slow
def test_pipeline_two_workers_store_what_one_worker_stores(tmp_path: Path) -> None:
    posts = [_post(i) for i in range(12)] + [_post(3)]
    ledgers = []
    for workers in (1, 2):
        options = PipelineOptions(workers=workers, batch_size=4, link=False)
        with Store(tmp_path / f"w{workers}.db") as store, Pipeline(store, options) as pipeline:
            summary = pipeline.ingest_items(posts)
        conn = sqlite3.connect(tmp_path / f"w{workers}.db")
        ledgers.append(
            (
                summary.ingested,
                summary.duplicates,
                sorted(conn.execute("SELECT doc_id, idx, text FROM passages")),
                sorted(conn.execute("SELECT claim_key FROM claims")),
            )
        )
        conn.close()
    assert ledgers[0] == ledgers[1]
    assert ledgers[0][:2] == (12, 1)


@pytest.mark.slow
def test_pipeline_two_workers_link_what_one_worker_links_with_the_same_vectors(tmp_path: Path) -> None:
    posts = [_post(i) for i in range(8)]
    runs = []
    for workers in (1, 2):
        options = PipelineOptions(workers=workers, batch_size=3)
        with Store(tmp_path / f"w{workers}.db") as store, Pipeline(store, options) as pipeline:
            assert pipeline.ingest_items(posts).claims
        runs.append(_links(tmp_path / f"w{workers}.db"))
    (events, vectors), (two_events, two_vectors) = runs
    assert events and vectors
    assert two_events == events
    assert two_vectors == vectors  # the claims linking compares, embedded alike to the bit


def test_encoder_calls_give_the_same_vectors_to_the_bit_wherever_they_run() -> None:
    texts = [f"Officials in district {i} said {i} men were sent home. " * (1 + i % 4) for i in range(11)]

    def one_at_a_time_backwards(calls: Sequence[Sequence[str]]) -> list[np.ndarray]:
        return [encode_calls([call])[0] for call in calls[::-1]][::-1]

    assert encode(texts, one_at_a_time_backwards).tobytes() == encode(texts).tobytes()


def _blas_threads(env: dict[str, str]) -> list[int]:
    code = (
        "import briefwire.cli, numpy\n"
        "from threadpoolctl import threadpool_info\n"
        "print(*[p['num_threads'] for p in threadpool_info() if p['user_api'] == 'blas'])"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120, check=True
    )
    return [int(n) for n in done.stdout.split()]


def test_cli_pins_blas_to_one_thread_before_numpy_loads() -> None:
    env = {k: v for k, v in os.environ.items() if not k.endswith("_NUM_THREADS")}
    assert set(_blas_threads(env)) == {1}


def test_cli_leaves_a_thread_count_the_user_set() -> None:
    env = {k: v for k, v in os.environ.items() if not k.endswith("_NUM_THREADS")}
    assert set(_blas_threads({**env, "OPENBLAS_NUM_THREADS": "2"})) == {2}


class Elsewhere:
    """An engine whose processing stands for other processes' (not this one's :class:`InProcess`)."""

    def run(self, work: Iterable[Work]) -> Iterator[tuple[list[RawDocument], list[Result]]]:
        for batch, context in work:
            yield batch, process_batch(batch, context)

    def close(self) -> None:
        """Nothing to let go of."""


def _links(db: Path) -> tuple[list[tuple[str, str]], dict[str, bytes]]:
    conn = sqlite3.connect(db)
    events = sorted(
        conn.execute("SELECT c.claim_key, e.event_key FROM claims c JOIN events e USING (event_id)")
    )
    vectors = dict(conn.execute("SELECT text_hash, vector FROM claim_vectors"))
    conn.close()
    return events, vectors


def test_claims_embedded_by_workers_link_as_the_writer_links_them(tmp_path: Path) -> None:
    posts = [_post(i) for i in range(8)]
    runs = {}
    for name, engine in (("here", InProcess()), ("elsewhere", Elsewhere())):
        with (
            Store(tmp_path / f"{name}.db") as store,
            Pipeline(store, PipelineOptions(batch_size=3), engine) as p,
        ):
            summary = p.ingest_items(posts)
        assert summary.claims
        runs[name] = _links(tmp_path / f"{name}.db")
    (events, here), (same_events, elsewhere) = runs["here"], runs["elsewhere"]
    assert same_events == events and events
    conn = sqlite3.connect(tmp_path / "elsewhere.db")
    texts = [q or s for q, s in conn.execute("SELECT quote, summary FROM claims")]
    conn.close()
    assert {text_key(t) for t in texts} <= set(elsewhere), "a claim the workers did not embed"
    for key, vector in here.items():  # what linking embedded itself, the workers embedded alike
        assert np.allclose(np.frombuffer(vector, "<f4"), np.frombuffer(elsewhere[key], "<f4"), atol=1e-5)


def test_a_claims_vector_does_not_depend_on_the_texts_embedded_with_it() -> None:
    short = "Forty men were sent home."
    others = [
        f"Officials in district {i} said that {i} men had received summonses at work " * 3 for i in range(20)
    ]
    similarity = EmbeddingSimilarity()
    alone = similarity.vectors([short])[0]
    among = similarity.vectors([*others, short])[-1]
    assert np.allclose(alone, among, atol=1e-5)
    assert np.frombuffer(similarity.keyed([short, short])[text_key(short)], "<f4").tolist() == pytest.approx(
        alone.tolist(), abs=1e-5
    )


def test_linking_vectors_stay_near_float32_ones_in_either_precision() -> None:
    from briefwire.nlp import embeddings  # noqa: PLC0415

    texts = ["Военкомат вручил повестки сорока мужчинам.", "Forty men were sent home.", "Ещё одна фраза."]
    made = embeddings.embed_each(texts)
    plain = embeddings.embed(texts)
    assert made.dtype == np.float32
    assert np.allclose(np.linalg.norm(made, axis=1), 1.0, atol=1e-5)
    # bfloat16 products move a cosine by a few thousandths at most (float32: by nothing)
    assert np.abs(made @ made.T - plain @ plain.T).max() < 0.02


def test_linking_vectors_are_kept_under_the_precision_that_made_them(monkeypatch: pytest.MonkeyPatch) -> None:
    from briefwire.link.similarity import vector_model  # noqa: PLC0415
    from briefwire.nlp import embeddings  # noqa: PLC0415

    monkeypatch.setenv(embeddings.PRECISION_VARIABLE, "float32")
    assert embeddings.link_precision() == "float32"
    assert vector_model() == "all-MiniLM-L6-v2/normalized/float32"
    assert EmbeddingSimilarity().model == vector_model()
    monkeypatch.delenv(embeddings.PRECISION_VARIABLE)
    expected = "bfloat16" if embeddings.bfloat16_native() else "float32"
    assert embeddings.link_precision() == expected
    assert vector_model().endswith("bfloat16-each" if expected == "bfloat16" else "float32")
