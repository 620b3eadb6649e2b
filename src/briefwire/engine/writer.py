"""The writing half of the flow: the one place that owns the store and the dedupe index.

Per batch, :meth:`Writer.prepare` records read errors and raw texts already stored (a re-read
costs no cleaning), and builds the batch's :class:`ProcessContext` from the ledger (per-outlet
line counts). :meth:`Writer.write_batch` then takes the processed documents, in order: each is
checked against the dedupe index, stored in its own transaction (a run killed half-way leaves
whole documents only) and added to the index.

Several batches may be in flight between ``prepare`` and ``write_batch`` (a worker pool). Lines
of documents in flight are counted as if stored, so an outlet's repeated lines are learned the
same with one worker or many; copies of a document in flight are recorded once it is stored.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from briefwire import clean as clean_stage
from briefwire.dedupe import DedupeOptions, Deduper, LedgerIndex
from briefwire.engine.process import ProcessContext, Processed
from briefwire.models import CleanDocument, IngestError, RawDocument
from briefwire.store import BandKeys, DocumentToSave, Store, ledger_problem, raw_text_hash

_INDEX_CHUNK = 500


@dataclass
class IngestSummary:
    ingested: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    reused_paragraphs: int = 0
    claims: int = 0
    casualties: int = 0
    errors: list[IngestError] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0 when everything went in, 2 when some inputs failed."""
        return 2 if self.errors else 0


