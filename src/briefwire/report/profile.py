"""The brief's word lists and thresholds, read once from the mobilization profile (brief.json)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def brief_profile() -> dict[str, Any]:
    path = resources.files("briefwire.profiles") / "mobilization" / "brief.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data
