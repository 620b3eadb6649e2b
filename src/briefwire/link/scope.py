"""Incremental linking: which claims new documents can touch.

A claim can only merge with claims of the same or a compatible type, a few days apart (see
``features``). So a new claim can touch its *block*: claims of its type family in the weeks
around its date (undated claims of that family too), and whole events: every claim of an event
one touched claim belongs to (:func:`affected_claims`). Of the block, it touches only what it
scores a merge with, and their events (:func:`touched`). Everything else keeps its event.

:func:`block_ranges` says which claims to read from the store for that (by type and day, a
superset); :func:`affected_claims` then picks the scope exactly, so reading less of the ledger
changes nothing in the result.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from .features import COMPATIBLE, parse_day


def _family(type_: str) -> frozenset[str]:
    out = {type_}
    for pair in COMPATIBLE:
        if type_ in pair:
            out |= pair
    return frozenset(out)


def _week(day: date | None) -> int | None:
    return day.toordinal() // 7 if day else None


def affected_claims(claims: Sequence[dict[str, Any]], new_keys: Iterable[str]) -> list[dict[str, Any]]:
    new = set(new_keys)
    blocks: dict[str, set[int | None]] = {}
    for c in claims:
        if c["claim_id"] in new:
            week = _week(parse_day(c.get("date")) or parse_day(c.get("published")))
            for t in _family(c["type"]):
                blocks.setdefault(t, set()).add(week)
    chosen = {c["claim_id"] for c in claims if c["claim_id"] in new or _in_block(c, blocks)}
    events = {c.get("event_id") for c in claims if c["claim_id"] in chosen and c.get("event_id")}
    chosen |= {c["claim_id"] for c in claims if c.get("event_id") in events}
    return [c for c in claims if c["claim_id"] in chosen]


def touched(
    block: Sequence[dict[str, Any]], new_keys: Iterable[str], merging: Iterable[tuple[str, str]]
) -> list[dict[str, Any]]:
    """Of a block, what new claims touch: the new claims, every claim one of them scores a
    merge with (``merging``: pairs above the threshold with a new claim), and whole events of
    those. The rest of the block keeps its events: no new claim can join them, and adding a
    claim that does not join an event cannot make two of its neighbours join either. This
    keeps a re-link proportional to what new claims can join, not to how busy their weeks are.
    """
    new = set(new_keys)
    keep = new | {k for a, b in merging for k in (a, b) if a in new or b in new}
    events = {c.get("event_id") for c in block if c["claim_id"] in keep and c.get("event_id")}
    return [c for c in block if c["claim_id"] in keep or (c.get("event_id") and c.get("event_id") in events)]


def _in_block(c: dict[str, Any], blocks: dict[str, set[int | None]]) -> bool:
    weeks = blocks.get(c["type"])
    if not weeks:
        return False
    week = _week(parse_day(c.get("date")) or parse_day(c.get("published")))
    if week is None or None in weeks:
        return True
    return any(w is not None and abs(w - week) <= 1 for w in weeks)


def block_ranges(new_claims: Sequence[dict[str, Any]]) -> list[tuple[str, date | None, date | None]]:
    """(type, first day, last day) ranges holding every dated claim a new claim's block can
    hold; (type, None, None) when every claim of the type can be in it (an undated new claim).
    Undated claims of the type are always in the block and are read besides."""
    weeks: dict[str, set[int | None]] = {}
    for c in new_claims:
        week = _week(parse_day(c.get("date")) or parse_day(c.get("published")))
        for t in _family(c["type"]):
            weeks.setdefault(t, set()).add(week)
    out: list[tuple[str, date | None, date | None]] = []
    for t, found in sorted(weeks.items()):
        if None in found:
            out.append((t, None, None))
            continue
        for first, last in _runs(sorted(w for w in found if w is not None)):
            # a claim joins the block when its week is within one of a new claim's week
            start = date.fromordinal(max(1, (first - 1) * 7))
            out.append((t, start, date.fromordinal((last + 2) * 7) - timedelta(days=1)))
    return out


def _runs(weeks: list[int]) -> list[tuple[int, int]]:
    """Sorted weeks as runs of weeks at most three apart (one read for weeks that overlap)."""
    runs: list[tuple[int, int]] = []
    for w in weeks:
        if runs and w - runs[-1][1] <= 3:
            runs[-1] = (runs[-1][0], w)
        else:
            runs.append((w, w))
    return runs
