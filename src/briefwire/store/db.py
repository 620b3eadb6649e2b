"""Opening the SQLite file: WAL, a busy timeout, foreign keys, and named migrations."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import TypeVar
from urllib.parse import quote

T = TypeVar("T")

BUSY_TIMEOUT_MS = 30_000
_RETRIES = 8


def chunks(values: Iterable[T], size: int = 500) -> Iterator[list[T]]:
    """``values`` in lists of at most ``size``: a bound for ``IN (?, ...)`` lists."""
    items = list(values)
    for i in range(0, len(items), size):
        yield items[i : i + size]


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def connect(path: str | Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> sqlite3.Connection:
    """Open (creating if needed) a database and bring its schema up to date.

    ``busy_timeout_ms``: how long a write waits for another process's lock before it fails.
    A ledger that exists but may not be written (a read-only file or filesystem) is opened
    read-only: reading commands work on it, and a write fails as SQLITE_READONLY.
    """
    path = Path(path)
    if path.parent and not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and not _writable(path):
        return _connect_read_only(path)
    # isolation_level=None: we issue BEGIN/COMMIT ourselves so one document is one transaction.
    conn = sqlite3.connect(
        path, isolation_level=None, timeout=busy_timeout_ms / 1000, check_same_thread=False
    )
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    migrate(conn)
    return conn


def _writable(path: Path) -> bool:
    """The file and its folder (WAL mode keeps two files beside it) may be written."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _connect_read_only(path: Path) -> sqlite3.Connection:
    # immutable: nobody can be writing a file nobody may write, and WAL's shared-memory file
    # could not be created beside it anyway.
    uri = f"file:{quote(str(path.resolve()))}?mode=ro&immutable=1"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    done = {r[0] for r in conn.execute("SELECT name FROM schema_migrations")}
    missing = [name for name, _ in migration_files() if name not in done]
    if missing:
        conn.close()
        raise sqlite3.OperationalError(
            f"attempt to write a readonly database: migrations {', '.join(missing)} are due"
        )
    return conn


def migration_files() -> list[tuple[str, str]]:
    """(name, sql) of every packaged migration, in name order."""
    folder = resources.files("briefwire.store") / "migrations"
    found = [
        (f.name.removesuffix(".sql"), f.read_text(encoding="utf-8"))
        for f in folder.iterdir()
        if f.name.endswith(".sql")
    ]
    return sorted(found)


def applied_migrations(conn: sqlite3.Connection) -> list[str]:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    return [r[0] for r in conn.execute("SELECT name FROM schema_migrations ORDER BY name")]


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply every migration not yet recorded in the database; returns the names applied.

    briefwire's views (:mod:`briefwire.store.views`) are dropped before migrations run, so a
    migration may rebuild a table they read, and created again afterwards.
    """
    from .views import drop_views, ensure_views  # noqa: PLC0415 - views use this module

    done = set(applied_migrations(conn))
    pending = [(name, sql) for name, sql in migration_files() if name not in done]
    if pending:
        drop_views(conn)
    applied = []
    for name, sql in pending:
        with transaction(conn):
            for statement in _split_sql(sql):
                conn.execute(statement)
            conn.execute("INSERT INTO schema_migrations VALUES (?, ?)", (name, now_iso()))
        applied.append(name)
    ensure_views(conn)
    return applied


def _split_sql(sql: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies (BEGIN ... END;) whole."""
    statements, buf = [], ""
    for line in sql.splitlines(keepends=True):
        if line.strip().startswith("--") and not buf.strip():
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            statements.append(buf.strip())
            buf = ""
    if buf.strip():
        statements.append(buf.strip())
    return statements


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any error: all of it lands or none."""
    deadline = time.monotonic() + _busy_timeout(conn)
    _retry(lambda: conn.execute("BEGIN IMMEDIATE"), deadline)
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    else:
        _retry(lambda: conn.execute("COMMIT"), time.monotonic() + _busy_timeout(conn))


def _busy_timeout(conn: sqlite3.Connection) -> float:
    return float(conn.execute("PRAGMA busy_timeout").fetchone()[0]) / 1000


def _retry(fn: Callable[[], T], deadline: float) -> T:
    """Retry on 'database is locked' (SQLite may answer busy at once, without waiting), until
    the busy timeout has passed in all: a lock held longer than that is an error."""
    for attempt in range(_RETRIES):
        try:
            return fn()
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            if attempt == _RETRIES - 1 or time.monotonic() >= deadline:
                raise
            time.sleep(min(0.05 * 2**attempt, max(0.0, deadline - time.monotonic())))
    raise AssertionError("unreachable")
