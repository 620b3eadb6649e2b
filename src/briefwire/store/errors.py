"""When the ledger itself cannot be used: a full disk, a read-only file, a lock held too long.

Such a failure is not one document's: every later write would fail the same way, and so would
recording the error. The pipeline stops on it, and the command line says what happened and what
to do, without a traceback. What was stored before it stays whole (one transaction per document).
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path


class LedgerUnavailable(Exception):  # noqa: N818 - a condition the user reads, not a bug
    """The ledger at ``path`` cannot be read or written; ``advice`` says what to do."""

    def __init__(self, path: Path, problem: str, advice: str, *, retryable: bool) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem
        self.advice = advice
        self.retryable = retryable


_FREE = "free some space and run the command again"
_PERMS = "check the permissions of the file and its folder"
_WAIT = "wait for it to finish and run again"
_LOCK = "another process holds the ledger's lock"
# SQLite result names (extended codes share the primary's prefix) -> (problem, advice, retryable)
_SQLITE: tuple[tuple[str, str, str, bool], ...] = (
    ("SQLITE_FULL", "the disk holding the ledger is full", _FREE, True),
    ("SQLITE_READONLY", "the ledger is read-only", _PERMS, False),
    ("SQLITE_BUSY", _LOCK, _WAIT, True),
    ("SQLITE_LOCKED", _LOCK, _WAIT, True),
    ("SQLITE_CANTOPEN", "the ledger cannot be opened", "check that its folder exists and is writable", False),
    ("SQLITE_NOTADB", "this file is not a briefwire ledger (no SQLite database)", "check --db", False),
    ("SQLITE_CORRUPT", "the ledger file is damaged", "restore it from a backup", False),
    ("SQLITE_IOERR", "the disk reported an input/output error", "check the disk and its free space", True),
    ("SQLITE_PERM", "the ledger may not be written here", _PERMS, False),
)
_ERRNO = {
    errno.ENOSPC: ("the disk holding the ledger is full", _FREE, True),
    errno.EROFS: ("the ledger is on a read-only filesystem", "use a copy on a writable disk", False),
    errno.EACCES: ("the ledger may not be written here", _PERMS, False),
    errno.EDQUOT: ("the disk quota is used up", _FREE, True),
}


def ledger_problem(exc: BaseException, path: Path) -> LedgerUnavailable | None:
    """The ledger-level condition behind ``exc``, or None when it is not one."""
    if isinstance(exc, LedgerUnavailable):
        return exc
    if isinstance(exc, sqlite3.Error):
        name = getattr(exc, "sqlite_errorname", "") or ""
        for prefix, problem, advice, retryable in _SQLITE:
            if name.startswith(prefix):
                return LedgerUnavailable(path, problem, advice, retryable=retryable)
        text = str(exc).lower()
        if "locked" in text or "busy" in text:
            return LedgerUnavailable(path, _LOCK, _WAIT, retryable=True)
        return None
    if isinstance(exc, OSError) and exc.errno in _ERRNO:
        problem, advice, retryable = _ERRNO[exc.errno]
        return LedgerUnavailable(path, problem, advice, retryable=retryable)
    return None
