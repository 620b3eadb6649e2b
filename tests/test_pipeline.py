"""The whole flow on files a user would have: idempotent, crash-safe, errors recorded."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefwire import api
from briefwire.pipeline import FLOW, PipelineOptions, Stage, check_flow

from .conftest import REPO

PLAIN = PipelineOptions(extract=False)


def _article(i: int) -> str:
    return (
        f"Report number {i} from the regional desk\n\n"
        f"In district {i}, officials said that {100 + i} men had received summonses this week, and "
        f"relatives of {i % 7 + 2} of them said the men had health problems that should exempt them.\n\n"
        f"A spokesman for the enlistment office in town {i} said every case would be reviewed and that "
        f"anyone called up by mistake would be sent home within {i % 5 + 3} days.\n"
    )


def _corpus(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"a{i:04d}.txt").write_text(_article(i), encoding="utf-8")
    return folder


def test_pipeline_ingesting_the_same_folder_twice_adds_nothing(tmp_path: Path) -> None:
    src = _corpus(tmp_path / "in", 5)
    with api.Workspace(tmp_path / "l.db") as ws:
        first = api.ingest(ws, [src], PLAIN)
        again = api.ingest(ws, [src], PLAIN)
        stats = api.stats(ws)
    assert (first.ingested, again.ingested, again.duplicates) == (5, 0, 5)
    assert stats["documents"] == 5 and stats["passages"] == first_passages(tmp_path / "l.db")


def first_passages(db: Path) -> int:
    return int(sqlite3.connect(db).execute("SELECT COUNT(*) FROM passages").fetchone()[0])


def test_pipeline_same_text_from_two_places_is_stored_once_with_both_origins(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    _corpus(a, 1)
    _corpus(b, 1)
    with api.Workspace(tmp_path / "l.db") as ws:
        summary = api.ingest(ws, [a, b], PLAIN)
        doc = api.show(ws, api.docs(ws)[0]["doc_id"])
    assert (summary.ingested, summary.duplicates) == (1, 1)
    assert doc is not None and len(doc["origins"]) == 2


def test_pipeline_bad_inputs_are_recorded_and_the_batch_goes_on(tmp_path: Path) -> None:
    src = _corpus(tmp_path / "in", 2)
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(b"\x00\x01\x02 not text \x00")
    (src / "broken.json").write_text('[{"text": "unterminated', encoding="utf-8")
    (src / "cut.txt.gz").write_bytes(b"\x1f\x8b\x08\x00\x00\x00")
    with api.Workspace(tmp_path / "l.db") as ws:
        summary = api.ingest(ws, [src], PLAIN)
        recorded = {Path(e["origin"]).name: e["reason"] for e in api.errors(ws)}
    assert summary.ingested == 2 and summary.exit_code == 2
    assert set(recorded) == {"empty.txt", "binary.txt", "broken.json", "cut.txt.gz"}
    assert all(reason for reason in recorded.values())


def test_pipeline_killed_half_way_leaves_whole_documents_and_a_rerun_finishes(tmp_path: Path) -> None:
    src = _corpus(tmp_path / "in", 400)
    db = tmp_path / "l.db"
    cmd = [sys.executable, "-m", "briefwire", "ingest", str(src), "--db", str(db), "--no-extract"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if _count(db) >= 30:
            break
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    stored = _count(db)
    assert 0 < stored < 400, "the ingest was not interrupted half-way; make the corpus larger"
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    orphans = conn.execute(
        "SELECT COUNT(*) FROM documents d WHERE NOT EXISTS "
        "(SELECT 1 FROM passages p WHERE p.doc_id = d.doc_id)"
    ).fetchone()[0]
    assert orphans == 0
    short = conn.execute(
        "SELECT COUNT(*) FROM (SELECT doc_id, COUNT(*) n FROM passages GROUP BY doc_id) WHERE n != 2"
    ).fetchone()[0]
    assert short == 0, "a document was stored with some of its passages missing"
    conn.close()
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    assert _count(db) == 400


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return int(conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.OperationalError:
        return 0


def test_pipeline_demo_corpus_goes_in_without_errors(tmp_path: Path) -> None:
    with api.Workspace(tmp_path / "l.db") as ws:
        summary = api.ingest(ws, [REPO / "examples"], PLAIN)
        docs = api.docs(ws)
    assert summary.errors == []
    assert summary.ingested >= 20
    assert summary.reused_paragraphs >= 5  # the bundled reprint re-uses most of an earlier article
    assert all(json.dumps(d) for d in docs)


def test_pipeline_flow_declares_every_need_before_it_is_used() -> None:
    check_flow(FLOW)
    assert [s.name for s in FLOW] == ["ingest", "clean", "dedupe", "nlp", "extract", "store", "link"]
    swapped = (FLOW[0], FLOW[4], *FLOW[1:4], *FLOW[5:])
    with pytest.raises(ValueError, match="'extract' needs"):
        check_flow(swapped)
    assert isinstance(FLOW[0], Stage)
