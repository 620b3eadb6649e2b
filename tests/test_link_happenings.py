"""Document happenings are linked across outlets on entity evidence; look-alikes stay apart."""

from __future__ import annotations

from typing import Any

from briefwire.link import LinkInput, LinkOptions, LinkResult, link
from briefwire.link.entities import org_profile
from briefwire.link.outlets import credits, outlet_name
from briefwire.link.places import place_words
from briefwire.models import LinkedEvent

from .linkrows import claim, document

FAST = LinkOptions(embeddings=False)


def _place(name: str, code: str, admin1: str) -> dict[str, Any]:
    return {
        "name": name,
        "admin1": admin1,
        "admin1_code": code,
        "country": code[:2],
        "precision": "settlement",
    }


IRK = _place("Ust-Ilimsk", "RU-IRK", "Irkutsk Oblast")
IRK_RU = _place("Усть-Илимск", "RU-IRK", "Иркутская область")
BRATSK = _place("Bratsk", "RU-IRK", "Irkutsk Oblast")


def _link(claims: list[dict[str, Any]], **kw: Any) -> LinkResult:
    return link(LinkInput(claims=claims, **kw), FAST)


def _event_of(result: LinkResult, claim_key: str) -> LinkedEvent:
    return next(e for e in result.events if claim_key in e.claim_keys)


def _together(result: LinkResult, a: dict[str, Any], b: dict[str, Any]) -> bool:
    return b["claim_id"] in _event_of(result, a["claim_id"]).claim_keys


def _pair(result: LinkResult, a: dict[str, Any], b: dict[str, Any]) -> Any:
    keys = {a["claim_id"], b["claim_id"]}
    return next(p for p in result.pairs if {p.a, p.b} == keys)


def test_link_reports_typed_differently_merge_within_a_type_family() -> None:
    a = claim(
        "wire",
        "A man opened fire in the enlistment office of Ust-Ilimsk on Monday.",
        "attack_on_draft_office",
        location=IRK,
        happening_id="h-wire",
    )
    b = claim(
        "local",
        "A gunman shot the military commissar of Ust-Ilimsk on Monday.",
        "incident_or_crime",
        location=IRK,
        happening_id="h-local",
    )
    assert _together(_link([a, b]), a, b)


def test_link_english_and_russian_reports_merge_on_place_date_and_number() -> None:
    q = {"value": 25.0, "unit": "people", "approx": False}
    a = claim(
        "en",
        "The gunman, a 25-year-old resident, fired at the commissar in Ust-Ilimsk.",
        "attack_on_draft_office",
        location=IRK,
        quantity=q,
        happening_id="h-en",
    )
    b = claim(
        "ru",
        "В военкомате Усть-Илимска местный житель выстрелил в военкома.",
        "attack_on_draft_office",
        location=IRK_RU,
        quantity=q,
        happening_id="h-ru",
    )
    result = _link([a, b], documents=[document("en", "Northwire"), document("ru", "Приангарье")])
    assert _together(result, a, b)
    assert _event_of(result, a["claim_id"]).independent_sources == 2


def test_link_counts_from_different_claimants_are_one_disputed_happening() -> None:
    a = claim(
        "d1",
        "Officials said 40 people died in the blast at the Kopeysk plant.",
        "incident_or_crime",
        quantity={"value": 40.0, "unit": "people", "approx": False},
        claimed_by=["officials"],
        location=_place("Kopeysk", "RU-CHE", "Chelyabinsk Oblast"),
        happening_id="h1",
    )
    b = claim(
        "d2",
        "Local channels reported 70 people died in the blast at the Kopeysk plant.",
        "incident_or_crime",
        quantity={"value": 70.0, "unit": "people", "approx": False},
        claimed_by=["local Telegram channels"],
        location=_place("Kopeysk", "RU-CHE", "Chelyabinsk Oblast"),
        happening_id="h2",
    )
    result = _link([a, b], documents=[document("d1", "Ural Daily"), document("d2", "Chelyabinsk Now")])
    assert _together(result, a, b)
    assert _pair(result, a, b).features.get("quantity_dispute") == 1.0
    assert _event_of(result, a["claim_id"]).status == "disputed"


def test_link_the_same_ritual_ten_days_later_stays_apart_and_says_the_dates_did_it() -> None:
    a = claim(
        "d1",
        "Wives of mobilized men laid flowers at the Kremlin wall in Moscow.",
        "protest_or_appeal",
        date="2024-01-06",
        happening_id="h1",
    )
    b = claim(
        "d2",
        "Wives of mobilized men laid flowers at the Kremlin wall in Moscow.",
        "protest_or_appeal",
        date="2024-01-16",
        happening_id="h2",
    )
    result = _link([a, b])
    assert not _together(result, a, b)
    assert _pair(result, a, b).veto == "10 days apart"


def test_link_a_strike_on_another_town_of_the_region_stays_apart() -> None:
    a = claim(
        "d1",
        "A drone struck the training ground near Ust-Ilimsk overnight.",
        "other",
        location=IRK,
        happening_id="h1",
    )
    b = claim(
        "d2",
        "A drone struck the training ground near Bratsk overnight.",
        "other",
        location=BRATSK,
        happening_id="h2",
    )
    result = _link([a, b])
    assert not _together(result, a, b)
    assert "different settlements" in (_pair(result, a, b).veto or "")


