"""Telegram Desktop channel exports (result.json)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from briefwire.ingest import IngestError, RawDocument, read_one


def export(messages: list[dict[str, Any]], name: str = "Mobilization Watch") -> dict[str, Any]:
    return {"name": name, "type": "public_channel", "id": 1777000111, "messages": messages}


MESSAGES: list[dict[str, Any]] = [
    {
        "id": 1,
        "type": "service",
        "date": "2022-09-20T09:00:00",
        "actor": "Mobilization Watch",
        "action": "create_channel",
        "title": "Mobilization Watch",
        "text": "",
    },
    {
        "id": 2,
        "type": "message",
        "date": "2022-09-21T10:15:00",
        "from": "Mobilization Watch",
        "text": "Summonses are being handed out at the bus station.",
    },
    {
        "id": 3,
        "type": "message",
        "date": "2022-09-21T11:40:00",
        "edited": "2022-09-21T12:05:00",
        "from": "Mobilization Watch",
        "text": [
            {"type": "bold", "text": "Update:"},
            " the district office now works until midnight. Details ",
            {"type": "text_link", "text": "here", "href": "https://news.example/office-hours"},
            ".",
        ],
    },
    {
        "id": 4,
        "type": "message",
        "date": "2022-09-22T08:00:00",
        "from": "Mobilization Watch",
        "forwarded_from": "Regional Desk",
        "author": "Night editor",
        "text": "Buses with conscripts left the square at dawn.",
    },
    {
        "id": 5,
        "type": "message",
        "date": "2022-09-22T09:00:00",
        "from": "Mobilization Watch",
        "photo": "photos/photo_1.jpg",
        "text": "",
    },
    {
        "id": 6,
        "type": "message",
        "date": "2022-09-22T09:30:00",
        "from": "Mobilization Watch",
        "text": ["   "],
    },
]


def write_export(path: Path, value: dict[str, Any]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def read_docs(path: Path) -> list[RawDocument]:
    items = read_one(path)
    assert all(isinstance(i, RawDocument) for i in items), items
    return [i for i in items if isinstance(i, RawDocument)]


def test_telegram_each_text_message_is_a_document(tmp_path: Path) -> None:
    path = write_export(tmp_path / "export" / "result.json", export(MESSAGES))
    found = read_docs(path)
    assert [d.origin for d in found] == [f"{path}#2", f"{path}#3", f"{path}#4"]
    assert all(d.source_kind == "telegram" and d.format == "telegram" for d in found)
    assert all(d.outlet == "Mobilization Watch" for d in found)


def test_telegram_service_and_empty_messages_are_skipped(tmp_path: Path) -> None:
    path = write_export(tmp_path / "result.json", export(MESSAGES))
    ids = [d.extra["message_id"] for d in read_docs(path)]
    assert "1" not in ids and "5" not in ids and "6" not in ids


def test_telegram_entity_list_text_is_joined(tmp_path: Path) -> None:
    path = write_export(tmp_path / "result.json", export(MESSAGES))
    doc = read_docs(path)[1]
    assert doc.text == "Update: the district office now works until midnight. Details here."
    assert doc.extra["links"] == "https://news.example/office-hours"


def test_telegram_keeps_date_edit_forward_and_author(tmp_path: Path) -> None:
    path = write_export(tmp_path / "result.json", export(MESSAGES))
    first, edited, forwarded = read_docs(path)
    assert first.published == "2022-09-21T10:15:00"
    assert edited.extra["edited"] == "2022-09-21T12:05:00"
    assert forwarded.forwarded_from == "Regional Desk"
    assert forwarded.author == "Night editor"
    assert first.forwarded_from is None
    assert first.extra["channel_id"] == "1777000111"


def test_telegram_export_is_sniffed_whatever_the_file_name(tmp_path: Path) -> None:
    path = write_export(tmp_path / "channel-dump.json", export(MESSAGES[:2]))
    [doc] = read_docs(path)
    assert doc.format == "telegram"


def test_telegram_export_with_keys_in_another_order_is_still_an_export(tmp_path: Path) -> None:
    value = {"messages": MESSAGES[:2], "id": 5, "name": "Reordered"}
    [doc] = read_docs(write_export(tmp_path / "result.json", value))
    assert doc.outlet == "Reordered"
    assert doc.source_kind == "telegram"


def test_telegram_whole_account_export_reads_every_chat(tmp_path: Path) -> None:
    account = {
        "chats": {
            "list": [
                export(MESSAGES[1:2], name="First"),
                {**export(MESSAGES[3:4], name="Second"), "id": 42},
            ]
        }
    }
    path = write_export(tmp_path / "result.json", account)
    found = read_docs(path)
    assert [d.outlet for d in found] == ["First", "Second"]
    assert found[1].origin == f"{path}#42/4"


def test_telegram_export_with_only_service_messages_reports_no_documents(
    tmp_path: Path,
) -> None:
    path = write_export(tmp_path / "result.json", export(MESSAGES[:1]))
    [error] = read_one(path)
    assert isinstance(error, IngestError)
    assert error.origin == str(path)
    assert "no documents" in error.reason


def test_telegram_group_message_author_is_its_sender(tmp_path: Path) -> None:
    group = {
        "name": "Relatives Chat",
        "type": "private_supergroup",
        "id": 99,
        "messages": [
            {
                "id": 1,
                "type": "message",
                "date": "2022-10-01T10:00:00",
                "from": "Irina K.",
                "from_id": "user123",
                "text": "Our men have had no food for two days.",
            },
        ],
    }
    [doc] = read_docs(write_export(tmp_path / "result.json", group))
    assert doc.author == "Irina K."
    assert doc.outlet == "Relatives Chat"
