"""A merge or split on the desk re-links what the decision touches, not the whole ledger
(issue 12, item 15: 6-21 s per action on a small ledger). How long it takes on a 10,000-event
ledger is measured by bench/desk_actions.py; here: which events it rewrites."""

from __future__ import annotations

from pathlib import Path

from briefwire.store import Store
from tests.webdata import ClaimSpec, Ledger, SavedDoc, desk_client, post

FAR_MONTHS = ("2023-01", "2023-05", "2023-09")  # a year before, in blocks of their own


def _ledger(db: Path) -> tuple[str, str, list[str]]:
    led = Ledger(db)

    def doc(text: str, phrase: str, type_: str, day: str, outlet: str) -> SavedDoc:
        return led.document(
            [text],
            title=f"{type_} {day}",
            outlet=outlet,
            url=f"https://news.example/{type_}/{day}",
            published=day,
            claims=(ClaimSpec(phrase, type=type_, summary=phrase.capitalize(), date=day),),
        )

    a = doc(
        "The draft notices were handed out at a depot.",
        "draft notices were handed out",
        "draft_notice",
        "2024-03-04",
        "Daily Test",
    )
    b = doc(
        "Many mothers protested against the call-up.",
        "mothers protested",
        "protest",
        "2024-03-05",
        "Evening Test",
    )
    served = "notices were served at factory"
    far = [
        doc(f"The notices were served at factory {i}.", f"{served} {i}", "draft_notice", f"{m}-10", "Far")
        for i, m in enumerate(FAR_MONTHS)
    ]
    first, second = led.event((a, 0)), led.event((b, 0))
    kept = [led.event((d, 0)) for d in far]
    led.link()
    led.close()
    return first, second, kept


def _rows(db: Path) -> dict[str, tuple[int, str]]:
    """event key -> (row id, summary): a rewritten event gets a new row."""
    with Store(db) as store:
        return {
            str(r["event_key"]): (int(r["event_id"]), str(r["summary"]))
            for r in store.conn.execute("SELECT event_id, event_key, summary FROM events")
        }


def test_web_merge_rewrites_only_the_events_it_joins(tmp_path: Path) -> None:
    db = tmp_path / "desk.db"
    first, second, far = _ledger(db)
    before = _rows(db)
    r = post(desk_client(db), f"/events/{first}/merge", {"other": second})
    assert r.status_code == 303
    after = _rows(db)
    assert {k: after[k] for k in far} == {k: before[k] for k in far}  # untouched, same rows
    with Store(db) as store:
        joined = {c["event_id"] for c in store.claims() if c["event_id"] not in far}
    assert len(joined) == 1 and len(after) == len(far) + 1


def test_web_split_rewrites_only_the_event_it_divides(tmp_path: Path) -> None:
    db = tmp_path / "desk.db"
    first, second, far = _ledger(db)
    client = desk_client(db)
    assert post(client, f"/events/{first}/merge", {"other": second}).status_code == 303
    merged = _rows(db)
    with Store(db) as store:
        event = store.event(next(k for k in merged if k not in far))
        assert event is not None and len(event["claims"]) == 2
    r = post(client, f"/events/{event['event_id']}/split", {"claim": event["claims"][-1]})
    assert r.status_code == 303
    after = _rows(db)
    assert {k: after[k] for k in far} == {k: merged[k] for k in far}
    assert len(after) == len(far) + 2
