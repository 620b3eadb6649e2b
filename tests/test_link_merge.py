"""Claims about one happening become one event; look-alikes stay apart; reviewers win."""

from __future__ import annotations

from typing import Any

from briefwire.link import LinkInput, LinkOptions, LinkResult, link
from briefwire.models import LinkedEvent

from .linkrows import claim, document, region

FAST = LinkOptions(embeddings=False)
CHE, KUR = region("RU-CHE", "Chelyabinsk region"), region("RU-KGN", "Kurgan region")


def _link(claims: list[dict[str, Any]], **kw: Any) -> LinkResult:
    return link(LinkInput(claims=claims, **kw), FAST)


def _event_of(result: LinkResult, claim_key: str) -> LinkedEvent:
    return next(e for e in result.events if claim_key in e.claim_keys)


def _death(doc: str, name: str, quote: str, **kw: Any) -> dict[str, Any]:
    return claim(doc, quote, actors=[{"name": name, "role": "victim"}], location=CHE, **kw)


def test_merge_one_death_reported_in_english_and_russian_is_one_event() -> None:
    a = _death("en", "Oleg Stupin", "Private Oleg Stupin, 31, of Kopeysk was killed on October 3.")
    b = _death("ru", "Олега Ступина", "Администрация сообщила о гибели рядового Олега Ступина 3 октября.")
    docs = [document("en", "Ural Daily"), document("ru", "Копейский вестник")]
    result = _link([a, b], documents=docs)
    event = _event_of(result, a["claim_id"])
    assert set(event.claim_keys) == {a["claim_id"], b["claim_id"]}
    assert event.independent_sources == 2
    assert event.status == "confirmed"


def test_merge_two_deaths_on_one_day_in_one_region_stay_two_events() -> None:
    a = _death("d1", "Oleg Stupin", "Private Oleg Stupin of Kopeysk was killed on October 3.")
    b = _death("d2", "Ivan Kuzmin", "Private Ivan Kuzmin of Kopeysk was killed on October 3.")
    result = _link([a, b])
    assert _event_of(result, a["claim_id"]) != _event_of(result, b["claim_id"])


def test_merge_same_type_same_day_different_region_stays_apart() -> None:
    a = claim(
        "d1",
        "Forty men called up by mistake were sent home, the governor said.",
        "release_or_return",
        location=CHE,
    )
    b = claim(
        "d2",
        "Forty men called up by mistake were sent home, the governor said.",
        "release_or_return",
        location=KUR,
    )
    result = _link([a, b])
    assert _event_of(result, a["claim_id"]).event_key != _event_of(result, b["claim_id"]).event_key


def test_merge_same_report_in_two_outlets_merges_and_counts_two_sources() -> None:
    a = claim(
        "d1",
        "Forty men called up by mistake in Kurgan were sent home on Monday, the governor said.",
        "release_or_return",
        location=KUR,
        date="2022-09-26",
    )
    b = claim(
        "d2",
        "The Kurgan governor said on Monday that forty wrongly mobilized men were sent home.",
        "release_or_return",
        location=KUR,
        date="2022-09-26",
    )
    docs = [document("d1", "Ural Daily"), document("d2", "Steppe Post")]
    event = _event_of(_link([a, b], documents=docs), a["claim_id"])
    assert set(event.claim_keys) == {a["claim_id"], b["claim_id"]}
    assert event.independent_sources == 2
    assert any("joined" in line for line in event.explanation)


def test_merge_weeks_apart_stay_apart() -> None:
    a = claim(
        "d1",
        "About 90,000 people crossed into Kazakhstan, officials said.",
        "flight_or_emigration",
        date="2022-09-27",
    )
    b = claim(
        "d2",
        "About 90,000 people crossed into Kazakhstan, officials said.",
        "flight_or_emigration",
        date="2022-10-20",
    )
    result = _link([a, b])
    assert len({_event_of(result, a["claim_id"]).event_key, _event_of(result, b["claim_id"]).event_key}) == 2


def test_merge_separate_paragraphs_of_a_digest_are_separate_happenings() -> None:
    places = [
        "RU-CHE",
        "RU-KGN",
        "RU-TYU",
        "RU-OMS",
        "RU-NVS",
        "RU-TOM",
        "RU-KEM",
        "RU-ALT",
        "RU-IRK",
        "RU-BU",
    ]
    claims = [
        claim(
            "digest",
            f"In region {i}, summonses were handed out at shopping centres.",
            "draft_notice",
            location=region(code, f"Region {i}"),
            paragraph_index=i,
        )
        for i, code in enumerate(places)
    ]
    claims[1]["location"] = claims[0]["location"]  # two paragraphs about one region, still two items
    result = _link(claims)
    assert _event_of(result, claims[0]["claim_id"]) != _event_of(result, claims[1]["claim_id"])


def test_merge_reprint_of_one_outlet_counts_once() -> None:
    a = _death("d1", "Oleg Stupin", "Private Oleg Stupin was killed on October 3, the town said.")
    b = _death("d2", "Oleg Stupin", "Private Oleg Stupin was killed on October 3, the town said.")
    passages = [
        {"doc_id": "d1", "index": a["paragraph_index"], "reuse_group": 7},
        {"doc_id": "d2", "index": b["paragraph_index"], "reuse_group": 7},
    ]
    docs = [document("d1", None, title="First"), document("d2", None, title="Reprint")]
    event = _event_of(_link([a, b], passages=passages, documents=docs), a["claim_id"])
    assert len(event.claim_keys) == 2
    assert event.independent_sources == 1
    assert event.status == "reported"


