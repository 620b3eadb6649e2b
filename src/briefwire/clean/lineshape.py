"""Shapes of lines in page text that more than one rule reads: prose, headline, list item."""

from __future__ import annotations

import re
import unicodedata

from briefwire.clean import shapes
from briefwire.clean.text import Line

LIST_MARKER = re.compile(r"^(?:[*+o•·▪‣◦–-]|\d{1,3}[.)])\s+")
_PROSE_WORDS = 10
# closing quotes and brackets bounded: the pattern stays linear on any line
_SENTENCE_MARK = re.compile(r"[.!?…。][\"'”’»)\]]{0,3}(?:\s|$)|[,;:]\s")
_HEADLINE_WORDS = (4, 22)
_EMPHASIS = "*_ \t"  # markdown bold and italics around a line (Telegram exports keep them)
_QUOTE_OPENERS = ("—", "–", "- ", "«", '"', "“", "„")
_LABEL_WORDS = 6
_ICONS = {"So", "Sk", "Mn", "Cf"}  # emoji, their modifiers and variation selectors
# a sentence that ends inside the line, with more words after it ("... bonuses. In January")
_MID_SENTENCE_END = re.compile(r"\w[.!?]\s+[A-ZА-ЯЁ]\w*\s+\w")


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


def _bare(text: str) -> str:
    """The line without markdown emphasis and leading emoji (a post's "⚡️**Name:**")."""
    text = text.strip(_EMPHASIS)
    start = 0
    while start < len(text) and (text[start] in _EMPHASIS or unicodedata.category(text[start]) in _ICONS):
        start += 1
    return text[start:]


def _opens_quote(text: str) -> bool:
    return _bare(text).startswith(_QUOTE_OPENERS)


def is_speaker_label(lines: list[Line], index: int) -> bool:
    """Who is speaking, on a line of its own: "Name:" over a quote, or "— Name." under the
    sentence it attributes. Posts of one outlet name the same speakers again and again; that
    makes the label recur, not template, and the quote means nothing without it."""
    line = lines[index]
    if line.words > _LABEL_WORDS:
        return False
    text = _bare(line.text)
    if text.endswith(":") and index + 1 < len(lines):
        return _opens_quote(lines[index + 1].text)
    dash_led = text.startswith(("—", "–")) and text.rstrip(".")[-1:].isalpha()
    return dash_led and index > 0 and is_prose_or_sentence(lines[index - 1])


def is_prose_or_sentence(line: Line) -> bool:
    """A line that ends a sentence with a few words before it (a post's one-line report)."""
    return line.words >= 4 and shapes.ends_sentence(_bare(line.text))


def wraps_on(lines: list[Line], index: int) -> bool:
    """The line is hard-wrapped running text, not a headline: the next line of its block
    continues its sentence (it opens in lowercase), or a sentence ended inside the line and
    the next one breaks off at its end."""
    if index + 1 >= len(lines) or lines[index + 1].block != lines[index].block:
        return False
    text = lines[index].text
    if shapes.ends_sentence(text):
        return False
    return lines[index + 1].text[:1].islower() or bool(_MID_SENTENCE_END.search(text))
