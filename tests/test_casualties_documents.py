"""Named dead that only the whole document tells: a list under a header line, an obituary whose
subject's death is told by pronoun. The texts are cleaned as a user's file would be."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from briefwire.clean import clean
from briefwire.extract import Extraction, extract
from briefwire.models import RawDocument
from briefwire.nlp import get_backend

Run = Callable[[str, str], Extraction]


@pytest.fixture(scope="module")
def run() -> Run:
    def _run(text: str, language: str) -> Extraction:
        raw = RawDocument(
            origin="list.txt", text=text, format="text", language=language, published="2024-05-20"
        )
        doc = clean(raw)
        return extract(doc, next(iter(get_backend(language).analyse([doc.text]))))

    return _run


def test_list_of_losses_under_a_header_line_names_each_dead_man(run: Run) -> None:
    text = (
        "Подтверждённые потери Забайкалья за неделю 3–9 марта:\n\n"
        "1. Тимур Олегович Санжиев, 1991 г. р., Агинское, мобилизованный;\n"
        "2. Роман Будаев, 27 лет, Чита, контракт;\n"
        "3. Степан Игоревич Лукин, Борзя, сведений о статусе нет.\n\n"
        "Ещё один житель района числится пропавшим без вести."
    )
    names = sorted(c.name for c in run(text, "ru").casualties)
    assert names == ["Роман Будаев", "Степан Игоревич Лукин", "Тимур Олегович Санжиев"]


def test_list_under_a_header_keeps_out_an_item_that_says_he_survived(run: Run) -> None:
    text = (
        "Losses of the Kurgan battalion this week:\n\n"
        "- Private Maxim Olegovich Zuev, 24, from Shadrinsk;\n"
        "- Sergeant Ilya Sorokin, 31, wounded and in hospital in Rostov.\n"
    )
    names = [c.name for c in run(text, "en").casualties]
    assert names == ["Maxim Olegovich Zuev"]


def test_a_list_that_follows_an_ordinary_line_names_no_dead(run: Run) -> None:
    text = (
        "The mobilized men of the Kurgan battalion who were sent home this week:\n\n"
        "- Private Maxim Olegovich Zuev, 24, from Shadrinsk;\n"
        "- Sergeant Ilya Sorokin, 31, from Kurgan.\n"
    )
    assert run(text, "en").casualties == ()


def test_russian_obituary_subject_dies_in_a_clause_after_a_colon(run: Run) -> None:
    text = (
        "Чита простилась с Арсением Гомбоевым\n\n"
        "Бывший водитель автобуса Арсений Баирович Гомбоев ушёл добровольцем в батальон в 44 года. "
        "Он говорил соседям, что вернётся к весне.\n\n"
        "В начале мая его подразделение попало под обстрел. Арсения доставили в госпиталь, "
        "но спасти его не удалось: он скончался 11 мая.\n\n"
        "Похороны прошли на городском кладбище."
    )
    [c] = run(text, "ru").casualties
    assert c.name == "Арсений Баирович Гомбоев"
    assert c.date_of_death.date is not None and c.date_of_death.date.endswith("-05-11")


def test_a_death_verb_before_a_colon_opens_a_list_of_the_dead(run: Run) -> None:
    text = (
        "Three reservists from Zlatoust died in one artillery strike near Avdiivka: "
        "Pavel Korneev, 35, Ildar Safin, 29, and Yaroslav Mukhin, 41."
    )
    names = sorted(c.name for c in run(text, "en").casualties)
    assert names == ["Ildar Safin", "Pavel Korneev", "Yaroslav Mukhin"]


def test_a_register_entry_perished_colon_gives_one_record_per_person(run: Run) -> None:
    text = (
        "Two more soldiers of the republic have been buried this week.\n\n"
        "Perished: Bazarov Tumen Dashievich, 31 years, mobilized, from Aginskoye; "
        "Lukin Stepan Olegovich, 44 years, contract serviceman, from Borzya.\n\n"
        "Farewell with Bazarov T.D. will take place in Aginskoye on Sunday."
    )
    names = sorted(c.name for c in run(text, "en").casualties)
    assert names == ["Bazarov Tumen Dashievich", "Lukin Stepan Olegovich"]


def test_list_under_a_candle_line_names_each_dead_man(run: Run) -> None:
    text = (
        "🕯🕯 Kurgan oblast. Named this week:\n\n"
        "• Shumikha — Artemy Voronkin, 31, mobilized\n"
        "• Dalmatovo — Kirill Osipenko, contract\n\n"
        "Eternal memory."
    )
    names = sorted(c.name for c in run(text, "en").casualties)
    assert names == ["Artemy Voronkin", "Kirill Osipenko"]


_DIGEST = (
    "Front Line Daily. Tuesday, May 14, 2024\n\n"
    "OFFICIALS\n\n"
    "The regional government said mobilized soldiers from Samara will get an extra payment "
    "of 50,000 roubles before the summer, without giving a date.\n\n"
    "{heading}\n\n"
    "Samara region. Syzran: Gleb Ustimenko, mobilized in October, 28. "
    "Tolyatti: Yaroslav Belkov, 40, contract.\n\n"
    "MONEY\n\n"
    "Banks in the region said demand for consumer loans from soldiers' families rose by a "
    "tenth in April, according to the regional branch of the central bank."
)


def test_each_item_under_a_heading_of_the_fallen_is_a_dead_man(run: Run) -> None:
    names = sorted(c.name for c in run(_DIGEST.format(heading="THE FALLEN"), "en").casualties)
    assert names == ["Gleb Ustimenko", "Yaroslav Belkov"]


@pytest.mark.parametrize("heading", ["THE WOUNDED AND THE MISSING", "OUR SOLDIERS"])
def test_items_under_a_heading_that_is_no_mourning_name_no_dead(run: Run, heading: str) -> None:
    assert run(_DIGEST.format(heading=heading), "en").casualties == ()


def test_obituary_that_calls_him_by_given_name_and_patronymic_keeps_his_full_name(run: Run) -> None:
    text = (
        "Remembering Arkady Semyonov, volunteer\n\n"
        "Arkady Semyonov from Kimry joined a volunteer battalion in the spring, at 49. "
        "He had worked as a bus driver for twenty years.\n\n"
        "Arkady Pavlovich was buried on Monday in Kimry, beside his father.\n\n"
        "He is survived by his wife and a son."
    )
    [c] = run(text, "en").casualties
    assert c.name == "Arkady Semyonov"


def test_a_headline_that_mourns_a_soldier_names_him_dead_when_the_body_tells_a_burial(run: Run) -> None:
    text = (
        "CITY NEWS — the town's own paper\n\n"
        "A farewell in Kimry: contract soldier Oleg Ustyugov\n\n"
        "Oleg Ustyugov signed a contract in March, after six years at the bakery. "
        "In the summer his company was moved south.\n\n"
        "The farewell ceremony took place in the school gym. "
        "An honour guard fired a salute at the town cemetery.\n\n"
        "Ustyugov leaves a wife and a daughter."
    )
    [c] = run(text, "en").casualties
    assert c.name == "Oleg Ustyugov"


def test_a_headline_farewell_to_a_soldier_sent_off_to_the_front_names_no_dead(run: Run) -> None:
    text = (
        "CITY NEWS — the town's own paper\n\n"
        "A farewell in Kimry: contract soldier Oleg Ustyugov\n\n"
        "Oleg Ustyugov signed a contract in March, after six years at the bakery. "
        "His company leaves for the south next week.\n\n"
        "The farewell ceremony took place in the school gym; his classmates gave him a flag.\n\n"
        "Ustyugov says he will be back by the new year."
    )
    assert run(text, "en").casualties == ()


def test_a_town_written_before_a_dead_mans_name_is_not_part_of_his_name(run: Run) -> None:
    text = "Soldiers of the regiment killed near Bakhmut this week include Kurgan Denis Ivashov, 27."
    assert [c.name for c in run(text, "en").casualties] == ["Denis Ivashov"]


def test_a_lists_lead_gives_each_item_its_home_and_status(run: Run) -> None:
    text = (
        "Two reservists from Zlatoust died in one artillery strike near Avdiivka: "
        "Pavel Korneev, 35, and Yaroslav Mukhin, 41."
    )
    found = {c.name: c for c in run(text, "en").casualties}
    assert sorted(found) == ["Pavel Korneev", "Yaroslav Mukhin"]
    assert {c.status for c in found.values()} == {"mobilized"}
    assert {c.home_region for c in found.values()} == {"Chelyabinsk Oblast"}


def test_items_under_a_line_naming_a_region_are_from_that_region(run: Run) -> None:
    text = (
        "🕯 Kurgan oblast. Named this week:\n\n"
        "• Artemy Voronkin, 31, mobilized\n"
        "• Kirill Osipenko, 27, contract\n"
    )
    found = {c.name: c for c in run(text, "en").casualties}
    assert sorted(found) == ["Artemy Voronkin", "Kirill Osipenko"]
    assert found["Kirill Osipenko"].status == "contract"
    assert {c.home_region for c in found.values()} == {"Kurgan Oblast"}


def test_obituary_tells_the_death_by_a_description_the_next_day(run: Run) -> None:
    text = (
        "A fitter's last letter\n\n"
        "Rinat Khaidarov wrote to his sister from the front on the morning of 4 March. "
        '"We are moving, do not worry," she remembers him writing. '
        "The next day the 34-year-old fitter from Almetyevsk was dead, killed by shelling, "
        "according to the notice from the enlistment office.\n\n"
        "Khaidarov had been mobilized in October with nine men of his workshop."
    )
    [c] = run(text, "en").casualties
    assert c.name == "Rinat Khaidarov"
