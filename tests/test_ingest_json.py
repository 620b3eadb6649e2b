"""JSON and JSON Lines records through the field mapping."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from briefwire.ingest import (
    FieldMapping,
    IngestError,
    RawDocument,
    ReadOptions,
    read_one,
)

RECORD = {
    "id": "a-17",
    "url": "https://wire.example/a-17",
    "title": "Students get deferral letters",
    "text": "The university said its students would receive deferral letters next week.",
    "published": "2022-09-28T12:00:00Z",
    "source": "Wire Example",
    "author": "Oleg Sample",
    "category": "education",
}


def write_json(path: Path, value: Any) -> Path:
    path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
    return path


def docs(items: list[RawDocument | IngestError]) -> list[RawDocument]:
    return [item for item in items if isinstance(item, RawDocument)]


def test_json_object_is_one_document_with_mapped_fields(tmp_path: Path) -> None:
    path = write_json(tmp_path / "one.json", RECORD)
    [doc] = read_one(path)
    assert isinstance(doc, RawDocument)
    assert doc.origin == f"{path}#a-17"
    assert doc.text == RECORD["text"]
    assert doc.url == RECORD["url"]
    assert doc.title == RECORD["title"]
    assert doc.published == RECORD["published"]
    assert doc.outlet == "Wire Example"
    assert doc.author == "Oleg Sample"
    assert doc.format == "json"
    assert doc.extra["category"] == "education"


def test_json_array_gives_one_document_per_record(tmp_path: Path) -> None:
    records = [{"content": "First report about the queue."}, {"body": "Second report."}]
    path = write_json(tmp_path / "many.json", records)
    found = docs(read_one(path))
    assert [d.text for d in found] == ["First report about the queue.", "Second report."]
    assert [d.origin for d in found] == [f"{path}#item-1", f"{path}#item-2"]


def test_json_records_under_items_articles_or_documents(tmp_path: Path) -> None:
    for key in ("items", "articles", "documents"):
        path = write_json(tmp_path / f"{key}.json", {key: [RECORD, {**RECORD, "id": "b"}]})
        assert [d.origin.rsplit("#", 1)[1] for d in docs(read_one(path))] == ["a-17", "b"]


def test_json_nested_source_object_and_author_list(tmp_path: Path) -> None:
    record = {
        "content": "Text of the report.",
        "source": {"id": "x", "name": "Nested Outlet"},
        "author": [{"name": "A One"}, "B Two"],
        "date": 1664366400,
    }
    [doc] = docs(read_one(write_json(tmp_path / "nested.json", record)))
    assert doc.outlet == "Nested Outlet"
    assert doc.author == "A One, B Two"
    assert doc.published == "2022-09-28T12:00:00+00:00"


def test_json_custom_field_mapping(tmp_path: Path) -> None:
    record = {"msg": "Custom text field.", "when": "2023-01-02", "site": {"label": "Mapped"}}
    path = write_json(tmp_path / "custom.json", record)
    mapping = FieldMapping.from_pairs({"text": "msg", "published": ["when"], "outlet": "site.label"})
    [doc] = docs(read_one(path, ReadOptions(fields=mapping)))
    assert doc.text == "Custom text field."
    assert doc.published == "2023-01-02"
    assert doc.outlet == "Mapped"


def test_json_html_body_from_a_cms_export_becomes_lines(tmp_path: Path) -> None:
    record = {
        "id": 311,
        "link": "https://cms.example/?p=311",
        "title": {"rendered": "Call-up &amp; deferrals"},
        "content": {"rendered": "<p>First paragraph.</p>\n<p>Second <em>one</em>.</p>"},
    }
    [doc] = docs(read_one(write_json(tmp_path / "posts.json", [record])))
    assert doc.text == "First paragraph.\nSecond one."
    assert doc.title == "Call-up & deferrals"
    assert doc.url == "https://cms.example/?p=311"


def test_json_text_with_a_stray_angle_bracket_is_left_alone(tmp_path: Path) -> None:
    record = {"text": "Fewer than 5 <10% of requests were granted."}
    [doc] = docs(read_one(write_json(tmp_path / "lt.json", record)))
    assert doc.text == record["text"]


def test_field_mapping_rejects_unknown_field_name() -> None:
    with pytest.raises(ValueError, match="txt"):
        FieldMapping.from_pairs({"txt": "msg"})


def test_telegram_channel_dump_in_a_plain_array_marks_source_kind(tmp_path: Path) -> None:
    records = [{"message_id": 5, "text": "Post text.", "date": "2024-11-07", "channel": "Chan"}]
    [doc] = docs(read_one(write_json(tmp_path / "posts.json", records)))
    assert doc.origin.endswith("#5")
    assert doc.outlet == "Chan"
    assert doc.source_kind == "telegram"


def test_jsonl_gives_one_document_per_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [json.dumps(RECORD), "", json.dumps({"text": "No id here."})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = docs(read_one(path))
    assert [d.origin for d in found] == [f"{path}#a-17", f"{path}#line-3"]
    assert found[0].format == "jsonl"


def test_jsonl_bad_line_is_an_error_and_the_other_lines_are_read(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text('{"text": "good one"}\n{"text": "broken\n{"text": "good two"}\n', encoding="utf-8")
    items = read_one(path)
    errors = [i for i in items if isinstance(i, IngestError)]
    assert [e.origin for e in errors] == [f"{path}#line-2"]
    assert "malformed JSON on line 2" in errors[0].reason
    assert [d.text for d in docs(items)] == ["good one", "good two"]


def test_json_record_without_text_is_an_error_naming_the_keys(tmp_path: Path) -> None:
    path = write_json(tmp_path / "notext.json", [{"title": "Only a title"}, {"text": "Body."}])
    items = read_one(path)
    [error] = [i for i in items if isinstance(i, IngestError)]
    assert error.origin == f"{path}#item-1"
    assert "no text" in error.reason and "content" in error.reason
    assert [d.text for d in docs(items)] == ["Body."]


def test_malformed_json_says_where(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('[\n  {"text": "fine"},\n  {"text": oops}\n]\n', encoding="utf-8")
    [error] = read_one(path)
    assert isinstance(error, IngestError)
    assert error.origin == str(path)
    assert "malformed JSON at line 3, column 12" in error.reason


def test_json_lines_under_a_json_name_are_read_as_lines(tmp_path: Path) -> None:
    path = tmp_path / "actually-lines.json"
    path.write_text('{"text": "one"}\n{"text": "two"}\n', encoding="utf-8")
    assert [d.text for d in docs(read_one(path))] == ["one", "two"]


def test_json_scalar_is_an_error(tmp_path: Path) -> None:
    [error] = read_one(write_json(tmp_path / "number.json", 42))
    assert isinstance(error, IngestError)
    assert "not an object or an array" in error.reason


def test_empty_json_array_reports_no_documents(tmp_path: Path) -> None:
    path = write_json(tmp_path / "empty-list.json", [])
    [error] = read_one(path)
    assert isinstance(error, IngestError)
    assert error.origin == str(path)
    assert "no documents" in error.reason
