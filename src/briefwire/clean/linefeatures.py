"""Shape and position features of the lines of a whole page, for the learned line model.

Rules name the kinds of furniture they were written against; what generalises to pages no one
has read is the shape of a line and where it stands: its length and punctuation, its
capitals, whether it reads as prose, how far it is from the article the layout found, what
its neighbours are, whether the outlet prints it on other pages, and whether its words occur
in the article's prose elsewhere (a teaser for another article shares few of them). Every
feature is a number computed from the text alone, the same in every language.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping

import numpy as np

from briefwire.clean import shapes
from briefwire.clean.lineshape import LIST_MARKER, is_headline_shaped, is_prose
from briefwire.clean.page import Layout
from briefwire.clean.slugs import folded_words, slug_words
from briefwire.clean.text import Line, line_key

__all__ = ["FEATURES", "line_features"]

_WORD = re.compile(r"[^\W\d_]{4,}")  # content words: short ones are in every line
_NEAR = 3  # neighbours on each side whose removal counts
_WINDOW = 6  # lines on each side over which the density of prose is taken
_SCALE = 20.0  # lines: distances to the article saturate past this

FEATURES = (
    "log_words",
    "log_chars",
    "ends_sentence",
    "prose",
    "headline_shaped",
    "list_marker",
    "capitalised_share",
    "all_capitals",
    "digit_share",
    "symbol_share",
    "address",
    "ends_colon",
    "separators",
    "position",
    "in_article",
    "above_article",
    "below_article",
    "lines_above_article",
    "lines_below_article",
    "place_in_article",
    "removed_near",
    "prose_before",
    "prose_after",
    "log_words_before",
    "log_words_after",
    "prose_density",
    "block_size",
    "words_in_article",
    "slug_cover",
    "outlet_repeats",
    "short_in_article",
    "headline_before",
    "headline_after",
    "prose_distance",
    "words_in_headline",
)


def line_features(
    lines: list[Line],
    reasons: Mapping[int, str],
    layout: Layout,
    url: str | None,
    learned: Mapping[str, int] | None,
) -> np.ndarray:
    """One row of :data:`FEATURES` per line."""
    n = len(lines)
    prose = [is_prose(line) for line in lines]
    article_words = _article_words(lines, reasons, layout, prose)
    slug = slug_words(url)
    blocks = Counter(line.block for line in lines)
    headline = Counter(_content(lines[layout.headline].text)) if layout.headline is not None else Counter()
    rows = np.zeros((n, len(FEATURES)))
    for i, line in enumerate(lines):
        own = layout.start <= i <= layout.end and i not in reasons and prose[i]
        rows[i] = [
            *_shape(line, prose[i]),
            *_position(len(lines), layout, i),
            *_context(lines, reasons, i, prose),
            float(np.log1p(blocks[line.block])),
            _share_in(line, article_words, own=own),
            _slug_cover(line, slug),
            float(np.log1p(learned.get(line_key(line.text), 0))) if learned else 0.0,
            float(layout.start <= i <= layout.end and line.words < 8),
            *_headline_neighbours(lines, reasons, i),
            _prose_distance(prose, reasons, i),
            _share_in(line, headline, own=False),
        ]
    return rows


def _shape(line: Line, prose: bool) -> list[float]:
    text = LIST_MARKER.sub("", line.text)
    words = text.split() or [""]
    letters = [ch for ch in text if ch.isalpha()]
    chars = max(1, len(text))
    return [
        float(np.log1p(line.words)),
        float(np.log1p(len(text))),
        float(shapes.ends_sentence(text)),
        float(prose),
        float(is_headline_shaped(line)),
        float(LIST_MARKER.match(line.text) is not None),
        sum(w[:1].isupper() for w in words) / len(words),
        float(bool(letters) and all(ch.isupper() for ch in letters)),
        sum(ch.isdigit() for ch in text) / chars,
        sum(not ch.isalnum() and not ch.isspace() for ch in text) / chars,
        float(shapes.has_contact_address(text)),
        float(text.rstrip().endswith(":")),
        float(min(3, sum(text.count(s) for s in ("|", " • ", " / ", " · ")))),
    ]


def _position(n: int, layout: Layout, i: int) -> list[float]:
    span = max(1, layout.end - layout.start + 1)
    return [
        i / max(1, n - 1),
        float(layout.start <= i <= layout.end),
        float(i < layout.start),
        float(i > layout.end),
        min(_SCALE, max(0, layout.start - i)) / _SCALE,
        min(_SCALE, max(0, i - layout.end)) / _SCALE,
        min(1.0, max(0.0, (i - layout.start) / span)),
    ]


def _context(lines: list[Line], reasons: Mapping[int, str], i: int, prose: list[bool]) -> list[float]:
    n = len(lines)
    near = [j for j in range(i - _NEAR, i + _NEAR + 1) if 0 <= j < n and j != i]
    removed = sum(j in reasons for j in near) / max(1, len(near))
    before = next((j for j in range(i - 1, -1, -1) if j not in reasons), None)
    after = next((j for j in range(i + 1, n) if j not in reasons), None)
    window = range(max(0, i - _WINDOW), min(n, i + _WINDOW + 1))
    density = sum(prose[j] and j not in reasons for j in window) / len(window)
    return [
        removed,
        float(before is not None and prose[before]),
        float(after is not None and prose[after]),
        float(np.log1p(lines[before].words)) if before is not None else 0.0,
        float(np.log1p(lines[after].words)) if after is not None else 0.0,
        density,
    ]


def _headline_neighbours(lines: list[Line], reasons: Mapping[int, str], i: int) -> list[float]:
    """Is the kept line before / after headline-shaped: teasers come in runs of headlines."""
    before = next((j for j in range(i - 1, -1, -1) if j not in reasons), None)
    after = next((j for j in range(i + 1, len(lines)) if j not in reasons), None)
    return [float(j is not None and is_headline_shaped(lines[j])) for j in (before, after)]


def _prose_distance(prose: list[bool], reasons: Mapping[int, str], i: int) -> float:
    """Lines to the nearest other kept prose line, saturating: furniture stands apart."""
    for d in range(1, int(_SCALE)):
        for j in (i - d, i + d):
            if 0 <= j < len(prose) and prose[j] and j not in reasons:
                return d / _SCALE
    return 1.0


def _article_words(
    lines: list[Line], reasons: Mapping[int, str], layout: Layout, prose: list[bool]
) -> Counter[str]:
    """Content words of the article's kept prose lines, counted once per line."""
    words: Counter[str] = Counter()
    for i in range(layout.start, layout.end + 1):
        if i not in reasons and prose[i]:
            words.update(set(_content(lines[i].text)))
    return words


def _content(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def _share_in(line: Line, article: Counter[str], *, own: bool) -> float:
    """Share of the line's content words that the article's prose holds elsewhere (a line of
    the article's own prose does not count itself)."""
    words = set(_content(line.text))
    if not words:
        return 0.0
    least = 2 if own else 1
    return sum(article[w] >= least for w in words) / len(words)


def _slug_cover(line: Line, slug: set[str]) -> float:
    if len(slug) < 3:
        return 0.0
    return len(set(folded_words(line.text)) & slug) / len(slug)
