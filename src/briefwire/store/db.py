"""Opening the SQLite file: WAL, a busy timeout, foreign keys, and named migrations."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import TypeVar

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


def connect(path: str | Path) -> sqlite3.Connection:
    """Open (creating if needed) a database and bring its schema up to date."""
    path = Path(path)
    if path.parent and not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    # isolation_level=None: we issue BEGIN/COMMIT ourselves so one document is one transaction.
    conn = sqlite3.connect(
        path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
    )
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    migrate(conn)
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
    _retry(lambda: conn.execute("BEGIN IMMEDIATE"))
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    else:
        _retry(lambda: conn.execute("COMMIT"))


def _retry(fn: Callable[[], T]) -> T:
    """Retry on 'database is locked' beyond the busy timeout (a long writer elsewhere)."""
    for attempt in range(_RETRIES):
        try:
            return fn()
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            if attempt == _RETRIES - 1:
                raise
            time.sleep(0.05 * 2**attempt)
    raise AssertionError("unreachable")
