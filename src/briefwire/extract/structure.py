"""Document structure before claims: the headline, section headings, paragraphs and sentences.

A digest's editors put section headings over their paragraphs; a heading sets the theme of the
paragraphs under it until the next heading, and is never itself a claim. A heading is told by
its shape and place, not by its words: a short line without sentence punctuation that stands
above a longer paragraph. Its theme comes from the profile's heading words
(``profiles/mobilization/headings.json``); a heading whose words name no theme ("Background",
"In brief") still ends the section above it but sets no theme.

The headline (the document's title) is read too, with low weight: it can type a short document
whose body never repeats the cue.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from briefwire.extract.typing.lexicon import compile_pattern
from briefwire.models import CleanDocument, Paragraph
from briefwire.nlp import Analysis, Sentence

__all__ = ["Block", "Structure", "heading_theme", "is_list_item", "read_structure"]

_MAX_HEADING_WORDS = 10
_MAX_HEADING_CHARS = 90
_SENTENCE_END = re.compile(r"[.!?…»”\"')\]]\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-•*–—▪►]|\d{1,2}[.)])\s+")


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
            theme = heading_theme(p.text)
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


@lru_cache(maxsize=1)
def _heading_cues() -> dict[str, tuple[re.Pattern[str], ...]]:
    path = resources.files("briefwire.profiles").joinpath("mobilization", "headings.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    return {theme: tuple(compile_pattern(p) for p in cues) for theme, cues in data["themes"].items()}


def heading_theme(text: str) -> str | None:
    """The standing theme a heading's words name, or None."""
    low = text.lower().replace("ё", "е")
    ranked = []
    for theme, cues in _heading_cues().items():
        hits = [m.start() for c in cues for m in c.finditer(low)]
        if hits:
            ranked.append((-len(hits), min(hits), theme))
    return min(ranked)[2] if ranked else None


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
