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
