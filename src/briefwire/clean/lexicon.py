"""Word lists for boilerplate rules, read from the profile's data files.

The lists live in ``briefwire/profiles/boilerplate/<lang>.txt`` so that adding a cue is a data
edit, not a code change (the way trafilatura keeps its heuristics' vocabulary as data).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

LANGUAGES = ("en", "ru")
_SECTION = re.compile(r"^\[(\w+)\]$")


@lru_cache(maxsize=8192)
def phrase_key(text: str) -> str:
    """Casefolded words of ``text``, punctuation at word edges dropped, single spaces."""
    words = (w.strip(".,:;!?()[]«»\"'“”‘’…—–-") for w in text.casefold().split())
    return " ".join(w for w in words if w)


@dataclass(frozen=True)
class Lexicon:
    """Phrases per section; ``keys`` hold the phrase keys, ``patterns`` whole-word regexes."""

    keys: dict[str, frozenset[str]]
    patterns: dict[str, re.Pattern[str]]
    phrases: dict[str, tuple[str, ...]]  # as written (casefolded), punctuation kept
    longest: dict[str, int]  # words in the longest phrase of each section

    def is_line(self, section: str, text: str) -> bool:
        """The whole line is one phrase of ``section``."""
        # cheap length check first: most lines are far longer than any phrase
        if text.count(" ") > self.longest.get(section, 0) + 3:
            return False
        return phrase_key(text) in self.keys.get(section, frozenset())

    def count(self, section: str, text: str) -> int:
        """How many phrases of ``section`` occur in ``text`` (whole words)."""
        pattern = self.patterns.get(section)
        return len(pattern.findall(text.casefold())) if pattern else 0

    def has(self, section: str, text: str) -> bool:
        pattern = self.patterns.get(section)
        return bool(pattern and pattern.search(text.casefold()))


def _parse(text: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = _SECTION.match(line)
        if match:
            current = sections.setdefault(match.group(1), [])
        elif current is not None:
            current.append(line.casefold())
    return sections


def _pattern(phrases: list[str]) -> re.Pattern[str]:
    # Longest first so "support us monthly" wins over "support us"; \w-boundaries on both sides
    # so "ad" never matches inside "head".
    ordered = sorted({re.escape(p) for p in phrases}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(ordered) + r")(?!\w)")


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """All languages merged: pages mix them (a Russian channel quoting an English outlet)."""
    merged: dict[str, list[str]] = {}
    base = resources.files("briefwire.profiles").joinpath("boilerplate")
    for lang in LANGUAGES:
        for section, phrases in _parse(base.joinpath(f"{lang}.txt").read_text("utf-8")).items():
            merged.setdefault(section, []).extend(phrases)
    keys = {s: frozenset(phrase_key(p) for p in ps) for s, ps in merged.items()}
    patterns = {s: _pattern(ps) for s, ps in merged.items()}
    as_written = {s: tuple(ps) for s, ps in merged.items()}
    longest = {s: max((len(k.split()) for k in ks), default=0) for s, ks in keys.items()}
    return Lexicon(keys, patterns, as_written, longest)
