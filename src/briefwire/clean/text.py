"""Unicode and whitespace normalisation, and splitting raw text into lines with offsets.

Normalisation is NFC plus whitespace collapsing; zero-width characters and the BOM are
dropped. Quotes and dashes are kept exactly as the source wrote them: extraction quotes
evidence verbatim, and a reader comparing with the source should see the same characters.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_LINE_BREAK = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x85")


def normalize_text(text: str) -> str:
    """NFC, invisible characters removed, every run of whitespace one space, stripped."""
    return " ".join(unicodedata.normalize("NFC", text).translate(_INVISIBLE).split())


def line_key(text: str) -> str:
    """The identity of a line for learning: case- and width-folded normalised text."""
    folded = unicodedata.normalize("NFKC", normalize_text(text)).casefold()
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()[:16]


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


@dataclass(frozen=True)
class Line:
    """One line of the raw text: ``start``/``end`` index ``RawDocument.text``."""

    number: int  # 1-based, as an editor shows it
    start: int
    end: int
    raw: str
    text: str  # normalised
    block: int  # index of the blank-line separated block it belongs to

    @property
    def words(self) -> int:
        return len(self.text.split())


def split_lines(text: str) -> list[Line]:
    """Lines with offsets; blank lines are dropped but start a new block."""
    lines: list[Line] = []
    start = 0
    block = 0
    breaks = [*_LINE_BREAK.finditer(text), None]
    for number, brk in enumerate(breaks, 1):
        end = brk.start() if brk else len(text)
        raw = text[start:end]
        norm = normalize_text(raw)
        if norm:
            lines.append(Line(number, start, end, raw, norm, block))
        elif lines and lines[-1].block == block:
            block += 1
        start = brk.end() if brk else end
    return lines
