"""Brief v2: one line per event in its clearest wording, with sources, a developing story."""

from __future__ import annotations

from typing import Any

from briefwire.report import BriefInput, build_brief, render_markdown
from briefwire.report.brief import date_text, primary_claimants

DRAFT = "Army Recruitment and Draft"


def _doc(i: int, outlet: str) -> dict[str, Any]:
    return {
        "doc_id": f"d{i}",
        "outlet": outlet,
        "title": f"Story {i}",
        "url": f"https://o{i}.example/s",
        "published": "2022-09-29",
        "origin": f"f{i}.txt",
        "seq": i,
    }


def _event(key: str, region: str, docs: list[str], sources: list[str], **kw: Any) -> dict[str, Any]:
    ev = {
        "event_id": key,
        "type": "draft_notice",
        "theme": DRAFT,
        "summary": f"summary {key}",
        "date": "2022-09-28",
        "date_precision": "day",
        "location": {"name": region, "admin1": region},
        "quantity": None,
        "status": "reported",
        "review_state": "unreviewed",
        "first_reported": "2022-09-29",
        "doc_ids": docs,
        "sources": sources,
        "independent_sources": len(sources),
        "edited_fields": [],
    }
    return ev | kw


def _claim(event: str, doc: str, quote: str, by: list[str]) -> dict[str, Any]:
    return {"event_id": event, "doc_id": doc, "quote": quote, "claimed_by": by, "stance": "reported"}


def test_brief_event_line_uses_the_clearest_wording_and_cites_every_source() -> None:
    docs = {d["doc_id"]: d for d in (_doc(1, "Outlet A"), _doc(2, "Outlet B"))}
    ev = _event("e1", "Dagestan", ["d1", "d2"], ["Outlet A", "Outlet B"])
    claims = [
        _claim("e1", "d2", "He said more would follow.", ["the governor"]),
        _claim(
            "e1",
            "d1",
            "Officers in Makhachkala drove through the streets calling men to the enlistment "
            "office by loudspeaker on Wednesday.",
            ["residents"],
        ),
    ]
    brief = build_brief(BriefInput(passages=[], documents=docs, events=[ev], claims=claims), None, None)
    [item] = [i for s in brief.sections for i in s.items]
    assert item.text.startswith("Officers in Makhachkala")
    assert [c.outlet for c in item.citations] == ["Outlet A", "Outlet B"]
    assert "2 independent sources" in render_markdown(brief)


def test_brief_human_edit_of_the_summary_wins_over_machine_wording() -> None:
    docs = {"d1": _doc(1, "Outlet A")}
    ev = _event(
        "e1", "Dagestan", ["d1"], ["Outlet A"], summary="Edited by a reviewer", edited_fields=["summary"]
    )
    claims = [_claim("e1", "d1", "A long and perfectly clear machine sentence about the draft office.", [])]
    brief = build_brief(BriefInput(passages=[], documents=docs, events=[ev], claims=claims), None, None)
    assert brief.sections[0].items[0].text == "Edited by a reviewer"


def test_brief_developing_story_gets_its_own_section_when_one_region_dominates() -> None:
    docs = {f"d{i}": _doc(i, f"Outlet {i % 4}") for i in range(12)}
    events = [
        _event(
            f"p{i}",
            "Dagestan",
            [f"d{i}"],
            [f"Outlet {i % 4}"],
            type="protest_or_appeal",
            theme="Relatives and Public Response",
        )
        for i in range(8)
    ]
    events += [
        _event(f"o{i}", region, [f"d{8 + i}"], ["Outlet 1"])
        for i, region in enumerate(["Moscow", "Omsk", "Tver", "Perm"])
    ]
    brief = build_brief(BriefInput(passages=[], documents=docs, events=events), "2022-09-29", "2022-09-29")
    first = brief.sections[0]
    assert first.developing and first.title == "Protests in Dagestan" and len(first.items) == 8
    assert all(i.region != "Dagestan" for s in brief.sections[1:] for i in s.items)
    headings = [line for line in render_markdown(brief).splitlines() if line.startswith("## ")]
    assert headings[0] == "## Developing: Protests in Dagestan"


def test_brief_no_developing_story_when_events_are_spread_out() -> None:
    docs = {f"d{i}": _doc(i, f"Outlet {i}") for i in range(6)}
    events = [
        _event(f"e{i}", r, [f"d{i}"], [f"Outlet {i}"]) for i, r in enumerate(["A", "B", "C", "D", "E", "F"])
    ]
    brief = build_brief(BriefInput(passages=[], documents=docs, events=events), None, None)
    assert not any(s.developing for s in brief.sections)


def test_brief_marks_new_only_what_was_not_reported_before_the_period() -> None:
    docs = {"d1": _doc(1, "A"), "d2": _doc(2, "B")}
    events = [_event("old", "Omsk", ["d1"], ["A"]), _event("fresh", "Perm", ["d2"], ["B"])]
    data = BriefInput(passages=[], documents=docs, events=events, previous_keys=frozenset({"old"}))
    items = [p for i in build_brief(data, "2022-09-29", "2022-09-29").items() for p in (i.parts or (i,))]
    new = {i.key: i.new for i in items}
    assert new == {"old": False, "fresh": True}


def test_brief_dates_show_only_the_precision_known() -> None:
    assert date_text("2022-09-26", "week") == "week of 2022-09-26"
    assert date_text("1987-01-01", "year") == "1987"
    assert date_text("2022-09-01", "month") == "2022-09"
    assert date_text(None, "day") is None


def test_brief_claimants_are_named_once_and_the_carrying_outlet_is_not_a_claimant() -> None:
    docs = {"d1": _doc(1, "Outlet A")}
    claims = [
        {"doc_id": "d1", "claimed_by": ["Governor Vasily Golubev"]},
        {"doc_id": "d1", "claimed_by": ["Rostov governor Vasily Golubev", "Telegram"]},
        {"doc_id": "d1", "claimed_by": ["Outlet A"]},
    ]
    assert primary_claimants(claims, docs) == "Governor Vasily Golubev"
