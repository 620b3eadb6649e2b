"""Themes: the standing sections of the brief (THEMES.md), for passages and claims.

A passage's theme is the theme of its claims where it has any (see :func:`theme_of_claims`);
otherwise :func:`passage_theme` classifies the paragraph from the profile's trigger lexicons:
the event type with the strongest cues decides, on-topic text with no cue is "Other", and text
that says nothing about mobilization or the war gets no theme at all.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from briefwire.extract.typing.lexicon import load_taxonomy

OTHER = "Other"
THEMES: tuple[str, ...] = load_taxonomy().themes
# Below this summed cue weight a paragraph's best type is too weak to decide its theme.
_MIN_SCORE = 2.0


def theme_of_type(event_type: str) -> str:
    """The theme an event type defaults to ("Other" for unknown types)."""
    return load_taxonomy().theme_of.get(event_type, OTHER)


def passage_theme(text: str, on_topic: bool = False, language: str = "en") -> str | None:
    """The theme of one paragraph, or None when it is off-topic.

    A paragraph is on-topic when its own words name the story (the draft, mobilized men,
    soldiers), or when the caller knows its document is on-topic (``on_topic``), so "183 men
    were returned" in an article about the draft is classified although the paragraph alone
    never says "mobilization".
    """
    taxonomy = load_taxonomy(language)
    if not (on_topic or taxonomy.has_topic(text)):
        return None
    scores = taxonomy.score(text, anchored=True if on_topic else None)
    if not scores:
        return OTHER
    best, score = max(scores.items(), key=lambda kv: (kv[1], -_order(kv[0], language)))
    return theme_of_type(best) if score >= _MIN_SCORE else OTHER


def theme_of_claims(types: Iterable[str]) -> str | None:
    """The theme most of a passage's claims share (ties go to the earlier claim)."""
    counts = Counter(theme_of_type(t) for t in types)
    if not counts:
        return None
    return counts.most_common(1)[0][0]


def _order(event_type: str, language: str) -> int:
    names = [lex.name for lex in load_taxonomy(language).types]
    return names.index(event_type) if event_type in names else len(names)