class Writer:
    """Stores processed documents of one run into ``store``, deduplicated against ``deduper``."""

    def __init__(
        self,
        store: Store,
        deduper: Callable[[], Deduper],
        extract: bool = True,
        dedupe_options: DedupeOptions | None = None,
        embed_claims: bool = False,
    ) -> None:
        self.store = store
        self._deduper = deduper
        self.summary = IngestSummary()
        self._extract = extract
        self._embed_claims = embed_claims  # workers embed claims; their vectors are kept here
        self._dedupe_options = dedupe_options or DedupeOptions()
        self._in_flight: Counter[tuple[str, str]] = Counter()  # (outlet, line key) -> documents
        self._raw_in_flight: dict[str, list[str]] = {}  # raw hash -> origins of later copies
        self._lines_in_flight: dict[str, set[str]] = {}  # raw hash -> its line keys (made once)
        self._doc_of_raw: dict[str, str] = {}

    # ---- before processing -----------------------------------------------------------------
    def prepare(self, items: Iterable[RawDocument | IngestError]) -> tuple[list[RawDocument], ProcessContext]:
        """The raw documents of ``items`` that need processing, and their context."""
        raws: list[RawDocument] = []
        for item in items:
            if isinstance(item, IngestError):
                self.fail(item)
                continue
            key = raw_text_hash(item.text)
            known = self.store.doc_id_for_raw(key)
            if known is not None:
                self.store.add_origin(known, item.origin, key)
                self.summary.duplicates += 1
            elif key in self._raw_in_flight:
                self._raw_in_flight[key].append(item.origin)
                self.summary.duplicates += 1
            else:
                self._raw_in_flight[key] = []
                raws.append(item)
        context = ProcessContext(
            self._line_counts(raws), self._extract, self._dedupe_options, self._embed_claims
        )
        return raws, context

    def _line_counts(self, raws: Sequence[RawDocument]) -> dict[str, dict[str, int]]:
        """Per outlet, in how many documents (stored, in flight, this batch) each line occurs."""
        batch: dict[str, Counter[str]] = {}
        for raw in raws:
            if raw.outlet:
                hashes = self._lines_in_flight[raw_text_hash(raw.text)] = set(clean_stage.line_hashes(raw))
                batch.setdefault(raw.outlet, Counter()).update(hashes)
                self._in_flight.update((raw.outlet, h) for h in hashes)
        out: dict[str, dict[str, int]] = {}
        for outlet, counter in batch.items():
            stored = self.store.outlet_line_counts(outlet, counter)
            # in flight already includes this batch
            out[outlet] = {h: stored.get(h, 0) + self._in_flight[(outlet, h)] for h in counter}
        return out

    # ---- after processing ------------------------------------------------------------------
    def write_batch(self, raws: Sequence[RawDocument], results: Sequence[Processed | IngestError]) -> None:
        """Store one processed batch (``results[i]`` is what became of ``raws[i]``)."""
        vectors: dict[str, bytes] = {}
        for raw, result in zip(raws, results, strict=True):
            if isinstance(result, IngestError):
                self.fail(result)
            else:
                self.write(result)
                vectors.update(result.claim_vectors)
            self._release(raw)
        if vectors:  # linking reads them back instead of embedding the claims itself
            from briefwire.link.similarity import vector_model  # noqa: PLC0415

            self.store.keep_vectors(vector_model(), vectors)

    def write(self, item: Processed) -> None:
        """Store one processed document (or record it as a copy of a stored one)."""
        doc = item.doc
        raw_key = raw_text_hash(doc.raw.text)
        self._doc_of_raw[raw_key] = doc.doc_id
        if self.store.has_document(doc.doc_id):
            self.store.add_origin(doc.doc_id, doc.raw.origin, raw_key)
            self.summary.duplicates += 1
            return
        if item.copy_in_batch:  # the first copy could not be stored: nothing to add an origin to
            self.summary.duplicates += 1
            return
        if item.extract_error:
            self.fail(IngestError(doc.raw.origin, "extract", item.extract_error))
        deduper = self._deduper()
        result = deduper.check(doc, item.signatures)
        extraction = item.extraction
        bands = BandKeys(*deduper.band_keys(doc, item.signatures))
        save = DocumentToSave(
            doc=doc,
            dedupe=result,
            themes=extraction.passage_themes if extraction else _first_themes(doc),
            passage_signatures=item.signatures.paragraphs,
            doc_signature=item.signatures.document,
            outlet_line_hashes=item.line_hashes,
            claims=extraction.claims if extraction else (),
            casualties=extraction.casualties if extraction else (),
            happenings=extraction.happenings if extraction else (),
            mentions=extraction.mentions if extraction else (),
            bands=bands,
        )
        try:
            self.store.save_document(save)
        except Exception as exc:  # nothing of this document was written (one transaction)
            problem = ledger_problem(exc, self.store.path)
            if problem is not None:  # the ledger's own condition: every later write would fail
                raise problem from exc
            self.fail(IngestError(doc.raw.origin, "store", f"{type(exc).__name__}: {exc}", retryable=True))
            return
        deduper.add(doc, item.signatures)
        summary = self.summary
        summary.ingested += 1
        summary.near_duplicates += result.near_duplicate_of is not None
        summary.reused_paragraphs += len(result.reuse)
        if extraction:
            summary.claims += len(extraction.claims)
            summary.casualties += len(extraction.casualties)

    def _release(self, raw: RawDocument) -> None:
        """``raw`` is done: its lines are no longer in flight; its copies get their origins."""
        key = raw_text_hash(raw.text)
        if raw.outlet:
            hashes = self._lines_in_flight.pop(key, None) or set(clean_stage.line_hashes(raw))
            self._in_flight.subtract((raw.outlet, h) for h in hashes)
            for h in hashes:
                if self._in_flight[(raw.outlet, h)] <= 0:
                    del self._in_flight[(raw.outlet, h)]
        copies = self._raw_in_flight.pop(key, [])
        doc_id = self._doc_of_raw.pop(key, None)
        if doc_id is not None and self.store.has_document(doc_id):
            for origin in copies:
                self.store.add_origin(doc_id, origin, key)

    def fail(self, error: IngestError) -> None:
        self.summary.errors.append(error)
        self.store.record_error(error)


def ledger_deduper(store: Store, options: DedupeOptions | None = None) -> Deduper:
    """A deduper whose index is the ledger's band tables, brought up to date first.

    Documents stored without keys (a ledger from before the table, keys made with other
    options) are indexed now from their stored signatures: once, not on every run.
    """
    opts = options or DedupeOptions()
    deduper = Deduper(opts, LedgerIndex(store, opts))
    fingerprint, through = store.dedupe_state()
    if fingerprint != deduper.fingerprint:
        store.reset_dedupe_index(deduper.fingerprint)
        through = 0
    batch: list[tuple[int, BandKeys]] = []
    for seq, paragraphs, document in store.unindexed_documents(through):
        batch.append((seq, BandKeys(*deduper.stored_band_keys(paragraphs, document))))
        if len(batch) >= _INDEX_CHUNK:
            store.add_band_keys(batch)
            batch = []
    store.add_band_keys(batch)
    return deduper


def _first_themes(doc: CleanDocument) -> list[str | None]:
    """Passage themes without extraction (``--no-extract``): the lexicon's guess per paragraph."""
    from briefwire.extract.themes import passage_theme  # noqa: PLC0415

    return [passage_theme(p.text) for p in doc.paragraphs]
