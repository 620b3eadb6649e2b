"""Named casualties: who was reported killed, with what the text says about them."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from briefwire.extract import Extraction, extract
from briefwire.models import CleanDocument, DateValue, Paragraph, RawDocument
from briefwire.nlp import get_backend

Run = Callable[[str], Extraction]


def _doc(text: str) -> CleanDocument:
    paragraphs = tuple(
        Paragraph(i, m.start(), m.end(), m.group())
        for i, m in enumerate(re.finditer(r"[^\n]+(?:\n[^\n]+)*", text))
    )
    raw = RawDocument(origin="t.txt", text=text, format="text", outlet="Regional News")
    return CleanDocument(
        raw, "d", text, paragraphs, (), None, None, DateValue("2023-02-20", "day", "metadata"), "en"
    )


@pytest.fixture(scope="module")
def run() -> Run:
    backend = get_backend("en")

    def _run(text: str) -> Extraction:
        doc = _doc(text)
        return extract(doc, next(iter(backend.analyse([doc.text]))))

    return _run


def test_casualty_fields_from_one_sentence(run: Run) -> None:
    ex = run(
        "Junior Sergeant Denis Kuzmenko, 29, a mobilized driver from the town of Buguruslan, "
        "Orenburg region, was killed near Kreminna on February 14."
    )
    [c] = ex.casualties
    assert c.name == "Denis Kuzmenko"
    assert (c.age, c.rank, c.status) == (29, "Junior Sergeant", "mobilized")
    assert c.home_region_code == "RU-ORE"
    assert c.home_town == "Buguruslan"
    assert c.date_of_death.date == "2023-02-14"
    assert c.place_of_death == "Kreminna"
    claims = [cl for cl in ex.claims if cl.type == "casualty"]
    assert len(claims) == 1 and claims[0].actors[0].name == "Denis Kuzmenko"


def test_casualty_wounded_is_not_killed(run: Run) -> None:
    ex = run(
        "Private Oleg Smirnov, a mobilized man from Kaluga, was wounded near Bakhmut and is in hospital."
    )
    assert ex.casualties == ()
    assert not [c for c in ex.claims if c.type == "casualty"]


@pytest.mark.parametrize(
    "text",
    [
        "Contract soldier Artyom Belov from Tver went missing near Avdiivka in January.",
        "Mobilized soldier Roman Fedotov from Samara was captured by Ukrainian troops, his mother said.",
        "Police detained mobilized soldier Timur Aliev in Makhachkala after he refused to fight.",
    ],
)
def test_casualty_missing_captured_detained_are_not_casualties(run: Run, text: str) -> None:
    assert run(text).casualties == ()


def test_casualty_group_is_a_quantity_claim(run: Run) -> None:
    ex = run("Seven soldiers from the Kurgan region were killed in action, the governor confirmed.")
    assert ex.casualties == ()
    [claim] = [c for c in ex.claims if c.type == "casualty"]
    assert claim.quantity is not None and claim.quantity.value == 7
    assert claim.location is not None and claim.location.admin1_code == "RU-KGN"


def test_casualty_speaker_is_not_the_victim(run: Run) -> None:
    ex = run(
        "Governor Alexander Bogomaz said that mobilized soldier Nikita Orlov from Bryansk had been killed."
    )
    assert [c.name for c in ex.casualties] == ["Nikita Orlov"]


def test_casualty_surname_later_joins_full_name(run: Run) -> None:
    ex = run(
        "Local media reported the death of mobilized teacher Andrei Vasilenko from Chelyabinsk.\n\n"
        "Vasilenko, 41, was mobilized in October. He was killed on February 2 near Svatove."
    )
    [c] = ex.casualties
    assert c.name == "Andrei Vasilenko"
    assert c.age == 41
    assert c.date_of_death.date == "2023-02-02"
    assert c.home_region_code == "RU-CHE"


def test_casualty_officer_rank_means_career_status(run: Run) -> None:
    ex = run("Lieutenant Colonel Sergei Gorin, commander of the 155th marine brigade, was killed in Ukraine.")
    [c] = ex.casualties
    assert c.status == "career"
    assert c.unit == "155th marine brigade"


def test_casualty_people_listed_together_share_the_predicate(run: Run) -> None:
    ex = run(
        "Mobilized soldiers Ivan Petrenko and Alexei Morozov from the Altai region were killed last week."
    )
    assert sorted(c.name for c in ex.casualties) == ["Alexei Morozov", "Ivan Petrenko"]


def test_casualty_list_of_the_dead_keeps_each_home_apart(run: Run) -> None:
    ex = run(
        "Among the dead are Private Ivan Petrov from Kursk and Sergeant Pavel Sidorov from Oryol, "
        "the regional governor said."
    )
    got = {c.name: (c.rank, c.home_region_code) for c in ex.casualties}
    assert got == {"Ivan Petrov": ("Private", "RU-KRS"), "Pavel Sidorov": ("Sergeant", "RU-ORL")}


def test_obituary_subject_death_told_by_pronoun(run: Run) -> None:
    # the name stands in the opening paragraph; the death, two paragraphs on, says only "He"
    ex = run(
        "Artyom Valeryevich Belousov grew up in Kotlas and drove a timber truck for twelve years.\n\n"
        "In October he was called up and sent to the Zaporizhzhia region.\n\n"
        "He was killed near Robotyne on December 2. Artyom leaves a wife and a son."
    )
    [c] = ex.casualties
    assert c.name == "Artyom Valeryevich Belousov"
    assert c.date_of_death.date == "2022-12-02"


def test_obituary_subject_first_name_and_funeral(run: Run) -> None:
    ex = run(
        "Chingis Dugarovich Tsybikov was a shepherd from the village of Aga, mobilized in September.\n\n"
        "Chingis fell near Kupiansk in the first week of the winter, his unit told the family.\n\n"
        "His funeral was held in Aga on January 20."
    )
    [c] = ex.casualties
    assert c.name == "Chingis Dugarovich Tsybikov"
    assert c.date_of_death.date != "2023-01-20"  # the funeral's date is not the death's


def test_obituary_pronoun_after_another_person_is_not_the_subject(run: Run) -> None:
    # "He" follows a sentence naming someone else, and the subject himself only speaks
    ex = run(
        "Ivan Petrovich Sokolov, the head of the Kotlas district, opened a memorial plaque on Monday.\n\n"
        "Sokolov said the plaque was for the mobilized men of the district. "
        "Nikolai Ermakov, a driver, had served with them. He was killed in March.\n\n"
        "Sokolov promised the families new flats."
    )
    assert all(c.name != "Ivan Petrovich Sokolov" for c in ex.casualties)


def test_portrait_subject_who_fell_in_love_is_not_dead(run: Run) -> None:
    ex = run(
        "Oleg Viktorovich Kurbatov was called up in September from the town of Vyksa.\n\n"
        "He fell in love with his wife Marina at school, she says, and Oleg wrote to her every day."
    )
    assert ex.casualties == ()


def test_a_soldier_not_on_the_lists_of_the_dead_is_not_a_casualty(run: Run) -> None:
    ex = run(
        "A mobilized soldier from Kurgan, Pavel Sedykh, has been missing since March 3, his wife says. "
        "The unit told her he was not on the lists of the dead."
    )
    assert ex.casualties == ()


def test_a_preposition_before_a_place_is_not_a_given_name(run: Run) -> None:
    ex = run(
        "Mobilized men from the district are nervous. From Ust-Maya alone, more than 40 men "
        "were mobilized, and three of them have already been buried."
    )
    assert all(not c.name.startswith("From") for c in ex.casualties)


def test_death_in_custody_in_a_war_digest_needs_no_soldier_word_in_its_paragraph(run: Run) -> None:
    ex = run(
        "Mobilized soldiers from Chita say their brigade has not been paid since October.\n\n"
        "The prison service said on February 10 that the activist Roman Yurievich Fedin, 51, "
        "had died in a penal colony in the Komi Republic."
    )
    assert [c.name for c in ex.casualties] == ["Roman Yurievich Fedin"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # the death cue, then a long phrase up to the colon or to "now includes"
        (
            "Killed in March, according to relatives and the district councils: Oleg Markin, 34, "
            "of Kotlas; and Denis Yagudin, 27, a volunteer from Ukhta.",
            {"Oleg Markin", "Denis Yagudin"},
        ),
        (
            "The register of soldiers from the Vologda region whose deaths have been confirmed now "
            "includes Ilya Korobov and Stepan Fedorin, both mobilized in 2022.",
            {"Ilya Korobov", "Stepan Fedorin"},
        ),
        # a back-reference to the dead of the sentence before
        (
            "The governor confirmed the deaths of two local soldiers near Avdiivka. Their families "
            "named one of them on social media as Ruslan Garipov, 30, from Sibay.",
            {"Ruslan Garipov"},
        ),
    ],
)
def test_casualty_lists_after_a_death_cue_in_real_shapes(run: Run, text: str, names: set[str]) -> None:
    assert {c.name for c in run(text).casualties} == names


def test_obituary_subject_named_short_anywhere_before_the_death(run: Run) -> None:
    ex = run(
        "Yaroslav Olegovich Kudrin drove a bus in Kovrov for fifteen years before he was mobilized.\n\n"
        "His wife Marina waited for news. On 5 May the enlistment office told her that Yaroslav "
        "had been killed in the Zaporizhzhia region."
    )
    assert [c.name for c in ex.casualties] == ["Yaroslav Olegovich Kudrin"]


def test_obituary_subject_described_by_age_before_the_death(run: Run) -> None:
    ex = run(
        "Timur Rinatovich Saitov never reached the front. The 38-year-old fitter from Salavat, "
        "mobilized in October, died on 2 December in a military hospital in Rostov-on-Don.\n\n"
        "His widow says Saitov had complained of a fever for a week."
    )
    [c] = ex.casualties
    assert c.name == "Timur Rinatovich Saitov"
    assert c.date_of_death.date == "2022-12-02"


@pytest.mark.parametrize(
    "text",
    [
        # the mother who buries her son is not the dead one
        "In June Galina Osipova buried her younger son, a contract soldier killed near Bakhmut.",
        # reported killed earlier, alive now
        "Roman Tishin, a mobilized man who was earlier reported killed, phoned his mother from a "
        "hospital in Luhansk on Sunday.",
        # a village's name is no person
        "A strike on a field camp near the village of Zelenyi Gai killed up to 40 soldiers.",
    ],
)
def test_not_a_named_casualty(run: Run, text: str) -> None:
    assert run(text).casualties == ()