def test_merge_forwarded_post_counts_for_its_origin_channel() -> None:
    a = _death("orig", "Oleg Stupin", "Рядовой Олег Ступин погиб 3 октября.")
    b = _death("fwd", "Oleg Stupin", "Рядовой Олег Ступин погиб 3 октября.")
    docs = [
        document("orig", "Урал сейчас"),
        document("fwd", "Хроника", forwarded_from="Урал сейчас"),
    ]
    event = _event_of(_link([a, b], documents=docs), a["claim_id"])
    assert event.independent_sources == 1
    assert "Урал сейчас" in event.sources


def test_merge_a_denial_makes_the_event_disputed() -> None:
    a = claim(
        "d1",
        "The suspect had been served a summons days before, a police source said.",
        "draft_notice",
        location=CHE,
    )
    b = claim(
        "d2",
        "Channels said the suspect had been served a summons, which police denied.",
        "draft_notice",
        location=CHE,
        stance="denied",
    )
    event = _event_of(_link([a, b]), a["claim_id"])
    assert b["claim_id"] in event.claim_keys
    assert event.status == "disputed"


def test_merge_different_numbers_make_the_event_disputed_with_each_value_and_its_source() -> None:
    q = {"value": 183.0, "unit": "men", "approx": False, "value_max": None}
    a = claim(
        "d1",
        "The governor said 183 wrongly mobilized men were sent home on Thursday.",
        "release_or_return",
        location=CHE,
        quantity=q,
    )
    b = claim(
        "d2",
        "The governor said 180 wrongly mobilized men were sent home on Thursday.",
        "release_or_return",
        location=CHE,
        quantity={**q, "value": 180.0},
    )
    docs = [document("d1", "Ural Daily"), document("d2", "Steppe Post")]
    result = _link([a, b], documents=docs)
    event = _event_of(result, a["claim_id"])
    assert event.status == "disputed"
    values = {v["value"]: v["sources"] for v in result.details[event.event_key]["values"]}
    assert values == {183.0: ["Ural Daily"], 180.0: ["Steppe Post"]}


def test_merge_official_claimant_confirms_a_single_source_event() -> None:
    a = claim(
        "d1",
        "The Defence Ministry said 5,000 men had arrived at training grounds.",
        "training_or_deployment",
        claimed_by=["Russia's Defence Ministry"],
    )
    event = _event_of(_link([a], documents=[document("d1", "Ural Daily")]), a["claim_id"])
    assert event.status == "confirmed"


def test_merge_lone_unofficial_report_is_reported() -> None:
    a = claim(
        "d1", "Readers say summonses are handed out at metro exits.", "draft_notice", claimed_by=["readers"]
    )
    assert _event_of(_link([a]), a["claim_id"]).status == "reported"


def test_merge_reviewer_merge_split_and_reject_are_honoured() -> None:
    a = claim("d1", "Trains with mobilized men left Ufa.", "training_or_deployment", date="2022-09-26")
    b = claim(
        "d2", "Mobilized men from Kazan arrived at a range.", "training_or_deployment", date="2022-10-07"
    )
    c = _death("d3", "Oleg Stupin", "Private Oleg Stupin was killed on October 3.")
    d = _death("d4", "Oleg Stupin", "Oleg Stupin, a private, died on October 3.")
    e = claim("d5", "Noise that extraction mistook for a claim.", "other")
    first = _link([a, b, c, d, e])
    assert _event_of(first, c["claim_id"]) == _event_of(first, d["claim_id"])
    decisions = [
        {"target_kind": "event", "target_key": a["claim_id"], "action": "merge", "value": b["claim_id"]},
        {"target_kind": "claim", "target_key": d["claim_id"], "action": "split", "value": None},
        {"target_kind": "claim", "target_key": e["claim_id"], "action": "reject", "value": None},
    ]
    second = _link([a, b, c, d, e], decisions=decisions)
    assert _event_of(second, a["claim_id"]) == _event_of(second, b["claim_id"])
    assert _event_of(second, d["claim_id"]).claim_keys == (d["claim_id"],)
    assert all(e["claim_id"] not in ev.claim_keys for ev in second.events)


def test_merge_event_key_is_the_earliest_claim_and_survives_an_earlier_newcomer() -> None:
    a = _death("d1", "Oleg Stupin", "Private Oleg Stupin was killed on October 3.", published="2022-10-05")
    b = _death("d2", "Oleg Stupin", "Oleg Stupin, a private, died on October 3.", published="2022-10-06")
    first = _event_of(_link([a, b]), a["claim_id"])
    assert first.event_key == a["claim_id"]
    a["event_id"] = b["event_id"] = first.event_key
    early = _death("d0", "Oleg Stupin", "Oleg Stupin was killed on Monday.", published="2022-10-04")
    again = _event_of(_link([early, a, b]), early["claim_id"])
    assert again.event_key == first.event_key
    assert set(again.claim_keys) == {early["claim_id"], a["claim_id"], b["claim_id"]}
