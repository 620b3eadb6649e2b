"""Linking inside the pipeline: new documents re-link what they touch; reviewers' work survives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefwire import api
from briefwire.cli.app import app
from briefwire.link import LinkOptions
from briefwire.pipeline import Pipeline, PipelineOptions

OPTIONS = PipelineOptions(link_options=LinkOptions(embeddings=False))

FIRST = {
    "ural-daily.txt": (
        "Kopeysk welder killed in Ukraine\n\n"
        "Private Oleg Stupin, 31, a mobilized welder from Kopeysk in the Chelyabinsk region, was killed "
        "in the Luhansk region on October 3, the town administration said on Thursday.\n\n"
        "Stupin was called up on September 24 and sent to the front after five days of training.\n"
    ),
    "steppe-post.txt": (
        "Mobilized man from Kopeysk dies\n\n"
        "The Kopeysk town administration announced the death of Private Oleg Stupin, 31, who was "
        "mobilized in September and killed on October 3 in the Luhansk region.\n"
    ),
}
LATER = {
    "kurgan-news.txt": (
        "Kurgan region releases men\n\n"
        "The governor of the Kurgan region said on October 5 that 40 men called up by mistake had "
        "been sent home from the gathering point in Kurgan.\n"
    ),
}


def _write(folder: Path, files: dict[str, str], published: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
        outlet = name.removesuffix(".txt").replace("-", " ").title()
        meta = {"outlet": outlet, "published": published}
        (folder / name).with_suffix(".meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return folder


@pytest.fixture
def ledger(tmp_path: Path) -> api.Workspace:
    ws = api.Workspace(tmp_path / "ledger.db")
    api.ingest(ws, [_write(tmp_path / "first", FIRST, "2022-10-06")], OPTIONS)
    return ws


def _death_event(ws: api.Workspace) -> dict[str, object]:
    events = [e for e in ws.store.events()[0] if e["type"] == "casualty"]
    assert len(events) == 1, [e["summary"] for e in events]
    return events[0]


def test_incremental_accepted_event_keeps_key_and_state_after_more_documents(
    ledger: api.Workspace, tmp_path: Path
) -> None:
    event = _death_event(ledger)
    assert event["independent_sources"] == 2
    ledger.store.add_decision("event", str(event["event_id"]), "accept", "editor")
    rowid = event["event_rowid"]
    api.ingest(ledger, [_write(tmp_path / "later", LATER, "2022-10-06")], OPTIONS)
    again = _death_event(ledger)
    assert again["event_id"] == event["event_id"]
    assert again["review_state"] == "accepted"
    assert again["event_rowid"] == rowid  # untouched by the new documents: not even rebuilt
    assert any(e["type"] == "release_or_return" for e in ledger.store.events()[0])
    ledger.close()


def test_incremental_full_relink_keeps_keys_and_decisions(ledger: api.Workspace) -> None:
    event = _death_event(ledger)
    ledger.store.add_decision("event", str(event["event_id"]), "accept", "editor")
    Pipeline(ledger.store, OPTIONS).link()
    again = _death_event(ledger)
    assert (again["event_id"], again["review_state"]) == (event["event_id"], "accepted")
    ledger.close()


def test_incremental_split_decision_survives_relinking(ledger: api.Workspace) -> None:
    event = _death_event(ledger)
    leaving = next(k for k in event["claims"] if k != event["event_id"])
    ledger.store.add_decision("claim", leaving, "split", "editor")
    Pipeline(ledger.store, OPTIONS).link()
    events = [e for e in ledger.store.events()[0] if e["type"] == "casualty"]
    assert [leaving] in [e["claims"] for e in events]
    ledger.close()


def test_incremental_cli_entity_and_why_explain_the_merge(ledger: api.Workspace) -> None:
    event = _death_event(ledger)
    db = str(ledger.db)
    ledger.close()
    runner = CliRunner()
    found = runner.invoke(app, ["entity", "Олег Ступин", "--db", db])
    assert found.exit_code == 0, found.output
    assert "Oleg Stupin" in found.output and str(event["event_id"]) in found.output
    why = runner.invoke(app, ["why", str(event["event_id"])[:8], "--db", db])
    assert why.exit_code == 0, why.output
    assert "joined:" in why.output and "the same person" in why.output
    listed = runner.invoke(app, ["entities", "--db", db, "--format", "csv", "--kind", "person"])
    assert "person:stupin|ole" in listed.output
    missing = runner.invoke(app, ["why", "nosuchevent", "--db", db])
    assert missing.exit_code == 1 and "no single event" in missing.output


def test_incremental_export_casualties_has_one_merged_row(ledger: api.Workspace) -> None:
    rows = [r for r in api.export_rows(ledger, "casualties") if "Stupin" in r["name"]]
    assert len(rows) == 1
    assert rows[0]["independent_sources"] == 2 and len(rows[0]["doc_ids"]) == 2
    ledger.close()
