"""Watched sources as data: `briefwire sources add|list|pause|resume|remove|import`."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefwire.cli import app
from briefwire.store import Store
from briefwire.watch import from_row, health, load_toml, make_source, parse_interval

runner = CliRunner()


def cli(db: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, [*args, "--db", str(db)])
    return result.exit_code, result.output


@pytest.mark.parametrize(
    ("given", "seconds"), [(30, 30.0), ("30s", 30.0), ("5m", 300.0), ("1h", 3600.0), ("0.5", 0.5)]
)
def test_intervals_read_seconds_minutes_and_hours(given: str | int, seconds: float) -> None:
    assert parse_interval(given) == seconds


@pytest.mark.parametrize("given", ["soon", "5 weeks", "0", "-3m"])
def test_intervals_that_make_no_sense_are_refused(given: str) -> None:
    with pytest.raises(ValueError, match="interval"):
        parse_interval(given)


def test_sources_get_canonical_targets_and_derived_names(tmp_path: Path) -> None:
    assert make_source("telegram", "https://t.me/s/uraldraftwatch").name == "tg-uraldraftwatch"
    feed = make_source("feed", "https://news.example.org/rss.xml")
    assert feed.name == "news-example-org-rss-xml" and feed.source_kind == "news"
    folder = make_source("folder", str(tmp_path))
    assert Path(folder.target).is_absolute()
    for kind, target in (
        ("feed", "news.example.org/rss"),
        ("folder", str(tmp_path / "missing")),
        ("blog", "x"),
    ):
        with pytest.raises(ValueError):
            make_source(kind, target)


def test_cli_sources_add_list_pause_resume_remove(tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    code, out = cli(
        db, "sources", "add", "telegram", "@uraldraftwatch", "--interval", "30s", "--language", "ru"
    )
    assert code == 0 and "watching tg-uraldraftwatch" in out
    code, out = cli(db, "sources", "add", "telegram", "uraldraftwatch", "--name", "again")
    assert code == 2 and "clashes with tg-uraldraftwatch" in out
    code, out = cli(db, "sources", "list", "--format", "json")
    [row] = [json.loads(line) for line in out.splitlines()]
    assert row["health"] == "new" and row["interval_s"] == 30 and row["language"] == "ru"
    assert cli(db, "sources", "pause", "tg-uraldraftwatch", "--reason", "channel moved")[0] == 0
    code, out = cli(db, "sources", "list", "--format", "json")
    row = json.loads(out)
    assert row["health"] == "paused" and row["paused_reason"] == "channel moved"
    assert cli(db, "sources", "resume", "tg-uraldraftwatch")[0] == 0
    assert json.loads(cli(db, "sources", "list", "--format", "json")[1])["health"] == "new"
    assert cli(db, "sources", "remove", "tg-uraldraftwatch")[0] == 0
    code, out = cli(db, "sources", "remove", "tg-uraldraftwatch")
    assert code == 2 and "no watched source" in out


def test_cli_sources_import_adds_then_updates_keeping_state(tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    file = tmp_path / "sources.toml"
    file.write_text(
        '[defaults]\ninterval = "2m"\n\n[[source]]\nname = "wire"\nkind = "feed"\nurl = "https://w.example/rss"\n\n'
        '[[source]]\nkind = "telegram"\nchannel = "uraldraftwatch"\ninterval = 30\n',
        encoding="utf-8",
    )
    code, out = cli(db, "sources", "import", str(file))
    assert code == 0 and "2 added, 0 updated, 0 unchanged" in out
    with Store(db) as store:
        store.save_watch_state("wire", {"cursor": "kept", "last_success": "2024-01-01T00:00:00+00:00"})
    file.write_text(file.read_text(encoding="utf-8").replace('"2m"', '"10m"'), encoding="utf-8")
    code, out = cli(db, "sources", "import", str(file))
    assert code == 0 and "0 added, 1 updated, 1 unchanged" in out
    with Store(db) as store:
        row = store.watch_source("wire")
    assert row is not None and row["interval_s"] == 600 and row["cursor"] == "kept"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[source]]\nkind = "feed"\n', "source 1: a feed source needs 'url'"),
        ('[[source]]\nkind = "feed"\nurl = "https://a.example/"\nintervall = 3\n', "unknown key 'intervall'"),
        ("[[source]]\nkind = 'telegram'\nchannel = 'abcd'\nname = 'x'\n" * 2, "used twice"),
        ("[[source]\n", "not valid TOML"),
    ],
)
def test_sources_file_errors_name_the_table_at_fault(tmp_path: Path, text: str, message: str) -> None:
    file = tmp_path / "sources.toml"
    file.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(message)):
        load_toml(file)


def test_health_says_stale_when_no_success_for_three_intervals() -> None:
    source = make_source("telegram", "uraldraftwatch", interval=60)
    row = {**source.fields(), "last_success": "2024-03-04T06:00:00+00:00", "failures": 0, "paused": 0}
    src, state = from_row(row)
    at = 1709532000.0  # 2024-03-04T06:00:00Z
    assert health(src, state, now=at + 100) == "ok"
    assert health(src, state, now=at + 3 * 60 + 61) == "stale"
    src, state = from_row({**row, "failures": 2})
    assert health(src, state, now=at + 100) == "failing"
