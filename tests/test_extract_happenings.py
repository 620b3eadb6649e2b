"""Reading a document the way an editor does: headings, happenings, facets, numbers, irrealis.

The texts were written for these tests (people and events invented).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from briefwire.extract import Extraction, extract
from briefwire.extract.structure import STORY, heading_theme
from briefwire.models import CleanDocument, DateValue, Paragraph, RawDocument
from briefwire.nlp import embeddings, get_backend

Run = Callable[..., Extraction]


def _doc(text: str, language: str, published: str = "2023-04-12") -> CleanDocument:
    paragraphs = tuple(
        Paragraph(i, m.start(), m.end(), m.group()) for i, m in enumerate(re.finditer(r"[^\n]+", text))
    )
    raw = RawDocument(origin="t.txt", text=text, format="text", outlet="Test Desk")
    date = DateValue(published, "day", "metadata")
    return CleanDocument(raw, "d1", text, paragraphs, (), None, None, date, language)


@pytest.fixture(scope="module")
def run() -> Run:
    def _run(text: str, language: str = "en") -> Extraction:
        doc = _doc(text, language)
        return extract(doc, next(iter(get_backend(language).analyse([doc.text]))))

    return _run


DIGEST = (
    "Mobilization in Russia: summary for April 10-11\n"
    "COURTS AND CASES\n"
    "A court in Syktyvkar fined a pensioner 40,000 rubles for a post against her grandson's call-up.\n"
    "In Penza, police detained two men who had painted anti-war slogans on a bus stop.\n"
    "HELP FOR THE TROOPS\n"
    "Women in a village near Kirov have woven more than 60 camouflage nets for the front since January.\n"
)


def test_extract_heading_sets_the_theme_of_the_paragraphs_under_it(run: Run) -> None:
    ex = run(DIGEST)
    assert ex.passage_themes[1:4] == ("Sentences, Legal Proceedings and Incidents",) * 3
    assert ex.passage_themes[4:6] == ("Society and Economy",) * 2


def test_extract_heading_is_never_a_claim(run: Run) -> None:
    text = DIGEST.splitlines()
    ex = run(DIGEST)
    quotes = {c.quote for c in ex.claims}
    assert not quotes & {text[1], text[4]}


@pytest.mark.parametrize(
    ("heading", "theme"),
    [
        ("ARMY RECRUITMENT AND DRAFT", "Army Recruitment and Draft"),
        ("Relatives and public response", "Relatives and Public Response"),
        ("Суды и уголовные дела", "Sentences, Legal Proceedings and Incidents"),
        ("In brief", None),
        ("Other news", "Other"),
        ("MONEY", "Society and Economy"),
        ("CALLED UP BY MISTAKE", "Army Recruitment and Draft"),
        # a section of one story of its own (THEMES.md's developing story), by a place or a
        # proper noun in it, or by the editor's own mark
        ("Evacuation from the Shebekino district", STORY + "Evacuation from the Shebekino district"),
        ("Protests in Dagestan:", "Developing story: Protests in Dagestan"),
        ("Developing story — floods in Orsk", "Developing story: Floods in Orsk"),
        ("THE SIEGE OF MARIUPOL", "Developing story: Siege of Mariupol"),
        # one standing word without a story is a standing section; Title Case shows no proper noun
        ("Families", "Relatives and Public Response"),
        ("Courts And Incidents", "Sentences, Legal Proceedings and Incidents"),
    ],
)
def test_extract_heading_theme_from_its_words(heading: str, theme: str | None) -> None:
    assert heading_theme(heading) == theme


def test_extract_uncued_heading_takes_the_closest_section() -> None:
    # no profile word for these: the embedding of the heading is close to the section's description
    if not embeddings.available():
        pytest.skip("the sentence-embedding model is not installed")
    assert heading_theme("Wages and shop prices") == "Society and Economy"
    assert heading_theme("Podcasts and videos") is None  # close to no section


def test_extract_continuation_sentences_join_their_happening(run: Run) -> None:
    ex = run(
        "On Monday night a man threw two bottles of petrol at the enlistment office in Tver. "
        "Police detained him a few streets away. He has been charged with attempted arson."
    )
    assert len(ex.happenings) == 1
    [h] = ex.happenings
    assert h.type == "attack_on_draft_office"
    assert "repression_or_prosecution" in h.facets
    assert len(h.evidence) == 3
    assert {c.type for c in ex.claims} == {"attack_on_draft_office"}
    # the facet sentences inherit the story's place
    assert all(c.location and c.location.name == "Tver" for c in ex.claims)


def test_extract_number_in_a_sentence_without_an_event_reaches_the_claims(run: Run) -> None:
    ex = run(
        "Volunteers in Barnaul sent a truck of winter clothes to mobilized men from the region. "
        "The load weighed about 3 tonnes, and 140 pairs of boots were among it."
    )
    values = sorted(c.quantity.value for c in ex.claims if c.quantity)
    assert values == [3, 140]
    assert {c.type for c in ex.claims} == {"aid_or_fundraising"}


def test_extract_number_in_a_plan_reaches_the_claims_as_planned(run: Run) -> None:
    ex = run(
        "Police in Kazan detained a man who set fire to the door of an enlistment office on Sunday.\n\n"
        "If the men are not brought home, 300 wives will go to the governor."
    )
    [wives] = [c for c in ex.claims if c.quantity]
    assert (wives.quantity.value, wives.stance) == (300, "planned")
    assert wives.facet == "figure"  # told near the happening, not as part of it


def test_extract_number_with_no_happening_to_join_is_news_of_its_own(run: Run) -> None:
    ex = run("The gym of a school in Oryol sleeps 180 evacuees from villages near the border with Ukraine.")
    assert [(c.type, c.quantity.value if c.quantity else None) for c in ex.claims] == [("other", 180)]
    assert [h.type for h in ex.happenings] == ["other"]


def test_extract_numbers_of_an_off_topic_document_are_no_claims(run: Run) -> None:
    ex = run("A city council in Ohio voted 7 to 2 to repave 12 streets next year.")
    assert ex.claims == ()
    assert any(m.kind == "quantity" for m in ex.mentions)  # still mentions


def test_extract_fine_for_discrediting_the_army_is_on_topic(run: Run) -> None:
    ex = run("A court in Pskov fined a music teacher 30,000 rubles for discrediting the army in a post.")
    assert [(c.type, c.quantity.value if c.quantity else None) for c in ex.claims] == [
        ("repression_or_prosecution", 30_000)
    ]


def test_extract_vague_amount_is_a_mention_without_a_value(run: Run) -> None:
    ex = run("Thousands of mobilized men from Tuva were sent to training grounds in the Rostov region.")
    vague = [m for m in ex.mentions if m.kind == "quantity" and m.text.lower().startswith("thousands")]
    assert vague and vague[0].quantity is None
    assert not any(c.quantity for c in ex.claims)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Reservists will need a permit from the enlistment office to change jobs, the bill says.",
            ("policy_or_statement", "planned"),
        ),
        (
            "Wives of the mobilized demanded that their husbands be brought home from the front.",
            ("protest_or_appeal", "demanded"),
        ),
        ("No mobilized men from the district were detained at the border, the governor said.", None),
        ("If a second wave is announced, many men in Perm could try to leave for Kazakhstan.", None),
        ("Is the enlistment office in Samara still serving summonses at metro stations?", None),
    ],
)
def test_extract_irrealis_is_never_a_happened_event(
    run: Run, text: str, expected: tuple[str, str] | None
) -> None:
    ex = run(text)
    got = [(c.type, c.stance) for c in ex.claims]
    assert got == ([expected] if expected else [])


def test_extract_cue_in_a_relative_clause_is_background(run: Run) -> None:
    ex = run("A nurse who had collected parcels for soldiers at the front was detained by police in Izhevsk.")
    assert [c.type for c in ex.claims] == ["repression_or_prosecution"]


def test_extract_list_of_named_dead_after_one_cue(run: Run) -> None:
    ex = run(
        "Local channels named more of the dead this week: Private Roman Veselov, 27, of Kotlas; "
        "Igor Pakhomov, 41, from Severodvinsk, mobilized in October; and Sergeant Yuri Samsonov of Onega."
    )
    # ranks are fields, not part of the name
    assert sorted(c.name for c in ex.casualties) == ["Igor Pakhomov", "Roman Veselov", "Yuri Samsonov"]
    assert {c.name: c.rank for c in ex.casualties}["Yuri Samsonov"] == "Sergeant"
    pakhomov = next(c for c in ex.casualties if "Pakhomov" in c.name)
    assert pakhomov.age == 41 and pakhomov.status == "mobilized"


def test_extract_list_cue_in_the_sentence_before(run: Run) -> None:
    ex = run(
        "Two more mobilized men from the Arkhangelsk region were killed near Kreminna. "
        "They are Pavel Tikhomirov, 35, and Stepan Kolobov, 29."
    )
    assert sorted(c.name for c in ex.casualties) == ["Pavel Tikhomirov", "Stepan Kolobov"]


def test_extract_a_wounded_man_in_a_list_is_no_casualty(run: Run) -> None:
    ex = run(
        "Among the dead is Artyom Lysov, 24, from Kotlas; his cousin Denis Lysov was wounded in the attack."
    )
    assert [c.name for c in ex.casualties] == ["Artyom Lysov"]


def test_extract_russian_list_of_dead_in_oblique_cases(run: Run) -> None:
    ex = run(
        "В Марий Эл простились с погибшими в зоне СВО: мобилизованным Александром Шабалиным из Волжска "
        "и контрактником Ильёй Мамаевым из Йошкар-Олы.",
        "ru",
    )
    assert sorted(c.name for c in ex.casualties) == ["Александр Шабалин", "Илья Мамаев"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Суд оштрафовал свыше двухсот участников акции в Уфе.", 200),
        ("В регионе за неделю задержали полтора десятка призывников.", 15),
        ("Власти сообщили, что восемьдесят две тысячи мобилизованных уже на фронте.", 82_000),
        ("Трое военнослужащих из Читы пропали без вести.", 3),
        # thousands as posts write them, and a name in quotes as what is counted
        ("Суд обязал блогера заплатить 215к рублей налоговой.", 215_000),
        ("Над областью за ночь сбили 18 «Гераней».", 18),
    ],
)
def test_extract_russian_numbers_in_words(run: Run, text: str, value: float) -> None:
    ex = run(text, "ru")
    quantities = [m.quantity.value for m in ex.mentions if m.kind == "quantity" and m.quantity]
    assert value in quantities


def test_extract_death_told_two_sentences_later(run: Run) -> None:
    ex = run(
        "Pavel Zimin, a driver from Kostroma, had signed a contract in March. "
        "His battalion was sent towards Avdiivka in May. There he was killed by a drone on June 2."
    )
    [c] = ex.casualties
    assert (c.name, c.status, c.home_town, c.date_of_death.date) == (
        "Pavel Zimin",
        "contract",
        "Kostroma",
        "2022-06-02",
    )


def test_extract_headline_types_a_weak_cue_near_the_top(run: Run) -> None:
    doc = _doc("Several dozen men gathered outside the regional administration in Kazan on Sunday.", "en")
    doc = CleanDocument(
        doc.raw,
        doc.doc_id,
        doc.text,
        doc.paragraphs,
        (),
        "Relatives of mobilized men protest in Kazan",
        None,
        doc.published,
        "en",
    )
    ex = extract(doc, next(iter(get_backend("en").analyse([doc.text]))))
    assert [c.type for c in ex.claims] == ["protest_or_appeal"]
