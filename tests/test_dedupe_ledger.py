"""The dedupe index kept in the ledger answers as the one in memory, and catches up on old ledgers."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from briefwire.dedupe import DedupeOptions, Deduper
from briefwire.engine.writer import ledger_deduper
from briefwire.models import CleanDocument
from briefwire.store import BandKeys, DocumentToSave, Store
from tests.test_dedupe_reload import EARLIER, LATER, answers


def _save(store: Store, deduper: Deduper, d: CleanDocument, with_keys: bool = True) -> None:
    sigs = deduper.signatures(d)
    store.save_document(
        DocumentToSave(
            doc=d,
            dedupe=deduper.check(d, sigs),
            themes=[],
            passage_signatures=sigs.paragraphs,
            doc_signature=sigs.document,
            bands=BandKeys(*deduper.band_keys(d, sigs)) if with_keys else None,
        )
    )
    deduper.add(d, sigs)


def _keys(store: Store) -> int:
    return int(store.conn.execute("SELECT COUNT(*) FROM passage_bands").fetchone()[0])


def test_dedupe_ledger_index_answers_as_the_index_in_memory(store: Store) -> None:
    memory, ledger = Deduper(), ledger_deduper(store)
    for d in EARLIER:
        _save(store, ledger, d)
        memory.add(d, memory.signatures(d))
    expected = answers(memory, LATER)
    assert answers(ledger, LATER) == expected
    assert any(r.near_duplicate_of for r in expected) and any(r.reuse for r in expected)  # type: ignore[attr-defined]


def test_dedupe_ledger_index_answers_for_documents_already_stored(store: Store) -> None:
    ledger = ledger_deduper(store)
    for d in EARLIER:
        _save(store, ledger, d)
    memory = Deduper()
    memory.load(store.paragraph_signatures(), store.document_signatures())
    assert answers(ledger, EARLIER) == answers(memory, EARLIER)  # a document never re-uses itself


def test_dedupe_ledger_stored_without_keys_is_indexed_by_the_next_run(store: Store) -> None:
    plain = Deduper()
    for d in EARLIER:
        _save(store, plain, d, with_keys=False)
    assert _keys(store) == 0
    ledger = ledger_deduper(store)
    assert _keys(store) > 0
    assert answers(ledger, LATER) == answers(plain, LATER)
    before = _keys(store)
    ledger_deduper(store)  # up to date: nothing is indexed twice
    assert _keys(store) == before


def test_dedupe_ledger_keys_made_with_other_options_are_made_again(tmp_path: Path) -> None:
    path = f"{tmp_path}/l.db"
    with Store(path) as store:
        first = ledger_deduper(store)
        for d in EARLIER:
            _save(store, first, d)
        other = ledger_deduper(store, DedupeOptions(candidate_threshold=0.5))
        assert answers(other, LATER) == answers(_memory_of(store, other.options), LATER)
    state = dict(sqlite3.connect(path).execute("SELECT name, value FROM dedupe_state").fetchall())
    assert state["fingerprint"] == other.fingerprint != first.fingerprint
    assert state["indexed_through"] == str(len(EARLIER))


def _memory_of(store: Store, options: DedupeOptions) -> Deduper:
    memory = Deduper(options)
    memory.load(store.paragraph_signatures(), store.document_signatures())
    return memory
