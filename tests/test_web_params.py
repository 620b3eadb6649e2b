"""Hostile query parameters never reach the user as a 500 (issue 12, item 14)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from briefwire.web import WebSettings, create_app
from briefwire.web.routes import ROUTERS
from briefwire.web.routes.queue import FILTERS
from tests.webdata import Standard, standard_ledger

# Raw, already percent-encoded: NUL, a lone surrogate's UTF-8 bytes (invalid), bytes that are no
# UTF-8 at all, numbers far past 64 bits, negative and fractional pages, FTS5 syntax, and size.
HOSTILE = (
    "%00",
    "a%00b",
    "%ED%A0%80",
    "%FF%FE",
    "99999999999999999999999999",
    "9223372036854775807",
    "-9223372036854775809",
    "-1",
    "0",
    "1.5",
    "1e309",
    "NaN",
    "%22",
    "NEAR(a%20b",
    "*",
    "a%20AND",
    "%5E%28%29",
    "x" * 20_000,
)
# Read from request.query_params by the queue rather than declared.
UNDECLARED = {"/": ("page", "sort", *FILTERS)}
# What makes a page do its work, so the parameter reaches the query (a search needs words).
BASE = {"/search": "q=draft&"}


@pytest.fixture(scope="module")
def std(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Standard]:
    db = tmp_path_factory.mktemp("params") / "desk.db"
    return db, standard_ledger(db)


def _client(db: Path) -> TestClient:
    app = create_app(db, settings=WebSettings(secret_key="test-secret", local_user="tester"))
    return TestClient(app, base_url="http://127.0.0.1", follow_redirects=False, raise_server_exceptions=False)


def _pages(std: Standard) -> list[tuple[str, tuple[str, ...]]]:
    """Every page of the desk with the query parameters it reads."""
    keys = {"key": std.draft_event, "doc_id": std.draft_doc.doc_id, "fmt": "md"}
    out = []
    for router in ROUTERS:
        for route in router.routes:
            if isinstance(route, APIRoute) and "GET" in route.methods:
                declared = tuple(p.name for p in route.dependant.query_params)
                page = route.path.format(**{k: keys[k] for k in route.param_convertors})
                out.append((page, declared + UNDECLARED.get(route.path, ())))
    return out


def test_web_hostile_query_parameters_never_give_a_server_error(std: tuple[Path, Standard]) -> None:
    db, ledger = std
    app = create_app(db, settings=WebSettings(secret_key="test-secret", local_user="tester"))
    client = TestClient(
        app, base_url="http://127.0.0.1", follow_redirects=False, raise_server_exceptions=False
    )
    failures = []
    pages = _pages(ledger)
    assert sum(len(params) for _, params in pages) >= 15  # the pages really read parameters
    for page, params in pages:
        for param in params:
            for value in HOSTILE:
                r = client.get(f"{page}?{BASE.get(page, '')}{param}={value}")
                if r.status_code >= 500 or "application/json" in r.headers.get("content-type", ""):
                    failures.append(f"{page}?{param}={value[:40]} -> {r.status_code}")
    assert failures == [], "\n".join(failures)


def test_web_hostile_path_parameters_never_give_a_server_error(std: tuple[Path, Standard]) -> None:
    db, _ = std
    app = create_app(db, settings=WebSettings(secret_key="test-secret", local_user="tester"))
    client = TestClient(
        app, base_url="http://127.0.0.1", follow_redirects=False, raise_server_exceptions=False
    )
    failures = []
    for page in ("/events/{}", "/documents/{}", "/casualties/{}", "/brief/export.{}"):
        for value in HOSTILE:
            r = client.get(page.format(value))
            if r.status_code >= 500:
                failures.append(f"{page.format(value[:40])} -> {r.status_code}")
    assert failures == []


def test_web_page_number_out_of_range_is_a_400_that_names_the_parameter(std: tuple[Path, Standard]) -> None:
    db, _ = std
    app = create_app(db, settings=WebSettings(secret_key="test-secret", local_user="tester"))
    client = TestClient(app, base_url="http://127.0.0.1", follow_redirects=False)
    for url in ("/search?q=draft&page=99999999999999999999", "/documents?page=abc", "/?page=0"):
        r = client.get(url)
        assert r.status_code == 400, url
        assert r.headers["content-type"].startswith("text/html") and "page" in r.text
    assert client.get("/search?q=draft%00notices").status_code == 200
