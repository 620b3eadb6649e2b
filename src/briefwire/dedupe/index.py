"""Where the dedupe index lives: what :class:`~briefwire.dedupe.Deduper` asks of it.

Two kinds answer the same questions. :class:`~briefwire.dedupe.memory.MemoryIndex` holds the
band table in this process (rebuilt from stored signatures with ``load``; what the dedupe
benchmark measures). The store's index (``briefwire.store.dedupe_index``) keeps the band keys
in an indexed SQLite table and is queried per document, so a run costs what it adds, not what
the ledger holds.

Items are paragraphs, numbered in the order they were indexed; documents likewise. Lower
numbers are older, which breaks ties between equally good matches in favour of the earlier.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np
import numpy.typing as npt

from briefwire.dedupe.shingles import U32, U64

I64 = npt.NDArray[np.int64]


class DedupeIndex(Protocol):
    def has_paragraphs(self) -> bool: ...

    def has_documents(self) -> bool: ...

    def lookup_paragraphs(self, keys: U64) -> tuple[I64, I64]:
        """All (position in ``keys.ravel()``, paragraph number) pairs with an equal band key;
        per key at most ``max_bucket`` paragraphs, the most recent ones."""
        ...

    def paragraphs(self, numbers: Sequence[int]) -> dict[int, tuple[str, int, U32]]:
        """number -> (doc_id, paragraph index, sorted shingle hashes)."""
        ...

    def lookup_documents(self, keys: U64) -> list[int]:
        """Numbers of documents sharing at least one band key (at most ``max_bucket`` per key)."""
        ...

    def documents(self, numbers: Sequence[int]) -> dict[int, tuple[str, U32]]:
        """number -> (doc_id, MinHash values)."""
        ...

    def add(
        self,
        doc_id: str,
        paragraphs: Sequence[tuple[int, U32]],
        paragraph_keys: U64,
        minhash: U32 | None,
        doc_keys: U64 | None,
    ) -> None:
        """Index one document: (paragraph index, shingles) per indexable paragraph, their band
        keys (rows x bands), and the document's MinHash and band keys when it has them."""
        ...
