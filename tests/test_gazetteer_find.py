"""Gazetteer.find: places in running text, longest form first, with offsets into the text given."""

from __future__ import annotations

import pytest

from briefwire.nlp.gazetteer import Gazetteer, PlaceMatch


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def _found(matches: list[PlaceMatch]) -> list[tuple[str, str | None]]:
    return [(m.text, m.place.admin1_code or m.place.country) for m in matches]


def test_gazetteer_find_returns_spans_of_the_original_text(gazetteer: Gazetteer) -> None:
    text = (
        "Recruits from the Khanty-Mansi Autonomous Okrug\u00a0— Yugra "
        "and Ханты-Мансийском автономном округе — Югре left."
    )
    matches = gazetteer.find(text)
    assert _found(matches) == [
        ("Khanty-Mansi Autonomous Okrug\u00a0— Yugra", "RU-KHM"),
        ("Ханты-Мансийском автономном округе — Югре", "RU-KHM"),
    ]
    for match in matches:
        assert text[match.start : match.end] == match.text


def test_gazetteer_find_prefers_the_longest_form(gazetteer: Gazetteer) -> None:
    text = "A man from Kirov region was drafted in Kirov; Nizhny Novgorod Oblast sent more."
    found = [(m.text, m.place.kind) for m in gazetteer.find(text)]
    assert found == [
        ("Kirov region", "region"),
        ("Kirov", "settlement"),
        ("Nizhny Novgorod Oblast", "region"),
    ]


def test_gazetteer_find_reads_russian_case_forms(gazetteer: Gazetteer) -> None:
    text = (
        "Мобилизованных из Челябинской области и Башкирии отправили в Ростов-на-Дону, "
        "а жителей Нижнего Новгорода — в Запорожскую область. В Кемерове и Орле прошли проводы."
    )
    assert _found(gazetteer.find(text)) == [
        ("Челябинской области", "RU-CHE"),
        ("Башкирии", "RU-BA"),
        ("Ростов-на-Дону", "RU-ROS"),
        ("Нижнего Новгорода", "RU-NIZ"),
        ("Запорожскую область", "UA-23"),
        ("Кемерове", "RU-KEM"),
        ("Орле", "RU-ORL"),
    ]


def test_gazetteer_find_reads_e_for_yo(gazetteer: Gazetteer) -> None:
    assert _found(gazetteer.find("в Артёмовске и в Артемовске")) == [
        ("Артёмовске", "UA-14"),
        ("Артемовске", "UA-14"),
    ]


def test_gazetteer_find_respects_word_boundaries(gazetteer: Gazetteer) -> None:
    assert gazetteer.find("Tulane and Permian, Kurskaya, Omsky and Ufanet") == []
    assert _found(gazetteer.find("a Chelyabinsk-based unit")) == [("Chelyabinsk", "RU-CHE")]
    assert _found(gazetteer.find("Belgorod's governor")) == [("Belgorod", "RU-BEL")]
    assert _found(gazetteer.find("Mari, Mari El and Sakha")) == [("Mari El", "RU-ME"), ("Sakha", "RU-SA")]


def test_gazetteer_find_is_case_sensitive_for_names(gazetteer: Gazetteer) -> None:
    assert gazetteer.find("a perm, a turkey, georgia peaches, tula") == []
    assert _found(gazetteer.find("fled to Georgia and Turkey")) == [("Georgia", "GE"), ("Turkey", "TR")]
    assert _found(gazetteer.find("the Kursk Region and the Kursk region")) == [
        ("Kursk Region", "RU-KRS"),
        ("Kursk region", "RU-KRS"),
    ]


def test_gazetteer_find_keeps_ethnic_adjectives_and_russian_adjectives_out(gazetteer: Gazetteer) -> None:
    assert gazetteer.find("A Buryat and a Tatar soldier spoke Chechen.") == []
    assert gazetteer.find("На Курском вокзале и на Тверской улице.") == []


def test_gazetteer_find_names_places_abroad_as_countries(gazetteer: Gazetteer) -> None:
    text = "Men crossed from Verkhny Lars into Georgia, flew to the UAE and on to Tbilisi."
    assert [(m.text, m.place.kind, m.place.country) for m in gazetteer.find(text)] == [
        ("Verkhny Lars", "settlement", "RU"),
        ("Georgia", "country", "GE"),
        ("UAE", "country", "AE"),
        ("Tbilisi", "settlement", "GE"),
    ]


ORDINARY_ENGLISH = """
Mir stood by the border with her brother while the tide came in. Bor, the old dog, slept under
the table. Orange lights flickered across the harbour; a perm and a cheap tulip bouquet were the
only extravagances of the week. Lys and Artem argued about whether Salavat should drive. Korolev,
a physicist, and Chekhov, a playwright, were the subjects of the evening lecture. Vladimir said the
turkey was dry. Nikolaev and Orekhov finished the crossword; Azov was the answer to nine across.
Sunday came and went; Monday brought rain, a missed train, and a letter from the bank. Glazov wrote
back that the Kursk-style accent on the tape was an imitation. Summer, amber, ember and chimney.
"""


def test_gazetteer_find_stays_silent_on_ordinary_english(gazetteer: Gazetteer) -> None:
    assert _found(gazetteer.find(ORDINARY_ENGLISH)) == [("Kursk", "RU-KRS")]


ORDINARY_RUSSIAN = """
Ровно год назад мы ездили к морю. Находка для шпиона — болтливый сосед. На Каспийском море штиль,
в Дзержинском районе отключили воду. Орехов и яблок в этом году много; Орехов, наш сосед, продал
дом. Шахты закрыли в девяностые, а луга у реки заливные.
"""


def test_gazetteer_find_stays_silent_on_ordinary_russian(gazetteer: Gazetteer) -> None:
    assert gazetteer.find(ORDINARY_RUSSIAN) == []


def test_gazetteer_find_reads_names_in_capitals(gazetteer: Gazetteer) -> None:
    # wire datelines and digest headings write the place in capitals
    text = "KURSK, March 3 - Shelling hit a school. FIGHTING NEAR BAKHMUT. НОВОСИБИРСК. Вчера"
    assert [(m.text, m.place.name) for m in gazetteer.find(text, capitals=True)] == [
        ("KURSK", "Kursk"),
        ("BAKHMUT", "Bakhmut"),
        ("НОВОСИБИРСК", "Novosibirsk"),
    ]
    # words in capitals that are no place stay none
    assert gazetteer.find("THE DRAFT. MONEY AND WORK. AT THE FRONT AND IN THE CAMPS", capitals=True) == []
    assert gazetteer.find(text) == []  # only when asked: linking must not take a dateline for the scene
