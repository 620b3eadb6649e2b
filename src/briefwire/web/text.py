"""Pieces of hostile text made safe to show: evidence marks, removed spans, links.

Nothing here builds HTML. Text is cut into segments that templates print one by one with
autoescaping on, so a ``<script>`` in a document stays text whatever the offsets say.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from briefwire.untrusted import safe_url as untrusted_safe_url

CONTEXT_CHARS = 240


@dataclass(frozen=True)
class Segment:
    text: str
    mark: bool = False
    note: str | None = None


@dataclass(frozen=True)
class Evidence:
    """A claim's quote shown inside its paragraph(s); ``exact`` is False when offsets drifted."""

    segments: tuple[Segment, ...]
    exact: bool
    paragraph_index: int | None


def safe_url(url: object) -> str | None:
    """The URL if it is a plain http(s) link (percent-encoded), else None: a ``javascript:``
    URL never links (see :func:`briefwire.untrusted.safe_url`)."""
    return untrusted_safe_url(url)


def segments(text: str, spans: Sequence[tuple[int, int, str | None]]) -> tuple[Segment, ...]:
    """Cut ``text`` into plain and marked segments; spans are clamped and overlaps merged."""
    out: list[Segment] = []
    pos = 0
    for span_start, span_end, note in sorted(spans):
        start, end = max(span_start, pos, 0), min(span_end, len(text))
        if end <= start:
            continue
        if start > pos:
            out.append(Segment(text[pos:start]))
        out.append(Segment(text[start:end], True, note))
        pos = end
    if pos < len(text):
        out.append(Segment(text[pos:]))
    return tuple(out)


def evidence(doc: Mapping[str, Any], start: int, end: int, quote: str) -> Evidence:
    """The paragraph(s) of the clean text holding ``[start, end)`` with that span marked."""
    text: str = doc["clean_text"]
    exact = text[start:end] == quote
    if not exact and quote:
        found = text.find(quote)
        if found >= 0:  # offsets drifted but the quote is there: mark where it really is
            start, end = found, found + len(quote)
    paragraphs = [p for p in doc.get("passages", []) if p["start"] < end and p["end"] > start]
    if paragraphs:
        first, last = paragraphs[0], paragraphs[-1]
        lo, hi = first["start"], last["end"]
        index: int | None = first["index"]
    else:  # the span falls outside the kept paragraphs: show a window of the clean text
        lo, hi = max(0, start - CONTEXT_CHARS), min(len(text), end + CONTEXT_CHARS)
        index = None
    marks = [(start - lo, end - lo, None)] if 0 <= start < end <= len(text) else []
    return Evidence(segments(text[lo:hi], marks), exact, index)


def removed_segments(raw_text: str, removed: Sequence[Mapping[str, Any]]) -> tuple[Segment, ...]:
    """The raw text with every span cleaning removed marked, each carrying its reason."""
    return segments(raw_text, [(int(r["start"]), int(r["end"]), str(r["reason"])) for r in removed])


def attribution(claimed_by: Sequence[str]) -> str:
    """'A, via B, via C' — who asserts, then who carried it."""
    return ", via ".join(str(x) for x in claimed_by if x) or "(no attribution found)"


def fts_segments(snippet: str) -> tuple[Segment, ...]:
    """A search snippet whose hits are wrapped in STX/ETX markers, as segments."""
    out: list[Segment] = []
    for i, part in enumerate(snippet.replace("\x03", "\x02").split("\x02")):
        if part:
            out.append(Segment(part, mark=i % 2 == 1))
    return tuple(out)
