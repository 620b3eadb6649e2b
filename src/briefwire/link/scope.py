"""Incremental linking: which claims new documents can touch.

A claim's happening can only merge with happenings of its type family (``families.json``), a
few days apart (see ``evidence``). So a new claim touches its *block*: claims of its family in the weeks
around its date (undated claims of that family too), and then whole events: every claim of an
event one touched claim belongs to (:func:`affected_claims`). Of the block, new claims touch
only the happenings one of theirs scores a merge with, and whole events of those
(:func:`touched`). Everything else keeps its event untouched.

:func:`block_ranges` says which claims to read from the store for that (by type and day, a
superset); :func:`affected_claims` then picks the scope exactly, so reading less of the ledger
changes nothing in the result.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from .families import kin
from .features import claim_day


def _family(type_: str) -> frozenset[str]:
    return kin(type_)


def _week(day: date | None) -> int | None:
    return day.toordinal() // 7 if day else None


def affected_claims(claims: Sequence[dict[str, Any]], new_keys: Iterable[str]) -> list[dict[str, Any]]:
    new = set(new_keys)
    blocks: dict[str, set[int | None]] = {}
    for c in claims:
        if c["claim_id"] in new:
            week = _week(claim_day(c))
            for t in _family(c["type"]):
                blocks.setdefault(t, set()).add(week)
    chosen = {c["claim_id"] for c in claims if c["claim_id"] in new or _in_block(c, blocks)}
    events = {c.get("event_id") for c in claims if c["claim_id"] in chosen and c.get("event_id")}
    chosen |= {c["claim_id"] for c in claims if c.get("event_id") in events}
    return [c for c in claims if c["claim_id"] in chosen]


def touched(
    block: Sequence[dict[str, Any]],
    new_keys: Iterable[str],
    merging: Iterable[tuple[Sequence[str], Sequence[str]]],
) -> list[dict[str, Any]]:
    """Of a block, what new claims touch: the new claims, the claims of every happening a new
    one scores a merge with (``merging``: the claims of both happenings of each such pair), and
    whole events of those. The rest of the block keeps its events: no new happening can join
    them, and one that joins nothing cannot make two of its neighbours join either. So a
    re-link costs what the new claims can join, not how busy their weeks are.
    """
    keep = set(new_keys)
    for a, b in merging:
        keep.update(a)
        keep.update(b)
    events = {c.get("event_id") for c in block if c["claim_id"] in keep and c.get("event_id")}
    return [c for c in block if c["claim_id"] in keep or (c.get("event_id") and c["event_id"] in events)]


def _in_block(c: dict[str, Any], blocks: dict[str, set[int | None]]) -> bool:
    weeks = blocks.get(c["type"])
    if not weeks:
        return False
    week = _week(claim_day(c))
    if week is None or None in weeks:
        return True
    return any(w is not None and abs(w - week) <= 1 for w in weeks)


def block_ranges(new_claims: Sequence[dict[str, Any]]) -> list[tuple[str, date | None, date | None]]:
    """(type, first day, last day) ranges holding every dated claim a new claim's block can
    hold; (type, None, None) when every claim of the type can be in it (an undated new claim).
    Undated claims of the type are always in the block and are read besides."""
    weeks: dict[str, set[int | None]] = {}
    for c in new_claims:
        week = _week(claim_day(c))
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
