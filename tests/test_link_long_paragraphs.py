"""Regression (issue 12, item 5): linking a document of very long paragraphs re-read their whole
text for every event the document was in (its wire credits), so a 3 MB document with thousands
of events never finished linking. Link reads the start of the first paragraphs and the end of
the last ones, and a credit in either place is still found however long the paragraph."""

from __future__ import annotations

import json
from pathlib import Path

from briefwire import api
from briefwire.link import LinkOptions
from briefwire.link.outlets import credits
from briefwire.pipeline import PipelineOptions
from briefwire.store import Store
from briefwire.store.entities import HEAD_TAIL_CHARS
from tests.hostile.long_document import long_document


def test_wire_credits_are_found_at_either_end_of_long_paragraphs(tmp_path: Path) -> None:
    first, *_, last = long_document(30_000, 120).split("\n\n")
    assert len(first) > 2 * HEAD_TAIL_CHARS and len(last) > 2 * HEAD_TAIL_CHARS
    body = f"KAZAN, Oct 7 (Eastwire) - {first}\n\n{last} Reporting by Southwire."
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "report.txt").write_text(body + "\n", encoding="utf-8")
    meta = {"outlet": "Northwire", "published": "2022-10-07", "language": "en", "title": "Across the regions"}
    (folder / "report.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    options = PipelineOptions(link_options=LinkOptions(embeddings=False))
    with api.Workspace(tmp_path / "ledger.db") as ws:
        summary = api.ingest(ws, [folder], options)
    assert summary.errors == []
    with Store(tmp_path / "ledger.db") as store:
        [doc] = store.link_documents()
        assert store.claims()  # the document was read and linked, not skipped
    assert credits(doc) == {"eastwire", "southwire"}
    # what link holds of the document is bounded, not its whole text
    assert len(doc["head"]) + len(doc["tail"]) <= 4 * HEAD_TAIL_CHARS + 2
