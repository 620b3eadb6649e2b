"""The gazetteer data: every ISO region once, every town in a region that exists, loud errors."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import briefwire
from briefwire.nlp.gazetteer import Gazetteer, GazetteerError

DATA = Path(briefwire.__file__).parent / "profiles" / "mobilization" / "gazetteer"

# ISO 3166-2:RU as published (the 83 subjects ISO lists under Russia) and ISO 3166-2:UA.
_RU_ROWS = (
    "AD AL BA BU CE CU DA IN KB KL KC KR KK KO ME MO SA SE TA TY UD",
    "ALT KAM KHA KDA KYA PER PRI STA ZAB",
    "AMU ARK AST BEL BRY CHE IRK IVA KGD KLU KEM KIR KOS KGN KRS LEN LIP MAG MOS MUR NIZ NGR",
    "NVS OMS ORE ORL PNZ PSK ROS RYA SAK SAM SAR SMO SVE TAM TOM TUL TVE TYU ULY VLA VGG VLG",
    "VOR YAR YEV MOW SPE CHU KHM NEN YAN",
)
RU_CODES = {code for row in _RU_ROWS for code in row.split()}
UA_CODES = {f"{n:02d}" for n in (5, 7, 9, 12, 14, 18, 21, 23, 26, 30, 32, 35, 40, 43, 46, 48, 51, 53)}
UA_CODES |= {f"{n:02d}" for n in (56, 59, 61, 63, 65, 68, 71, 74, 77)}
# Kyiv Oblast is governed from Kyiv, which is a region of its own (UA-30).
CAPITAL_ELSEWHERE = {"UA-32": "UA-30"}


def _rows(name: str) -> list[dict[str, str]]:
    lines = [line for line in (DATA / name).read_text("utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def test_gazetteer_has_exactly_the_iso_regions_once() -> None:
    codes = [row["code"] for row in _rows("regions.tsv")]
    assert len(codes) == len(set(codes))
    assert {c[3:] for c in codes if c.startswith("RU-")} == RU_CODES
    assert {c[3:] for c in codes if c.startswith("UA-")} == UA_CODES
    assert len(RU_CODES) == 83
    assert len(UA_CODES) == 27
    assert len(codes) == 110


def test_gazetteer_regions_have_names_in_both_languages_and_a_known_kind(gazetteer: Gazetteer) -> None:
    kinds = {p.subtype for p in gazetteer.regions}
    assert kinds <= {
        "oblast",
        "krai",
        "republic",
        "autonomous okrug",
        "autonomous oblast",
        "federal city",
        "city with special status",
        "autonomous republic",
    }
    for region in gazetteer.regions:
        assert region.name, region
        assert not any("\u0400" <= ch <= "\u04ff" for ch in region.name), region
        assert any("\u0400" <= ch <= "\u04ff" for ch in region.name_ru), region
        assert region.country == region.admin1_code.split("-")[0]  # type: ignore[union-attr]


def test_gazetteer_every_town_lies_in_a_region_or_country_that_exists() -> None:
    regions = {row["code"] for row in _rows("regions.tsv")}
    countries = {row["code"] for row in _rows("countries.tsv")}
    towns = _rows("settlements.tsv")
    assert len(towns) >= 300
    unknown = [row["en"] for row in towns if row["code"] not in regions | countries]
    assert unknown == []


def test_gazetteer_every_regional_capital_is_a_town_of_its_region(gazetteer: Gazetteer) -> None:
    for row in _rows("regions.tsv"):
        capital = gazetteer.lookup(row["capital"])
        assert capital is not None and capital.kind == "settlement", row["capital"]
        expected = CAPITAL_ELSEWHERE.get(row["code"], row["code"])
        assert capital.admin1_code == expected, (row["code"], capital)


def test_gazetteer_covers_the_larger_russian_towns() -> None:
    russian = [row for row in _rows("settlements.tsv") if row["code"].startswith("RU-")]
    assert len(russian) >= 230


def test_gazetteer_no_spelling_is_claimed_by_two_places_of_one_rank(gazetteer: Gazetteer) -> None:
    assert gazetteer.conflicts == ()


def test_gazetteer_countries_carry_iso_alpha2(gazetteer: Gazetteer) -> None:
    expected = {"GE", "KZ", "FI", "MN", "AM", "RS", "TR", "AE", "BY", "LT", "LV", "EE", "KG", "UZ", "IL"}
    countries = {p.country for p in gazetteer.places if p.kind == "country"}
    assert expected <= countries
    georgia = gazetteer.lookup("Georgia")
    assert georgia is not None
    assert (georgia.kind, georgia.admin1, georgia.admin1_code) == ("country", None, None)


def _write_profile(folder: Path, regions: str, settlements: str) -> Path:
    columns = "code kind name_en name_ru capital en_stems en_aliases ru_forms en_demonyms en_ethnic flags"
    header = columns.replace(" ", "\t") + "\n"
    (folder / "regions.tsv").write_text(header + regions, "utf-8")
    (folder / "settlements.tsv").write_text("code\ten\tru\n" + settlements, "utf-8")
    (folder / "countries.tsv").write_text("code\ten\tru\nGE\tGeorgia\tГрузия\n", "utf-8")
    return folder


def test_gazetteer_builds_from_a_folder_of_its_own(tmp_path: Path) -> None:
    region = "RU-TVE\toblast\tTver Oblast\tТверская область\tTver\tTver\t\tТверская область\t\t\t\n"
    gazetteer = Gazetteer.from_folder(_write_profile(tmp_path, region, "RU-TVE\tTver\tТверь\n"))
    [match] = gazetteer.find("Drafted in Тверской области.")
    assert match.place.admin1_code == "RU-TVE"
    assert gazetteer.lookup("Твери") == gazetteer.lookup("Tver")


def test_gazetteer_refuses_a_town_in_an_unknown_region(tmp_path: Path) -> None:
    region = "RU-TVE\toblast\tTver Oblast\tТверская область\tTver\tTver\t\t\t\t\t\n"
    folder = _write_profile(tmp_path, region, "RU-XXX\tNowhere\t\n")
    with pytest.raises(GazetteerError, match=r"Nowhere.*RU-XXX"):
        Gazetteer.from_folder(folder)


def test_gazetteer_refuses_a_row_with_missing_cells(tmp_path: Path) -> None:
    folder = _write_profile(tmp_path, "RU-TVE\toblast\tTver Oblast\n", "")
    with pytest.raises(GazetteerError, match=r"regions\.tsv.*line 2.*columns"):
        Gazetteer.from_folder(folder)


def test_gazetteer_refuses_a_region_listed_twice(tmp_path: Path) -> None:
    region = "RU-TVE\toblast\tTver Oblast\tТверская область\tTver\tTver\t\t\t\t\t\n"
    with pytest.raises(GazetteerError, match="appears twice"):
        Gazetteer.from_folder(_write_profile(tmp_path, region * 2, ""))


def test_gazetteer_names_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="no such gazetteer folder"):
        Gazetteer.from_folder(tmp_path / "absent")
    with pytest.raises(GazetteerError, match="nonexistent"):
        Gazetteer.load("nonexistent")
