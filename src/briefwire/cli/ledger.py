"""Opening the ledger for a command, and saying plainly why it could not be used.

Every command goes through :func:`ledger`: a command that only reads refuses a path where there
is no ledger (a typo must not create an empty one), and a ledger that cannot be used — a full
disk, a read-only file, a lock held past the busy timeout, a file that is no ledger — ends the
command with one line saying what happened and what to do, exit status 3, no traceback.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import typer

from briefwire import api
from briefwire.store import LedgerUnavailable, ledger_problem
from briefwire.store.db import BUSY_TIMEOUT_MS

from .output import print_summary, say

EXIT_NO_LEDGER = 1
EXIT_LEDGER_UNAVAILABLE = 3
BUSY_TIMEOUT_ENV = "BRIEFWIRE_BUSY_TIMEOUT"  # seconds a write waits for another process's lock


def busy_timeout_ms() -> int:
    raw = os.environ.get(BUSY_TIMEOUT_ENV, "").strip()
    try:
        return max(0, int(float(raw) * 1000)) if raw else BUSY_TIMEOUT_MS
    except ValueError:
        say(f"warning: {BUSY_TIMEOUT_ENV}={raw!r} is not a number of seconds; using 30", to_err=True)
        return BUSY_TIMEOUT_MS


@contextmanager
def ledger(db: Path, *, create: bool = False) -> Iterator[api.Workspace]:
    """The workspace on ``db`` for the length of a command (see the module's doc)."""
    try:
        with api.Workspace(db, create=create, busy_timeout_ms=busy_timeout_ms()) as ws:
            yield ws
    except api.LedgerMissing:
        say(f"error: no ledger at {db} (check --db; `briefwire ingest` creates one)", to_err=True)
        raise typer.Exit(EXIT_NO_LEDGER) from None
    except (LedgerUnavailable, sqlite3.Error, OSError) as exc:
        problem = ledger_problem(exc, db)
        if problem is None:
            raise
        summary = getattr(exc, "summary", None) or getattr(problem, "summary", None)
        if summary is not None:
            print_summary(summary, db)
        say(f"error: {db}: {problem.problem}; {problem.advice}.", to_err=True)
        if problem.retryable:
            say(
                "what was stored before this is whole; running the command again goes on from there",
                to_err=True,
            )
        raise typer.Exit(EXIT_LEDGER_UNAVAILABLE) from None