def test_link_an_undated_report_needs_stronger_evidence_than_a_dated_one() -> None:
    text = "Volunteers in Ust-Ilimsk collected money for two trucks for the mobilized."
    dated = [claim(d, text, "aid_or_fundraising", location=IRK, happening_id=f"h{d}") for d in ("a", "b")]
    undated = [
        claim(
            d,
            text,
            "aid_or_fundraising",
            location=IRK,
            happening_id=f"u{d}",
            date=None,
            date_basis="publication",
        )
        for d in ("c", "e")
    ]
    strong = _pair(_link(dated), *dated).score
    weak = _pair(_link(undated), *undated).score
    assert weak < strong


def test_link_many_weak_facet_sentences_do_not_outvote_one_strong_core_match() -> None:
    core = "A man threw a petrol bomb at the enlistment office in Ust-Ilimsk on Monday night."
    a = [claim("d1", core, "attack_on_draft_office", location=IRK, happening_id="h1")]
    a += [
        claim(
            "d1",
            f"Unrelated background remark number {i} about the weather.",
            "attack_on_draft_office",
            facet="count",
            location=IRK,
            happening_id="h1",
        )
        for i in range(6)
    ]
    b = claim("d2", core, "attack_on_draft_office", location=IRK, happening_id="h2")
    result = _link([*a, b])
    assert _together(result, a[0], b)
    assert set(_event_of(result, b["claim_id"]).claim_keys) >= {c["claim_id"] for c in a}


def test_link_different_named_people_stay_apart_and_why_says_so() -> None:
    a = claim(
        "d1",
        "Private Oleg Stupin was killed on October 3.",
        actors=[{"name": "Oleg Stupin", "role": "victim"}],
        happening_id="h1",
    )
    b = claim(
        "d2",
        "Private Ivan Sorokin was killed on October 3.",
        actors=[{"name": "Ivan Sorokin", "role": "victim"}],
        happening_id="h2",
    )
    result = _link([a, b])
    assert not _together(result, a, b)
    assert _pair(result, a, b).veto == "different people named"


def test_link_a_wire_story_printed_by_two_outlets_counts_once() -> None:
    text = "A young man opened fire inside the enlistment office in Ust-Ilimsk on Monday."
    a = claim("wire", text, "attack_on_draft_office", location=IRK, happening_id="h1")
    b = claim(
        "paper", text.replace("young", "local"), "attack_on_draft_office", location=IRK, happening_id="h2"
    )
    c = claim(
        "local",
        "В Усть-Илимске стреляли в военкома.",
        "attack_on_draft_office",
        location=IRK_RU,
        happening_id="h3",
    )
    docs = [
        document("wire", "Northwire", head="IRKUTSK, Sept 26 (Northwire) - A young man opened fire"),
        document(
            "paper",
            "Siberian Evening Post",
            head="IRKUTSK, Sept 26 (Northwire) - A local man opened fire",
            tail="This story was provided by Northwire.",
        ),
        document("local", "Приангарье"),
    ]
    event = _event_of(_link([a, b, c], documents=docs), a["claim_id"])
    assert set(event.claim_keys) == {a["claim_id"], b["claim_id"], c["claim_id"]}
    assert event.independent_sources == 2
    assert set(event.sources) == {"Northwire", "Siberian Evening Post", "Приангарье"}


def test_link_outlet_is_named_by_masthead_then_host_never_by_file_name() -> None:
    assert outlet_name({"doc_id": "x", "outlet": "Tomsk Week", "url": "https://tw.example/a"}) == "Tomsk Week"
    assert outlet_name(
        {"doc_id": "x", "outlet": None, "url": "https://www.tw.example/a", "origin": "/f/a.txt"}
    ) == ("tw.example")
    assert credits({"doc_id": "x", "outlet": "Paper", "head": "MOSCOW, Feb 3 (Northwire) - Police"}) == {
        "northwire"
    }


def test_link_a_foreign_ministry_is_not_folded_into_a_russian_one() -> None:
    orgs = org_profile()
    assert orgs.find("Ukraine's Defence Ministry") is None
    assert orgs.find("Минобороны Украины") is None
    mod = orgs.find("the Defence Ministry")
    assert mod is not None and mod.key == "ru-mod"


def test_link_place_names_match_across_translation_and_script() -> None:
    assert place_words("East Port") == place_words("Vostochny Port") == place_words("Восточный порт")
    assert place_words("Verkhny Lars") == place_words("Верхний Ларс") == place_words("Verkhniy Lars")
    assert place_words("Nizhny Novgorod") == place_words("Нижнего Новгорода")


def _figures(doc: str, quote: str, value: int, location: dict[str, Any]) -> dict[str, Any]:
    """A post known only from figures: an "other" happening an extractor opened for its numbers."""
    return claim(
        doc,
        quote,
        "other",
        location=location,
        happening_id=f"h-{doc}",
        facet="figure",
        quantity={"value": value, "unit": "people", "approx": True, "value_max": None},
    )


def test_link_post_known_only_from_figures_merges_with_a_report_of_its_happening() -> None:
    # a post that gives only figures still names its place and tells it in its own words
    a = _figures("tg-a", "About 230 people now sleep in the gym of School No. 4 in Ust-Ilimsk.", 230, IRK)
    b = claim(
        "tg-b",
        "About 230 people now sleep in the gym of School No. 4 in Ust-Ilimsk.",
        "other",
        location=IRK,
        happening_id="h-tg-b",
    )
    assert _together(_link([a, b]), a, b)


def test_link_posts_known_only_from_figures_sharing_only_a_number_stay_apart() -> None:
    # a figure told by the way is never one of the happening's counts: the same number in
    # another town's post is no evidence
    a = _figures("tg-a", "About 230 people now sleep in the gym of School No. 4 in Ust-Ilimsk.", 230, IRK)
    b = _figures("tg-b", "Some 230 volunteers cleared snow from the station square in Bratsk.", 230, BRATSK)
    assert not _together(_link([a, b]), a, b)
