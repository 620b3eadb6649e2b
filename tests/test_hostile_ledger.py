"""Regressions: a ledger that cannot be written (a full disk, a read-only file, a lock held past
the busy timeout) ends a command with a clear message and exit status 3, no traceback; what was
stored is whole, and running again after the cause is gone finishes the job without error rows
left behind or duplicated.

Real conditions only: a tiny filesystem that really fills (mounted when the tests run as root),
SQLite's own page limit otherwise, a really read-only filesystem or file, a lock held by another
connection in another thread.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefwire.cli import app
from briefwire.pipeline import Pipeline, PipelineOptions
from briefwire.store import LedgerUnavailable, Store

runner = CliRunner()
UNAVAILABLE = 3


def _corpus(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        words = " ".join(f"word{i}x{j}" for j in range(120))
        (folder / f"doc{i:03d}.txt").write_text(f"Report number {i} from the draft office.\n\n{words}.\n")
    return folder


def _ingest(db: Path, folder: Path, **env: str) -> tuple[int, str]:
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--no-extract"], env=env)
    return result.exit_code, result.output


@contextlib.contextmanager
def _tmpfs(where: Path, size: str) -> Iterator[Path]:
    where.mkdir()
    if os.geteuid() != 0:
        pytest.skip(
            "needs root to mount a tiny filesystem that really fills (SQLITE_FULL is tested in-process)"
        )
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], check=False)
    if done.returncode != 0:
        pytest.skip("mounting a tmpfs is not allowed here")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def test_ingest_on_a_full_disk_stops_clearly_and_resumes_once_space_is_freed(tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "in", 120)
    with _tmpfs(tmp_path / "disk", "600k") as disk:
        db = disk / "l.db"
        code, output = _ingest(db, folder)
        assert code == UNAVAILABLE, output
        assert "disk holding the ledger is full" in output and "Traceback" not in output
        subprocess.run(["mount", "-o", "remount,size=64m", str(disk)], check=True)
        code, output = _ingest(db, folder)
        assert code == 0, output
        with Store(db) as store:
            assert store.stats()["documents"] == 120
            assert store.errors() == []
            for doc in store.documents():  # every document whole: all its passages are there
                assert doc["n_passages"] == 2


def test_pipeline_stops_on_a_full_ledger_and_keeps_whole_documents(tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "in", 60)
    with Store(tmp_path / "l.db") as store:
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages + 12}")  # SQLite's own disk-full
        pipeline = Pipeline(store, PipelineOptions(extract=False))
        with pipeline, pytest.raises(LedgerUnavailable, match="full") as caught:
            pipeline.ingest([folder])
        assert caught.value.retryable
        stored = store.documents()
        assert 0 < len(stored) < 60 and all(d["n_passages"] == 2 for d in stored)
        assert store.errors() == []


@pytest.fixture
def read_only_ledger(tmp_path: Path) -> Iterator[Path]:
    made = tmp_path / "made" / "l.db"
    code, output = _ingest(made, _corpus(tmp_path / "in", 2))
    assert code == 0, output
    if os.geteuid() != 0:  # permissions bind a normal user
        made.chmod(0o444)
        made.parent.chmod(0o555)
        try:
            yield made
        finally:
            made.parent.chmod(0o755)
        return
    with _tmpfs(tmp_path / "ro", "8m") as mount:
        for part in made.parent.iterdir():
            shutil.copy2(part, mount / part.name)
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
        yield mount / "l.db"


def test_read_only_ledger_is_read_and_refuses_writes_clearly(read_only_ledger: Path, tmp_path: Path) -> None:
    stats = runner.invoke(app, ["stats", "--db", str(read_only_ledger), "--format", "json"])
    assert stats.exit_code == 0 and '"documents": 2' in stats.stdout
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "new.txt").write_text("A new report about queues at the border.\n")
    code, output = _ingest(read_only_ledger, tmp_path / "more")
    assert code == UNAVAILABLE and "read-only" in output and "Traceback" not in output


def test_lock_held_past_the_busy_timeout_ends_ingest_clearly_then_a_rerun_finishes(tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "in", 3)
    db = tmp_path / "l.db"
    with Store(db):
        pass  # the ledger exists, with its schema
    holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    locked, release = threading.Event(), threading.Event()

    def hold() -> None:
        holder.execute("BEGIN IMMEDIATE")  # another writer that does not let go
        locked.set()
        release.wait(60)
        holder.execute("ROLLBACK")

    thread = threading.Thread(target=hold)
    thread.start()
    assert locked.wait(10)
    try:
        started = time.monotonic()
        code, output = _ingest(db, folder, BRIEFWIRE_BUSY_TIMEOUT="0.5")
        waited = time.monotonic() - started
    finally:
        release.set()
        thread.join()
        holder.close()
    assert code == UNAVAILABLE and "lock" in output and "Traceback" not in output
    assert waited < 30  # the busy timeout, not eight of them back to back
    code, output = _ingest(db, folder)
    assert code == 0, output
    with Store(db) as store:
        assert store.stats()["documents"] == 3 and store.errors() == []


def test_read_command_refuses_a_missing_ledger_instead_of_creating_one(tmp_path: Path) -> None:
    typo = tmp_path / "TYPO.db"
    for command in (["stats"], ["docs"], ["search", "x"], ["export", "claims"], ["errors"], ["serve"]):
        result = runner.invoke(app, [*command, "--db", str(typo)])
        assert result.exit_code == 1 and "no ledger at" in result.output, command
    assert not typo.exists()


def test_stats_shows_claims_events_casualties_with_one_shape(tmp_path: Path) -> None:
    db = tmp_path / "l.db"
    _ingest(db, _corpus(tmp_path / "in", 1))
    result = runner.invoke(app, ["stats", "--db", str(db), "--format", "json"])
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1  # one object on one line, as every --format json line is
    counts = json.loads(lines[0])
    assert {"claims", "events", "casualties", "documents", "ingest_errors"} <= set(counts)
    assert all(not isinstance(v, dict | list) for v in counts.values())
    table = runner.invoke(app, ["stats", "--db", str(db), "--format", "csv"]).stdout
    assert [line.split(",")[0] for line in table.strip().splitlines()[1:]] == list(counts)


def test_serve_on_all_addresses_without_accounts_refuses_before_printing_a_url(tmp_path: Path) -> None:
    db = tmp_path / "l.db"
    _ingest(db, _corpus(tmp_path / "in", 1))
    result = runner.invoke(app, ["serve", "--db", str(db), "--host", "0.0.0.0"])  # noqa: S104
    assert result.exit_code == 2 and "refusing" in result.output
    assert "http://" not in result.output


def test_library_api_does_not_import_the_web_layer() -> None:
    code = "import sys, briefwire.api; sys.exit('briefwire.web' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], check=False)
    assert done.returncode == 0, "briefwire.api imports briefwire.web (the desk builds on the API)"
