"""Regressions: document text must never become terminal markup or terminal commands.

A title "[/bold]" crashed `docs`, `search` and `show` for the whole ledger (rich read it as a
closing tag), "[link=file:///...]" became a hyperlink, escape sequences in text reached the
terminal, and search snippets lost their matched words (rich ate "[draft]" as a tag).
"""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefwire import api
from briefwire.cli import app
from briefwire.report.files import write_text, write_with

runner = CliRunner()
HOSTILE_TITLE = (
    "[/bold] Draft [link=file:///etc/passwd]office[/link] \x1b]8;;file:///x\x07hi\x1b]8;;\x07 \x1b[2J\x9b31m"
)
BODY = (
    "The draft office in Tver [bold]opened[/bold] early on Monday \x1b[31mred\x1b[0m and a reversed "
    "\u202eword here.\n\nMen drafted in the region waited at the office for hours.\n"
)


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "story.txt").write_text(BODY, encoding="utf-8")
    (folder / "story.meta.json").write_text(
        json.dumps({"title": HOSTILE_TITLE, "url": "https://example.org/a", "outlet": "Out[/i]let"}),
        encoding="utf-8",
    )
    db = folder / "l.db"
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--no-extract"])
    assert result.exit_code == 0, result.output
    return db


def _run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, (result.output, result.exception)
    return result.stdout


def _doc_id(db: Path) -> str:
    return str(json.loads(_run("docs", "--db", str(db), "--format", "json").splitlines()[0])["doc_id"])


@pytest.mark.parametrize("command", ["docs", "search", "show"])
def test_cli_title_with_rich_markup_is_shown_as_text(ledger: Path, command: str) -> None:
    args = {"docs": ["docs"], "search": ["search", "office"], "show": ["show", _doc_id(ledger)]}[command]
    out = _run(*args, "--db", str(ledger))
    assert "[/bold]" in out or command != "show"  # the tag is text (docs/search may cut the title)
    assert "\x1b" not in out and "\x9b" not in out and "\x07" not in out and "\u202e" not in out


def test_cli_show_prints_markup_in_the_text_literally(ledger: Path) -> None:
    out = _run("show", _doc_id(ledger), "--db", str(ledger))
    assert "[bold]opened[/bold]" in out and "[link=file:///etc/passwd]office[/link]" in out


def test_cli_search_snippet_keeps_its_matched_words(ledger: Path) -> None:
    table = _run("search", "office", "--db", str(ledger))
    assert "office" in table
    rows = [
        json.loads(line) for line in _run("search", "office", "--db", str(ledger), "-f", "json").splitlines()
    ]
    assert rows and "office" in rows[0]["snippet"]


def test_cli_json_keeps_every_character_but_escapes_what_a_terminal_obeys(ledger: Path) -> None:
    raw = _run("docs", "--db", str(ledger), "--format", "json")
    assert "\x1b" not in raw and "\x9b" not in raw
    assert json.loads(raw.splitlines()[0])["title"] == HOSTILE_TITLE.strip()


def test_cli_csv_listing_neutralises_formulas_and_controls(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Queues at the border crossing grew overnight.\n", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(
        json.dumps({"title": '=HYPERLINK("http://x","\x1b[2J")'}), encoding="utf-8"
    )
    db = tmp_path / "l.db"
    runner.invoke(app, ["ingest", str(tmp_path), "--db", str(db), "--no-extract"])
    out = _run("docs", "--db", str(db), "--format", "csv")
    assert "'=HYPERLINK" in out and "\x1b" not in out


def test_export_concurrent_to_one_file_never_mixes_outputs(ledger: Path, tmp_path: Path) -> None:
    out = tmp_path / "export.csv"
    failures: list[BaseException] = []

    def export(kind: str) -> None:
        try:
            with api.Workspace(ledger) as ws:
                for _ in range(5):
                    api.export_file(ws, kind, "csv", out)
        except BaseException as exc:
            failures.append(exc)

    threads = [threading.Thread(target=export, args=(k,)) for k in ("documents", "passages", "documents")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failures
    with api.Workspace(ledger) as ws:
        expected = {k: _export_text(ws, k) for k in ("documents", "passages")}
    assert out.read_bytes().decode("utf-8") in expected.values()
    assert [p.name for p in tmp_path.iterdir()] == ["export.csv"]  # no temporary file left


def _export_text(ws: api.Workspace, kind: str) -> str:
    import io  # noqa: PLC0415

    buffer = io.StringIO(newline="")
    api.export(ws, kind, "csv", buffer)
    return buffer.getvalue()


def test_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "claims.csv"
    target.write_text("old, complete export\n", encoding="utf-8")

    def half_then_fail(fh: object) -> None:
        fh.write("half of a new")  # type: ignore[attr-defined]
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space"):
        write_with(target, half_then_fail)
    assert target.read_text(encoding="utf-8") == "old, complete export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["claims.csv"]


def test_brief_out_replaces_the_old_brief_by_rename_not_in_place(ledger: Path, tmp_path: Path) -> None:
    out = tmp_path / "brief"
    _run("brief", "--db", str(ledger), "--out", str(out))
    before = (out.with_suffix(".md").stat().st_ino, out.with_suffix(".html").stat().st_ino)
    _run("brief", "--db", str(ledger), "--out", str(out))
    after = (out.with_suffix(".md").stat().st_ino, out.with_suffix(".html").stat().st_ino)
    assert before[0] != after[0] and before[1] != after[1]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.html", "brief.md"]
    write_text(tmp_path / "x.md", "y")
    assert (tmp_path / "x.md").read_text(encoding="utf-8") == "y"
