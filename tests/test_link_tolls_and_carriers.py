"""Tolls name whom they name; the outlet that carries a number is not who gives it; a foreign
ministry is never a Russian one, however briefly the sentence names it."""

from __future__ import annotations

from typing import Any

from briefwire.link import LinkInput, LinkOptions, LinkResult, link
from briefwire.link.entities import PersonIndex, org_profile
from briefwire.link.merge import claimant_keys

from .linkrows import claim, document

FAST = LinkOptions(embeddings=False)
BARRACKS = {
    "name": "Makiivka",
    "admin1": "Donetsk Oblast",
    "admin1_code": "UA-14",
    "country": "UA",
    "precision": "settlement",
}


def _link(claims: list[dict[str, Any]], **kw: Any) -> LinkResult:
    return link(LinkInput(claims=claims, **kw), FAST)


def _pair(result: LinkResult, a: dict[str, Any], b: dict[str, Any]) -> Any:
    keys = {a["claim_id"], b["claim_id"]}
    return next(p for p in result.pairs if {p.a, p.b} == keys)


def test_link_two_names_from_one_toll_are_not_kept_apart_as_different_people() -> None:
    toll = claim(
        "wire",
        "At least 52 soldiers died when rockets hit the barracks in Makiivka on New Year's night.",
        quantity={"value": 52.0, "unit": "soldiers", "approx": False},
        location=BARRACKS,
        happening_id="h-toll",
    )
    named = claim(
        "wire",
        "Among the dead at Makiivka was Major Pyotr Gruzdev, the battalion's deputy commander.",
        actors=[{"name": "Pyotr Gruzdev", "role": "victim"}],
        location=BARRACKS,
        happening_id="h-toll",
    )
    other = claim(
        "local",
        "The list of the dead from the Makiivka barracks now includes Anton Shilov of Samara.",
        actors=[{"name": "Anton Shilov", "role": "victim"}],
        location=BARRACKS,
        happening_id="h-list",
    )
    result = _link([toll, named, other])
    assert _pair(result, toll, other).veto is None  # pairs are kept by happenings' lead claims
    assert other["claim_id"] in next(e for e in result.events if toll["claim_id"] in e.claim_keys).claim_keys


def test_link_two_one_person_stories_still_stay_apart_when_a_count_stands_beside_a_name() -> None:
    grave = claim(
        "obit",
        "Kirill Ostapenko lies in the new section, where three other men were buried this winter.",
        quantity={"value": 3.0, "unit": "other men", "approx": False},
        actors=[{"name": "Kirill Ostapenko", "role": "victim"}],
        location=BARRACKS,
        happening_id="h-obit",
    )
    other = claim(
        "local",
        "Mobilized Semyon Lagutin from Ukhta was killed near Makiivka, his sister said.",
        actors=[{"name": "Semyon Lagutin", "role": "victim"}],
        location=BARRACKS,
        happening_id="h-other",
    )
    assert _pair(_link([grave, other]), grave, other).veto == "different people named"


def _drones(doc: str, n: float, outlet: str, claimed_by: list[str]) -> dict[str, Any]:
    return claim(
        doc,
        f"Air defences destroyed {int(n)} drones over the region overnight.",
        "other",
        quantity={"value": n, "unit": "drones", "approx": False},
        claimed_by=claimed_by,
        outlet=outlet,
        date_basis="publication",
        happening_id=f"h-{doc}",
    )


def test_link_two_outlets_different_numbers_with_no_one_behind_them_are_no_dispute() -> None:
    # extraction names the carrying outlet when the text names no claimant
    a = _drones("d1", 22.0, "Channel One Mirror", ["Channel One Mirror"])
    b = _drones("d2", 24.0, "Evening Wire", ["Evening Wire"])
    docs = [document("d1", "Channel One Mirror"), document("d2", "Evening Wire")]
    features = _pair(_link([a, b], documents=docs), a, b).features
    assert "quantity_dispute" not in features
    assert features.get("unattributed_quantity") == 1.0


def test_link_one_claimants_two_numbers_count_fully_against_one_happening() -> None:
    a = _drones("d1", 22.0, "Channel One Mirror", ["the defence ministry"])
    b = _drones("d2", 24.0, "Evening Wire", ["the defence ministry"])
    docs = [document("d1", "Channel One Mirror"), document("d2", "Evening Wire")]
    assert _pair(_link([a, b], documents=docs), a, b).features.get("other_quantity") == 1.0


def test_link_a_foreign_ministry_named_only_by_its_short_name_is_not_russias() -> None:
    orgs = org_profile("mobilization")
    people = PersonIndex()
    c = claim(
        "d1",
        "Украинский МИД ответил на призывы снизить призывной возраст.",
        "policy_or_statement",
        actors=[{"name": "МИД", "role": "organisation"}],
    )
    assert "org:ru-mfa" not in claimant_keys(c, people, orgs)
    ours = claim(
        "d2",
        "МИД России ответил на заявление Лондона.",
        "policy_or_statement",
        actors=[{"name": "МИД", "role": "organisation"}],
    )
    assert "org:ru-mfa" in claimant_keys(ours, people, orgs)
