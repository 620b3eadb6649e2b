"""What a search query becomes before it reaches FTS5.

English words are stemmed by the index itself (the porter tokenizer, migration 0052). Russian
words are not (SQLite has no Russian stemmer), so each bare Cyrillic word of the query becomes
its Snowball stem as a prefix: «Воронин» and «Воронина» both search ``воронин*`` and find
each other. Quoted phrases, operators and words already ending in ``*`` are left as typed.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import Stemmer

_QUOTED = re.compile(r'("(?:[^"]|"")*")')
_WORD = re.compile(r"(?<![\w*])([^\W\d_]+)(?![\w*])")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
MIN_STEM = 3  # a shorter stem as a prefix would match half the language


@lru_cache(maxsize=1)
def _russian() -> Any:  # PyStemmer ships no type information
    return Stemmer.Stemmer("russian")


def stem_prefix(word: str) -> str | None:
    """``stem*`` for a Russian word, None for any other (or one too short to stem usefully)."""
    if not _CYRILLIC.search(word):
        return None
    stem = str(_russian().stemWord(word.lower()))
    return stem if len(stem) >= MIN_STEM else None


def fts_query(query: str) -> str:
    """The query with every bare Russian word searched by its stem."""
    parts = _QUOTED.split(query)
    for i in range(0, len(parts), 2):  # even parts are outside quotes
        parts[i] = _WORD.sub(lambda m: _prefixed(m.group(1)), parts[i])
    return "".join(parts)


def words_query(query: str) -> str:
    """The query as plain words, each quoted (for input that is not valid FTS5 syntax)."""
    out = []
    for word in query.split():
        stem = stem_prefix(word.strip("\"'«»„“”.,;:!?()"))
        out.append(f'"{stem}"*' if stem else '"' + word.replace('"', '""') + '"')
    return " ".join(out)


def _prefixed(word: str) -> str:
    stem = stem_prefix(word)
    return f"{stem}*" if stem else word
