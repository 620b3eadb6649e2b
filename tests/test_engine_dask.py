"""The Dask engine: a backfill on a LocalCluster stores the ledger a single process stores."""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("distributed")

from briefwire.engine import InProcess, Result, Work
from briefwire.engine.dask_engine import DaskEngine, DaskOptions
from briefwire.link import LinkOptions
from briefwire.models import RawDocument
from briefwire.pipeline import IngestSummary, Pipeline, PipelineOptions
from briefwire.store import Store

from .backfill_corpus import posts

pytestmark = pytest.mark.slow
OPTIONS = PipelineOptions(batch_size=12, link_options=LinkOptions(embeddings=False))
CORPUS = posts(200)


def _ingest(db: Path, engine: Any, items: list[RawDocument]) -> IngestSummary:
    with Store(db) as store:
        return Pipeline(store, OPTIONS, engine=engine).ingest_items(items)


def ledger(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """What a user relies on, by stable key: documents, where each was seen, claims, events, persons."""
    conn = sqlite3.connect(db)
    queries = {
        "documents": "SELECT doc_id, clean_text, near_duplicate_of FROM documents",
        "origins": "SELECT doc_id, origin FROM document_origins",
        "passages": "SELECT doc_id, idx, text, theme, reuse_group IS NOT NULL FROM passages",
        "claims": "SELECT claim_key, type, date, location_json, quantity_json, stance FROM claims",
        "events": "SELECT e.event_key, e.type, e.status, e.independent_sources, group_concat(c.claim_key) "
        "FROM events e JOIN (SELECT * FROM claims ORDER BY claim_key) c USING (event_id) GROUP BY e.event_id",
        "casualties": "SELECT p.person_key, p.name, group_concat(m.mention_key) FROM persons p "
        "JOIN casualty_mentions m USING (person_id) GROUP BY p.person_id",
        "errors": "SELECT origin, stage FROM ingest_errors",
    }
    out = {name: sorted(conn.execute(sql)) for name, sql in queries.items()}
    conn.close()
    return out


@pytest.fixture(scope="module")
def single(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[Any, ...]]]:
    db = tmp_path_factory.mktemp("single") / "l.db"
    summary = _ingest(db, InProcess(), CORPUS)
    assert summary.ingested > 150 and summary.duplicates > 10 and summary.claims > 100
    return ledger(db)


@pytest.fixture(scope="module")
def cluster() -> Iterator[DaskEngine]:
    engine = DaskEngine(DaskOptions(workers=2, dashboard=":0"))  # any free port: 8787 may be taken
    yield engine
    engine.close()


def test_dask_backfill_stores_the_ledger_a_single_process_stores(
    tmp_path: Path, single: dict[str, list[tuple[Any, ...]]], cluster: DaskEngine
) -> None:
    summary = _ingest(tmp_path / "dask.db", cluster, CORPUS)
    got = ledger(tmp_path / "dask.db")
    assert summary.ingested == len(single["documents"])
    assert got["events"] and got["casualties"], "the corpus should give events and named casualties"
    for part, rows in single.items():
        assert got[part] == rows, f"{part} differ between the dask and the single-process run"
    # the partitions ran on the workers, where the models stay loaded for the next run
    loaded = cluster.client.run(lambda: sorted(__import__("briefwire.nlp").nlp._INSTANCES))
    assert len(loaded) == 2 and all("en" in langs for langs in loaded.values())


class KillAWorker:
    """Passes the engine's results on, and kills a worker that is busy with a partition after
    the first result came back."""

    def __init__(self, engine: DaskEngine) -> None:
        self.engine = engine
        self.killed: int | None = None

    def run(self, work: Iterable[Work]) -> Iterator[tuple[list[RawDocument], list[Result]]]:
        for n, out in enumerate(self.engine.run(work)):
            if n == 0:
                self.killed = self._kill_busy_worker()
            yield out

    def _kill_busy_worker(self) -> int:
        client = self.engine.client
        for _ in range(100):
            busy = [addr for addr, keys in client.processing().items() if keys]
            if busy:
                pid = int(client.run(os.getpid, workers=busy[:1])[busy[0]])
                os.kill(pid, signal.SIGKILL)
                return pid
            time.sleep(0.05)
        raise AssertionError("no worker was busy with a partition")

    def close(self) -> None:
        """The cluster belongs to the fixture."""


def test_dask_worker_killed_mid_run_loses_no_input(
    tmp_path: Path, single: dict[str, list[tuple[Any, ...]]], cluster: DaskEngine
) -> None:
    killer = KillAWorker(cluster)
    summary = _ingest(tmp_path / "killed.db", killer, CORPUS)
    assert killer.killed is not None
    assert killer.killed not in cluster.client.run(os.getpid).values(), "the killed worker is gone"
    assert not summary.errors
    got = ledger(tmp_path / "killed.db")
    for part in ("documents", "origins", "claims", "events", "casualties"):
        assert got[part] == single[part], f"{part} differ after a worker died mid-run"


def test_ingest_says_so_when_no_dask_scheduler_answers(tmp_path: Path) -> None:
    import dask  # noqa: PLC0415
    from typer.testing import CliRunner  # noqa: PLC0415

    from briefwire.cli import app  # noqa: PLC0415

    (tmp_path / "a.txt").write_text("Officials said 20 men had received summonses.", encoding="utf-8")
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    args = [
        "ingest",
        str(tmp_path / "a.txt"),
        "--db",
        str(tmp_path / "l.db"),
        "--scheduler",
        f"tcp://127.0.0.1:{port}",
    ]
    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}):
        result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert "cannot reach the Dask scheduler" in result.output
