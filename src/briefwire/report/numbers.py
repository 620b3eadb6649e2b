"""Key numbers: the dead, the detained, the called up, those who left, money; in the source's words.

A number is shown as its quantity mention's own text ("more than 200,000 men", "about half of
the men"), never re-worded from the parsed value, so a qualifier is never lost or invented.
What counts as a key number per event type, and from what size, is profile data (brief.json).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .profile import brief_profile
from .wording import norm


def is_money(unit: str | None) -> bool:
    words = (unit or "").lower().split()
    return any(m in words for m in brief_profile()["money_units"])


def matters(mention: Mapping[str, Any], event_type: str | None) -> bool:
    """A number a reader of the brief needs: it counts what the event type is about and is not trivial."""
    q = mention.get("quantity") or {}
    value, unit = q.get("value"), (q.get("unit") or mention.get("unit") or "").lower()
    if value is None:
        return False
    if is_money(unit):
        return float(value) >= 1000
    rule = brief_profile()["key_numbers"].get(event_type or "")
    if not rule or not any(u in unit for u in rule["units"]):
        return False
    if unit in ("share", "percent"):
        return True
    return float(value) >= float(rule["min"])


def key_number(
    mentions: Sequence[Mapping[str, Any]], event_type: str | None, lead: str | None = None
) -> Mapping[str, Any] | None:
    """The first mention that matters, those in the lead sentence first."""
    keyed = [m for m in mentions if m.get("kind") == "quantity" and matters(m, event_type)]
    if lead:
        keyed.sort(key=lambda m: norm(m.get("text") or "") not in norm(lead))
    return keyed[0] if keyed else None


def what_it_counts(mention: Mapping[str, Any], event_type: str | None) -> str:
    unit = ((mention.get("quantity") or {}).get("unit") or mention.get("unit") or "").lower()
    if is_money(unit):
        return "money"
    rule = brief_profile()["key_numbers"].get(event_type or "") or {}
    return str(rule.get("what") or "")
