"""Inline cuts and the assembly of kept lines into paragraphs with offsets."""

from __future__ import annotations

import re

from briefwire.clean import shapes
from briefwire.clean.lexicon import Lexicon
from briefwire.clean.lineshape import LIST_MARKER, WRAP_WIDTH
from briefwire.clean.text import Line, normalize_text
from briefwire.models import Paragraph, RemovedSpan

PARAGRAPH_SEPARATOR = "\n\n"


_TAIL = re.compile(r"(?<=[.!?”\"»])\s+([^.!?”\"»]{1,80})$")


def inline_cuts(lines: list[Line], reasons: dict[int, str], lex: Lexicon) -> dict[int, tuple[int, int, str]]:
    """Furniture glued to the end of a kept paragraph ("…on 14 November.”Ads by:", "… Send
    us photos: @channel_bot").

    Only after sentence-final punctuation, so a sentence that ends with the word
    "advertisement" keeps it. Returns line index -> (start, end, reason), offsets in raw text.
    """
    phrases = sorted(lex.keys.get("ad_inline", ()), key=len, reverse=True)
    alternatives = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)
    # the marker, then at most a few words of the ad network's name
    ad = re.compile(
        r"(?<=[.!?”\"»)\]])\s*(?:" + alternatives + r")(?:\W*[^\s.!?][^.!?]{0,60})?\W*$",
        re.IGNORECASE,
    )
    cuts: dict[int, tuple[int, int, str]] = {}
    for i, line in enumerate(lines):
        if i in reasons:
            continue
        if phrases and (match := ad.search(line.raw)):
            reason = "ad_inline"
        elif (match := _TAIL.search(line.raw)) and _is_contact_tail(match.group(1)):
            reason = "contact_inline"
        else:
            continue
        if len(line.raw[: match.start()].split()) >= 3:
            cuts[i] = (line.start + match.start(), line.end, reason)
    return cuts


def _is_contact_tail(tail: str) -> bool:
    """A last short sentence that hands out an address ("Send us photos: @bot")."""
    return len(tail.split()) <= 8 and shapes.has_contact_address(tail) and "http" not in tail


def assemble(
    lines: list[Line], reasons: dict[int, str], cuts: dict[int, tuple[int, int, str]]
) -> tuple[str, tuple[Paragraph, ...], list[RemovedSpan]]:
    """Clean text, its paragraphs, and the removed spans (offsets into the raw text)."""
    removed: list[RemovedSpan] = []
    groups: list[list[str]] = []
    # Without blank lines every line is a paragraph (extracted HTML, JSON bodies); only text
    # that separates paragraphs by blank lines can be hard-wrapped inside them.
    wrapped = len({line.block for line in lines}) > 1
    previous: tuple[Line, str] | None = None
    for i, line in enumerate(lines):
        if i in reasons:
            removed.append(RemovedSpan(line.start, line.end, line.raw, reasons[i]))
            previous = None
            continue
        piece = line.text
        if i in cuts:
            start, end, reason = cuts[i]
            cut_text = line.raw[start - line.start :]
            removed.append(RemovedSpan(start, end, cut_text, reason))
            piece = normalize_text(line.raw[: start - line.start])
        if wrapped and previous is not None and _continues(previous[0], previous[1], line):
            groups[-1].append(piece)
        else:
            groups.append([piece])
        previous = (line, piece)
    paragraphs: list[Paragraph] = []
    offset = 0
    for index, group in enumerate(groups):
        text = " ".join(group)
        paragraphs.append(Paragraph(index, offset, offset + len(text), text))
        offset += len(text) + len(PARAGRAPH_SEPARATOR)
    return PARAGRAPH_SEPARATOR.join(p.text for p in paragraphs), tuple(paragraphs), removed


def _continues(prev: Line, prev_text: str, line: Line) -> bool:
    """Is ``line`` the continuation of a hard-wrapped ``prev`` in the same block?"""
    if prev.block != line.block or shapes.ends_sentence(prev_text) or LIST_MARKER.match(line.text):
        return False  # a list item ("2) …", "* …") starts its own line
    low, high = WRAP_WIDTH
    first = line.text[:1]
    if first.islower() or first.isdigit():
        return True
    # A line longer than any wrap width was not wrapped, so the line above it ended where its
    # writer ended it: a digest's section heading of fifty-odd characters above its paragraph.
    return low <= len(prev.raw.rstrip()) <= high and len(line.raw.rstrip()) <= high
