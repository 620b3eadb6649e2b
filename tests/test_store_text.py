"""Storage held compact: text once (raw compressed), outlet lines by source; all reads back the same."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from briefwire.store import Store
from briefwire.store.db import _split_sql, applied_migrations, migration_files

from .conftest import make_doc, save

PARAGRAPHS = ["Губернатор заявил, что 40 мужчин отправили домой.", "Officials in Kazan declined to comment."]


def test_store_keeps_clean_text_once_and_raw_text_compressed(store: Store) -> None:
    doc = make_doc(PARAGRAPHS)
    save(store, doc)
    raw, clean = store.conn.execute("SELECT raw_text, clean_text FROM documents").fetchone()
    assert clean == ""  # rebuilt from the passages
    assert isinstance(raw, bytes)
    back = store.document(doc.doc_id)
    assert back is not None
    assert (back["clean_text"], back["raw_text"]) == (doc.text, doc.raw.text)


def test_store_keeps_a_clean_text_that_is_not_its_paragraphs_joined(store: Store) -> None:
    doc = make_doc(PARAGRAPHS)
    odd = replace(doc, text=doc.text + "\n")
    save(store, odd)
    back = store.document(odd.doc_id)
    assert back is not None and back["clean_text"] == odd.text


def test_store_reads_raw_text_written_plain_by_an_older_version(store: Store) -> None:
    doc = make_doc(PARAGRAPHS)
    save(store, doc)
    store.conn.execute("UPDATE documents SET raw_text = ?", (doc.raw.text,))
    back = store.document(doc.doc_id)
    assert back is not None and back["raw_text"] == doc.raw.text


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(st.characters(blacklist_categories=("Cs",)), min_size=1), min_size=1, max_size=4))
def test_store_text_round_trips(paragraphs: list[str]) -> None:
    import tempfile  # noqa: PLC0415 - a fresh ledger per example

    with tempfile.TemporaryDirectory() as tmp, Store(f"{tmp}/l.db") as fresh:
        doc = make_doc(paragraphs)
        save(fresh, doc)
        back = fresh.document(doc.doc_id)
    assert back is not None
    assert (back["clean_text"], back["raw_text"]) == (doc.text, doc.raw.text)


def test_store_migration_keeps_outlet_line_counts_of_an_older_ledger(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "old.db")
    applied_migrations(conn)
    for name, sql in migration_files():
        if name >= "0082":
            break
        for statement in _split_sql(sql):
            conn.execute(statement)
        conn.execute("INSERT INTO schema_migrations VALUES (?, ?)", (name, "then"))
    conn.execute("INSERT INTO sources(name) VALUES ('Volga Wire')")
    conn.execute("INSERT INTO outlet_lines VALUES ('Volga Wire', 'abc', 7)")
    conn.commit()
    conn.close()
    with Store(tmp_path / "old.db") as migrated:
        assert migrated.outlet_line_counts("Volga Wire", ["abc", "zzz"]) == {"abc": 7}
