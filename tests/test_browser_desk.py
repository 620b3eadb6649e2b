"""The review desk in a real browser: Debian's chromium, driven headless by Playwright."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import uvicorn

from briefwire.store import Store
from briefwire.web import WebSettings, add_user, create_app
from tests.webdata import Standard, standard_ledger

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
DOCS_IMG = Path(__file__).resolve().parent.parent / "docs" / "img"
# Set to refresh the README's pictures of the desk from this run.
UPDATE_DOCS_ENV = "BRIEFWIRE_UPDATE_DOCS_IMG"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="Debian's chromium is not installed (make browser installs it)"
    ),
]
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


@dataclass
class Desk:
    url: str
    std: Standard
    db: Path


class _Server(threading.Thread):
    def __init__(self, db: Path, port: int) -> None:
        super().__init__(daemon=True)
        app = create_app(db, settings=WebSettings(secret_key="browser-test", local_user="tester"))
        config = uvicorn.Config(
            app, host="127.0.0.1", port=port, log_level="warning", lifespan="off", ws="none", access_log=False
        )
        self.server = uvicorn.Server(config)

    def run(self) -> None:
        self.server.run()

    def stop(self) -> None:
        self.server.should_exit = True
        self.join(timeout=10)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _serve(db: Path) -> Iterator[str]:
    port = _free_port()
    server = _Server(db, port)
    server.start()
    deadline = time.monotonic() + 20
    while not server.server.started:
        if time.monotonic() > deadline or not server.is_alive():
            raise RuntimeError("the desk did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(
        viewport={"width": 1280, "height": 900},  # type: ignore[attr-defined]
        accept_downloads=True,
    )
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.dialogs = dialogs  # type: ignore[attr-defined]
    yield page
    context.close()


def _desk(tmp_path: Path, *, hostile: bool) -> Iterator[Desk]:
    db = tmp_path / "desk.db"
    std = standard_ledger(db, hostile=hostile)
    for url in _serve(db):
        yield Desk(url, std, db)


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Desk]:
    yield from _desk(tmp_path, hostile=False)


@pytest.fixture
def hostile_desk(tmp_path: Path) -> Iterator[Desk]:
    yield from _desk(tmp_path, hostile=True)


def _shot(page: object, name: str, *, docs: bool = False) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)  # type: ignore[attr-defined]
    if docs and os.environ.get(UPDATE_DOCS_ENV):
        DOCS_IMG.mkdir(parents=True, exist_ok=True)
        clip = {"x": 0, "y": 0, "width": 1280, "height": 1500}
        page.screenshot(path=str(DOCS_IMG / f"{name}.png"), full_page=True, clip=clip)  # type: ignore[attr-defined]


def test_browser_review_an_event_end_to_end(page: object, desk: Desk) -> None:
    p = page  # type: ignore[assignment]
    expect = sync_api.expect
    p.goto(desk.url + "/")
    expect(p.locator("h1")).to_contain_text("Event queue")
    _shot(p, "queue", docs=True)
    p.select_option("select[name=type]", "draft_notice")
    p.click("form.filters button")
    expect(p.locator("table.queue tbody tr")).to_have_count(1)
    p.click("text=Draft notices handed out at a bus depot in Kurgan")
    expect(p).to_have_url(f"{desk.url}/events/{desk.std.draft_event}")
    marks = p.locator("blockquote.evidence mark")
    expect(marks.first).to_have_text("draft notices were handed out at the entrance of a bus depot")
    expect(p.locator("ul.explanation")).to_contain_text("shared number: 120 men")
    p.click("button.accept")
    expect(p.locator(".flash")).to_have_text("Event accepted.")
    p.fill("textarea[name=summary]", "Summonses handed out at a Kurgan bus depot")
    p.fill("input[name=quantity_value]", "130")
    p.click("text=Save edits")
    expect(p.locator(".flash")).to_have_text("Saved 2 change(s).")
    row = p.locator('tr[data-field="summary"]')
    expect(row.locator("td").first).to_contain_text("Summonses handed out at a Kurgan bus depot")
    expect(row.locator("td.machine")).to_have_text("Draft notices handed out at a bus depot in Kurgan")
    expect(p.locator('tr[data-field="quantity"] td.machine')).to_have_text("120 men")
    _shot(p, "event", docs=True)
    p.click("text=Queue")
    expect(p.locator("table.queue")).to_contain_text("Summonses handed out at a Kurgan bus depot")
    expect(p.locator("table.queue .state.edited")).to_have_count(1)
    with Store(desk.db) as store:
        actions = [(d["action"], d["field"]) for d in store.decisions("event", desk.std.draft_event)]
    assert actions == [("accept", None), ("edit", "summary"), ("edit", "quantity")]


def test_browser_edit_a_casualty(page: object, desk: Desk) -> None:
    p = page  # type: ignore[assignment]
    expect = sync_api.expect
    p.goto(desk.url + "/casualties")
    p.click("text=Sergei Ivanov")
    expect(p.locator("blockquote.evidence mark")).to_have_text("Sergei Ivanov, 34, a mobilized soldier")
    p.fill("input[name=age]", "35")
    p.fill("input[name=rank]", "private")
    p.click("text=Save edits")
    expect(p.locator(".flash")).to_have_text("Saved 2 change(s).")
    expect(p.locator('tr[data-field="age"] td').first).to_contain_text("35")
    expect(p.locator('tr[data-field="age"] td.machine')).to_have_text("34")
    p.click("button.accept")
    _shot(p, "casualty")
    p.goto(desk.url + "/casualties")
    expect(p.locator("table.register")).to_contain_text("private")


def test_browser_build_and_export_a_brief(page: object, desk: Desk, tmp_path: Path) -> None:
    p = page  # type: ignore[assignment]
    expect = sync_api.expect
    p.goto(desk.url + "/brief")
    p.fill("input[name=since]", "2024-03-01")
    p.fill("input[name=until]", "2024-03-31")
    p.click("text=Show period")
    item = p.locator(f'li[data-event="{desk.std.protest_event}"]')
    item.locator("button", has_text="Exclude").click()
    expect(p.locator(f'li[data-event="{desk.std.protest_event}"]')).to_have_class("excluded")
    expect(p.locator("h1")).to_contain_text("3 items chosen")
    _shot(p, "brief")
    with p.expect_download() as md_download:
        p.click("text=Markdown")
    md = Path(md_download.value.path()).read_text(encoding="utf-8")
    assert "120 men from Kurgan region had received summonses" in md  # the CLI's brief, word for word
    assert "protest in Ufa" not in md
    with p.expect_download() as html_download:
        p.click("a:text-is('HTML')")
    saved = tmp_path / "brief.html"
    html_download.value.save_as(saved)
    p.goto(saved.as_uri())
    expect(p.locator("h1")).to_contain_text("Mobilization brief: 2024-03-01 to 2024-03-31")
    expect(p.locator("body")).not_to_contain_text("protest in Ufa")
    _shot(p, "brief-export")


def test_browser_hostile_document_runs_no_script(page: object, hostile_desk: Desk) -> None:
    p = page  # type: ignore[assignment]
    expect = sync_api.expect
    std = hostile_desk.std
    pages = [
        "/",
        f"/events/{std.hostile_event}",
        f"/documents/{std.hostile_doc.doc_id}",
        "/brief",
        "/brief/export.html",
        "/search?q=witness",
    ]
    for path in pages:
        p.goto(hostile_desk.url + path)
        assert p.evaluate("typeof window.__pwned") == "undefined", path
        assert p.locator("script").count() == 0, path
        assert p.locator("img").count() == 0, path
        assert p.locator("a[href^='javascript']").count() == 0, path
    p.goto(f"{hostile_desk.url}/events/{std.hostile_event}")
    expect(p.locator("blockquote.evidence mark")).to_contain_text('<img src=x onerror="window.__pwned=1">')
    # A reviewer pastes markup into an edit: it is stored and shown as text.
    p.fill("textarea[name=summary]", "<script>window.__pwned=2</script><img src=x onerror=alert(1)>")
    p.click("text=Save edits")
    for path in ("/", f"/events/{std.hostile_event}", "/audit", "/brief"):
        p.goto(hostile_desk.url + path)
        assert p.evaluate("typeof window.__pwned") == "undefined", path
    expect(p.locator("body")).to_contain_text("<script>window.__pwned=2</script>")
    _shot(p, "hostile")
    assert p.dialogs == []  # type: ignore[attr-defined]


def test_browser_viewer_sees_no_editing_controls(page: object, desk: Desk) -> None:
    p = page  # type: ignore[assignment]
    expect = sync_api.expect
    with Store(desk.db) as store:
        add_user(store, "victor", "viewer", "viewer password")
    p.goto(desk.url + "/")
    expect(p).to_have_url(f"{desk.url}/login?next=/")
    p.fill("input[name=name]", "victor")
    p.fill("input[name=password]", "viewer password")
    p.click("button:text-is('Log in')")
    expect(p.locator("h1")).to_contain_text("Event queue")
    p.goto(f"{desk.url}/events/{desk.std.draft_event}")
    expect(p.locator("button.accept")).to_have_count(0)
    expect(p.locator("textarea[name=summary]")).to_have_count(0)


def test_browser_unbroken_token_and_rtl_override_do_not_widen_the_pages(page: object, tmp_path: Path) -> None:
    from tests.webdata import ClaimSpec, Ledger  # noqa: PLC0415

    db = tmp_path / "desk.db"
    led = Ledger(db)
    long = "x" * 5000
    doc = led.document(
        [f"Draft notices were served at the depot \u202eon Monday {long}.", f"Reference {long} ends."],
        title=f"Summonses \u202eat the depot {long}",
        claims=(ClaimSpec("Draft notices were served"),),
    )
    event = led.event((doc, 0))
    led.link()
    led.close()
    p = page  # type: ignore[assignment]
    for url in _serve(db):
        for path in ("/", "/documents", f"/documents/{doc.doc_id}", f"/events/{event}"):
            p.goto(url + path)
            wide = p.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert wide <= 0, f"{path} is {wide}px wider than the window"
