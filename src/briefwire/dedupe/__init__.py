"""dedupe stage: paragraph re-use and near-duplicate documents.

Exact duplicates are caught before this stage (the pipeline compares clean-text ids). Here,
:class:`Deduper` finds, for each new document, the already-indexed document it nearly
duplicates and, per paragraph, the indexed paragraph whose text it re-uses, with MinHash
LSH over word shingles (datasketch's MinHash permutations, a compact band table) and an
exact confirmation on the shingle sets. Signatures are plain bytes for the store. The index
lives in memory (rebuilt from the bytes with :meth:`Deduper.load`) or in the ledger
(:class:`LedgerIndex` over the store's band tables, queried per document: what a pipeline
run uses, so a run costs what it adds, not what the ledger holds).

    deduper = Deduper()
    deduper.load(store.paragraph_signatures(), store.document_signatures())
    sigs = deduper.signatures(doc)
    result = deduper.check(doc, sigs)   # DedupeResult
    ...store the document with sigs...
    deduper.add(doc, sigs)
"""

from __future__ import annotations

from briefwire.dedupe.codec import SignatureError
from briefwire.dedupe.deduper import Deduper, Signatures
from briefwire.dedupe.ledger import BandRows, LedgerIndex
from briefwire.dedupe.options import DedupeOptions

__all__ = ["BandRows", "DedupeOptions", "Deduper", "LedgerIndex", "SignatureError", "Signatures"]
