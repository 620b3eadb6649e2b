"""A merge or split on the desk re-links what the decision touches, not the whole ledger
(issue 12, item 15: 6-21 s per action on a small ledger). How long it takes on a 10,000-event
ledger is measured by bench/desk_actions.py; here: which events it rewrites."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from briefwire import api
from briefwire.models import Location, Quantity
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


# ---- a busy ledger: a merge or split on the desk groups claims as a whole re-link would -------
PLACES = (
    Location("Kurgan", "Kurgan Oblast", "RU-KGN", "RU", "settlement"),
    Location("Ufa", "Bashkortostan", "RU-BA", "RU", "settlement"),
    Location("Perm", "Perm Krai", "RU-PER", "RU", "settlement"),
)
KINDS = (
    ("draft_notice", "{n} men received draft notices at a factory in {place}", "men"),
    ("protest_or_appeal", "{n} women protested against the call-up outside the office in {place}", "women"),
)
OUTLETS = ("Daily Test", "Evening Wire", "Ural Notes")


def _busy_ledger(db: Path) -> None:
    """Two weeks of reports of two kinds in three towns, each told by up to three outlets (so the
    linker joins some and keeps look-alikes apart), linked in full as an ingest leaves them."""
    led = Ledger(db)
    for i in range(18):
        type_, pattern, unit = KINDS[i % 2]
        place = PLACES[i % 3]
        day = f"2024-03-{4 + i % 9:02d}"
        phrase = pattern.format(n=40 + 10 * (i % 6), place=place.name)
        for outlet in OUTLETS[: 1 + i % 3]:
            led.document(
                [f"Officials said {phrase}."],
                title=f"{type_} {i}",
                outlet=outlet,
                url=f"https://{outlet.split()[0].lower()}.example/{i}",
                published=day,
                claims=(
                    ClaimSpec(
                        phrase,
                        type=type_,
                        summary=phrase,
                        date=day,
                        location=place,
                        quantity=Quantity(40 + 10 * (i % 6), unit),
                    ),
                ),
            )
    led.close()
    with api.Workspace(db) as ws:
        api.relink(ws)


def _members(db: Path) -> dict[str, frozenset[str]]:
    """event key -> the claim keys it holds."""
    with Store(db) as store:
        members: dict[str, set[str]] = {}
        for c in store.claims():
            if c.get("event_id"):
                members.setdefault(c["event_id"], set()).add(c["claim_id"])
    return {k: frozenset(m) for k, m in members.items()}


def _grouping(db: Path) -> set[frozenset[str]]:
    """The events as sets of claim keys (keys and row ids may differ between two links)."""
    return set(_members(db).values())


def _events(db: Path) -> list[dict[str, Any]]:
    with Store(db) as store:
        keys = [str(r[0]) for r in store.conn.execute("SELECT event_key FROM events ORDER BY 1")]
        return [e for k in keys if (e := store.event(k)) is not None]


def _decide_and_relink_all(db: Path, *decision: str) -> None:
    """The same decision, followed by the whole-ledger re-link the desk used to run."""
    kind, target, action, value = decision
    with Store(db) as store:
        store.add_decision(kind, target, action, "tester", value=value)
    with api.Workspace(db) as ws:
        api.relink(ws)


def _assert_only_involved_change(db: Path, before: dict[str, frozenset[str]], involved: set[str]) -> None:
    """Events that held none of the claims the decision involves, and that none of them joined,
    keep their keys and claims. (Inside the decision's blocks the re-link may write such an
    event again, unchanged; the far events above keep their very rows.)"""
    touched = set(involved).union(*(g for g in _grouping(db) if g & involved))
    untouched = {k: members for k, members in before.items() if not members & touched}
    now = _members(db)
    assert untouched, "the ledger is too small: every event is touched"
    assert {k: now.get(k) for k in untouched} == untouched


def test_web_merge_groups_claims_as_a_whole_ledger_relink_would(tmp_path: Path) -> None:
    desk_db, full_db = tmp_path / "desk.db", tmp_path / "full.db"
    _busy_ledger(desk_db)
    shutil.copy(desk_db, full_db)
    first, second = [e for e in _events(desk_db) if e["type"] == "draft_notice"][:2]
    before = _members(desk_db)
    merge = {"other": second["event_id"]}
    assert post(desk_client(desk_db), f"/events/{first['event_id']}/merge", merge).status_code == 303
    _decide_and_relink_all(full_db, "event", first["event_id"], "merge", second["event_id"])
    after = _grouping(desk_db)
    assert any({first["event_id"], second["event_id"]} <= group for group in after)  # anchors joined
    assert after == _grouping(full_db)
    _assert_only_involved_change(desk_db, before, {*first["claims"], *second["claims"]})


def test_web_split_groups_claims_as_a_whole_ledger_relink_would(tmp_path: Path) -> None:
    desk_db, full_db = tmp_path / "desk.db", tmp_path / "full.db"
    _busy_ledger(desk_db)
    shutil.copy(desk_db, full_db)
    event = next(e for e in _events(desk_db) if len(e["claims"]) == 3)
    before = _members(desk_db)
    claim = event["claims"][-1]
    split = f"/events/{event['event_id']}/split"
    assert post(desk_client(desk_db), split, {"claim": claim}).status_code == 303
    _decide_and_relink_all(full_db, "claim", claim, "split", event["event_id"])
    after = _grouping(desk_db)
    assert frozenset([claim]) in after
    assert after == _grouping(full_db)
    _assert_only_involved_change(desk_db, before, set(event["claims"]))
