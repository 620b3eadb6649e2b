"""Document structure before claims: the headline, section headings, paragraphs and sentences.

A digest's editors put section headings over their paragraphs; a heading sets the theme of the
paragraphs under it until the next heading, and is never itself a claim. A heading is told by
its shape and place, not by its words: a short line without sentence punctuation that stands
above a longer paragraph. Its theme comes from the profile's heading words
(``profiles/mobilization/headings.json``): a standing theme its words name; a developing story
(THEMES.md: the section an editor opens when one story dominates) when it names a story of its
own, that is when its words name no standing theme, or name a place with at most one standing
cue ("Protests in ..."); no theme for a generic heading ("Background", "In brief"), which still
ends the section above it.

The headline (the document's title) is read too, with low weight: it can type a short document
whose body never repeats the cue.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from briefwire.extract.typing.lexicon import compile_pattern
from briefwire.models import CleanDocument, Paragraph
from briefwire.nlp import Analysis, Sentence, embeddings
from briefwire.nlp.gazetteer import Gazetteer

__all__ = ["STORY", "Block", "Structure", "heading_theme", "is_list_item", "read_structure"]

_MAX_HEADING_WORDS = 10
_MAX_HEADING_CHARS = 90
_SENTENCE_END = re.compile(r"[.!?…»”\"')\]]\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-•*–—▪►]|\d{1,2}[.)])\s+")
_STRIP = re.compile(r"[\s:—–-]+$")  # a heading's own trailing colon or dash is not its title
STORY = "Developing story: "  # the theme of a developing-story section (THEMES.md)


@dataclass(frozen=True)
class Block:
    """One paragraph with its sentences and the section it sits in."""

    paragraph: Paragraph
    sentences: tuple[Sentence, ...]
    heading: bool = False
    section_theme: str | None = None  # set by the heading above (or by the block itself if a heading)
    section: int = 0  # ordinal of the section (0 before the first heading)


@dataclass(frozen=True)
class Structure:
    headline: str | None
    blocks: tuple[Block, ...]

    def body(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if not b.heading)


def read_structure(doc: CleanDocument, analysis: Analysis) -> Structure:
    """The blocks of ``doc``: paragraphs with their sentences, headings marked, sections themed."""
    by_paragraph = _sentences_by_paragraph(doc, analysis)
    paragraphs = doc.paragraphs
    headings = {
        p.index for i, p in enumerate(paragraphs) if _heading_shaped(p.text) and _stands_above(paragraphs, i)
    }
    blocks: list[Block] = []
    theme: str | None = None
    section = 0
    for p in paragraphs:
        is_heading = p.index in headings
        if is_heading:
            section += 1
            theme = heading_theme(p.text, analysis.language)
        sentences = tuple(by_paragraph.get(p.index, ()))
        blocks.append(Block(p, sentences, is_heading, theme, section))
    return Structure(doc.title, tuple(blocks))


def _heading_shaped(text: str) -> bool:
    line = text.strip()
    words = line.split()
    if not words or len(words) > _MAX_HEADING_WORDS or len(line) > _MAX_HEADING_CHARS:
        return False
    if _LIST_ITEM.match(line) or line[0].islower():
        return False
    # a heading has no sentence-final punctuation; a trailing colon is a heading's own mark
    return line.endswith(":") or not _SENTENCE_END.search(line)


def is_list_item(text: str) -> bool:
    """A paragraph that is one item of a numbered or bulleted list."""
    return _LIST_ITEM.match(text) is not None


def _stands_above(paragraphs: tuple[Paragraph, ...], i: int) -> bool:
    """A heading is followed by body text longer than itself."""
    if i + 1 >= len(paragraphs):
        return False
    below = paragraphs[i + 1].text
    return len(below.split()) >= 2 * len(paragraphs[i].text.split()) and not _heading_shaped(below)


@dataclass(frozen=True)
class _HeadingWords:
    themes: dict[str, tuple[re.Pattern[str], ...]]
    generic: frozenset[str]
    story_prefix: re.Pattern[str]
    descriptions: dict[str, str]


@lru_cache(maxsize=1)
def _heading_words() -> _HeadingWords:
    path = resources.files("briefwire.profiles").joinpath("mobilization", "headings.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    prefixes = "|".join(re.escape(p) for p in sorted(data["story_prefixes"], key=len, reverse=True))
    return _HeadingWords(
        {theme: tuple(compile_pattern(p) for p in cues) for theme, cues in data["themes"].items()},
        frozenset(data["generic"]),
        re.compile(rf"^(?:{prefixes})\s*[:—–-]\s*", re.IGNORECASE),
        dict(data["descriptions"]),
    )


def heading_theme(text: str, language: str = "en") -> str | None:
    """The theme a section heading sets: a standing theme, ``Developing story: <title>``, or None."""
    words = _heading_words()
    title = _STRIP.sub("", text.strip())
    explicit = words.story_prefix.match(title)
    if explicit:
        return STORY + _readable(_STRIP.sub("", title[explicit.end() :]))
    low = title.lower().replace("ё", "е")
    if not any(ch.isalpha() for ch in low) or low in words.generic:
        return None
    ranked = []
    for theme, cues in words.themes.items():
        hits = [m.start() for c in cues for m in c.finditer(low)]
        if hits:
            ranked.append((-len(hits), min(hits), theme))
    if (not ranked or -min(ranked)[0] <= 1) and _names_a_story(title):
        # "Protests in <region>": one standing word, but the section is that one story's
        return STORY + _readable(title)
    if ranked:
        return min(ranked)[2]
    return _closest_description(low, words.descriptions) if language == "en" else None


_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "at",
        "by",
        "for",
        "from",
        "in",
        "into",
        "near",
        "of",
        "on",
        "or",
        "over",
        "the",
        "to",
        "under",
        "with",
    ]
)


def _readable(title: str) -> str:
    """A story's title as a section title: no leading article, and a heading in capitals in
    title case ("THE STRIKE ON X" -> "Strike on X")."""
    title = _LEADING_ARTICLE.sub("", title) or title
    if not title.isupper():
        return title[:1].upper() + title[1:]
    words = title.lower().split()
    return " ".join(w if i and w in _SMALL_WORDS else w[:1].upper() + w[1:] for i, w in enumerate(words))


def _names_a_story(title: str) -> bool:
    """Whether a heading names a place or a proper noun (not only a kind of news)."""
    if Gazetteer.load().find(title, capitals=True):
        return True
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", title) if len(w) > 3]
    later = words[1:]
    capitalised = [w for w in later if w[0].isupper()]
    # in "Incursion in the Belgorod region" one later word is capitalised and one is not; a
    # heading in Title Case or in capitals capitalises every word, so it shows no proper noun
    return bool(capitalised) and len(capitalised) < len(later) and not title.isupper()


_DESCRIBED = 0.40  # cosine a heading needs to the closest section description ...
_MARGIN = 0.10  # ... and its lead over the next one


def _closest_description(heading: str, descriptions: dict[str, str]) -> str | None:
    """The standing theme whose description an uncued heading is clearly closest to, or None.

    A heading in words the profile does not list ("Money and work") still names a standing
    section; the sentence embedding knows the words are close. Without the model, None.
    """
    if not embeddings.available():
        return None
    names = list(descriptions)
    vectors = _description_vectors(tuple(descriptions.values()))
    scores = vectors @ embeddings.embed([heading])[0]
    order = sorted(range(len(names)), key=lambda i: -scores[i])
    best, second = scores[order[0]], scores[order[1]] if len(order) > 1 else 0.0
    return names[order[0]] if best >= _DESCRIBED and best - second >= _MARGIN else None


@lru_cache(maxsize=1)
def _description_vectors(texts: tuple[str, ...]) -> Any:
    return embeddings.embed(list(texts))


def _sentences_by_paragraph(doc: CleanDocument, analysis: Analysis) -> dict[int, list[Sentence]]:
    out: dict[int, list[Sentence]] = {}
    paras = doc.paragraphs
    j = 0
    for s in analysis.sentences:
        while j < len(paras) and s.start >= paras[j].end:
            j += 1
        if j < len(paras) and paras[j].start <= s.start < paras[j].end:
            out.setdefault(paras[j].index, []).append(s)
    return out
