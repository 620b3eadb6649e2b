"""Every page of the review desk renders what a reviewer needs, from a real ledger."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from briefwire.store import Store
from tests.webdata import ClaimSpec, Ledger, Standard, desk_client


def test_web_queue_lists_every_event_with_its_review_state(client: TestClient, std: Standard) -> None:
    r = client.get("/")
    assert r.status_code == 200
    assert "4 events" in r.text
    for key in (std.draft_event, std.casualty_event, std.protest_event, std.hostile_event):
        assert f'href="/events/{key}"' in r.text
    assert "Draft notices handed out at a bus depot in Kurgan" in r.text
    assert r.text.count('class="state unreviewed"') == 4


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("theme=Relatives+and+Public+Response", {"protest"}),
        ("type=casualty", {"casualty"}),
        ("region=RU-KGN", {"draft"}),
        ("source=Bashkir+Daily", {"protest"}),
        ("status=confirmed", {"draft"}),
        ("since=2024-03-05&until=2024-03-06", {"hostile"}),
        ("review_state=accepted", set()),
    ],
)
def test_web_queue_filters_narrow_the_list(
    client: TestClient, std: Standard, query: str, expected: set[str]
) -> None:
    keys = {
        "draft": std.draft_event,
        "casualty": std.casualty_event,
        "protest": std.protest_event,
        "hostile": std.hostile_event,
    }
    text = client.get(f"/?{query}").text
    shown = {name for name, key in keys.items() if f'href="/events/{key}"' in text}
    assert shown == expected


def test_web_queue_sorts_by_corroboration_and_by_first_report(client: TestClient, std: Standard) -> None:
    by_report = client.get("/").text
    by_sources = client.get("/?sort=corroboration").text
    # The obituary was first reported earliest; the two-source draft event is best corroborated.
    first = re.search(r'href="/events/(\w+)"', by_report)
    assert first and first.group(1) == std.casualty_event
    first = re.search(r'href="/events/(\w+)"', by_sources)
    assert first and first.group(1) == std.draft_event


def test_web_queue_pages_through_many_events(tmp_path: Path) -> None:
    led = Ledger(tmp_path / "many.db")
    for i in range(30):
        doc = led.document(
            [f"Report number {i} said notices were served."],
            title=f"r{i}",
            published=f"2024-01-{i % 28 + 1:02d}",
            claims=(ClaimSpec("notices were served", summary=f"Notices served {i}"),),
        )
        led.event((doc, 0))
    led.link()
    led.close()
    client = desk_client(tmp_path / "many.db")
    page1, page2 = client.get("/").text, client.get("/?page=2").text
    assert page1.count('href="/events/') == 25
    assert page2.count('href="/events/') == 5
    assert "page 2 of 2" in page2
    assert 'href="/?sort=first_reported&amp;page=2"' in page1


def test_web_event_page_marks_evidence_inside_its_paragraph(client: TestClient, std: Standard) -> None:
    r = client.get(f"/events/{std.draft_event}")
    assert r.status_code == 200
    assert (
        "Residents of Kurgan said on Monday that <mark>draft notices were handed out at the "
        "entrance of a bus depot</mark>."
    ) in r.text
    assert "<mark>120 men from Kurgan region had received summonses</mark>" in r.text
    assert "Who says so: the governor&#39;s office" in r.text
    assert "shared number: 120 men" in r.text  # the merge explanation
    assert "Claims <small>2</small>" in r.text


def test_web_event_page_for_unknown_key_is_404(client: TestClient, std: Standard) -> None:
    assert client.get("/events/0000000000000000").status_code == 404


def test_web_document_page_shows_clean_text_and_what_cleaning_removed(
    client: TestClient, std: Standard
) -> None:
    r = client.get(f"/documents/{std.draft_doc.doc_id}")
    assert r.status_code == 200
    assert "The regional administration confirmed that 120 men" in r.text
    assert "<td>donation appeal</td><td>Support our newsroom: donate today</td>" in r.text
    assert "<td>photo credit</td><td>Photo: press service</td>" in r.text
    assert '<del title="donation appeal">Support our newsroom: donate today</del>' in r.text
    assert 'href="https://news.example/depot"' in r.text


def test_web_document_list_and_unknown_document(client: TestClient, std: Standard) -> None:
    r = client.get("/documents")
    assert r.status_code == 200
    assert "Summonses at a bus depot" in r.text
    assert client.get("/documents/ffffffffffff").status_code == 404


def test_web_search_finds_passages_and_marks_the_hit(client: TestClient, std: Standard) -> None:
    r = client.get("/search?q=summonses")
    assert r.status_code == 200
    assert "<mark>summonses</mark>" in r.text
    assert "Governor on summonses" in r.text
    assert "Nothing found" in client.get("/search?q=zeppelin").text
    # Broken query syntax is searched as words, not an error.
    assert client.get("/search?q=%22unbalanced+AND+(").status_code == 200


def test_web_casualty_register_lists_people_and_their_page_shows_evidence(
    client: TestClient, std: Standard
) -> None:
    r = client.get("/casualties")
    assert r.status_code == 200
    assert "Sergei Ivanov" in r.text and "RU-CHE" in r.text
    page = client.get(f"/casualties/{std.person}")
    assert page.status_code == 200
    assert "<mark>Sergei Ivanov, 34, a mobilized soldier</mark>" in page.text
    assert client.get("/casualties/nobody").status_code == 404


def test_web_brief_page_groups_items_by_theme(client: TestClient, std: Standard) -> None:
    r = client.get("/brief")
    assert r.status_code == 200
    order = [
        r.text.index(t)
        for t in (
            "Army Recruitment and Draft",
            "Mobilized Soldiers, Volunteers and Contract Soldiers",
            "Relatives and Public Response",
        )
    ]
    assert order == sorted(order)
    assert "4 items chosen" in r.text
    assert client.get("/brief?since=yesterday").status_code == 400


def test_web_audit_log_starts_empty(client: TestClient, std: Standard) -> None:
    r = client.get("/audit")
    assert r.status_code == 200
    assert "No decisions yet." in r.text


def test_web_static_css_is_served(client: TestClient) -> None:
    r = client.get("/static/desk.css")
    assert r.status_code == 200
    assert "mark" in r.text


def test_web_queue_word_filter_searches_summaries(client: TestClient, std: Standard) -> None:
    text = client.get("/?query=ufa").text
    assert f'href="/events/{std.protest_event}"' in text
    assert f'href="/events/{std.draft_event}"' not in text


def test_web_audit_log_filters_by_kind_and_user(tmp_path: Path, std: Standard) -> None:
    with Store(tmp_path / "desk.db") as store:
        store.add_decision("event", std.draft_event, "accept", "alice")
        store.add_decision("person", std.person, "reject", "bob")
    client = desk_client(tmp_path / "desk.db")
    everything = client.get("/audit").text
    assert "2 decisions" in everything
    people = client.get("/audit?kind=person").text
    assert f'href="/casualties/{std.person}"' in people and "alice" not in people
    alice = client.get("/audit?who=alice").text
    assert f'href="/events/{std.draft_event}"' in alice and "bob" not in alice


def test_web_brief_export_has_only_markdown_and_html(client: TestClient, std: Standard) -> None:
    assert client.get("/brief/export.pdf").status_code == 404
    md = client.get("/brief/export.md")
    assert md.headers["content-type"].startswith("text/markdown")
    assert md.headers["content-disposition"].startswith("inline;")
    assert md.text.startswith("# Mobilization brief: all dates")
