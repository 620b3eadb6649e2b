"""Plain text and Markdown files, and their .meta.json sidecars."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from briefwire.ingest import IngestError, RawDocument, read, read_one

ARTICLE = (
    "Draft office in a river town hands out summonses at the tram depot\n"
    "\n"
    "Workers of the depot said officers arrived on Tuesday morning.\n"
    "Two men were told to report within three days.\n"
)


def docs(items: list[RawDocument | IngestError]) -> list[RawDocument]:
    return [item for item in items if isinstance(item, RawDocument)]


def test_text_file_becomes_one_document_with_the_whole_text(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    [doc] = read_one(path)
    assert isinstance(doc, RawDocument)
    assert doc.text == ARTICLE
    assert doc.origin == str(path)
    assert doc.format == "text"
    assert doc.url is None and doc.title is None


def test_text_windows_line_endings_become_newlines(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(ARTICLE.replace("\n", "\r\n").encode())
    [doc] = docs(read_one(path))
    assert doc.text == ARTICLE


def test_markdown_file_is_read_as_markdown(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text("# Heading\n\nA paragraph about queues at the border.\n", encoding="utf-8")
    [doc] = docs(read_one(path))
    assert doc.format == "markdown"
    assert doc.text.startswith("# Heading")


def test_sidecar_metadata_fills_the_document(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    meta = {
        "url": "https://news.example/depot",
        "outlet": "River Herald",
        "published": "2023-03-14",
        "title": "Summonses at the depot",
        "author": "Anna Example",
        "section": "Regions",
    }
    (tmp_path / "story.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    [doc] = docs(read_one(tmp_path / "story.txt"))
    assert doc.url == "https://news.example/depot"
    assert doc.outlet == "River Herald"
    assert doc.published == "2023-03-14"
    assert doc.title == "Summonses at the depot"
    assert doc.author == "Anna Example"
    assert doc.extra["section"] == "Regions"
    assert doc.text == ARTICLE


def test_sidecar_is_never_a_document_of_its_own(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "story.meta.json").write_text('{"outlet": "River Herald"}', encoding="utf-8")
    (tmp_path / "orphan.meta.json").write_text('{"outlet": "Nobody"}', encoding="utf-8")
    items = list(read([tmp_path, tmp_path / "orphan.meta.json"]))
    assert [item.origin for item in items] == [str(tmp_path / "story.txt")]


def test_sidecar_applies_to_a_gzipped_text(tmp_path: Path) -> None:
    (tmp_path / "story.txt.gz").write_bytes(gzip.compress(ARTICLE.encode()))
    (tmp_path / "story.meta.json").write_text('{"outlet": "River Herald"}', encoding="utf-8")
    [doc] = docs(read_one(tmp_path / "story.txt.gz"))
    assert doc.outlet == "River Herald"
    assert doc.text == ARTICLE


def test_malformed_sidecar_is_reported_and_the_text_still_read(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "story.meta.json").write_text('{"outlet": "River', encoding="utf-8")
    items = read_one(tmp_path / "story.txt")
    errors = [item for item in items if isinstance(item, IngestError)]
    assert [e.origin for e in errors] == [str(tmp_path / "story.meta.json")]
    assert "malformed JSON" in errors[0].reason
    [doc] = docs(items)
    assert doc.text == ARTICLE and doc.outlet is None


def test_sidecar_describes_an_html_page_too(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Page title</title></head><body><article>"
        "<p>Queues of cars stretched for kilometres at the border crossing on Sunday.</p>"
        "<p>Drivers said they had waited for more than a day to pass the checkpoint.</p>"
        "</article></body></html>"
    )
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    (tmp_path / "page.meta.json").write_text('{"outlet": "Border Watch"}', encoding="utf-8")
    [doc] = docs(read_one(tmp_path / "page.html"))
    assert doc.outlet == "Border Watch"
    assert doc.title == "Page title"
