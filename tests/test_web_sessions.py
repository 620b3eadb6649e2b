"""Desk sessions end when they should, and the login throttle holds against races, sprays and
restarts without locking the real user out (issue 12, items 12 and 13)."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from briefwire.store import LoginLimits, Store
from briefwire.web import WebSettings, add_user, auth, create_app
from tests.deskserver import desk_server
from tests.webdata import csrf_of, post

PASSWORD = "correct horse battery"
# Small limits keep the number of (slow, argon2) password checks down; the kinds are the same.
LIMITS = LoginLimits(pair=3, address=6, name=6)
SETTINGS = WebSettings(secret_key="test-secret", login_limits=LIMITS)
_CSRF = re.compile(r'<meta name="csrf-token" content="([^"]+)"')


def _ledger(tmp_path: Path, *names: str) -> Path:
    db = tmp_path / "desk.db"
    with Store(db) as store:
        for name in names or ("edna",):
            add_user(store, name, "editor", PASSWORD)
    return db


def _client(db: Path, address: str = "127.0.0.1", settings: WebSettings = SETTINGS) -> TestClient:
    app = create_app(db, settings=settings)
    return TestClient(app, base_url="http://127.0.0.1", follow_redirects=False, client=(address, 50000))


def _login(client: TestClient, name: str = "edna", password: str = PASSWORD) -> int:
    data = {"name": name, "password": password, "next": "/", "csrf_token": csrf_of(client, "/login")}
    return client.post("/login", data=data).status_code


def _logged_in(client: TestClient) -> bool:
    return client.get("/").status_code == 200


def test_web_logout_ends_the_session_even_for_a_copy_of_its_cookie(tmp_path: Path) -> None:
    db = _ledger(tmp_path)
    browser = _client(db)
    assert _login(browser) == 303 and _logged_in(browser)
    stolen = _client(db)
    stolen.cookies.update(browser.cookies)
    assert _logged_in(stolen)
    assert post(browser, "/logout", {}).status_code == 303
    assert not _logged_in(stolen)
    assert stolen.get("/").headers["location"].startswith("/login")


def test_web_password_change_ends_every_session_of_that_user_only(tmp_path: Path) -> None:
    db = _ledger(tmp_path, "edna", "victor")
    laptop, phone, other = _client(db), _client(db), _client(db)
    assert _login(laptop) == 303 and _login(phone) == 303 and _login(other, "victor") == 303
    with Store(db) as store:
        add_user(store, "edna", "editor", "a brand new passphrase")
    assert not _logged_in(laptop) and not _logged_in(phone)
    assert _logged_in(other)
    assert _login(laptop, password="a brand new passphrase") == 303 and _logged_in(laptop)


def test_web_session_expires_on_the_server_not_only_in_the_cookie(tmp_path: Path) -> None:
    db = _ledger(tmp_path)
    client = _client(db)
    assert _login(client) == 303
    with Store(db) as store:
        store.conn.execute("UPDATE desk_sessions SET expires_at = 0")
    assert not _logged_in(client)


def test_web_login_throttle_cannot_be_raced_by_parallel_guesses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _ledger(tmp_path)
    limits = LIMITS
    statuses: list[int] = []
    checks: list[str] = []
    real_check = auth.check_password

    def counted(store: Store, name: str, password: str) -> auth.User | None:
        checks.append(password)
        return real_check(store, name, password)

    monkeypatch.setattr(auth, "check_password", counted)
    with desk_server(db, SETTINGS) as url, httpx.Client(base_url=url) as browser:
        token = _CSRF.search(browser.get("/login").text)
        assert token
        start = threading.Barrier(24)

        def guess(i: int) -> None:
            start.wait(timeout=30)
            form = {"name": "edna", "password": f"guess {i}", "csrf_token": token.group(1)}
            with httpx.Client(base_url=url, cookies=browser.cookies, timeout=60) as c:
                statuses.append(c.post("/login", data=form).status_code)

        threads = [threading.Thread(target=guess, args=(i,)) for i in range(24)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)
    assert len(statuses) == 24
    assert len(checks) == limits.pair  # the slow hash ran exactly as often as allowed
    assert statuses.count(401) == limits.pair
    assert statuses.count(429) == 24 - limits.pair


def test_web_login_throttle_slows_one_password_sprayed_over_many_names(tmp_path: Path) -> None:
    limits = LIMITS
    names = [f"user{i}" for i in range(limits.address + 3)]
    db = _ledger(tmp_path, *names)
    sprayer = _client(db, "198.51.100.7")
    statuses = [_login(sprayer, name, "Winter2026!") for name in names]
    assert statuses[: limits.address] == [401] * limits.address
    assert set(statuses[limits.address :]) == {429}
    assert _login(_client(db, "192.0.2.10"), "user0") == 303  # others are not affected


def test_web_login_throttle_does_not_lock_the_real_user_out(tmp_path: Path) -> None:
    limits = LIMITS
    db = _ledger(tmp_path)
    office = _client(db, "192.0.2.10")
    assert _login(office) == 303  # the real user's usual address is known from now on
    attacker = _client(db, "198.51.100.7")
    assert [_login(attacker, password="guess") for _ in range(limits.pair)] == [401] * limits.pair
    assert _login(attacker) == 429  # even the right password, from the guessing address
    assert _login(_client(db, "192.0.2.55")) == 303  # the real user from a new address
    # Guessers spread over many addresses slow the name down for new addresses only.
    for i in range(limits.name):
        _login(_client(db, f"203.0.113.{i + 1}"), password="guess")
    assert _login(_client(db, "192.0.2.99")) == 429
    assert _login(_client(db, "192.0.2.10")) == 303


def test_web_login_throttle_survives_a_restart_of_the_desk(tmp_path: Path) -> None:
    limits = LIMITS
    db = _ledger(tmp_path)
    before = _client(db, "198.51.100.7")
    for _ in range(limits.pair):
        assert _login(before, password="guess") == 401
    after = _client(db, "198.51.100.7")  # a new app: nothing kept in memory
    assert _login(after) == 429
