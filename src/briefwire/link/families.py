"""Type families (``profiles/<profile>/families.json``): which types can be one happening.

Independent reports of one happening get typed differently (an attack and an incident, a
wrongful call-up and the men's return), so linking blocks candidates by family, not by exact
type, and the score only weighs whether the types are the same.
"""

from __future__ import annotations

import functools
import json
from importlib import resources


@functools.cache
def families(profile: str = "mobilization") -> dict[str, frozenset[str]]:
    path = resources.files("briefwire.profiles") / profile / "families.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return {name: frozenset(types) for name, types in data["families"].items()}


@functools.cache
def kin(type_: str, profile: str = "mobilization") -> frozenset[str]:
    """Every type that shares a family with ``type_`` (itself included)."""
    out = {type_}
    for members in families(profile).values():
        if type_ in members:
            out |= members
    return frozenset(out)


def related(a: str, b: str, profile: str = "mobilization") -> bool:
    return b in kin(a, profile)


def family_names(type_: str, profile: str = "mobilization") -> frozenset[str]:
    """The families ``type_`` is in (its own name when none lists it)."""
    names = {n for n, members in families(profile).items() if type_ in members}
    return frozenset(names or {type_})
