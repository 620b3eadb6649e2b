"""The processing half of the flow: raw documents in, cleaned and analysed documents out.

``process_batch(raws, context)`` runs clean, the dedupe signatures, nlp and extract over one
batch and returns one item per raw document, in order: a :class:`Processed` or an
:class:`~briefwire.models.IngestError`. It never touches the ledger: what it needs from there
arrives in the :class:`ProcessContext` as plain data, and everything it returns is plain,
picklable data. So it runs the same in this process, in a local worker process or on a Dask
worker; language models load once per process (``briefwire.nlp.get_backend`` keeps them).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from briefwire import clean as clean_stage
from briefwire.dedupe import DedupeOptions, Deduper, Signatures
from briefwire.lifetime import keep_forever
from briefwire.models import CleanDocument, IngestError, RawDocument

if TYPE_CHECKING:
    from briefwire.extract import Extraction

__all__ = ["ProcessContext", "Processed", "process_batch", "warm_up"]


@dataclass(frozen=True)
class ProcessContext:
    """What processing needs from the ledger and the run's options, as plain data.

    ``line_counts``: per outlet, in how many documents (stored, in flight, or in this batch,
    each document counted once) each line key occurs; only keys of this batch's documents
    are present. Cleaning subtracts the document's own occurrence.

    ``embed_claims``: also embed every claim's text for linking (``Processed.claim_vectors``).
    Set when processing runs in worker processes: the single writer would otherwise embed
    them while linking, the costliest serial step of a run (one worker leaves it to linking,
    which embeds only the claims it compares).
    """

    line_counts: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    extract: bool = True
    dedupe: DedupeOptions = field(default_factory=DedupeOptions)
    embed_claims: bool = False


@dataclass(frozen=True)
class Processed:
    """One document ready for the writer.

    ``extraction`` is None when extraction was off or failed (``extract_error`` says why: the
    document is still stored, without claims). ``copy_in_batch``: an earlier document of the
    same batch has the same clean text, so this one was not analysed; the writer records it
    as another origin of that document. ``claim_vectors``: the linking embeddings of its
    claims' texts (text key -> vector bytes, as the store's vector cache keeps them), when
    the context asked for them.
    """

    doc: CleanDocument
    signatures: Signatures
    line_hashes: tuple[str, ...]
    extraction: Extraction | None = None
    extract_error: str | None = None
    copy_in_batch: bool = False
    claim_vectors: Mapping[str, bytes] = field(default_factory=dict)


def process_batch(raws: Sequence[RawDocument], context: ProcessContext) -> list[Processed | IngestError]:
    """Clean, sign, analyse and extract ``raws``; one result per raw document, in order.

    A document that fails is reported as an IngestError (clean) or carries ``extract_error``
    (nlp, extract); the rest of the batch goes on.
    """
    cleaned: list[CleanDocument | IngestError] = []
    hashes: list[tuple[str, ...]] = []
    seen: set[str] = set()
    for raw in raws:
        line_keys = tuple(clean_stage.line_hashes(raw))
        hashes.append(line_keys)
        cleaned.append(_clean(raw, line_keys, context.line_counts))
    fresh = []
    for item in cleaned:
        if isinstance(item, CleanDocument) and item.doc_id not in seen:
            seen.add(item.doc_id)
            fresh.append(item)
    extracted = _extract(fresh, context)
    vectors = _claim_vectors(extracted, encode=context.embed_claims)
    signer = _signer(context.dedupe)
    out: list[Processed | IngestError] = []
    done: set[str] = set()
    for item, line_keys in zip(cleaned, hashes, strict=True):
        if isinstance(item, IngestError):
            out.append(item)
            continue
        copy = item.doc_id in done
        done.add(item.doc_id)
        extraction, error = (None, None) if copy else extracted.get(item.doc_id, (None, None))
        own = {k: vectors[k] for k in _claim_keys(extraction) if k in vectors} if vectors else {}
        out.append(Processed(item, signer.signatures(item), line_keys, extraction, error, copy, own))
    return out


def _claim_texts(extraction: Extraction | None) -> list[str]:
    """The texts linking compares claims by (as it reads them back: the quote, else the summary)."""
    return [c.quote or c.summary for c in extraction.claims] if extraction else []


def _claim_keys(extraction: Extraction | None) -> list[str]:
    from briefwire.link.similarity import text_key  # noqa: PLC0415

    return [text_key(t) for t in _claim_texts(extraction)]


def _claim_vectors(
    extracted: Mapping[str, tuple[Extraction | None, str | None]], *, encode: bool
) -> dict[str, bytes]:
    """``text_key -> vector`` of the batch's claims: the sentence vectors extraction already
    made (one MiniLM pass per sentence, not one for typing and another for linking), and with
    ``encode`` the rest embedded in one call (the encoder batches them)."""
    from briefwire.link.similarity import EmbeddingSimilarity, text_key  # noqa: PLC0415

    made: dict[str, bytes] = {}
    rest: list[str] = []
    for extraction, _ in extracted.values():
        known = extraction.claim_vectors if extraction else {}
        for t in _claim_texts(extraction):
            if t in known:
                made[text_key(t)] = np.asarray(known[t], dtype="<f4").tobytes()
            else:
                rest.append(t)
    if encode and rest:
        made |= EmbeddingSimilarity().keyed(rest)
    return made


def _clean(
    raw: RawDocument, line_keys: tuple[str, ...], counts: Mapping[str, Mapping[str, int]]
) -> CleanDocument | IngestError:
    try:
        doc = clean_stage.clean(raw, _learned_for(raw, line_keys, counts))
    except Exception as exc:  # a cleaner bug must cost one document, not the batch
        return IngestError(raw.origin, "clean", f"{type(exc).__name__}: {exc}")
    if not doc.paragraphs:
        return IngestError(raw.origin, "clean", "no article text left after cleaning")
    return doc


def _learned_for(
    raw: RawDocument, line_keys: Sequence[str], counts: Mapping[str, Mapping[str, int]]
) -> dict[str, int]:
    """Line counts in OTHER documents of the same outlet (this document's own lines subtracted)."""
    counter = counts.get(raw.outlet or "") if raw.outlet else None
    if not counter:
        return {}
    return {h: counter[h] - 1 for h in set(line_keys) if counter.get(h, 0) > 1}


def _extract(
    docs: list[CleanDocument], context: ProcessContext
) -> dict[str, tuple[Extraction | None, str | None]]:
    if not docs or not context.extract:
        return {}
    from briefwire.extract.runner import ExtractionError, analyse_and_extract  # noqa: PLC0415

    out: dict[str, tuple[Extraction | None, str | None]] = {}
    for doc, result in zip(docs, analyse_and_extract(docs), strict=True):
        out[doc.doc_id] = (None, result.reason) if isinstance(result, ExtractionError) else (result, None)
    return out


@functools.cache
def _signer(options: DedupeOptions) -> Deduper:
    """One signer per dedupe options per process (building the MinHash permutations costs)."""
    return Deduper(options)


# Written for warming up: no corpus text. One short news sentence per language backend.
_WARM_TEXTS = {
    "en": "The governor of the Kursk region said on Monday that 40 men had been sent home.",
    "ru": "Губернатор Курской области заявил в понедельник, что 40 мужчин отправили домой.",
}


def warm_up(languages: Sequence[str] = tuple(_WARM_TEXTS)) -> None:
    """Load the language models and extraction resources of this process now, not mid-run."""
    raws = [
        RawDocument(f"warm-up:{lang}", _WARM_TEXTS[lang], "text", language=lang, published="2022-10-03")
        for lang in languages
        if lang in _WARM_TEXTS
    ]
    process_batch(raws, ProcessContext())
    keep_forever()  # the gazetteer, lexicons and profiles the extraction just loaded
