"""Brief items as an editor would start from: whole happenings, woven attribution, key numbers
in the source's words, the named dead in one paragraph, other languages marked."""

from __future__ import annotations

from typing import Any

from briefwire.report import BriefInput, build_brief, render_html, render_markdown
from briefwire.report.charts import charts_svg

DRAFT = "Army Recruitment and Draft"
COURTS = "Sentences, Legal Proceedings and Incidents"


def _doc(
    i: int, outlet: str, language: str = "en", title: str | None = None, day: str = "2022-09-29"
) -> dict[str, Any]:
    return {
        "doc_id": f"d{i}", "outlet": outlet, "title": title, "url": f"https://o{i}.example/s",
        "published": day, "origin": f"f{i}.txt", "seq": i, "language": language,
    }  # fmt: skip


def _event(key: str, docs: list[str], **kw: Any) -> dict[str, Any]:
    ev = {
        "event_id": key, "type": "draft_notice", "theme": DRAFT, "summary": f"summary {key}",
        "date": "2022-09-28", "date_precision": "day", "location": None, "quantity": None,
        "status": "reported", "review_state": "unreviewed", "first_reported": "2022-09-29",
        "doc_ids": docs, "sources": [], "independent_sources": len(docs), "edited_fields": [],
    }  # fmt: skip
    return ev | kw


def _happening(key: str, doc: str, index: int, quote: str, **kw: Any) -> dict[str, Any]:
    row = {
        "happening_id": key,
        "doc_id": doc,
        "index": index,
        "quote": quote,
        "stance": "reported",
        "claimed_by": [],
    }
    return row | kw


def _claim(event: str, happening: str, doc: str, quote: str, **kw: Any) -> dict[str, Any]:
    row = {
        "event_id": event, "happening_id": happening, "doc_id": doc, "quote": quote,
        "claimed_by": [], "stance": "reported", "facet": None,
    }  # fmt: skip
    return row | kw


def _lines(data: BriefInput, since: str | None = None, until: str | None = None) -> list[Any]:
    return [p for i in build_brief(data, since, until).items() for p in (i.parts or (i,))]


def test_brief_continuation_sentence_follows_its_lead_and_never_stands_alone() -> None:
    docs = {"d1": _doc(1, "Siberian Tribune", title="Arson in Berdsk")}
    lead = "Police in Berdsk detained a man on suspicion of throwing firebombs at the enlistment office."
    events = [
        _event("e1", ["d1"], type="attack_on_draft_office", theme=COURTS),
        _event("e2", ["d1"], type="repression_or_prosecution", theme=COURTS),
    ]
    data = BriefInput(
        passages=[], documents=docs, events=events,
        happenings=[_happening("h1", "d1", 0, lead), _happening("h2", "d1", 1, "He was charged with arson.")],
        claims=[_claim("e1", "h1", "d1", lead), _claim("e2", "h2", "d1", "He was charged with arson.")],
    )  # fmt: skip
    [item] = _lines(data)
    assert item.text == f"{lead} He was charged with arson."
    assert set(item.event_keys) == {"e1", "e2"}


def test_brief_continuation_with_nothing_to_lean_on_is_left_out_and_said_so() -> None:
    docs = {"d1": _doc(1, "Chronicle")}
    data = BriefInput(
        passages=[], documents=docs, events=[_event("e1", ["d1"])],
        happenings=[_happening("h1", "d1", 0, "He did not say how many.")],
        claims=[_claim("e1", "h1", "d1", "He did not say how many.")],
    )  # fmt: skip
    brief = build_brief(data, None, None)
    assert brief.items() == [] and any("left out" in n for n in brief.notes)


