"""Document text cannot reorder the desk's own words or widen its pages (issue 12, item 10: an
unclosed right-to-left override in a title reversed the labels after it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefwire.untrusted import BIDI_CONTROLS
from tests.webdata import ClaimSpec, Ledger, desk_client

OVERRIDE = "\u202e"  # RIGHT-TO-LEFT OVERRIDE, never closed
LONG = "x" * 5000  # one unbroken token
TITLE = f"Summonses {OVERRIDE}at the depot"


@pytest.fixture
def desk(tmp_path: Path) -> tuple[Path, str, str]:
    db = tmp_path / "desk.db"
    led = Ledger(db)
    doc = led.document(
        [f"Draft notices were served at the depot {OVERRIDE}on Monday.", f"Reference {LONG} ends here."],
        title=TITLE,
        outlet=f"Outlet {OVERRIDE}Daily",
        url="https://news.example/depot",
        claims=(ClaimSpec("Draft notices were served", summary=f"Notices {OVERRIDE}served"),),
    )
    event = led.event((doc, 0))
    led.link()
    led.close()
    return db, doc.doc_id, event


def test_web_pages_carry_no_bidi_controls_from_document_text(desk: tuple[Path, str, str]) -> None:
    db, doc_id, event = desk
    client = desk_client(db)
    pages = ("/", "/documents", f"/documents/{doc_id}", f"/events/{event}", "/search?q=notices",
             "/brief", "/brief/export.html", "/brief/export.md")  # fmt: skip
    for page in pages:
        r = client.get(page)
        assert r.status_code == 200, page
        assert not set(r.text) & set(BIDI_CONTROLS), page
    assert "at the depot" in client.get(f"/documents/{doc_id}").text  # the text itself is kept
