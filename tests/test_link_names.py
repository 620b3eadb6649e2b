"""Names across romanisations, scripts and Russian case forms."""

from __future__ import annotations

import pytest

from briefwire.link.entities import resolve_people
from briefwire.link.names import parse_name, romanisations, same_person, skeleton

from .linkrows import claim, mention


@pytest.mark.parametrize("spelling", ["Aleksey", "Alexei", "Alexey", "Aleksei", "Алексей"])
def test_names_spellings_of_one_given_name_share_a_skeleton(spelling: str) -> None:
    assert skeleton(spelling) == skeleton("Aleksey")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Yevgeny Kuzmin", "Evgeny Kuzmin"),
        ("Евгений Кузьмин", "Yevgeniy Kuzmin"),
        ("Ildar Zaripzyanov", "Ildar Zaripzianov"),
        ("Павел Гордеев", "Pavel Gordeyev"),
        ("Алексея Ступина", "Aleksei Stupin"),
        ("с Алексеем Ступиным", "Alexey Stupin"),
        # Щ as shch, sch or sh; a list's "Surname Given Patronymic" in Latin letters
        ("Denis Shchukin", "Denis Schukin"),
        ("Денис Щукин", "Denis Shukin"),
        ("Schukin Denis Valerievich", "Denis Shchukin"),
        ("Aleksandr Grigoryevich Lukashevich", "Aleksandr Lukashevich"),
    ],
)
def test_names_latin_cyrillic_and_inflected_forms_are_one_person(a: str, b: str) -> None:
    pa, pb = parse_name(a), parse_name(b)
    assert pa is not None and pb is not None
    assert same_person(pa, pb)


def test_names_different_people_with_similar_profiles_stay_apart() -> None:
    a, b = parse_name("Aleksey Stupin"), parse_name("Yevgeny Kuzmin")
    assert a is not None and b is not None
    assert not same_person(a, b)
    c, d = parse_name("Ivan Stupin"), parse_name("Oleg Stupin")
    assert c is not None and d is not None
    assert not same_person(c, d)  # one surname, two given names


def test_names_romanisations_cover_the_common_systems() -> None:
    forms = romanisations("Юрий Щукин")
    assert "Yuriy Shchukin" in forms
    assert any(f.startswith("Iurii") for f in forms)
    assert romanisations("John Smith") == ["John Smith"]


def test_names_surname_alone_joins_the_full_name_in_the_same_document() -> None:
    claims = [
        claim("d1", "Private Oleg Stupin was killed.", actors=[{"name": "Oleg Stupin", "role": "victim"}]),
        claim("d1", "Stupin had served two weeks.", actors=[{"name": "Stupin", "role": "victim"}]),
        claim("d2", "Ivan Stupin, a teacher, spoke.", actors=[{"name": "Ivan Stupin", "role": "subject"}]),
    ]
    people = resolve_people(claims, [mention("d1", "Oleg Stupin")])
    assert people.resolve("d1", "Stupin") == people.resolve("d1", "Oleg Stupin")
    assert people.resolve("d2", "Ivan Stupin") != people.resolve("d1", "Oleg Stupin")


def test_names_titles_and_ranks_are_not_part_of_the_name() -> None:
    p = parse_name("Junior Sergeant Oleg Stupin")
    assert p is not None and p.given == "Oleg" and p.surname == "Stupin"
