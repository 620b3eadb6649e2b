"""How the desk lays out the events of a brief while an editor chooses and orders them.

The exported brief is ``api.brief``, the same call as ``briefwire brief``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .vocab import theme_names


def sections(events: Sequence[Mapping[str, Any]]) -> list[tuple[str, list[Mapping[str, Any]]]]:
    """Events grouped by theme in the brief's order, keeping the given order inside a theme."""
    order = list(theme_names())
    groups: dict[str, list[Mapping[str, Any]]] = {}
    for ev in events:
        theme = ev.get("theme") or "Other"
        groups.setdefault(theme if theme in order else "Other", []).append(ev)
    return sorted(groups.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else len(order))


def details(ev: Mapping[str, Any]) -> str:
    """'2024-03-05; Chelyabinsk (RU-CHE); 183 men' — the facts after the summary."""
    parts = []
    if ev.get("date"):
        parts.append(str(ev["date"]))
    loc = ev.get("location") or {}
    if loc.get("name"):
        code = f" ({loc['admin1_code']})" if loc.get("admin1_code") else ""
        parts.append(f"{loc['name']}{code}")
    qty = ev.get("quantity") or {}
    if qty.get("value") is not None:
        value = qty["value"]
        shown = f"{int(value):,}" if float(value).is_integer() else str(value)
        approx = "about " if qty.get("approx") else ""
        parts.append(f"{approx}{shown} {qty.get('unit') or ''}".strip())
    return "; ".join(parts)
