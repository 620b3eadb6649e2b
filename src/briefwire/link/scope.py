"""Incremental linking: which claims new documents can touch.

A claim's happening can only merge with happenings of its type family (``families.json``), a
few days apart (see ``evidence``). So a new claim touches its *block*: claims of its family in the weeks
around its date (undated claims of that family too), and then whole events: every claim of an
event one touched claim belongs to. Everything else keeps its event untouched.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from .families import kin
from .features import parse_day


def _family(type_: str) -> frozenset[str]:
    return kin(type_)


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


def _in_block(c: dict[str, Any], blocks: dict[str, set[int | None]]) -> bool:
    weeks = blocks.get(c["type"])
    if not weeks:
        return False
    week = _week(parse_day(c.get("date")) or parse_day(c.get("published")))
    if week is None or None in weeks:
        return True
    return any(w is not None and abs(w - week) <= 1 for w in weeks)
