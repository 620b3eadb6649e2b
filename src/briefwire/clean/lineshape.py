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
WRAP_WIDTH = (50, 100)  # characters: the lines of a hard-wrapped text fall in this range
_WRAPPED_CHARS = WRAP_WIDTH[0]  # a line shorter than this is no piece of a wrapped paragraph
_SAME_WIDTH = 12  # characters between the ends of two lines wrapped at one width
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
    # (a masthead's name over its slogan in lower case is too short to have been wrapped)
    if len(text) >= _WRAPPED_CHARS and (
        lines[index + 1].text[:1].islower() or _MID_SENTENCE_END.search(text)
    ):
        return True
    # in text that parts its paragraphs with blank lines, a run of lines of one wrapping width
    # was wrapped: the line and a neighbour in its block end within a few characters of each
    # other (a headline over its byline and dek, or a list, has no such run)
    if lines[-1].block == 0 or any(LIST_MARKER.match(lines[j].text) for j in (index, index + 1)):
        return False
    width = len(lines[index].raw.rstrip())
    if not WRAP_WIDTH[0] <= width <= WRAP_WIDTH[1]:
        return False
    block = [lines[j] for j in (index - 1, index + 1, index + 2) if 0 <= j < len(lines)]
    block = [line for line in block if line.block == lines[index].block]
    return len(block) >= 2 and any(abs(len(line.raw.rstrip()) - width) <= _SAME_WIDTH for line in block)


def runs_into_next(lines: list[Line], index: int) -> bool:
    """The line breaks off mid-sentence and the next line carries the sentence on in lowercase:
    the surest sign of a hard wrap (a teaser list has lines of one width too). A page store
    may set a blank line after every wrapped line, so the next line may open a new block."""
    nxt = index + 1
    if nxt >= len(lines) or len(lines[index].text) < _WRAPPED_CHARS:
        return False
    text, after = lines[index].text, lines[nxt].text
    if shapes.ends_sentence(text) or not after[:1].islower():
        return False
    # the sentence goes on at full width, or ends there ("by Name" under a teaser does neither)
    return len(after) >= _WRAPPED_CHARS or shapes.ends_sentence(after)


def in_wrapped_paragraph(lines: list[Line], index: int) -> bool:
    """The line is one of the lines of a hard-wrapped paragraph: it wraps on into the next
    line, or the line above wraps on into it."""
    return wraps_on(lines, index) or (index > 0 and wraps_on(lines, index - 1))
