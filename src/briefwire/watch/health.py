"""A source's health in one word, for `sources list` and the desk's sources page."""

from __future__ import annotations

import time
from datetime import datetime
from typing import Any

from .sources import Source, State

#: a source not heard from in this many intervals is stale even without an error
STALE_INTERVALS = 3


def health(source: Source, state: State, now: float | None = None) -> str:
    """paused, failing, stale, new (never polled) or ok."""
    now = time.time() if now is None else now
    if state.paused:
        return "paused"
    if state.failures:
        return "failing"
    if state.last_success is None:
        return "new"
    last = datetime.fromisoformat(state.last_success).timestamp()
    if now - last > STALE_INTERVALS * source.interval_s + 60:
        return "stale"
    return "ok"


def describe(source: Source, state: State, now: float | None = None) -> dict[str, Any]:
    """A source with its state and health as one row."""
    now = time.time() if now is None else now
    due = max(0.0, state.next_due - now)
    return {
        **source.fields(),
        "health": health(source, state, now),
        "paused_reason": state.paused_reason,
        "last_fetch": state.last_fetch,
        "last_success": state.last_success,
        "last_status": state.last_status,
        "last_error": state.last_error,
        "failures": state.failures,
        "items_taken": state.items_taken,
        "cursor": state.cursor,
        "etag": state.etag,
        "last_modified": state.last_modified,
        "due_in_s": None if state.paused else round(due),
    }
