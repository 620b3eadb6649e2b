"""The only stage that touches the database. SQLite in WAL mode, migrations by name."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from types import TracebackType

from .claims import ClaimStore, claim_key, mention_key
from .db import BUSY_TIMEOUT_MS, connect, migrate, transaction
from .dedupe_index import BandKeys, DedupeIndexStore
from .desk import LoginLimits, SessionStore
from .documents import DocumentStore, DocumentToSave, raw_text_hash, text_hash
from .entities import EntityStore
from .errors import LedgerUnavailable, ledger_problem
from .events import EventFilter, EventStore
from .link_reads import LinkReads
from .link_writes import LinkWrites
from .period_reads import PeriodReads
from .review import ReviewStore
from .watch import WatchStore
from .web_queries import WebQueries

__all__ = [
    "BandKeys",
    "DocumentToSave",
    "EventFilter",
    "LedgerUnavailable",
    "LoginLimits",
    "Store",
    "claim_key",
    "connect",
    "ledger_problem",
    "mention_key",
    "migrate",
    "raw_text_hash",
    "text_hash",
    "transaction",
]


class Store(
    SessionStore,
    WatchStore,
    EntityStore,
    WebQueries,
    ReviewStore,
    EventStore,
    ClaimStore,
    LinkWrites,  # after the classes that implement what it declares
    PeriodReads,
    LinkReads,
    DedupeIndexStore,
    DocumentStore,
):
    """A briefwire ledger in one SQLite file."""

    def __init__(self, path: str | Path, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> None:
        self.path = Path(path)
        try:
            self.conn: sqlite3.Connection = connect(self.path, busy_timeout_ms)
        except (sqlite3.Error, OSError) as exc:
            problem = ledger_problem(exc, self.path)
            if problem is None:
                raise
            raise problem from exc

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def migrations(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT name FROM schema_migrations ORDER BY name")]
