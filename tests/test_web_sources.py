"""The desk's sources page: each watched source's health, hostile text escaped, editors pause."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from briefwire.store import Store
from briefwire.watch import make_source
from briefwire.web.auth import add_user
from tests.webdata import desk_client, post

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def ledger(db: Path) -> None:
    with Store(db) as store:
        for name, channel in (("tg-ok", "okchannel"), ("tg-bad", "badchannel"), ("tg-new", "newchannel")):
            store.add_watch_source(make_source("telegram", channel, name=name, interval=30).fields())
        store.save_watch_state(
            "tg-ok", {"last_success": "2999-01-01T00:00:00+00:00", "last_status": "ok, 2 new"}
        )
        store.save_watch_state("tg-bad", {"failures": 2, "last_error": f"HTTP 500 {HOSTILE}"})


def test_web_sources_shows_each_sources_health_and_escapes_what_servers_said(tmp_path: Path) -> None:
    db = tmp_path / "desk.db"
    ledger(db)
    page = desk_client(db).get("/sources")
    assert page.status_code == 200
    text = page.text
    assert '<span class="health failing">failing</span>' in text
    assert '<span class="health ok">ok</span>' in text
    assert '<span class="health new">new</span>' in text
    assert text.index("tg-bad") < text.index("tg-new") < text.index("tg-ok")  # trouble first
    assert "<script>alert" not in text and "&lt;script&gt;alert" in text
    assert "onerror=alert(1)>" not in text
    assert "2 failures in a row" in text
    assert "default-src 'none'" in page.headers["content-security-policy"]


def test_web_sources_pause_and_resume_need_an_editor_and_the_form_token(tmp_path: Path) -> None:
    db = tmp_path / "desk.db"
    ledger(db)
    client = desk_client(db)
    assert client.post("/sources/tg-ok/pause", data={"action": "pause"}).status_code == 403  # no token
    assert post(client, "/sources/tg-ok/pause", {"action": "pause"}, page="/sources").status_code == 303
    with Store(db) as store:
        row = store.watch_source("tg-ok")
    assert row is not None and row["paused"] == 1 and "paused by" in row["paused_reason"]
    assert "Resume" in client.get("/sources").text
    post(client, "/sources/tg-ok/pause", {"action": "resume"}, page="/sources")
    with Store(db) as store:
        row = store.watch_source("tg-ok")
    assert row is not None and row["paused"] == 0
    assert post(client, "/sources/nosuch/pause", {"action": "pause"}, page="/sources").status_code == 404


def test_web_sources_viewers_see_health_but_cannot_pause(tmp_path: Path) -> None:
    db = tmp_path / "desk.db"
    ledger(db)
    with Store(db) as store:
        add_user(store, "vera", "viewer", "a long enough password")
    client: TestClient = desk_client(db)
    r = post(client, "/login", {"name": "vera", "password": "a long enough password", "next": "/"}, "/login")
    assert r.status_code == 303
    page = client.get("/sources")
    assert "tg-bad" in page.text and "Pause" not in page.text
    assert post(client, "/sources/tg-ok/pause", {"action": "pause"}, page="/sources").status_code == 403
