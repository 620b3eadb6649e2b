"""The dedupe index held in this process: compact band tables plus the shingle sets.

What ``bench/dedupe.py`` measures (≈ 660 bytes per paragraph). A pipeline run uses the store's
index instead, which is queried rather than loaded (see :mod:`briefwire.dedupe.index`).
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence

import numpy as np

from briefwire.dedupe.bands import BandTable
from briefwire.dedupe.index import I64
from briefwire.dedupe.shingles import U32, U64


class MemoryIndex:
    """Band tables for paragraphs and documents, numbered in the order they are added."""

    def __init__(self, max_bucket: int) -> None:
        self._paragraphs = BandTable(max_bucket)
        self._documents = BandTable(max_bucket)
        self._doc_ids: list[str] = []
        self._doc_number: dict[str, int] = {}
        self._doc_minhash: dict[int, U32] = {}
        self._item_doc = array("I")
        self._item_index = array("I")
        self._item_sets: list[bytes] = []  # sorted uint32 shingle hashes, native order

    def __len__(self) -> int:
        return len(self._item_sets)

    def stats(self) -> dict[str, int]:
        return {
            "documents": len(self._doc_ids),
            "paragraphs": len(self._item_sets),
            "index_bytes": self._paragraphs.nbytes() + self._documents.nbytes(),
            "shingle_bytes": sum(len(s) for s in self._item_sets),
        }

    def has_paragraphs(self) -> bool:
        return len(self._paragraphs) > 0

    def has_documents(self) -> bool:
        return len(self._documents) > 0

    def doc_ids(self) -> set[str]:
        return set(self._doc_number)

    def number_of(self, doc_id: str) -> int | None:
        return self._doc_number.get(doc_id)

    def number(self, doc_id: str) -> int:
        """The document's number, given now if it has none."""
        number = self._doc_number.get(doc_id)
        if number is None:
            number = self._doc_number[doc_id] = len(self._doc_ids)
            self._doc_ids.append(doc_id)
        return number

    def lookup_paragraphs(self, keys: U64) -> tuple[I64, I64]:
        positions, items = self._paragraphs.lookup(keys)
        return positions, items.astype(np.int64)

    def paragraphs(self, numbers: Sequence[int]) -> dict[int, tuple[str, int, U32]]:
        return {
            n: (
                self._doc_ids[self._item_doc[n]],
                self._item_index[n],
                np.frombuffer(self._item_sets[n], dtype=np.uint32),
            )
            for n in numbers
        }

    def lookup_documents(self, keys: U64) -> list[int]:
        _, found = self._documents.lookup(keys)
        return sorted(set(found.tolist()))

    def documents(self, numbers: Sequence[int]) -> dict[int, tuple[str, U32]]:
        return {n: (self._doc_ids[n], self._doc_minhash[n]) for n in numbers if n in self._doc_minhash}

    def add(
        self,
        doc_id: str,
        paragraphs: Sequence[tuple[int, U32]],
        paragraph_keys: U64,
        minhash: U32 | None,
        doc_keys: U64 | None,
    ) -> None:
        if doc_id in self._doc_number:
            return  # adding a document twice changes nothing
        number = self.number(doc_id)
        indexes = [index for index, _ in paragraphs]
        self.add_paragraphs([number] * len(indexes), indexes, [s for _, s in paragraphs], paragraph_keys)
        if minhash is not None and doc_keys is not None:
            self._doc_minhash[number] = minhash
            self._documents.add(doc_keys, np.array([number], dtype=np.uint32))

    def add_paragraphs(
        self, numbers: list[int], indexes: list[int], sets: Sequence[U32], keys: U64, bulk: bool = False
    ) -> None:
        first = len(self._item_sets)
        self._item_sets.extend(s.tobytes() for s in sets)
        self._item_doc.extend(numbers)
        self._item_index.extend(indexes)
        ids = np.arange(first, len(self._item_sets), dtype=np.uint32)
        (self._paragraphs.add_bulk if bulk else self._paragraphs.add)(keys, ids)

    def add_documents(self, numbers: list[int], minhashes: list[U32], keys: U64) -> None:
        """Many documents at once (rebuilding from the store): one sorted run."""
        self._doc_minhash.update(zip(numbers, minhashes, strict=True))
        self._documents.add_bulk(keys, np.asarray(numbers, dtype=np.uint32))
