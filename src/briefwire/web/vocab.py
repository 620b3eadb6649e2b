"""The profile's event types and themes, and the values review may set."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

STATUSES = ("reported", "confirmed", "disputed", "denied")
REVIEW_STATES = ("unreviewed", "accepted", "rejected", "edited")
PERSON_STATUSES = ("mobilized", "contract", "career", "volunteer", "convict", "unknown")


@cache
def themes() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(theme, its event types) in the brief's order, from the mobilization profile."""
    path = resources.files("briefwire.profiles") / "mobilization" / "taxonomy.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return tuple((t["name"], tuple(t["types"])) for t in data["themes"])


def event_types() -> tuple[str, ...]:
    return tuple(t for _, types in themes() for t in types)


def theme_names() -> tuple[str, ...]:
    return tuple(name for name, _ in themes())


def theme_of(event_type: str) -> str | None:
    return next((name for name, types in themes() if event_type in types), None)
