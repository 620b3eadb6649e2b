"""The command line as a user meets it: help, exit codes, flags, files written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefwire.cli import app
from briefwire.cli.reference import command_names, help_text, reference

from .conftest import REPO

runner = CliRunner()
ARTICLE = (
    "Queues at the border\n\n"
    "Cars waited for more than a day at the crossing into Georgia on Tuesday, drivers said, as men of "
    "draft age tried to leave before the borders closed.\n\n"
    "Border guards said they had processed thousands of vehicles since the mobilization was announced.\n"
)


@pytest.mark.parametrize("name", command_names())
def test_cli_every_command_has_help_with_an_example(name: str) -> None:
    text = help_text(name)
    assert "Example: briefwire " in text, f"`briefwire {name} --help` shows no example"
    assert "--db" in text or name in ("user",)


def test_cli_reference_in_docs_is_current() -> None:
    doc = REPO / "docs" / "cli.md"
    assert doc.exists(), "docs/cli.md is missing: run `make docs`"
    assert doc.read_text(encoding="utf-8").strip() == reference().strip(), (
        "docs/cli.md is stale: run `make docs`"
    )


def test_cli_ingest_then_list_show_search_export(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "border.txt").write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "l.db")
    result = runner.invoke(app, ["ingest", str(src), "--db", db, "--no-extract"])
    assert result.exit_code == 0, result.output
    listed = runner.invoke(app, ["docs", "--db", db, "--format", "json"])
    doc = json.loads(listed.stdout.splitlines()[0])
    assert doc["origin"].endswith("border.txt")
    shown = runner.invoke(app, ["show", doc["doc_id"][:6], "--db", db])
    assert "crossing into Georgia" in shown.stdout
    found = runner.invoke(app, ["search", "Georgia", "--db", db, "--format", "json"])
    assert json.loads(found.stdout.splitlines()[0])["doc_id"] == doc["doc_id"]
    out = tmp_path / "x" / "docs.csv"
    exported = runner.invoke(app, ["export", "documents", "--format", "csv", "--out", str(out), "--db", db])
    assert exported.exit_code == 0 and out.read_text(encoding="utf-8").startswith("doc_id,origin,url")


def test_cli_ingest_exits_2_and_names_the_bad_file(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (src / "broken.json").write_text('{"title": "x", "text": ', encoding="utf-8")
    db = str(tmp_path / "l.db")
    result = runner.invoke(app, ["ingest", str(src), "--db", db, "--no-extract"])
    assert result.exit_code == 2
    assert "broken.json" in result.output
    stats = json.loads(runner.invoke(app, ["stats", "--db", db, "--format", "json"]).stdout)
    assert stats["documents"] == 1 and stats["ingest_errors"] == 1


def test_cli_rejects_bad_flags_with_a_message(tmp_path: Path) -> None:
    db = str(tmp_path / "l.db")
    bad_date = runner.invoke(app, ["brief", "--db", db, "--from", "yesterday"])
    assert bad_date.exit_code == 2 and "not a date" in bad_date.output
    bad_kind = runner.invoke(app, ["export", "widgets", "--db", db])
    assert bad_kind.exit_code == 2 and "documents" in bad_kind.output
    missing = runner.invoke(app, ["show", "ffff", "--db", db])
    assert missing.exit_code == 1


def test_cli_db_from_environment(tmp_path: Path) -> None:
    db = tmp_path / "env.db"
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    env = {**os.environ, "BRIEFWIRE_DB": str(db)}
    done = subprocess.run(
        [sys.executable, "-m", "briefwire", "ingest", str(src), "--no-extract"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert db.exists()
