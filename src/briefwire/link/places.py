"""Place names compared across languages and scripts (``profiles/<profile>/place_words.json``).

"Verkhny Lars", "Verkhniy Lars" and «Верхний Ларс» are one crossing, "East Port" is
"Vostochny Port" translated: each word becomes its transliteration skeleton without the Russian
adjective or case ending, a translated word becomes the Russian stem it stands for, and words
that only say what kind of place it is ("region", «область») are dropped.
"""

from __future__ import annotations

import functools
import json
import re
from importlib import resources

from .names import skeleton

# Adjective and case endings as they look in a skeleton (Nizhny -> nizhni, Южного -> iuzhnogo).
_ENDINGS = ("ogo", "ego", "aia", "oe", "ie", "om", "oi", "ei", "a", "e", "i", "u")


@functools.cache
def _words(profile: str = "mobilization") -> tuple[dict[str, str], frozenset[str]]:
    path = resources.files("briefwire.profiles") / profile / "place_words.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return dict(data["translations"]), frozenset(data["dropped"])


@functools.cache
def stopwords(profile: str = "mobilization") -> frozenset[str]:
    path = resources.files("briefwire.profiles") / profile / "place_words.json"
    return frozenset(json.loads(path.read_text(encoding="utf-8")).get("common_words", []))


def place_words(name: str, profile: str = "mobilization") -> list[str]:
    translations, dropped = _words(profile)
    out = []
    for word in re.findall(r"[^\W\d_]+", name.casefold()):
        if word in dropped:
            continue
        out.append(translations.get(word) or _stem(skeleton(word)))
    return [w for w in out if w]


def _stem(s: str) -> str:
    for ending in _ENDINGS:
        if len(s) - len(ending) >= 4 and s.endswith(ending):
            return s[: -len(ending)]
    return s


@functools.cache
def _one_area(profile: str = "mobilization") -> dict[str, str]:
    path = resources.files("briefwire.profiles") / profile / "place_words.json"
    groups = json.loads(path.read_text(encoding="utf-8")).get("one_area", [])
    return {code: group[0] for group in groups for code in group}


def areas(codes: frozenset[str], profile: str = "mobilization") -> frozenset[str]:
    """The areas region codes lie in: a federal city and the region around it are one."""
    one = _one_area(profile)
    return frozenset(one.get(c, c) for c in codes)
