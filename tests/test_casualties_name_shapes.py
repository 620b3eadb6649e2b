"""One dead man written several ways is one person: "Given Surname", "Surname Given
Patronymic", "Surname G. P.", "Given Patronymic"; two men who share a surname or a given name
are not."""

from __future__ import annotations

import pytest

from briefwire.extract.casualties.finder import fuller, same_person


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Bazarov T.D.", "Bazarov Tumen Dashievich"),
        ("Bazarov T. D.", "Tumen Dashievich Bazarov"),
        ("Lukin Stepan Olegovich", "Stepan Lukin"),
        ("Arkady Pavlovich", "Arkady Semyonov"),
        ("Arkady Pavlovich", "Arkady Pavlovich Semyonov"),
        ("Ganzhurov Erdeni", "Erdeni Ganzhurov"),
        ("Аркадий Павлович", "Аркадий Семёнов"),
    ],
)
def test_one_man_written_two_ways_is_one_person(a: str, b: str) -> None:
    assert same_person(a, b)
    assert same_person(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Bazarov T.D.", "Bazarov A.D."),
        ("Arkady Pavlovich", "Ilya Pavlovich"),
        ("Arkady Pavlovich", "Arkady Pavlovich"[:6] + " Ivanovich Semyonov"),
        ("Stepan Lukin", "Oleg Lukin"),
        ("Lukin Stepan Olegovich", "Lukin Stepan Ivanovich"),
    ],
)
def test_two_men_who_share_a_name_stay_apart(a: str, b: str) -> None:
    assert not same_person(a, b)
    assert not same_person(b, a)


def test_a_writing_with_a_surname_is_fuller_than_given_name_and_patronymic() -> None:
    assert fuller("Arkady Pavlovich", "Arkady Semyonov") == "Arkady Semyonov"
    assert fuller("Bazarov T.D.", "Bazarov Tumen Dashievich") == "Bazarov Tumen Dashievich"
