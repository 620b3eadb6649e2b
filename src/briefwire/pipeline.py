"""Wires the stages: ingest -> clean -> dedupe -> nlp/extract -> store, then link.

The pipeline streams inputs in chunks so memory does not grow with the corpus. Each document
is written in its own transaction: an ingest killed half-way leaves whole documents only, and
running it again skips what is stored (by raw-text hash, then by clean-text id) and finishes
the job. Every failure is recorded with its input, stage and reason; the batch goes on.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from briefwire import clean as clean_stage
from briefwire import ingest
from briefwire import link as link_stage
from briefwire.dedupe import Deduper
from briefwire.extract import Extraction
from briefwire.models import CleanDocument, IngestError, RawDocument
from briefwire.store import DocumentToSave, Store, raw_text_hash

T = TypeVar("T")
Progress = Callable[[str], None]


@dataclass(frozen=True)
class Stage:
    """What a stage of the flow reads and what it adds, so the wiring can be checked."""

    name: str
    needs: frozenset[str]
    adds: frozenset[str]


def _stage(name: str, needs: str, adds: str) -> Stage:
    return Stage(name, frozenset(needs.split()), frozenset(adds.split()))


FLOW = (
    _stage("ingest", "", "raw_text metadata"),
    _stage("clean", "raw_text metadata", "clean_text paragraphs removed published"),
    _stage("dedupe", "clean_text paragraphs", "signatures reuse near_duplicate"),
    _stage("nlp", "clean_text", "sentences entities"),
    _stage("extract", "sentences entities paragraphs published", "claims casualties themes"),
    _stage("store", "clean_text paragraphs removed signatures reuse claims casualties themes", "ledger"),
    _stage("link", "ledger claims casualties reuse", "events persons entities"),
)


def check_flow(stages: tuple[Stage, ...]) -> None:
    """Every field a stage needs is added by an earlier stage (as spaCy's analyze_pipes checks)."""
    have: set[str] = set()
    for stage in stages:
        missing = stage.needs - have
        if missing:
            raise ValueError(
                f"stage {stage.name!r} needs {', '.join(sorted(missing))}, which no earlier stage adds"
            )
        have |= stage.adds


@dataclass(frozen=True)
class PipelineOptions:
    workers: int = 1
    extract: bool = True
    link: bool = True
    chunk_size: int = 64
    read: ingest.ReadOptions | None = None
    link_options: link_stage.LinkOptions | None = None


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


@dataclass
class _Chunk:
    """Cleaned, not yet stored documents of one chunk, with the outlet line hashes of each."""

    docs: list[CleanDocument] = field(default_factory=list)
    line_hashes: dict[str, list[str]] = field(default_factory=dict)
    # Copies of a document of this chunk seen at other origins: (doc_id or raw hash, origin, raw hash).
    # They are recorded once the document itself is stored.
    copies: list[tuple[str, str, str]] = field(default_factory=list)
    doc_of_raw: dict[str, str] = field(default_factory=dict)


class Pipeline:
    """Runs the flow over inputs into one store."""

    def __init__(self, store: Store, options: PipelineOptions | None = None) -> None:
        check_flow(FLOW)
        self.store = store
        self.options = options or PipelineOptions()
        self._deduper: Deduper | None = None

    @property
    def deduper(self) -> Deduper:
        if self._deduper is None:
            self._deduper = Deduper()
            self._deduper.load(self.store.paragraph_signatures(), self.store.document_signatures())
        return self._deduper

    def ingest(self, paths: Iterable[str | Path], progress: Progress | None = None) -> IngestSummary:
        return self.ingest_items(ingest.read(paths, self.options.read), progress)

    def ingest_items(
        self, items: Iterable[RawDocument | IngestError], progress: Progress | None = None
    ) -> IngestSummary:
        """Process and store documents already read (a feed poll, an upload), then link."""
        summary = IngestSummary()
        for chunk_items in _batched(items, self.options.chunk_size):
            chunk = self._clean_chunk(chunk_items, summary, progress)
            self._store_chunk(chunk, summary)
        if self.options.link and self.options.extract:
            self.link(incremental=True)
        return summary

    def link(self, incremental: bool = False) -> None:
        """Re-link claims into events and casualty mentions into persons (decisions honoured).

        ``incremental``: only claims not yet in an event, and what they can touch, are re-linked.
        """
        claims = self.store.claims()
        new = frozenset(c["claim_id"] for c in claims if not c.get("event_id")) if incremental else None
        inp = link_stage.LinkInput(
            claims=claims,
            mentions=self.store.casualty_mentions(),
            decisions=self.store.decisions(),
            passages=self.store.passages(),
            documents=self.store.link_documents(),
            new_claims=new,
        )
        result = link_stage.link(inp, self.options.link_options)
        self.store.replace_links(result.events, result.persons, scope_claim_keys=result.scope_claim_keys)
        self.store.save_link_output(
            result.entities, result.pairs, result.details, result.person_details, result.scope_claim_keys
        )

    # ---- stages ------------------------------------------------------------------------
    def _clean_chunk(
        self, items: list[RawDocument | IngestError], summary: IngestSummary, progress: Progress | None
    ) -> _Chunk:
        chunk = _Chunk()
        raws = self._new_raws(items, summary, progress, chunk)
        counts = self._outlet_line_counts(raws)
        seen = set()
        for raw, hashes in raws:
            learned = _learned_for(raw, hashes, counts)
            try:
                doc = clean_stage.clean(raw, learned)
            except Exception as exc:  # a cleaner bug must cost one document, not the batch
                self._fail(summary, IngestError(raw.origin, "clean", f"{type(exc).__name__}: {exc}"))
                continue
            if not doc.paragraphs:
                self._fail(summary, IngestError(raw.origin, "clean", "no article text left after cleaning"))
                continue
            raw_key = raw_text_hash(raw.text)
            if doc.doc_id in seen:
                chunk.copies.append((doc.doc_id, raw.origin, raw_key))
                summary.duplicates += 1
                continue
            if self.store.has_document(doc.doc_id):
                self.store.add_origin(doc.doc_id, raw.origin, raw_key)
                summary.duplicates += 1
                continue
            seen.add(doc.doc_id)
            chunk.doc_of_raw[raw_key] = doc.doc_id
            chunk.docs.append(doc)
            chunk.line_hashes[doc.doc_id] = hashes
        return chunk

    def _new_raws(
        self,
        items: list[RawDocument | IngestError],
        summary: IngestSummary,
        progress: Progress | None,
        chunk: _Chunk,
    ) -> list[tuple[RawDocument, list[str]]]:
        """Record read errors, drop raw texts already stored (a re-read), hash lines."""
        out, seen = [], set()
        for item in items:
            if progress:
                progress(item.origin)
            if isinstance(item, IngestError):
                self._fail(summary, item)
                continue
            key = raw_text_hash(item.text)
            known = self.store.doc_id_for_raw(key)
            if known is not None:
                self.store.add_origin(known, item.origin, key)
                summary.duplicates += 1
                continue
            if key in seen:
                chunk.copies.append((key, item.origin, key))
                summary.duplicates += 1
                continue
            seen.add(key)
            out.append((item, clean_stage.line_hashes(item)))
        return out

    def _outlet_line_counts(self, raws: list[tuple[RawDocument, list[str]]]) -> dict[str, Counter[str]]:
        """Per outlet, in how many documents (stored or in this chunk) each line occurs."""
        counts: dict[str, Counter[str]] = {}
        for raw, hashes in raws:
            if raw.outlet:
                counts.setdefault(raw.outlet, Counter()).update(set(hashes))
        for outlet, counter in counts.items():
            counter.update(self.store.outlet_line_counts(outlet, counter))
        return counts

    def _store_chunk(self, chunk: _Chunk, summary: IngestSummary) -> None:
        for doc, extraction, error in self._extract(chunk.docs):
            if error:
                self._fail(summary, IngestError(doc.raw.origin, "extract", error))
            sigs = self.deduper.signatures(doc)
            result = self.deduper.check(doc, sigs)
            item = DocumentToSave(
                doc=doc,
                dedupe=result,
                themes=extraction.passage_themes if extraction else _first_themes(doc),
                passage_signatures=sigs.paragraphs,
                doc_signature=sigs.document,
                outlet_line_hashes=chunk.line_hashes.get(doc.doc_id, []),
                claims=extraction.claims if extraction else (),
                casualties=extraction.casualties if extraction else (),
            )
            try:
                self.store.save_document(item)
            except Exception as exc:  # nothing of this document was written (one transaction)
                self._fail(
                    summary,
                    IngestError(doc.raw.origin, "store", f"{type(exc).__name__}: {exc}", retryable=True),
                )
                continue
            self.deduper.add(doc, sigs)
            summary.ingested += 1
            summary.near_duplicates += result.near_duplicate_of is not None
            summary.reused_paragraphs += len(result.reuse)
            if extraction:
                summary.claims += len(extraction.claims)
                summary.casualties += len(extraction.casualties)
        for ref, origin, raw_key in chunk.copies:
            doc_id = chunk.doc_of_raw.get(ref, ref)
            if self.store.has_document(doc_id):
                self.store.add_origin(doc_id, origin, raw_key)

    def _extract(
        self, docs: list[CleanDocument]
    ) -> Iterator[tuple[CleanDocument, Extraction | None, str | None]]:
        if not docs:
            return
        if not self.options.extract:
            for doc in docs:
                yield doc, None, None
            return
        from briefwire.extract.runner import ExtractionError, run_extraction  # noqa: PLC0415

        by_id = {d.doc_id: d for d in docs}
        for out in run_extraction(docs, workers=self.options.workers):
            if isinstance(out, ExtractionError):
                yield by_id[out.doc_id], None, out.reason
            else:
                yield out[0], out[1], None

    def _fail(self, summary: IngestSummary, error: IngestError) -> None:
        summary.errors.append(error)
        self.store.record_error(error)


def _first_themes(doc: CleanDocument) -> list[str | None]:
    from briefwire.extract.themes import passage_theme  # noqa: PLC0415

    return [passage_theme(p.text) for p in doc.paragraphs]


def _learned_for(raw: RawDocument, hashes: list[str], counts: Mapping[str, Counter[str]]) -> dict[str, int]:
    """Line counts in OTHER documents of the same outlet (this document's own lines subtracted)."""
    if not raw.outlet or raw.outlet not in counts:
        return {}
    counter = counts[raw.outlet]
    return {h: counter[h] - 1 for h in set(hashes) if counter[h] > 1}


def _batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk
