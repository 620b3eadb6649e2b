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
