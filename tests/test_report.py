"""The brief and the exports, built from a hand-made ledger."""

from __future__ import annotations

import csv
import io
import json
import re

from briefwire import api
from briefwire.models import DedupeResult, RemovedSpan, ReuseLink
from briefwire.report import FIELDS, render_html, render_markdown
from briefwire.store import Store

from .conftest import make_doc, save

DRAFT = "Army Recruitment and Draft"
SHARED_PARA = (
    "Officers in Dagestan drove through the streets with loudspeakers calling men to the enlistment office."
)


def _ledger(store: Store) -> tuple[str, str]:
    first = make_doc(
        [SHARED_PARA, "The governor was furious."],
        origin="a.txt",
        outlet="Outlet A",
        published="2022-09-28",
        title="First report",
        url="https://a.example/1",
    )
    second = make_doc(
        ["A follow-up with new detail.", SHARED_PARA],
        origin="b.txt",
        outlet="Outlet B",
        published="2022-09-29",
        title="Follow-up",
        url="https://b.example/2",
    )
    save(store, first, themes=[DRAFT, "Authorities and Legislation"])
    save(
        store,
        second,
        themes=[DRAFT, DRAFT],
        dedupe=DedupeResult(second.doc_id, None, None, None, (ReuseLink(1, first.doc_id, 0, 1.0),)),
    )
    return first.doc_id, second.doc_id


def test_brief_reused_paragraph_appears_once_citing_every_copy_original_first(tmp_path) -> None:
    with api.Workspace(tmp_path / "l.db") as ws:
        first, second = _ledger(ws.store)
        brief = api.brief(ws)
    items = [i for s in brief.sections for i in s.items if i.text == SHARED_PARA]
    assert len(items) == 1
    assert [c.doc_id for c in items[0].citations] == [first, second]
    md = render_markdown(brief)
    assert md.count("loudspeakers") == 1
    assert "## Army Recruitment and Draft" in md and "Outlet A — First report — 2022-09-28" in md


def test_brief_period_keeps_only_documents_published_in_it(tmp_path) -> None:
    with api.Workspace(tmp_path / "l.db") as ws:
        _ledger(ws.store)
        brief = api.brief(ws, since="2022-09-29", until="2022-09-29")
    texts = [i.text for s in brief.sections for i in s.items]
    assert "A follow-up with new detail." in texts
    assert "The governor was furious." not in texts


def test_brief_html_is_self_contained_and_escapes_source_text(tmp_path) -> None:
    hostile = "<script>alert(1)</script><img src=x onerror=alert(2)> draft office notice"
    with api.Workspace(tmp_path / "l.db") as ws:
        doc = make_doc([hostile], url="javascript:alert(3)", title="<b>t</b>")
        save(ws.store, doc, themes=[DRAFT])
        page = render_html(api.brief(ws))
    assert "<script>" not in page and "onerror=alert" not in page.replace("onerror=alert(2)&gt;", "")
    assert "&lt;script&gt;" in page
    assert 'href="javascript:' not in page
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=", page)  # nothing loaded from elsewhere


def test_export_every_kind_has_exactly_the_schema_fields(tmp_path) -> None:
    with api.Workspace(tmp_path / "l.db") as ws:
        _ledger(ws.store)
        for kind, fields in FIELDS.items():
            out = io.StringIO()
            api.export(ws, kind, "jsonl", out)
            for line in out.getvalue().splitlines():
                assert list(json.loads(line)) == list(fields)
            out = io.StringIO()
            api.export(ws, kind, "csv", out)
            assert next(csv.reader(io.StringIO(out.getvalue()))) == list(fields)


def test_export_passages_marks_reuse_and_boilerplate(tmp_path) -> None:
    with api.Workspace(tmp_path / "l.db") as ws:
        first, second = _ledger(ws.store)
        out = io.StringIO()
        api.export(ws, "passages", "jsonl", out)
    rows = [json.loads(x) for x in out.getvalue().splitlines()]
    reused = [r for r in rows if r["reused_from"]]
    assert [(r["doc_id"], r["reused_from"]) for r in reused] == [(second, first)]
    assert all(r["is_boilerplate"] is False for r in rows)


def test_export_passages_title_is_metadata_not_boilerplate(tmp_path) -> None:
    removed = [
        RemovedSpan(0, 20, "Governors act at last", "title"),
        RemovedSpan(22, 35, "ADVERTISEMENT", "ad"),
    ]
    with api.Workspace(tmp_path / "l.db") as ws:
        save(ws.store, make_doc(["Body text of the story."], removed=removed))
        out = io.StringIO()
        api.export(ws, "passages", "jsonl", out)
    flags = {r["text"]: r["is_boilerplate"] for r in map(json.loads, out.getvalue().splitlines())}
    assert flags == {"Body text of the story.": False, "Governors act at last": False, "ADVERTISEMENT": True}
