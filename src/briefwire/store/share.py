"""A copy of the ledger that can be handed out: no accounts, no operational secrets.

The copy is taken with SQLite's online backup (a consistent snapshot while the desk or an
ingest keeps writing), then the private tables are dropped, reviewers' names in the decision
log are replaced by stable pseudonyms (``reviewer-1`` is whoever decided first) unless asked
to keep them, and the file is vacuumed: deleted rows linger in free pages until then, and a
password hash must not. The copy is one file (journal mode DELETE, no ``-wal`` beside it).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

# Tables that never leave the machine, and why.
PRIVATE_TABLES = {
    "desk_sessions": "who is logged in to the desk (hashes of session tokens)",
    "login_attempts": "names and client addresses that tried to log in",
    "users": "review-desk accounts and their password hashes",
    "watch_sources": "what this desk watches and where its folders are (operational)",
    "watch_items": "the watcher's cursor over each source (operational)",
}


@dataclass(frozen=True)
class ShareResult:
    path: Path
    dropped: tuple[str, ...]
    reviewers: int
    bytes: int


def share_copy(conn: sqlite3.Connection, out: Path, keep_reviewer_names: bool = False) -> ShareResult:
    """Write a shareable copy of the ledger open on ``conn`` to ``out`` (replaced if present)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    tmp.unlink(missing_ok=True)
    dst = sqlite3.connect(tmp, isolation_level=None)
    try:
        conn.backup(dst)
        dst.execute("PRAGMA journal_mode = DELETE")
        have = {r[0] for r in dst.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        dropped = tuple(t for t in PRIVATE_TABLES if t in have)
        for table in dropped:
            dst.execute(f"DROP TABLE {table}")
        reviewers = 0 if keep_reviewer_names else _pseudonymise(dst)
        dst.execute("VACUUM")
    finally:
        dst.close()
    tmp.replace(out)
    return ShareResult(out, dropped, reviewers, out.stat().st_size)


def _pseudonymise(dst: sqlite3.Connection) -> int:
    """Reviewer names in the decision log become reviewer-1, reviewer-2 … in order of first decision."""
    names = [r[0] for r in dst.execute("SELECT user FROM decisions GROUP BY user ORDER BY MIN(decision_id)")]
    # One UPDATE through a mapping table, so a reviewer already called "reviewer-2" is not merged.
    dst.execute("CREATE TEMP TABLE pseudonyms (name TEXT PRIMARY KEY, alias TEXT NOT NULL)")
    dst.execute("BEGIN")
    dst.executemany(
        "INSERT INTO pseudonyms VALUES (?, ?)", [(n, f"reviewer-{i}") for i, n in enumerate(names, 1)]
    )
    dst.execute("UPDATE decisions SET user = (SELECT alias FROM pseudonyms WHERE name = decisions.user)")
    dst.execute("COMMIT")
    dst.execute("DROP TABLE pseudonyms")
    return len(names)
