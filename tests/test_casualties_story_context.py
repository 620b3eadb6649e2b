"""Named dead whose death, home or status the words around the name leave to the story: a list
after a sentence that tells the deaths, items sharing one home, a kin told of a death, a date
in front of the pronoun, a region or a status said once for a whole paragraph or list. The
sentences are written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from briefwire.clean import clean
from briefwire.extract import Extraction, extract
from briefwire.models import Casualty, RawDocument
from briefwire.nlp import get_backend

Run = Callable[[str, str], Extraction]


@pytest.fixture(scope="module")
def run() -> Run:
    def _run(text: str, language: str) -> Extraction:
        raw = RawDocument(
            origin="story.txt", text=text, format="text", language=language, published="2024-05-20"
        )
        doc = clean(raw)
        return extract(doc, next(iter(get_backend(language).analyse([doc.text]))))

    return _run


def _by_name(ex: Extraction) -> dict[str, Casualty]:
    return {c.name: c for c in ex.casualties}


def test_a_list_of_its_own_wording_after_a_sentence_that_tells_the_deaths(run: Run) -> None:
    text = (
        "The memorial wall of the Kuznetsk college was given three new names of soldiers killed "
        "this spring. The newest are Oleg Bykov, Ilya Tarasov and Pyotr Gromov."
    )
    assert sorted(_by_name(run(text, "en"))) == ["Ilya Tarasov", "Oleg Bykov", "Pyotr Gromov"]


def test_a_list_shaped_sentence_after_an_ordinary_one_names_no_dead(run: Run) -> None:
    text = (
        "The regiment's football team played its first match in Rybinsk. The scorers were "
        "Oleg Bykov and Ilya Tarasov."
    )
    assert run(text, "en").casualties == ()


def test_items_joined_by_and_share_the_home_told_after_the_last(run: Run) -> None:
    text = (
        "Among the soldiers killed last week were Roman Petrov, 22, and Fyodor Lvov, 30, both "
        "from Kineshma; and Ivan Orlov of Shuya."
    )
    found = _by_name(run(text, "en"))
    assert found["Roman Petrov"].home_town == "Kineshma"
    assert found["Fyodor Lvov"].home_town == "Kineshma"
    assert found["Ivan Orlov"].home_town == "Shuya"


def test_a_date_in_the_lead_of_a_list_is_each_items_date_of_death(run: Run) -> None:
    text = (
        "Relatives confirmed the deaths of two mobilized men from Uglich in the shelling of "
        "14 May: Artur Vasin and Kirill Lomov."
    )
    found = _by_name(run(text, "en"))
    assert {c.date_of_death.date for c in found.values()} == {"2024-05-14"}


def test_kin_told_of_the_death_make_the_possessor_the_dead(run: Run) -> None:
    text = (
        "In the village of Bolshoye Boris Ulanov's mother received word that her son, a "
        "contract soldier, had been killed near Avdiivka."
    )
    found = _by_name(run(text, "en"))
    assert list(found) == ["Boris Ulanov"]
    assert found["Boris Ulanov"].status == "contract"


def test_an_official_in_apposition_at_a_funeral_is_no_casualty(run: Run) -> None:
    text = "The mayor, Olga Sidorova, spoke at the funeral of the mobilized soldier Gleb Zuev in Rzhev."
    assert list(_by_name(run(text, "en"))) == ["Gleb Zuev"]


def test_a_date_before_the_pronoun_dates_an_obituarys_death(run: Run) -> None:
    text = (
        "Timur Gafarov worked as a crane operator before he was called up.\n\n"
        "In winter Timur Gafarov's company was sent to the south. On 3 March he was killed by a "
        "mortar round, his sister said."
    )
    found = _by_name(run(text, "en"))
    assert found["Timur Gafarov"].date_of_death.date == "2024-03-03"


def test_the_paragraphs_one_region_is_the_home_of_a_name_without_one(run: Run) -> None:
    text = (
        "Families in Udmurtia buried two more soldiers this week. Killed were Anton Sidorin and "
        "Gleb Zuev, a sapper."
    )
    found = _by_name(run(text, "en"))
    assert {c.home_region_code for c in found.values()} == {"RU-UD"}
    assert {c.home_town for c in found.values()} == {None}  # the region is inherited, not a town


def test_no_region_is_inherited_where_the_paragraph_names_two(run: Run) -> None:
    text = (
        "Families in Udmurtia and in the Rostov region buried soldiers this week. Killed were "
        "Anton Sidorin and Gleb Zuev."
    )
    assert {c.home_region for c in run(text, "en").casualties} == {None}


def test_a_sentence_about_the_whole_list_gives_each_item_its_status(run: Run) -> None:
    text = (
        "Стало известно о гибели двух жителей Сарапула: Антона Сидорина и Глеба Зуева. "
        "Оба служили по контракту."
    )
    found = run(text, "ru").casualties
    assert len(found) == 2
    assert {c.status for c in found} == {"contract"}
    assert {c.home_region_code for c in found} == {"RU-UD"}


def test_a_possessive_funeral_or_body_tells_the_owner_dead(run: Run) -> None:
    text = "Rinat Valiev's funeral was held in Sarapul on Sunday; the sapper had served under contract."
    assert list(_by_name(run(text, "en"))) == ["Rinat Valiev"]


def test_a_possessive_of_anything_else_names_no_dead(run: Run) -> None:
    text = "Rinat Valiev's brother was killed near Bakhmut, the mobilized man's family said."
    assert "Rinat Valiev" not in _by_name(run(text, "en"))


def test_a_role_in_apposition_at_a_funeral_is_no_casualty_but_a_soldier_is(run: Run) -> None:
    text = (
        "The village priest, Fyodor Kulikov, led the funeral of the mobilized soldier Gleb Zuev. "
        "Another soldier from the village, Yuri Belkin, was buried beside him."
    )
    assert sorted(_by_name(run(text, "en"))) == ["Gleb Zuev", "Yuri Belkin"]


def test_a_mourning_word_and_an_abbreviated_rank_stay_out_of_the_name(run: Run) -> None:
    text = (
        "RIP Artur Semin, a mobilized gunner from Tver, killed on 2 May.\n\n"
        "Also confirmed dead: Lt. Col. Ruslan Kiselev, a battalion commander."
    )
    found = _by_name(run(text, "en"))
    assert sorted(found) == ["Artur Semin", "Ruslan Kiselev"]
    assert found["Ruslan Kiselev"].status == "career"


def test_names_given_after_the_sentence_that_told_the_deaths_take_its_day(run: Run) -> None:
    text = (
        "A shell hit a field kitchen near Tokmak on 11 May, killing four mobilized men. "
        "Relatives named two of the dead as Artur Vasin and Kirill Lomov."
    )
    found = _by_name(run(text, "en"))
    assert {c.date_of_death.date for c in found.values()} == {"2024-05-11"}


def test_both_after_two_names_gives_each_the_status(run: Run) -> None:
    text = (
        "Two men from Rybinsk, Artur Vasin and Kirill Lomov, were killed in the Kharkiv region. "
        "Both had signed contracts in the spring."
    )
    assert {c.status for c in run(text, "en").casualties} == {"contract"}
