"""Hostile documents, forged requests, viewers and logins: the desk's defences."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from briefwire.store import Store
from briefwire.web import UnsafeBindError, WebSettings, add_user, check_password, is_loopback, serve
from briefwire.web.routes import ROUTERS
from tests.webdata import (
    HOSTILE_IMG,
    HOSTILE_SCRIPT,
    Standard,
    csrf_of,
    desk_client,
    post,
)

PASSWORD = "correct horse battery"


def _with_users(db: Path) -> None:
    with Store(db) as store:
        add_user(store, "edna", "editor", PASSWORD)
        add_user(store, "victor", "viewer", PASSWORD)


def _login(client: TestClient, name: str) -> None:
    r = client.post(
        "/login",
        data={"name": name, "password": PASSWORD, "next": "/", "csrf_token": csrf_of(client, "/login")},
    )
    assert r.status_code == 303


def _post_routes(client: TestClient, std: Standard) -> list[tuple[str, dict[str, str]]]:
    """Every state-changing route of the app, with a body that would succeed."""
    bodies = {
        "/login": {"name": "edna", "password": PASSWORD},
        "/logout": {},
        "/events/{key}/review": {"action": "accept"},
        "/events/{key}/edit": {"summary": "changed", "type": "draft_notice", "status": "reported"},
        "/events/{key}/merge": {"other": std.protest_event},
        "/events/{key}/split": {"claim": std.wire_doc.claim_keys[0]},
        "/casualties/{key}/edit": {"name": "Sergei Ivanov", "status": "mobilized"},
        "/casualties/{key}/review": {"action": "accept"},
        "/brief/include": {"event": std.draft_event, "action": "exclude"},
        "/brief/move": {"event": std.draft_event, "direction": "down"},
        "/sources/{name}/pause": {"action": "pause"},
    }
    routes = [
        r for router in ROUTERS for r in router.routes if isinstance(r, APIRoute) and "POST" in r.methods
    ]
    assert {r.path for r in routes} == set(bodies), "a new POST route needs a case here"
    out = []
    for route in routes:
        key = std.person if route.path.startswith("/casualties") else std.draft_event
        out.append((route.path.replace("{key}", key).replace("{name}", "tg-any"), bodies[route.path]))
    return out


def test_web_every_post_without_csrf_token_is_refused(client: TestClient, std: Standard) -> None:
    for url, body in _post_routes(client, std):
        assert client.post(url, data=body).status_code == 403, url
        assert client.post(url, data={**body, "csrf_token": "forged"}).status_code == 403, url
    with Store(client.app.state.db_path) as store:  # type: ignore[attr-defined]
        assert store.decisions() == []


def test_web_csrf_token_of_another_session_is_refused(tmp_path: Path, std: Standard) -> None:
    mallory, victim = desk_client(tmp_path / "desk.db"), desk_client(tmp_path / "desk.db")
    token = csrf_of(mallory)
    r = victim.post(f"/events/{std.draft_event}/review", data={"action": "accept", "csrf_token": token})
    assert r.status_code == 403


def test_web_viewer_gets_403_on_every_state_change(tmp_path: Path, std: Standard) -> None:
    _with_users(tmp_path / "desk.db")
    client = desk_client(tmp_path / "desk.db")
    _login(client, "victor")
    assert client.get(f"/events/{std.draft_event}").status_code == 200
    assert "Save edits" not in client.get(f"/events/{std.draft_event}").text
    for url, body in _post_routes(client, std):
        if url in ("/login", "/logout"):
            continue
        assert post(client, url, body).status_code == 403, url
    with Store(tmp_path / "desk.db") as store:
        assert store.decisions() == []


def test_web_with_accounts_every_page_needs_a_login(tmp_path: Path, std: Standard) -> None:
    _with_users(tmp_path / "desk.db")
    client = desk_client(tmp_path / "desk.db")
    for page in (
        "/",
        f"/events/{std.draft_event}",
        "/casualties",
        "/brief",
        "/audit",
        "/search?q=men",
        "/documents",
        "/brief/export.md",
    ):
        r = client.get(page)
        assert r.status_code == 303, page
        assert r.headers["location"].startswith("/login?next=")
    r = post(client, f"/events/{std.draft_event}/review", {"action": "accept"}, page="/login")
    assert r.status_code == 403


def test_web_login_with_wrong_password_fails_and_right_one_works(tmp_path: Path, std: Standard) -> None:
    _with_users(tmp_path / "desk.db")
    client = desk_client(tmp_path / "desk.db")
    bad = client.post(
        "/login", data={"name": "edna", "password": "wrong password", "csrf_token": csrf_of(client, "/login")}
    )
    assert bad.status_code == 401
    assert "Wrong name or password." in bad.text
    nobody = client.post(
        "/login", data={"name": "nobody", "password": PASSWORD, "csrf_token": csrf_of(client, "/login")}
    )
    assert nobody.status_code == 401
    _login(client, "edna")
    page = client.get("/")
    assert page.status_code == 200 and "edna" in page.text
    assert post(client, f"/events/{std.draft_event}/review", {"action": "accept"}).status_code == 303
    assert post(client, "/logout", {}).status_code == 303
    assert client.get("/").status_code == 303


def test_web_login_never_redirects_off_site(tmp_path: Path, std: Standard) -> None:
    _with_users(tmp_path / "desk.db")
    client = desk_client(tmp_path / "desk.db")
    for target in ("//evil.example/x", "https://evil.example/", "/\\evil.example"):
        r = client.post(
            "/login",
            data={
                "name": "edna",
                "password": PASSWORD,
                "next": target,
                "csrf_token": csrf_of(client, "/login"),
            },
        )
        assert r.headers["location"] == "/", target


def test_web_session_cookie_is_signed_httponly_and_samesite(tmp_path: Path, std: Standard) -> None:
    r = desk_client(tmp_path / "desk.db").get("/")
    cookie = r.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie and "secure" not in cookie
    secure = desk_client(tmp_path / "desk.db", WebSettings(secret_key="k", https_only=True))
    assert "secure" in secure.get("/").headers["set-cookie"].lower()
    # A cookie signed with another key is ignored: its session (and token) do not count.
    other = desk_client(tmp_path / "desk.db", WebSettings(secret_key="other-key"))
    token = csrf_of(other)
    client = desk_client(tmp_path / "desk.db")
    client.cookies.set("briefwire_session", other.cookies["briefwire_session"])
    r = client.post(f"/events/{std.draft_event}/review", data={"action": "accept", "csrf_token": token})
    assert r.status_code == 403


def test_web_passwords_are_stored_as_argon2(tmp_path: Path) -> None:
    with Store(tmp_path / "u.db") as store:
        add_user(store, "edna", "editor", PASSWORD)
        row = store.user("edna")
        assert row is not None
        assert row["password_hash"].startswith("$argon2id$")
        assert PASSWORD not in row["password_hash"]
        assert check_password(store, "edna", PASSWORD) is not None
        assert check_password(store, "edna", PASSWORD + "!") is None


@pytest.mark.parametrize(
    ("name", "role", "password", "message"),
    [
        ("", "editor", PASSWORD, "user name"),
        ("a b", "editor", PASSWORD, "user name"),
        ("edna", "admin", PASSWORD, "role"),
        ("edna", "editor", "short", "at least"),
    ],
)
def test_web_add_user_rejects_bad_input(
    tmp_path: Path, name: str, role: str, password: str, message: str
) -> None:
    with Store(tmp_path / "u.db") as store, pytest.raises(ValueError, match=message):
        add_user(store, name, role, password)


def test_web_without_accounts_only_answers_on_a_loopback_host(client: TestClient) -> None:
    assert client.get("/").status_code == 200
    for host in ("localhost:8000", "127.0.0.2", "[::1]:8000", "::1"):
        assert client.get("/", headers={"host": host}).status_code == 200, host
    # A page elsewhere that rebinds its own name to 127.0.0.1 still sends its own Host.
    assert client.get("/", headers={"host": "attacker.example"}).status_code == 403
    for host in ("192.168.1.20:8000", "[fe80::1]:8000", "localhost.attacker.example", ""):
        assert client.get("/", headers={"host": host}).status_code == 403, host


def test_web_serve_refuses_a_lan_address_while_there_are_no_accounts(tmp_path: Path) -> None:
    with pytest.raises(UnsafeBindError, match="user add"):
        serve(tmp_path / "desk.db", host="0.0.0.0", port=0)  # noqa: S104
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.20")  # noqa: S104


HOSTILE_PAGES = [
    "/",
    "/events/{hostile}",
    "/documents/{doc}",
    "/brief",
    "/brief/export.html",
    "/search?q=witness",
    "/search?q=officials",
    "/documents",
]


class _Tags(HTMLParser):
    """Every element and attribute a browser would build from a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def _assert_inert(text: str) -> None:
    parser = _Tags()
    parser.feed(text)
    for tag, attrs in parser.tags:
        assert tag not in {"script", "img", "iframe", "object", "embed"}, tag
        for name, value in attrs:
            assert not name.startswith("on"), f"<{tag} {name}=...> got through"
            if name in {"href", "src", "action", "formaction"}:
                assert not (value or "").strip().lower().startswith("javascript:"), value
    assert "</blockquote></table>" not in text


