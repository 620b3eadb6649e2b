"""The head of a document: kickers, title, dateline and dek become metadata.

Only the first few lines that survived the boilerplate rules are looked at; the head ends at
the first line that reads like body text.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefwire.clean import shapes
from briefwire.clean.lexicon import Lexicon, phrase_key
from briefwire.clean.lineshape import in_wrapped_paragraph, is_speaker_label, wraps_on
from briefwire.clean.pubdate import parse_dateline
from briefwire.clean.text import Line
from briefwire.models import DateValue

_HEAD_LINES = 8
_TITLE_WORDS = (4, 25)
_DEK_WORDS = 35


@dataclass
class Head:
    title: str | None = None
    dek: str | None = None
    dek_index: int | None = None
    dateline: DateValue | None = None


def read_head(
    lines: list[Line],
    reasons: dict[int, str],
    lex: Lexicon,
    meta_title: str | None,
    *,
    post: bool = False,
    year: int | None = None,
) -> Head:
    """Mark head lines in ``reasons`` (kicker, title, dateline) and return the metadata.

    A ``post`` (Telegram) only gets its dateline read: its first lines are the news itself.
    """
    head = Head(title=meta_title)
    title_key = phrase_key(meta_title) if meta_title else None
    candidates = [i for i in range(len(lines)) if i not in reasons][:_HEAD_LINES]
    title_open = meta_title is None
    title_line: int | None = None  # the dek sits right under a headline printed in the text
    for i in candidates:
        text = lines[i].text
        if title_key is not None and phrase_key(text) == title_key:
            reasons[i] = "title"
            title_line = i
            continue
        wrapped = in_wrapped_paragraph(lines, i)  # a sentence's first piece may hold a date
        if head.dateline is None and not wrapped and (date := parse_dateline(text, lex, year)) is not None:
            head.dateline = date
            reasons[i] = "dateline"
            continue
        if post:
            break
        if (
            _is_kicker(text, before_title=head.title is None)
            and not is_speaker_label(lines, i)
            and not (title_line is not None and _opens_sections(lines, i))
        ):
            reasons[i] = "kicker"
            continue
        if title_open and _is_title(text) and not wraps_on(lines, i):
            head.title = text
            reasons[i] = "title"
            title_open = False
            title_line = i
            continue
        if title_line is not None and _is_dek(text, i, lines):
            head.dek, head.dek_index = text, i
        break
    return head


def _is_kicker(text: str, *, before_title: bool) -> bool:
    """A section label: a word or three above the headline, or a short all-caps tag."""
    if shapes.is_all_caps_label(text) and not shapes.ends_sentence(text):
        return True
    return before_title and len(text.split()) <= 3 and not shapes.ends_sentence(text)


def _opens_sections(lines: list[Line], index: int) -> bool:
    """A label in capitals under the headline that more labels like it follow further down: the
    first section heading of a digest, not a kicker (a kicker stands above its headline, alone)."""
    if not shapes.is_all_caps_label(lines[index].text):
        return False
    return any(shapes.is_all_caps_label(line.text) for line in lines[index + 2 :])


def _is_title(text: str) -> bool:
    low, high = _TITLE_WORDS
    if not low <= len(text.split()) <= high:
        return False
    return text.rstrip()[-1:] not in ".,;:…"


def _is_dek(text: str, index: int, lines: list[Line]) -> bool:
    """A one-sentence summary under the headline, with body text after it."""
    return (
        len(text.split()) <= _DEK_WORDS
        and shapes.ends_sentence(text)
        and index + 1 < len(lines)
        and (index == 0 or lines[index - 1].block != lines[index].block)
    )
