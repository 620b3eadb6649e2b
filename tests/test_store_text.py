"""A document's text is held once (raw compressed) and reads back exactly as it was given."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from briefwire.store import Store

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