@pytest.mark.parametrize("page", HOSTILE_PAGES)
def test_web_hostile_document_text_is_escaped(client: TestClient, std: Standard, page: str) -> None:
    r = client.get(page.format(hostile=std.hostile_event, doc=std.hostile_doc.doc_id))
    assert r.status_code == 200
    _assert_inert(r.text)


def test_web_hostile_text_is_shown_as_text(client: TestClient, std: Standard) -> None:
    text = client.get(f"/events/{std.hostile_event}").text
    assert "&lt;script&gt;window.__pwned = true;" in text
    assert "<mark>described it &lt;img src=x onerror=&#34;window.__pwned=1&#34;&gt; in detail</mark>" in text
    doc = client.get(f"/documents/{std.hostile_doc.doc_id}").text
    assert "javascript:window.__pwned=1" in doc  # shown as text, not as a link
    assert "subscription prompt" in doc


def test_web_hostile_edits_are_escaped_everywhere(client: TestClient, std: Standard) -> None:
    evil = f'{HOSTILE_SCRIPT} {HOSTILE_IMG} <a href="javascript:alert(1)">x</a></textarea>'
    r = post(
        client,
        f"/events/{std.draft_event}/edit",
        {
            "summary": evil,
            "type": "draft_notice",
            "status": "reported",
            "quantity_unit": HOSTILE_IMG,
            "quantity_value": "120",
            "location_name": HOSTILE_SCRIPT,
        },
    )
    assert r.status_code == 303
    r = post(client, f"/casualties/{std.person}/edit", {"name": evil, "status": "mobilized"})
    assert r.status_code == 303
    for page in (
        "/",
        f"/events/{std.draft_event}",
        "/audit",
        "/brief",
        "/brief/export.html",
        "/casualties",
        f"/casualties/{std.person}",
    ):
        text = client.get(page).text
        _assert_inert(text)
        assert "</textarea>" not in text.replace("</textarea>", "", text.count("<textarea"))
    md = client.get("/brief/export.md").text
    assert "<script" not in md and "<img" not in md and "](javascript" not in md


def test_web_pages_carry_a_strict_content_security_policy(client: TestClient, std: Standard) -> None:
    for page in ("/", f"/events/{std.draft_event}", "/login", "/static/desk.css"):
        headers = client.get(page).headers
        csp = headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"
    export = client.get("/brief/export.html").headers["content-security-policy"]
    assert "script-src" not in export and "default-src 'none'" in export


def test_web_repeated_wrong_passwords_lock_that_name_for_a_while(tmp_path: Path, std: Standard) -> None:
    _with_users(tmp_path / "desk.db")
    client = desk_client(tmp_path / "desk.db")
    for _ in range(5):
        r = client.post(
            "/login", data={"name": "edna", "password": "guess", "csrf_token": csrf_of(client, "/login")}
        )
        assert r.status_code == 401
    locked = client.post(
        "/login", data={"name": "edna", "password": PASSWORD, "csrf_token": csrf_of(client, "/login")}
    )
    assert locked.status_code == 429
    _login(client, "victor")  # other names are not affected
