"""Regressions from the outside attack on ingest: one bad item must cost that item only.

Each test feeds a real file through the real command line (without extraction, which these
inputs do not reach) and checks what a user sees: the exit status, the error naming the item,
and that everything else was stored.
"""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from briefwire.cli import app
from briefwire.ingest import IngestError, ReadOptions
from briefwire.ingest.sources import inputs, read_input
from briefwire.store import Store

runner = CliRunner()


def _ingest(db: Path, *paths: Path) -> tuple[int, str]:
    result = runner.invoke(app, ["ingest", *map(str, paths), "--db", str(db), "--no-extract"])
    return result.exit_code, result.output


def _origins(db: Path) -> list[str]:
    with Store(db) as store:
        return sorted(d["origin"].rsplit("#", 1)[-1] for d in store.documents())


def _errors(db: Path) -> list[dict[str, object]]:
    with Store(db) as store:
        return store.errors()


def test_ingest_lone_surrogate_in_a_jsonl_record_is_one_error_and_the_rest_is_stored(tmp_path: Path) -> None:
    records = [
        '{"id": "a", "text": "Queues formed at the draft office in Tver on Monday morning."}',
        '{"id": "b", "text": "Half an emoji \\ud83d cut from its pair in a channel dump."}',
        '{"id": "c", "title": "Cut \\udc00 title", "text": "Reservists were sent to a training ground."}',
        '{"id": "d", "text": "A whole emoji \\ud83d\\ude00 is one character and is kept."}',
    ]
    src = tmp_path / "posts.jsonl"
    src.write_text("\n".join(records) + "\n", encoding="utf-8")
    db = tmp_path / "l.db"
    code, output = _ingest(db, src)
    assert code == 2 and "Traceback" not in output
    assert _origins(db) == ["a", "d"]
    errors = _errors(db)
    assert [e["origin"] for e in errors] == [f"{src}#b", f"{src}#c"]
    assert "surrogate" in str(errors[0]["reason"]) and "title" in str(errors[1]["reason"])


def test_ingest_rerun_of_a_broken_record_does_not_duplicate_its_error_row(tmp_path: Path) -> None:
    src = tmp_path / "posts.jsonl"
    src.write_text('{"id": "b", "text": "Half \\ud83d an emoji."}\n', encoding="utf-8")
    db = tmp_path / "l.db"
    for _ in range(3):
        code, _output = _ingest(db, src)
        assert code == 2
    [error] = _errors(db)
    assert error["attempts"] == 3


def test_ingest_record_id_with_a_surrogate_is_an_error_named_readably(tmp_path: Path) -> None:
    src = tmp_path / "items.json"
    src.write_text('[{"id": "x\\ud800", "text": "Text of a record whose id is broken."}]', encoding="utf-8")
    db = tmp_path / "l.db"
    code, output = _ingest(db, src)
    assert code == 2 and "Traceback" not in output
    [error] = _errors(db)
    assert error["origin"] == f"{src}#x\\ud800"  # the code point written out, storable as UTF-8


def _export(messages: list[dict[str, object]]) -> str:
    return json.dumps({"name": "Channel", "type": "public_channel", "id": 7, "messages": messages})


def test_ingest_telegram_message_with_impossible_date_is_its_own_error(tmp_path: Path) -> None:
    messages: list[dict[str, object]] = [
        {"id": 1, "type": "message", "date_unixtime": "1664389800", "text": "First post about the draft."},
        {"id": 2, "type": "message", "date_unixtime": "99999999999999999", "text": "A corrupt post."},
        {"id": 3, "type": "message", "date_unixtime": "1664389900", "text": "Third post about queues."},
        {"id": 4, "type": "message", "date_unixtime": "1664390000", "text": ["Fourth ", {"type": "bold"}]},
    ]
    src = tmp_path / "result.json"
    src.write_text(_export(messages), encoding="utf-8")
    db = tmp_path / "l.db"
    code, output = _ingest(db, src)
    assert code == 2 and "Traceback" not in output
    assert _origins(db) == ["1", "3", "4"]
    [error] = _errors(db)
    assert error["origin"] == f"{src}#2"
    assert "date_unixtime" in str(error["reason"])


def test_ingest_feed_cut_off_after_its_first_item_reports_the_truncation(tmp_path: Path) -> None:
    src = tmp_path / "cut.xml"
    src.write_text(
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Cut</title>'
        "<item><title>First</title><link>https://example.org/1</link>"
        "<description>Queues formed at the draft office in Tver on Monday.</description></item>"
        "<item><title>Second</title><link>https://example.org/2</link><description>Reserv",
        encoding="utf-8",
    )
    db = tmp_path / "l.db"
    code, output = _ingest(db, src)
    assert code == 2 and "not well-formed" in output
    assert _origins(db) == ["https://example.org/1"]
    [error] = _errors(db)
    assert error["origin"] == str(src) and "cut short" in str(error["reason"])


def test_ingest_folder_reports_a_dangling_symlink(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text("Queues formed at the draft office in Tver on Monday.\n", encoding="utf-8")
    (src / "gone.txt").symlink_to(tmp_path / "moved-away.txt")
    db = tmp_path / "l.db"
    code, output = _ingest(db, src)
    assert code == 2 and "dangling symbolic link" in output
    assert [e["origin"] for e in _errors(db)] == [str(src / "gone.txt")]
    dangling_given = _ingest(db, src / "gone.txt")
    assert dangling_given[0] == 2 and "dangling" in dangling_given[1]


def test_ingest_file_that_vanishes_after_the_folder_was_listed_is_reported(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    doomed = src / "doomed.txt"
    doomed.write_text("It will be gone before it is read.\n", encoding="utf-8")
    [target] = list(inputs([src]))
    doomed.unlink()  # gone between listing and reading, as when another process moves files
    [error] = list(read_input(target, ReadOptions()))  # type: ignore[arg-type]
    assert isinstance(error, IngestError)
    assert error.origin == str(doomed) and "No such file" in error.reason
