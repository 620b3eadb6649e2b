"""The dedupe stage's index: paragraph re-use and near-duplicate documents.

For each new document the pipeline calls :meth:`Deduper.signatures` (bytes it stores),
:meth:`Deduper.check` (what the document re-uses from documents indexed so far), then,
once the document is stored, :meth:`Deduper.add`. The index is a :class:`DedupeIndex`: by
default one in memory (:meth:`Deduper.load` rebuilds it from the stored bytes alone), or the
store's, queried per document; :meth:`Deduper.band_keys` gives the keys a store index keeps.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice

import numpy as np

from briefwire.dedupe.codec import (
    DocumentSketch,
    SignatureError,
    decode_document,
    decode_paragraph,
    encode_document,
    encode_paragraph,
)
from briefwire.dedupe.index import DedupeIndex
from briefwire.dedupe.ledger import stored_keys
from briefwire.dedupe.memory import MemoryIndex
from briefwire.dedupe.minhash import MinHasher, band_keys
from briefwire.dedupe.options import DedupeOptions, band_params
from briefwire.dedupe.shingles import U32, U64, paragraph_shingles
from briefwire.models import CleanDocument, DedupeResult, ReuseLink

_LOAD_CHUNK = 50_000


@dataclass(frozen=True)
class Signatures:
    """What the store keeps for one document: one blob per paragraph, one for the whole.

    ``paragraphs[i]`` is None for a paragraph too short to index; ``document`` is None for
    a document with too few words to compare.
    """

    document: bytes | None
    paragraphs: tuple[bytes | None, ...]


@dataclass(frozen=True)
class _Prepared:
    """Signatures decoded and hashed into LSH keys, kept between ``check`` and ``add``."""

    rows: tuple[int, ...]  # positions of the indexable paragraphs
    sets: tuple[U32, ...]
    keys: U64  # rows x bands
    doc: DocumentSketch | None
    doc_keys: U64 | None


@dataclass(frozen=True)
class _Match:
    item: int
    containment: float
    jaccard: float
    doc_id: str
    index: int


class Deduper:
    """Finds re-used paragraphs and near-duplicate documents among those added so far."""

    def __init__(self, options: DedupeOptions | None = None, index: DedupeIndex | None = None) -> None:
        self.options = opts = options or DedupeOptions()
        self._hasher = MinHasher(opts.num_perm, opts.seed)
        self._para_bands = band_params(opts.candidate_threshold, opts.candidate_recall, opts.num_perm)
        self._doc_bands = band_params(opts.near_duplicate_threshold, opts.candidate_recall, opts.num_perm)
        self.index: DedupeIndex = index if index is not None else MemoryIndex(opts.max_bucket)
        self._last: tuple[Signatures, _Prepared] | None = None
        self.load_errors: list[str] = []

    def __len__(self) -> int:
        """Number of indexed paragraphs (of an index in memory)."""
        return len(self._memory())

    def stats(self) -> dict[str, int]:
        return self._memory().stats()

    def _memory(self) -> MemoryIndex:
        if not isinstance(self.index, MemoryIndex):
            raise TypeError("this deduper's index is not held in memory")
        return self.index

    # ---- signatures ----------------------------------------------------------------------
    def signatures(self, doc: CleanDocument) -> Signatures:
        opts = self.options
        counts, sets = paragraph_shingles([p.text for p in doc.paragraphs], opts.shingle_size)
        rows = [i for i, count in enumerate(counts) if count >= opts.min_paragraph_words]
        hashed = [i for i, s in enumerate(sets) if len(s)]
        # One MinHash row per paragraph; the document's MinHash is their minimum (the
        # MinHash of the union), and the indexable rows give the LSH keys for check/add.
        minhashes = self._hasher.minhashes([sets[i] for i in hashed])
        row_of = {i: k for k, i in enumerate(hashed)}
        keys = band_keys(minhashes[[row_of[i] for i in rows]], *self._para_bands)
        sketch = doc_keys = None
        if sum(counts) >= opts.min_paragraph_words:
            union = np.unique(np.concatenate(sets))
            sketch = DocumentSketch(opts.shingle_size, len(union), opts.seed, minhashes.min(axis=0))
            doc_keys = band_keys(sketch.minhash[None, :], *self._doc_bands)
        blobs: list[bytes | None] = [None] * len(sets)
        for i in rows:
            blobs[i] = encode_paragraph(opts.shingle_size, sets[i])
        sigs = Signatures(None if sketch is None else encode_document(sketch), tuple(blobs))
        self._last = (sigs, _Prepared(tuple(rows), tuple(sets[i] for i in rows), keys, sketch, doc_keys))
        return sigs

    # ---- check ---------------------------------------------------------------------------
    def check(self, doc: CleanDocument, sigs: Signatures) -> DedupeResult:
        """Near-duplicate document and re-used paragraphs of ``doc`` among indexed ones."""
        prep = self._prepare(doc, sigs)
        links = []
        for row, match in self._paragraph_matches(prep, doc.doc_id):
            para = doc.paragraphs[row]
            links.append(
                ReuseLink(
                    index=para.index,
                    other_doc_id=match.doc_id,
                    other_index=match.index,
                    similarity=round(match.containment, 4),
                )
            )
        near, score = self._near_duplicate(prep, doc.doc_id)
        return DedupeResult(
            doc_id=doc.doc_id,
            exact_duplicate_of=None,
            near_duplicate_of=near,
            near_duplicate_score=score,
            reuse=tuple(links),
        )

    def _paragraph_matches(self, prep: _Prepared, own: str) -> Iterator[tuple[int, _Match]]:
        if not prep.rows or not self.index.has_paragraphs():
            return
        bands = prep.keys.shape[1]
        positions, items = self.index.lookup_paragraphs(prep.keys)
        if not len(items):
            return
        pairs, hits = np.unique((positions // bands) << 32 | items, return_counts=True)
        # Per paragraph, candidates sharing the most bands first (the likeliest matches).
        order = np.lexsort((pairs & 0xFFFFFFFF, -hits, pairs >> 32))
        rows, found = (pairs >> 32)[order], (pairs & 0xFFFFFFFF)[order]
        wanted = np.arange(len(prep.rows))
        starts = np.searchsorted(rows, wanted)
        ends = np.minimum(np.searchsorted(rows, wanted, side="right"), starts + self.options.max_candidates)
        chosen = [
            found[start:end].tolist() for start, end in zip(starts.tolist(), ends.tolist(), strict=True)
        ]
        known = self.index.paragraphs(sorted({n for c in chosen for n in c}))
        for k, candidates in enumerate(chosen):
            # a document never re-uses itself
            mine = [(n, known[n]) for n in candidates if n in known and known[n][0] != own]
            best = self._best_match(prep.sets[k], mine)
            if best is not None:
                yield prep.rows[k], best

    def _best_match(self, shingles: U32, candidates: list[tuple[int, tuple[str, int, U32]]]) -> _Match | None:
        opts = self.options
        mine = set(shingles.tolist())
        best: _Match | None = None
        for item, (doc_id, index, theirs) in candidates:
            other = theirs.tolist()
            shared = len(mine.intersection(other))
            containment = shared / min(len(mine), len(other))
            jaccard = shared / (len(mine) + len(other) - shared)
            if containment < opts.confirm_containment:
                continue
            if shared < opts.min_shared_shingles and jaccard < opts.short_match_jaccard:
                continue  # a stock phrase shared by two short paragraphs is not re-use
            if best is None or (containment, jaccard, -item) > (best.containment, best.jaccard, -best.item):
                best = _Match(item, containment, jaccard, doc_id, index)
        return best

    def _near_duplicate(self, prep: _Prepared, own: str) -> tuple[str | None, float | None]:
        if prep.doc is None or prep.doc_keys is None or not self.index.has_documents():
            return None, None
        known = self.index.documents(self.index.lookup_documents(prep.doc_keys))
        best: tuple[float, int, str] | None = None
        for number in sorted(known):
            doc_id, other = known[number]
            if doc_id == own:
                continue
            score = float(np.mean(other == prep.doc.minhash))
            if score >= self.options.near_duplicate_threshold and (best is None or score > best[0]):
                best = (score, number, doc_id)
        if best is None:
            return None, None
        return best[2], round(best[0], 4)

    # ---- add -----------------------------------------------------------------------------
    def add(self, doc: CleanDocument, sigs: Signatures) -> None:
        """Index ``doc`` (after it was stored). Adding a document twice changes nothing."""
        prep = self._prepare(doc, sigs)
        paragraphs = [(doc.paragraphs[r].index, s) for r, s in zip(prep.rows, prep.sets, strict=True)]
        minhash = prep.doc.minhash if prep.doc is not None else None
        self.index.add(doc.doc_id, paragraphs, prep.keys, minhash, prep.doc_keys)
        self._last = None

    def band_keys(self, doc: CleanDocument, sigs: Signatures) -> tuple[dict[int, list[int]], list[int]]:
        """The LSH keys a store keeps for ``doc`` (see ``ledger.stored_keys``):
        paragraph index -> its keys, and the document's keys (empty when it has none)."""
        prep = self._prepare(doc, sigs)
        paragraphs = {doc.paragraphs[r].index: stored_keys(prep.keys[k]) for k, r in enumerate(prep.rows)}
        document = [] if prep.doc_keys is None else stored_keys(prep.doc_keys)
        return paragraphs, document

    @property
    def fingerprint(self) -> str:
        """What band keys depend on: equal fingerprints, interchangeable keys."""
        o = self.options
        made = f"shingles={o.shingle_size} perm={o.num_perm} seed={o.seed}"
        return f"{made} para={self._para_bands} doc={self._doc_bands} keys=32"

    def stored_band_keys(
        self, paragraphs: Sequence[tuple[int, bytes]], document: bytes | None
    ) -> tuple[dict[int, list[int]], list[int]]:
        """Band keys from stored signature bytes (indexing documents stored before the keys
        were); signatures that cannot be used are skipped and described in ``load_errors``."""
        indexes, sets = [], []
        for index, blob in paragraphs:
            try:
                sets.append(self._paragraph_set(blob))
            except SignatureError as exc:
                self.load_errors.append(f"paragraph {index}: {exc}")
                continue
            indexes.append(index)
        keys = self._paragraph_keys(sets)
        doc_keys: list[int] = []
        if document is not None:
            try:
                sketch = self._document_sketch(document)
            except SignatureError as exc:
                self.load_errors.append(f"document: {exc}")
            else:
                doc_keys = stored_keys(band_keys(sketch.minhash[None, :], *self._doc_bands))
        return {index: stored_keys(keys[k]) for k, index in enumerate(indexes)}, doc_keys

    # ---- preparing signatures ------------------------------------------------------------
    def _prepare(self, doc: CleanDocument, sigs: Signatures) -> _Prepared:
        if len(sigs.paragraphs) != len(doc.paragraphs):
            raise ValueError(
                f"{doc.raw.origin}: {len(sigs.paragraphs)} paragraph signatures "
                f"for {len(doc.paragraphs)} paragraphs"
            )
        if self._last is not None and (self._last[0] is sigs or self._last[0] == sigs):
            return self._last[1]
        rows, sets = [], []
        for row, blob in enumerate(sigs.paragraphs):
            if blob is not None:
                rows.append(row)
                sets.append(self._paragraph_set(blob))
        keys = self._paragraph_keys(sets)
        sketch = self._document_sketch(sigs.document) if sigs.document is not None else None
        doc_keys = None if sketch is None else band_keys(sketch.minhash[None, :], *self._doc_bands)
        prep = _Prepared(tuple(rows), tuple(sets), keys, sketch, doc_keys)
        self._last = (sigs, prep)
        return prep

    def _paragraph_set(self, blob: bytes) -> U32:
        size, shingles = decode_paragraph(blob)
        if size != self.options.shingle_size:
            raise SignatureError(
                f"paragraph signature made with {size}-word shingles, "
                f"this index uses {self.options.shingle_size}"
            )
        return shingles

    def _paragraph_keys(self, sets: list[U32]) -> U64:
        bands, rows = self._para_bands
        if not sets:
            return np.empty((0, bands), dtype=np.uint64)
        return band_keys(self._hasher.minhashes(sets, bands * rows), bands, rows)

    def _document_sketch(self, blob: bytes) -> DocumentSketch:
        sketch = decode_document(blob)
        opts = self.options
        made = (sketch.shingle_size, sketch.seed, len(sketch.minhash))
        if made != (opts.shingle_size, opts.seed, opts.num_perm):
            raise SignatureError(
                f"document signature made with shingles of {sketch.shingle_size}, seed {sketch.seed}, "
                f"{len(sketch.minhash)} permutations; this index uses {opts.shingle_size}, {opts.seed}, "
                f"{opts.num_perm}"
            )
        return sketch

    # ---- load ----------------------------------------------------------------------------
    def load(
        self,
        paragraph_signatures: Iterable[tuple[str, int, bytes]],
        document_signatures: Iterable[tuple[str, bytes]],
    ) -> None:
        """Rebuild the index from stored signatures, oldest first (the order they were added).

        Documents already in the index are skipped. A signature that cannot be used
        (corrupt, or made with other options) is skipped and described in ``load_errors``;
        the rest of the index is still built.
        """
        memory = self._memory()
        known = memory.doc_ids()
        # Documents first: they come in ingest order, so they get the same numbers (which
        # break ties between equally good matches) as when they were added one by one.
        documents = iter(document_signatures)
        while doc_chunk := list(islice(documents, _LOAD_CHUNK)):
            self._load_documents(memory, [e for e in doc_chunk if e[0] not in known])
        paragraphs = iter(paragraph_signatures)
        while chunk := list(islice(paragraphs, _LOAD_CHUNK)):
            self._load_paragraphs(memory, [e for e in chunk if e[0] not in known])
        self._last = None

    def _load_documents(self, memory: MemoryIndex, chunk: list[tuple[str, bytes]]) -> None:
        numbers, minhashes = [], []
        for doc_id, blob in chunk:
            try:
                minhashes.append(self._document_sketch(blob).minhash)
            except SignatureError as exc:
                self.load_errors.append(f"document {doc_id}: {exc}")
                continue
            numbers.append(memory.number(doc_id))
        if numbers:
            memory.add_documents(numbers, minhashes, band_keys(np.stack(minhashes), *self._doc_bands))

    def _load_paragraphs(self, memory: MemoryIndex, chunk: list[tuple[str, int, bytes]]) -> None:
        numbers, indexes, sets = [], [], []
        for doc_id, index, blob in chunk:
            try:
                sets.append(self._paragraph_set(blob))
            except SignatureError as exc:
                self.load_errors.append(f"document {doc_id} paragraph {index}: {exc}")
                continue
            numbers.append(memory.number(doc_id))
            indexes.append(index)
        if sets:
            memory.add_paragraphs(numbers, indexes, sets, self._paragraph_keys(sets), bulk=True)
