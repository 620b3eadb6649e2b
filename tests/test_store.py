"""The store: migrations, one transaction per document, re-use origins, search."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefwire.models import Claim, DateValue, DedupeResult, IngestError, Quantity, RemovedSpan, ReuseLink
from briefwire.store import DocumentToSave, Store
from briefwire.store.db import migration_files

from .conftest import make_doc, save


def test_store_records_every_migration_by_name(store: Store) -> None:
    assert store.migrations() == [name for name, _ in migration_files()]
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_store_reopening_applies_no_migration_twice(tmp_path: Path) -> None:
    Store(tmp_path / "a.db").close()
    with Store(tmp_path / "a.db") as again:
        names = again.migrations()
    assert len(names) == len(set(names)) == len(migration_files())


def test_store_round_trips_document_with_removed_text(store: Store) -> None:
    doc = make_doc(
        ["First paragraph about draft notices.", "Second one."],
        removed=[RemovedSpan(0, 13, "ADVERTISEMENT", "ad slot")],
    )
    save(store, doc, themes=["Army Recruitment and Draft", None])
    back = store.document(doc.doc_id[:8])
    assert back is not None
    assert back["clean_text"] == doc.text
    assert [p["text"] for p in back["passages"]] == [p.text for p in doc.paragraphs]
    assert back["passages"][0]["theme"] == "Army Recruitment and Draft"
    assert back["removed"] == [{"start": 0, "end": 13, "text": "ADVERTISEMENT", "reason": "ad slot"}]


def test_store_failed_document_leaves_nothing_half_written(store: Store) -> None:
    doc = make_doc(["A paragraph.", "Another paragraph."])
    # A re-use link naming a paragraph the document does not have fails after the rows went in.
    bad = DedupeResult(doc.doc_id, None, None, None, (ReuseLink(7, "x", 0, 1.0),))
    with pytest.raises(KeyError):
        store.save_document(DocumentToSave(doc, bad, [], [], None))
    for table in ("documents", "passages", "document_origins", "removed_spans"):
        assert store.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0
    save(store, doc)  # and the same document goes in cleanly afterwards
    assert store.stats()["documents"] == 1


def test_store_reused_from_points_to_earliest_published_copy(store: Store) -> None:
    shared = "The regional governor said that 183 men had been sent home after checks."
    late = make_doc(["Intro of the later piece.", shared], origin="late", published="2022-10-05")
    early = make_doc([shared + " He added more.", "Other text."], origin="early", published="2022-10-01")
    save(store, late)
    # The earlier article is ingested second but published first: it is the original.
    save(
        store,
        early,
        dedupe=DedupeResult(early.doc_id, None, None, None, (ReuseLink(0, late.doc_id, 1, 0.9),)),
    )
    by_origin = {p["origin"]: p for p in store.passages() if p["reuse_group"]}
    assert by_origin["late"]["reused_from"] == early.doc_id
    assert by_origin["early"]["reused_from"] is None
    assert [r["doc_id"] for r in store.reuse_groups()] == [late.doc_id]


def test_store_search_finds_words_and_survives_bad_query_syntax(store: Store) -> None:
    save(store, make_doc(["Queues at the Verkhny Lars crossing grew to twenty kilometres."]))
    assert store.search("Verkhny Lars")[0]["snippet"].count("[") == 2
    assert store.search('queues "crossing') != []  # an unbalanced quote is not an error
    assert store.search("nothing-like-this") == []


def test_store_records_ingest_error(store: Store) -> None:
    store.record_error(IngestError("/data/broken.json", "ingest", "malformed JSON at line 3", False))
    assert store.errors()[0]["reason"] == "malformed JSON at line 3"


def test_store_survives_a_second_writer_holding_the_lock(tmp_path: Path) -> None:
    a, b = Store(tmp_path / "x.db"), Store(tmp_path / "x.db")
    b.conn.execute("BEGIN IMMEDIATE")
    threading.Timer(0.3, lambda: b.conn.execute("COMMIT")).start()
    save(a, make_doc(["Written while another connection held the write lock."]))
    assert a.stats()["documents"] == 1
    a.close()
    b.close()


texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1, max_size=60
).filter(lambda s: s.strip() == s and "\n" not in s and s)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(paragraphs=st.lists(texts, min_size=1, max_size=5, unique=True), title=st.one_of(st.none(), texts))
def test_store_round_trip_any_text(
    tmp_path_factory: pytest.TempPathFactory, paragraphs: list[str], title: str | None
) -> None:
    path = tmp_path_factory.mktemp("rt") / "l.db"
    doc = make_doc(paragraphs, title=title)
    with Store(path) as st_:
        save(st_, doc)
    with Store(path) as st_:
        back = st_.document(doc.doc_id)
    assert back is not None
    assert back["title"] == title
    assert [p["text"] for p in back["passages"]] == paragraphs
    assert all(doc.text[p["start"] : p["end"]] == p["text"] for p in back["passages"])


def test_store_is_a_real_sqlite_file(store: Store) -> None:
    save(store, make_doc(["Something."]))
    raw = sqlite3.connect(store.path)
    assert raw.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 1


def test_store_keeps_two_claims_of_one_type_on_one_sentence(store: Store) -> None:
    doc = make_doc(["Authorities opened at least 30 criminal and 100 administrative cases."])
    base = {
        "doc_id": doc.doc_id,
        "type": "repression_or_prosecution",
        "theme": "x",
        "summary": "s",
        "start": 0,
        "end": len(doc.text),
        "quote": doc.text,
        "date": DateValue.unknown(),
        "location": None,
        "actors": (),
        "claimed_by": (),
        "stance": "asserted",
        "extractor": "t",
        "confidence": 0.5,
    }
    claims = [
        Claim(**base, quantity=Quantity(30, "criminal cases")),  # type: ignore[arg-type]
        Claim(**base, quantity=Quantity(100, "administrative cases")),
    ]  # type: ignore[arg-type]
    save(store, doc, claims=claims)
    assert sorted(c["quantity"]["value"] for c in store.claims()) == [30, 100]
