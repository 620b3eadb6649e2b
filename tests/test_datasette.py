"""The ledger in Datasette: reviewed views, joinable JSON lists, a shared copy without accounts."""

from __future__ import annotations

import json
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from typer.testing import CliRunner

from briefwire import api
from briefwire.cli import app
from briefwire.store import Store
from briefwire.web.auth import add_user

from .ledgers import backfill_ledger


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A ledger in which the desk has accepted, rejected, edited and reset events and a casualty."""
    db = backfill_ledger(tmp_path_factory.mktemp("ledger") / "desk.db")
    with Store(db) as st:
        events, _ = st.events()
        keys = [e["event_id"] for e in events]
        st.add_decision("event", keys[0], "accept", "olga")
        st.add_decision("event", keys[1], "reject", "olga")
        st.add_decision("event", keys[2], "edit", "sam", field="summary", value="The desk's wording")
        st.add_decision("event", keys[2], "edit", "sam", field="location", value=None)
        st.add_decision("event", keys[3], "edit", "olga", field="status", value="disputed")
        st.add_decision("event", keys[3], "reset", "olga")
        st.add_decision("event", keys[4], "accept", "olga")
        st.add_decision("event", keys[4], "edit", "sam", field="type", value="protest_or_appeal")
        st.add_decision("event", keys[4], "edit", "sam", field="type", value="resignation")
        person = st.persons()[0]["person_key"]
        st.add_decision("person", person, "edit", "olga", field="age", value=41)
        st.add_decision("person", person, "edit", "olga", field="home_region", value="Kurgan Oblast")
        add_user(st, "olga", "editor", "correct horse battery staple")
    return db


def _view(db: Path, sql: str) -> list[dict[str, Any]]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    rows = [dict(r) for r in conn.execute(sql)]
    conn.close()
    return rows


def test_events_reviewed_view_shows_what_the_desk_shows(reviewed: Path) -> None:
    with Store(reviewed) as st:
        desk = {e["event_id"]: e for e in st.events()[0]}
    view = {r["event_key"]: r for r in _view(reviewed, "SELECT * FROM events_reviewed")}
    assert view.keys() == desk.keys()
    for key, e in desk.items():
        r = view[key]
        for field in ("type", "theme", "summary", "status", "date", "date_precision", "review_state"):
            assert r[field] == e[field], f"{field} of {key}"
        loc = e["location"] or {}
        assert (r["admin1_code"], r["place"]) == (loc.get("admin1_code"), loc.get("name"))
    states = sorted(r["review_state"] for r in view.values() if r["review_state"] != "unreviewed")
    assert states == ["accepted", "edited", "edited", "rejected"]


def test_casualties_reviewed_view_applies_the_desk_edits(reviewed: Path) -> None:
    with Store(reviewed) as st:
        desk = {p["person_key"]: p for p in st.persons()}
    view = {r["person_key"]: r for r in _view(reviewed, "SELECT * FROM casualties_reviewed")}
    assert view.keys() == desk.keys()
    for key, p in desk.items():
        for field in ("name", "age", "status", "home_region", "date_of_death", "review_state"):
            assert view[key][field] == p[field], f"{field} of {key}"
    assert any(r["age"] == 41 and r["home_region"] == "Kurgan Oblast" for r in view.values())


def test_actor_and_source_lists_are_rows_that_join_back_to_events(reviewed: Path) -> None:
    with Store(reviewed) as st:
        events = {e["event_id"]: e for e in st.events()[0]}
    actors = _view(reviewed, "SELECT a.* FROM event_actors a JOIN events_reviewed e USING (event_key)")
    assert len(actors) == sum(len(e["machine"]["actors"]) for e in events.values())
    sources = _view(reviewed, "SELECT event_key, source FROM event_sources")
    assert {(s["event_key"], s["source"]) for s in sources} == {
        (k, s) for k, e in events.items() for s in e["sources"]
    }


def test_share_writes_a_copy_without_accounts_and_with_pseudonymous_reviewers(
    reviewed: Path, tmp_path: Path
) -> None:
    out = tmp_path / "public.db"
    result = CliRunner().invoke(app, ["share", str(out), "--db", str(reviewed)])
    assert result.exit_code == 0, result.output
    tables = {r["name"] for r in _view(out, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "users" not in tables and "decisions" in tables
    with Store(reviewed) as st:
        password_hash = st.user("olga")["password_hash"]  # type: ignore[index]
    assert password_hash.encode() not in out.read_bytes(), "a deleted hash lingers in free pages"
    assert {r["user"] for r in _view(out, "SELECT user FROM decisions")} == {"reviewer-1", "reviewer-2"}
    assert not out.with_name(out.name + "-wal").exists()
    assert _view(out, "SELECT count(*) AS n FROM events_reviewed WHERE review_state = 'rejected'") == [
        {"n": 1}
    ]
    meta = json.loads(out.with_suffix(".metadata.json").read_text(encoding="utf-8"))
    assert "events_reviewed" in meta["databases"]["public"]["tables"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def datasette(reviewed: Path, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A real Datasette server on loopback over a shared copy, as a new user would start it."""
    if shutil.which("datasette", path=str(Path(sys.executable).parent)) is None:
        pytest.skip("datasette is not installed (it is in the dev extras)")
    out = tmp_path / "ledger.db"
    with api.Workspace(reviewed) as ws:
        _, meta = api.share(ws, out)
    port = _free_port()
    cmd = [str(Path(sys.executable).parent / "datasette"), str(out), "--metadata", str(meta)]
    log = tmp_path / "datasette.log"
    with log.open("wb") as sink:
        server = subprocess.Popen(
            [*cmd, "--host", "127.0.0.1", "--port", str(port)], stdout=sink, stderr=subprocess.STDOUT
        )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):  # up to 60 s on a loaded machine
            try:
                httpx.get(f"{base}/-/versions.json", timeout=2)
                break
            except httpx.TransportError:
                if server.poll() is not None:
                    raise AssertionError(log.read_text(encoding="utf-8", errors="replace")) from None
                time.sleep(0.2)
        yield base, out
    finally:
        server.terminate()
        server.wait(timeout=20)


@pytest.mark.slow
def test_datasette_serves_the_ledger_with_facets_and_search(datasette: tuple[str, Path]) -> None:
    base, db = datasette
    events = httpx.get(f"{base}/ledger/events_reviewed.json", params={"_size": 1}, timeout=30).json()
    facets = events["facet_results"]
    facets = facets.get("results", facets)  # Datasette 1.0 nests them under "results"
    assert {"type", "theme", "admin1", "status", "review_state"} <= set(facets)
    counts = {f["value"]: f["count"] for f in facets["type"]["results"]}
    expected = _view(db, "SELECT type, count(*) AS n FROM events_reviewed GROUP BY type")
    assert counts == {r["type"]: r["n"] for r in expected}
    page = httpx.get(f"{base}/ledger/events_reviewed", params={"review_state": "rejected"}, timeout=30)
    assert page.status_code == 200 and "review_state" in page.text
    word = _view(db, "SELECT text FROM passages LIMIT 1")[0]["text"].split()[0].strip(",.")
    found = httpx.get(f"{base}/ledger/passages.json", params={"_search": word, "_shape": "array"}, timeout=30)
    assert found.status_code == 200 and found.json(), f"full-text search for {word!r} found nothing"
    assert httpx.get(f"{base}/ledger/users.json", timeout=30).status_code in (403, 404)
    query = httpx.get(
        f"{base}/ledger/search_passages.json", params={"q": word, "_shape": "array"}, timeout=30
    )
    assert query.status_code == 200 and query.json()