def test_brief_attribution_is_woven_as_an_editor_writes_it() -> None:
    docs = {"d1": _doc(1, "Daily Test")}
    said = "Officials say a second wave of mobilization will not come before the winter, the report says."
    data = BriefInput(
        passages=[], documents=docs, events=[_event("e1", ["d1"], type="policy_or_statement")],
        happenings=[
            _happening("h1", "d1", 0, said, claimed_by=["government sources", "Verstka"], stance="planned")
        ],
        claims=[_claim("e1", "h1", "d1", said, stance="planned")],
    )  # fmt: skip
    [item] = _lines(data)
    assert item.attribution == "Verstka, citing government sources"
    assert "(according to Verstka, citing government sources; planned;" in render_markdown(
        build_brief(data, None, None)
    )
    # A claimant the sentence already names is not repeated; a plain "confirmed" is never shown.
    named = "Governor Vasily Golubev said men with serious illnesses had been sent home."
    data = BriefInput(
        passages=[], documents=docs, events=[_event("e1", ["d1"], status="confirmed")],
        happenings=[_happening("h1", "d1", 0, named, claimed_by=["Rostov governor Vasily Golubev"])],
        claims=[_claim("e1", "h1", "d1", named, stance="confirmed")],
    )  # fmt: skip
    [item] = _lines(data)
    assert item.attribution is None and item.stance is None
    assert "confirmed" not in render_markdown(build_brief(data, None, None))


def test_brief_key_number_keeps_the_sources_qualifier_and_skips_trivial_counts() -> None:
    docs = {"d1": _doc(1, "Wire")}
    joined = "The Defence Ministry said more than 200,000 men had joined the army."
    held = "Police detained three people who handed out leaflets."
    big = {"kind": "quantity", "happening_id": "h1", "text": "more than 200,000 men",
           "quantity": {"value": 200000.0, "unit": "men", "approx": True}}  # fmt: skip
    small = {"kind": "quantity", "happening_id": "h2", "text": "three people",
             "quantity": {"value": 3.0, "unit": "people", "approx": False}}  # fmt: skip
    data = BriefInput(
        passages=[], documents=docs,
        events=[
            _event("e1", ["d1"], type="policy_or_statement"),
            _event("e2", ["d1"], type="repression_or_prosecution", theme=COURTS),
        ],
        happenings=[_happening("h1", "d1", 0, joined), _happening("h2", "d1", 1, held)],
        claims=[_claim("e1", "h1", "d1", joined), _claim("e2", "h2", "d1", held)],
        mentions=[big, small],
    )  # fmt: skip
    brief = build_brief(data, None, None)
    by_key = {i.key: i for i in brief.items()}
    assert by_key["e1"].quantity == "more than 200,000 men"
    assert by_key["e2"].quantity is None
    assert brief.figures[0][0].startswith("more than 200,000 men")
    assert "about 200,000" not in render_markdown(brief)


def test_brief_same_death_is_one_line_in_the_named_dead_paragraph() -> None:
    docs = {"d1": _doc(1, "Ledger"), "d2": _doc(2, "Courier")}
    one = "Private Alexei Voronin, 34, of Miass was killed in Ukraine on October 3."
    two = "A welder from Miass, Aleksey Voronin, has been killed, the city administration said."
    person = {"person_id": 7, "name": "Alexei Voronin", "name_variants": ["Aleksey Voronin"], "age": 34,
              "home_region": "Chelyabinsk Oblast", "home_town": "Miass", "date_of_death": "2022-10-03",
              "status": "mobilized", "doc_ids": ["d1", "d2"], "independent_sources": 2}  # fmt: skip
    data = BriefInput(
        passages=[], documents=docs,
        events=[_event(k, [d], type="casualty", theme="Mobilized Soldiers, Volunteers and Contract Soldiers")
                for k, d in (("e1", "d1"), ("e2", "d2"))],
        happenings=[_happening("h1", "d1", 0, one), _happening("h2", "d2", 0, two)],
        claims=[_claim("e1", "h1", "d1", one), _claim("e2", "h2", "d2", two)],
        persons=[person],
    )  # fmt: skip
    brief = build_brief(data, None, None)
    [group] = brief.items()
    assert group.heading == "Named dead" and len(group.parts) == 1
    assert (
        group.parts[0].text
        == "Alexei Voronin, 34, mobilized, from Miass, Chelyabinsk Oblast, died 2022-10-03"
    )
    assert render_markdown(brief).count("Voronin") == 2  # the paragraph and the casualty table


