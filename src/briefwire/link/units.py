"""What a count counts (``profiles/<profile>/count_units.json``), as a class two reports share.

Independent reports name the counted differently ("11 people", "11 dead", "одиннадцать
человек"), so counts are compared by the class of their unit, not its word: a unit is of a
class when its last word starts with one of the class's stems; a unit of no class stands for
itself.
"""

from __future__ import annotations

import functools
import json
from importlib import resources


@functools.cache
def _classes(profile: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    path = resources.files("briefwire.profiles") / profile / "count_units.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return tuple((name, tuple(stems)) for name, stems in data["classes"].items())


def unit_class(unit: str | None, profile: str = "mobilization") -> str:
    """The class of a count's unit ('' for none; the unit's last word when of no class)."""
    words = (unit or "").casefold().split()
    if not words:
        return ""
    head = words[-1]
    for name, stems in _classes(profile):
        if head.startswith(stems):
            return name
    return head


__all__ = ["unit_class"]
