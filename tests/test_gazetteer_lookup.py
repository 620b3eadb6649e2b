"""Gazetteer.lookup and region: any spelling, case or Russian case form of a name to its place."""

from __future__ import annotations

import pytest

from briefwire.nlp.gazetteer import Gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def _code(gazetteer: Gazetteer, name: str) -> str | None:
    place = gazetteer.lookup(name)
    return None if place is None else place.admin1_code or place.country


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Chelyabinsk region", "RU-CHE"),
        ("Chelyabinsk Oblast", "RU-CHE"),
        ("the Chelyabinsk Region", "RU-CHE"),
        ("CHELYABINSK OBLAST", "RU-CHE"),
        ("Bashkortostan", "RU-BA"),
        ("Bashkiria", "RU-BA"),
        ("Republic of Bashkortostan", "RU-BA"),
        ("Khanty-Mansi Autonomous Okrug – Yugra", "RU-KHM"),
        ("Khanty-Mansi Autonomous Okrug—Yugra", "RU-KHM"),
        ("Khanty-Mansiysk", "RU-KHM"),
        ("Yugra", "RU-KHM"),
        ("Zabaykalsky Krai", "RU-ZAB"),
        ("Zabaykalsky region", "RU-ZAB"),
        ("Trans-Baikal", "RU-ZAB"),
        ("Transbaikal", "RU-ZAB"),
        ("Kamchatka", "RU-KAM"),
        ("Yakutia", "RU-SA"),
        ("Sakha", "RU-SA"),
        ("North Ossetia", "RU-SE"),
        ("Alania", "RU-SE"),
        ("Chuvashia", "RU-CU"),
        ("Udmurtia", "RU-UD"),
        ("Mari El", "RU-ME"),
        ("Kabardino-Balkaria", "RU-KB"),
        ("Yamal", "RU-YAN"),
        ("Yamalo-Nenets", "RU-YAN"),
        ("Tuva", "RU-TY"),
        ("Tyva", "RU-TY"),
        ("Kuzbass", "RU-KEM"),
        ("Jewish Autonomous Oblast", "RU-YEV"),
        ("Moscow region", "RU-MOS"),
        ("Moscow", "RU-MOW"),
        ("St. Petersburg", "RU-SPE"),
        ("Leningrad region", "RU-LEN"),
        ("Dagestani", "RU-DA"),
    ],
)
def test_gazetteer_lookup_resolves_english_spellings(gazetteer: Gazetteer, name: str, code: str) -> None:
    assert _code(gazetteer, name) == code


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Челябинская область", "RU-CHE"),
        ("Челябинской области", "RU-CHE"),
        ("в Челябинской области", "RU-CHE"),
        ("Челябинскую область", "RU-CHE"),
        ("челябинский", "RU-CHE"),
        ("челябинских", "RU-CHE"),
        ("Башкирия", "RU-BA"),
        ("Башкортостан", "RU-BA"),
        ("Башкирии", "RU-BA"),
        ("в Республике Башкортостан", "RU-BA"),
        ("Забайкальском крае", "RU-ZAB"),
        ("Ханты-Мансийского автономного округа", "RU-KHM"),
        ("ХМАО — Югра", "RU-KHM"),
        ("Югры", "RU-KHM"),
        ("Северной Осетии", "RU-SE"),
        ("Чувашии", "RU-CU"),
        ("Подмосковье", "RU-MOS"),
        ("в Москве", "RU-MOW"),
        ("Санкт-Петербурге", "RU-SPE"),
        ("Якутии", "RU-SA"),
        ("Марий Эл", "RU-ME"),
        ("Нижнем Новгороде", "RU-NIZ"),
        ("Ростова-на-Дону", "RU-ROS"),
        ("Орле", "RU-ORL"),
        ("Новом Уренгое", "RU-YAN"),
        ("из Набережных Челнов", "RU-TA"),
        ("Луганской Народной Республики", "UA-09"),
        ("ДНР", "UA-14"),
        ("Запорожской области", "UA-23"),
        ("Крыму", "UA-43"),
        ("Херсонщине", "UA-65"),
        ("Артёмовске", "UA-14"),
        ("Артемовске", "UA-14"),
    ],
)
def test_gazetteer_lookup_resolves_russian_case_forms(gazetteer: Gazetteer, name: str, code: str) -> None:
    assert _code(gazetteer, name) == code


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Luhansk", "UA-09"),
        ("Lugansk", "UA-09"),
        ("Luhansk region", "UA-09"),
        ("Zaporizhzhia", "UA-23"),
        ("Zaporozhye", "UA-23"),
        ("Kherson", "UA-65"),
        ("Donetsk", "UA-14"),
        ("Crimea", "UA-43"),
        ("Sevastopol", "UA-40"),
        ("Kyiv", "UA-30"),
        ("Kiev region", "UA-32"),
        ("Kharkov", "UA-63"),
        ("Mykolaiv", "UA-48"),
        ("Nikolaev", "UA-48"),
        ("Bakhmut", "UA-14"),
        ("Artemovsk", "UA-14"),
        ("Soledar", "UA-14"),
        ("Kreminna", "UA-09"),
        ("Lysychansk", "UA-09"),
        ("Severodonetsk", "UA-09"),
        ("Mariupol", "UA-14"),
        ("Melitopol", "UA-23"),
        ("Avdiivka", "UA-14"),
        ("Kupiansk", "UA-63"),
        ("Izyum", "UA-63"),
    ],
)
def test_gazetteer_lookup_codes_places_in_ukraine_under_ukraine(
    gazetteer: Gazetteer, name: str, code: str
) -> None:
    place = gazetteer.lookup(name)
    assert place is not None
    assert (place.admin1_code, place.country) == (code, "UA")