def test_brief_reports_of_one_kind_from_several_places_are_one_item() -> None:
    docs = {f"d{i}": _doc(i, f"Outlet {i}") for i in (1, 2)}
    texts = {"e1": "Volunteers in Tyumen opened a warehouse for mobilized men.",
             "e2": "Volunteers in Ulan-Ude collected about 800,000 rubles for sleeping bags."}  # fmt: skip
    data = BriefInput(
        passages=[], documents=docs,
        events=[
            _event(k, [f"d{n}"], type="aid_or_fundraising", theme="Society and Economy", location={"name": p})
            for n, (k, p) in enumerate((("e1", "Tyumen"), ("e2", "Ulan-Ude")), 1)
        ],
        happenings=[_happening(f"h{k}", f"d{n}", 0, t) for n, (k, t) in enumerate(texts.items(), 1)],
        claims=[_claim(k, f"h{k}", f"d{n}", t) for n, (k, t) in enumerate(texts.items(), 1)],
    )  # fmt: skip
    [item] = build_brief(data, None, None).items()
    assert item.heading == "Aid and fundraising" and [p.key for p in item.parts] == ["e1", "e2"]


def test_brief_russian_document_in_an_english_brief_is_marked_with_title_and_name() -> None:
    docs = {
        "d1": _doc(1, "Ledger"),
        "d2": _doc(2, "Ledger"),
        "d3": _doc(3, "Уральский вестник", "ru", "Житель Миасса погиб"),
    }
    en = "Governor Vasily Golubev said men with serious illnesses had been sent home."
    ru = "О гибели рядового Алексея Воронина сообщила администрация города."
    data = BriefInput(
        passages=[], documents=docs, events=[_event("e1", ["d1"]), _event("e2", ["d3"])],
        happenings=[_happening("h1", "d1", 0, en), _happening("h2", "d3", 0, ru)],
        claims=[_claim("e1", "h1", "d1", en), _claim("e2", "h2", "d3", ru)],
    )  # fmt: skip
    brief = build_brief(data, None, None)
    assert brief.language == "en"  # two of the three documents
    marked = {i.key: i for i in brief.items()}["e2"]
    assert (marked.language, marked.original_title) == ("ru", "Житель Миасса погиб")
    assert marked.name_latin == "Alekseya Voronina"
    assert "**\\[ru\\] «Житель Миасса погиб»:** О гибели" in render_markdown(brief)
    assert '<span class="lang">[ru] «Житель Миасса погиб»: </span>' in render_html(brief)
    russian = build_brief(BriefInput(**{**data.__dict__, "language": "ru"}), None, None)
    assert {i.key: i.language for i in russian.items()} == {"e1": "en", "e2": None}
    headings = [line for line in render_markdown(russian).splitlines() if line.startswith("#")]
    assert headings == ["# Мобилизация: сводка: за всё время", "## Вербовка и призыв"]


def test_brief_chart_counts_only_days_inside_the_period_and_is_absent_when_empty() -> None:
    docs = {f"d{i}": _doc(i, f"Outlet {i}") for i in (1, 2, 3)}
    events = [_event(f"e{i}", [f"d{i}"], date=day, summary=f"Men were handed summonses in town {i} today.")
              for i, day in ((1, "2022-09-20"), (2, "2022-09-29"), (3, "2022-09-30"))]  # fmt: skip
    brief = build_brief(BriefInput(passages=[], documents=docs, events=events), "2022-09-29", "2022-09-30")
    assert set(brief.events_per_day) == {"2022-09-29", "2022-09-30"}
    assert "<svg" in charts_svg(brief)
    one_day = build_brief(
        BriefInput(passages=[], documents=docs, events=events[1:2]), "2022-09-29", "2022-09-29"
    )
    assert charts_svg(one_day) == ""
