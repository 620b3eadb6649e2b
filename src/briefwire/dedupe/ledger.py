"""The dedupe index kept in the ledger, seen through the rows the store returns.

The store (``briefwire.store.dedupe_index``) keeps band keys and signature bytes and knows
nothing of MinHash; :class:`LedgerIndex` decodes what it returns, so the dedupe stage and the
database stay apart. Keys are written by the store in the same transaction as their document
(``DocumentToSave.passage_bands``), so :meth:`LedgerIndex.add` has nothing left to do.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np

from briefwire.dedupe.codec import SignatureError, decode_document, decode_paragraph
from briefwire.dedupe.index import I64
from briefwire.dedupe.options import DedupeOptions
from briefwire.dedupe.shingles import U32, U64


def stored_keys(keys: U64) -> list[int]:
    """Band keys as the ledger keeps them: the top 32 bits, as a signed integer.

    Four bytes a key instead of eight: the band table is most of the index. Two different keys
    now share a stored key with probability 2**-32 per pair, which adds a stray candidate to
    about one paragraph in a hundred in a ledger of a million keys; the exact confirmation on
    shingle sets rejects it, so the answers are those of the full keys.
    """
    return (keys.ravel() >> np.uint64(32)).astype(np.uint32).view(np.int32).tolist()  # type: ignore[no-any-return]


class BandRows(Protocol):
    """What the store answers: band members by key, signature bytes by member."""

    def any_bands(self, kind: str) -> bool:
        """Whether any key of ``kind`` ("passage" or "document") is stored."""
        ...

    def band_members(self, kind: str, keys: Sequence[int], limit: int) -> list[list[int]]:
        """Per key, the members (passage ids or document seqs) holding it, newest first."""
        ...

    def passage_signatures(self, passage_ids: Sequence[int]) -> dict[int, tuple[str, int, bytes]]:
        """passage id -> (doc_id, paragraph index, signature bytes)."""
        ...

    def document_signatures_by_seq(self, seqs: Sequence[int]) -> dict[int, tuple[str, bytes]]:
        """document seq -> (doc_id, signature bytes)."""
        ...


class LedgerIndex:
    """A :class:`~briefwire.dedupe.index.DedupeIndex` over the store's band tables."""

    def __init__(self, rows: BandRows, options: DedupeOptions) -> None:
        self.rows = rows
        self.options = options
        self._has: dict[str, bool] = {}

    def _any(self, kind: str) -> bool:
        # once there is a key there always is one: ask the store only until then
        if not self._has.get(kind):
            self._has[kind] = self.rows.any_bands(kind)
        return self._has[kind]

    def has_paragraphs(self) -> bool:
        return self._any("passage")

    def has_documents(self) -> bool:
        return self._any("document")

    def lookup_paragraphs(self, keys: U64) -> tuple[I64, I64]:
        members = self.rows.band_members("passage", stored_keys(keys), self.options.max_bucket)
        positions = np.repeat(np.arange(len(members), dtype=np.int64), [len(m) for m in members])
        items = np.fromiter((i for m in members for i in m), dtype=np.int64, count=len(positions))
        return positions, items

    def paragraphs(self, numbers: Sequence[int]) -> dict[int, tuple[str, int, U32]]:
        out = {}
        for number, (doc_id, index, blob) in self.rows.passage_signatures(numbers).items():
            try:
                size, shingles = decode_paragraph(blob)
            except SignatureError:
                continue  # an unusable stored signature is no candidate
            if size == self.options.shingle_size:
                out[number] = (doc_id, index, shingles)
        return out

    def lookup_documents(self, keys: U64) -> list[int]:
        members = self.rows.band_members("document", stored_keys(keys), self.options.max_bucket)
        return sorted({m for ms in members for m in ms})

    def documents(self, numbers: Sequence[int]) -> dict[int, tuple[str, U32]]:
        opts = self.options
        out = {}
        for number, (doc_id, blob) in self.rows.document_signatures_by_seq(numbers).items():
            try:
                sketch = decode_document(blob)
            except SignatureError:
                continue
            if (sketch.shingle_size, sketch.seed, len(sketch.minhash)) == (
                opts.shingle_size,
                opts.seed,
                opts.num_perm,
            ):
                out[number] = (doc_id, sketch.minhash)
        return out

    def add(
        self,
        doc_id: str,
        paragraphs: Sequence[tuple[int, U32]],
        paragraph_keys: U64,
        minhash: U32 | None,
        doc_keys: U64 | None,
    ) -> None:
        """Nothing to do: the store wrote the keys with the document."""