@pytest.mark.parametrize(
    ("town", "code"),
    [
        ("Meleuz", "RU-BA"),
        ("Lyskovo", "RU-NIZ"),
        ("Asino", "RU-TOM"),
        ("Serpukhov", "RU-MOS"),
        ("Chita", "RU-ZAB"),
        ("Shebekino", "RU-BEL"),
        ("Valuyki", "RU-BEL"),
        ("Novy Urengoy", "RU-YAN"),
        ("Mozdok", "RU-SE"),
        ("Kaspiysk", "RU-DA"),
        ("Togliatti", "RU-SAM"),
        ("Ekaterinburg", "RU-SVE"),
        ("Oryol", "RU-ORL"),
        ("Orel", "RU-ORL"),
        ("Верхний Ларс", "RU-SE"),
    ],
)
def test_gazetteer_lookup_maps_towns_to_their_region(gazetteer: Gazetteer, town: str, code: str) -> None:
    place = gazetteer.lookup(town)
    assert place is not None
    assert place.kind == "settlement"
    assert place.admin1_code == code
    assert place.admin1 == gazetteer.region(code).name  # type: ignore[union-attr]


def test_gazetteer_lookup_tells_the_two_altais_apart(gazetteer: Gazetteer) -> None:
    for name in ("Altai Krai", "Altai region", "Altai Territory", "Алтайский край", "Алтайском крае"):
        assert _code(gazetteer, name) == "RU-ALT", name
    for name in ("Altai Republic", "Republic of Altai", "Gorny Altai", "Республика Алтай"):
        assert _code(gazetteer, name) == "RU-AL", name
    assert gazetteer.lookup("Altai") is None


def test_gazetteer_lookup_knows_names_too_ambiguous_for_running_text(gazetteer: Gazetteer) -> None:
    assert _code(gazetteer, "Vladimir") == "RU-VLA"
    assert gazetteer.find("Vladimir Putin met officials") == []
    assert _code(gazetteer, "Bor") == "RU-NIZ"


def test_gazetteer_lookup_takes_ethnic_adjectives_only_when_asked(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Buryat") is None
    assert _code(gazetteer, "Tatar") is None
    buryatia = gazetteer.lookup("Buryat", allow_ethnic=True)
    assert buryatia is not None and buryatia.admin1_code == "RU-BU"


def test_gazetteer_lookup_finds_the_one_place_inside_a_longer_name(gazetteer: Gazetteer) -> None:
    assert _code(gazetteer, "Luhansk (hospital)") == "UA-09"
    assert _code(gazetteer, "a village near Bakhmut") == "UA-14"
    assert gazetteer.lookup("between Kursk and Belgorod") is None
    assert gazetteer.lookup("Vladimir Putin") is None


def test_gazetteer_lookup_returns_none_for_unknown_names(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Atlantis") is None
    assert gazetteer.lookup("") is None
    assert gazetteer.lookup("region") is None


def test_gazetteer_region_by_code(gazetteer: Gazetteer) -> None:
    chelyabinsk = gazetteer.region("ru-che")
    assert chelyabinsk is not None
    assert (chelyabinsk.name, chelyabinsk.kind, chelyabinsk.subtype) == (
        "Chelyabinsk Oblast",
        "region",
        "oblast",
    )
    assert chelyabinsk.name_ru == "Челябинская область"
    assert gazetteer.region("UA-09").name == "Luhansk Oblast"  # type: ignore[union-attr]
    assert gazetteer.region("RU-XXX") is None
    assert gazetteer.region("GE") is None
