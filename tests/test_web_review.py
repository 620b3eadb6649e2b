"""Reviewing through the desk: decisions are recorded with who and when, and survive re-linking."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from briefwire.models import LinkedEvent
from briefwire.store import Store
from tests.webdata import Standard, desk_client, post


def _decisions(client: TestClient, kind: str | None = None) -> list[dict[str, object]]:
    with Store(client.app.state.db_path) as store:  # type: ignore[attr-defined]
        return store.decisions(kind)  # type: ignore[arg-type]


def _field_row(html: str, field: str) -> str:
    start = html.index(f'data-field="{field}"')
    return html[start : html.index("</tr>", start)]


def test_web_accept_is_recorded_with_who_and_shows_in_queue_and_audit(
    client: TestClient, std: Standard
) -> None:
    r = post(client, f"/events/{std.draft_event}/review", {"action": "accept"})
    assert r.status_code == 303 and r.headers["location"] == f"/events/{std.draft_event}"
    [d] = _decisions(client)
    assert (d["target_kind"], d["target_key"], d["action"], d["user"]) == (
        "event",
        std.draft_event,
        "accept",
        "tester",
    )
    assert "Event accepted." in client.get(r.headers["location"]).text
    assert f'href="/events/{std.draft_event}"' in client.get("/?review_state=accepted").text
    audit = client.get("/audit").text
    assert "tester" in audit and "accept" in audit and f"event {std.draft_event[:8]}" in audit


def test_web_rejected_event_leaves_the_brief(client: TestClient, std: Standard) -> None:
    post(client, f"/events/{std.protest_event}/review", {"action": "reject"})
    assert "protest in Ufa" not in client.get("/brief").text
    assert "protest in Ufa" not in client.get("/brief/export.md").text
    assert post(client, f"/events/{std.protest_event}/review", {"action": "bogus"}).status_code == 400


def test_web_edit_shows_the_machine_value_beside_it_and_survives_relinking(
    client: TestClient, std: Standard, tmp_path: Path
) -> None:
    r = post(
        client,
        f"/events/{std.draft_event}/edit",
        {
            "summary": "Summonses handed out at a Kurgan bus depot",
            "type": "draft_notice",
            "status": "confirmed",
            "date": "2024-03-04",
            "location_name": "Kurgan",
            "location_region": "Kurgan Oblast",
            "location_code": "RU-KGN",
            "quantity_value": "130",
            "quantity_unit": "men",
        },
    )
    assert r.status_code == 303
    changed = {d["field"] for d in _decisions(client)}
    assert changed == {"summary", "quantity"}  # untouched fields are not recorded as edits
    # Link runs again and now words the event differently: the edit stays, the machine moves.
    with Store(tmp_path / "desk.db") as store:
        machine = store.event(std.draft_event)
        assert machine is not None
        rows, _ = store.events()
        relinked = [
            LinkedEvent(
                event_key=e["event_id"],
                type=e["machine"]["type"],
                theme=e["machine"]["theme"],
                summary="Relinked wording of the depot story"
                if e["event_id"] == std.draft_event
                else e["machine"]["summary"],
                date=dataclasses.replace(std.draft_doc.claims[0].date),
                location=None,
                actors=(),
                quantity=None,
                status=e["machine"]["status"],
                first_reported=e["first_reported"],
                independent_sources=e["independent_sources"],
                sources=tuple(e["sources"]),
                claim_keys=tuple(e["claims"]),
            )
            for e in rows
        ]
        store.replace_links(relinked, [])
    page = client.get(f"/events/{std.draft_event}").text
    summary = _field_row(page, "summary")
    assert "Summonses handed out at a Kurgan bus depot" in summary and "edited" in summary
    assert "Relinked wording of the depot story" in summary  # what the machine says now
    quantity = _field_row(page, "quantity")
    assert "130 men" in quantity and "—" in quantity
    queue = client.get("/").text
    assert "Summonses handed out at a Kurgan bus depot" in queue
    assert 'class="state edited"' in queue


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("date", "March 4", "YYYY-MM-DD"),
        ("date", "2024-02-30", "not a real date"),
        ("quantity_value", "many", "not a number"),
        ("type", "invasion", "not an event type"),
        ("summary", "   ", "must not be empty"),
        ("status", "rumoured", "not one of"),
    ],
)
def test_web_bad_edit_is_refused_with_a_reason_and_stores_nothing(
    client: TestClient, std: Standard, field: str, value: str, message: str
) -> None:
    body = {"summary": "A summary", "type": "draft_notice", "status": "reported", field: value}
    r = post(client, f"/events/{std.draft_event}/edit", body)
    assert r.status_code == 400
    assert message in r.text
    assert _decisions(client) == []


def _event_of(client: TestClient, claim_key: str) -> str | None:
    with Store(client.app.state.db_path) as store:  # type: ignore[attr-defined]
        return next(c["event_id"] for c in store.claims() if c["claim_id"] == claim_key)


def test_web_merge_joins_the_two_events_and_records_who_asked(client: TestClient, std: Standard) -> None:
    draft_claim, protest_claim = (
        _claims_of(client, std.draft_event)[0],
        _claims_of(client, std.protest_event)[0],
    )
    r = post(client, f"/events/{std.draft_event}/merge", {"other": std.protest_event})
    assert r.status_code == 303
    [d] = _decisions(client, "event")
    assert (d["action"], d["target_key"], d["value"]) == ("merge", std.draft_event, std.protest_event)
    merged = _event_of(client, draft_claim)
    assert merged is not None and merged == _event_of(client, protest_claim)
    assert r.headers["location"] == f"/events/{merged}"
    assert "Merges made by reviewers" in client.get(f"/events/{merged}").text
    assert post(client, f"/events/{std.draft_event}/merge", {"other": "nope"}).status_code == 400


def _claims_of(client: TestClient, event_key: str) -> list[str]:
    with Store(client.app.state.db_path) as store:  # type: ignore[attr-defined]
        event = store.event(event_key)
        assert event is not None
        return list(event["claims"])


def test_web_split_takes_the_claim_out_of_its_event(client: TestClient, std: Standard) -> None:
    claims = _claims_of(client, std.draft_event)
    assert len(claims) >= 2, "the test ledger's draft event carries two claims"
    claim = claims[-1]
    r = post(client, f"/events/{std.draft_event}/split", {"claim": claim})
    assert r.status_code == 303
    [d] = _decisions(client, "claim")
    assert (d["target_key"], d["action"], d["value"]) == (claim, "split", std.draft_event)
    assert _event_of(client, claim) != _event_of(client, claims[0])
    assert r.headers["location"] == f"/events/{_event_of(client, claims[0])}"
    other_claim = std.hostile_doc.claim_keys[0]
    assert post(client, f"/events/{std.draft_event}/split", {"claim": other_claim}).status_code == 400


def test_web_reset_returns_an_event_to_the_machine_values(client: TestClient, std: Standard) -> None:
    post(
        client,
        f"/events/{std.draft_event}/edit",
        {"summary": "Edited", "type": "draft_notice", "status": "confirmed"},
    )
    post(client, f"/events/{std.draft_event}/review", {"action": "reset"})
    page = client.get(f"/events/{std.draft_event}").text
    assert "Draft notices handed out at a bus depot in Kurgan</h1>" in page


def test_web_casualty_edit_shows_machine_value_beside_it(client: TestClient, std: Standard) -> None:
    r = post(
        client,
        f"/casualties/{std.person}/edit",
        {
            "name": "Sergey Ivanov",
            "age": "35",
            "status": "mobilized",
            "home_region": "Chelyabinsk Oblast",
            "home_region_code": "RU-CHE",
            "date_of_death": "2024-02-01",
            "rank": "private",
        },
    )
    assert r.status_code == 303
    assert {d["field"] for d in _decisions(client, "person")} == {"name", "age", "rank"}
    page = client.get(f"/casualties/{std.person}").text
    age = _field_row(page, "age")
    assert "35" in age and "34" in age and "edited" in age
    register = client.get("/casualties").text
    assert "Sergey Ivanov" in register and "edited" in register
    bad = post(client, f"/casualties/{std.person}/edit", {"name": "X", "age": "thirty"})
    assert bad.status_code == 400 and "not a whole number" in bad.text
    assert post(client, f"/casualties/{std.person}/review", {"action": "accept"}).status_code == 303
    assert 'class="state edited"' in client.get("/casualties").text


def test_web_brief_include_exclude_order_and_export(client: TestClient, std: Standard) -> None:
    period = {"since": "2024-03-01", "until": "2024-03-31"}
    r = post(client, "/brief/include", {**period, "event": std.hostile_event, "action": "exclude"})
    assert r.status_code == 303
    assert r.headers["location"] == "/brief?since=2024-03-01&until=2024-03-31"
    md = client.get("/brief/export.md", params=period).text
    assert "A fight near an enlistment office" not in md
    # The export is the CLI's brief: the Kurgan report in its source's own wording.
    assert "120 men from Kurgan region had received summonses" in md
    assert "Daily Test" in md and "Evening Wire" in md and "2 independent sources" in md
    # Another period keeps its own choices.
    assert "A fight near an enlistment office" in client.get("/brief/export.md").text
    post(client, "/brief/include", {**period, "event": std.hostile_event, "action": "include"})
    assert "A fight near an enlistment office" in client.get("/brief/export.md", params=period).text


def test_web_brief_order_moves_items_within_their_theme(tmp_path: Path) -> None:
    from tests.webdata import ClaimSpec, Ledger  # noqa: PLC0415

    led = Ledger(tmp_path / "b.db")
    keys = []
    for i, day in enumerate(("2024-03-01", "2024-03-02", "2024-03-03")):
        doc = led.document(
            [f"Item {i}: notices were served."],
            title=f"d{i}",
            published=day,
            claims=(ClaimSpec("notices were served", summary=f"Item number {i}"),),
        )
        keys.append(led.event((doc, 0)))
    led.link()
    led.close()
    client = desk_client(tmp_path / "b.db")
    r = post(client, "/brief/move", {"event": keys[2], "direction": "up"})
    assert r.status_code == 303
    post(client, "/brief/move", {"event": keys[2], "direction": "up"})
    md = client.get("/brief/export.md").text
    assert md.index("Item number 2") < md.index("Item number 0") < md.index("Item number 1")
    html = client.get("/brief/export.html", params={"download": "1"})
    assert html.headers["content-disposition"].startswith("attachment;")
    assert html.text.index("Item number 2") < html.text.index("Item number 0")
    assert post(client, "/brief/move", {"event": "nope", "direction": "up"}).status_code == 400
