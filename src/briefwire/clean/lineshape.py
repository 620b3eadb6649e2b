"""Shapes of lines in page text that more than one rule reads: prose, headline, list item."""

from __future__ import annotations

import re

from briefwire.clean import shapes
from briefwire.clean.text import Line

LIST_MARKER = re.compile(r"^(?:[*+o•·▪‣◦–-]|\d{1,3}[.)])\s+")
_PROSE_WORDS = 10
# closing quotes and brackets bounded: the pattern stays linear on any line
_SENTENCE_MARK = re.compile(r"[.!?…。][\"'”’»)\]]{0,3}(?:\s|$)|[,;:]\s")
_HEADLINE_WORDS = (4, 22)


def is_prose(line: Line) -> bool:
    """A line that reads as running text: long enough, with sentence punctuation, mostly
    lowercase words (a run of capitalised words is a headline or a menu)."""
    text = LIST_MARKER.sub("", line.text)
    words = text.split()
    if len(words) < _PROSE_WORDS or not _SENTENCE_MARK.search(text + " "):
        return False
    capitalised = sum(1 for w in words if w[:1].isupper())  # scripts without case count as lower
    return capitalised <= 0.65 * len(words)


def is_headline_shaped(line: Line) -> bool:
    """A headline: a few words to a couple of dozen, no sentence end (a question mark and
    quotes allowed), not a bare label."""
    text = LIST_MARKER.sub("", line.text)
    words = len(text.split())
    if not _HEADLINE_WORDS[0] <= words <= _HEADLINE_WORDS[1] or shapes.has_contact_address(text):
        return False
    return text.rstrip("\"'”’»)")[-1:] not in ".:;,!…"
