"""How a document's text is kept: once in full, the raw copy compressed (issue 15).

The clean text is exactly its paragraphs joined by a blank line, and the paragraphs are stored
as passages (full-text search reads them); so ``documents.clean_text`` is left empty when it is
that join and rebuilt from the passages when read. The raw text (kept for audit: what cleaning
removed is shown against it) is stored zlib-compressed, as a BLOB; rows written before this
keep their plain text, and both read back the same.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence

SEPARATOR = "\n\n"


def pack_raw(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8", "surrogatepass"), 9)


def unpack_raw(value: str | bytes) -> str:
    if isinstance(value, bytes):
        return zlib.decompress(value).decode("utf-8", "surrogatepass")
    return value


def pack_clean(text: str, paragraphs: Sequence[str]) -> str:
    """'' when the text is its paragraphs joined (rebuilt on reading), else the text itself."""
    return "" if text == SEPARATOR.join(paragraphs) else text


def unpack_clean(stored: str, paragraphs: Sequence[str]) -> str:
    return stored or SEPARATOR.join(paragraphs)
