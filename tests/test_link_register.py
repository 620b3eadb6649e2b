"""The casualty register: one row per person across documents, spellings and scripts."""

from __future__ import annotations

from briefwire.link import LinkInput, LinkOptions, link

from .linkrows import document, mention

FAST = LinkOptions(embeddings=False)


def test_register_merges_one_person_across_scripts_and_keeps_every_source() -> None:
    mentions = [
        mention(
            "ru",
            "Олег Ступин",
            age=31,
            published="2022-10-05",
            date_of_death="2022-10-03",
            date_precision="day",
            home_region_code="RU-CHE",
        ),
        mention("en", "Oleg Stupin", rank="Private", published="2022-10-06", home_town="Kopeysk"),
        mention("en2", "Oleg Stoupin", published="2022-10-07"),  # a French-style spelling is not merged
    ]
    docs = [document("ru", "Копейский вестник"), document("en", "Ural Daily"), document("en2", "Le Courrier")]
    result = link(LinkInput(claims=[], mentions=mentions, documents=docs), FAST)
    stupin = next(p for p in result.persons if "Oleg Stupin" in p.variants)
    assert set(stupin.variants) == {"Олег Ступин", "Oleg Stupin"}
    assert stupin.name == "Oleg Stupin"
    assert stupin.first_reported == "2022-10-05"
    assert stupin.independent_sources == 2
    assert stupin.fields["age"] == 31 and stupin.fields["rank"] == "Private"
    assert stupin.fields["home_town"] == "Kopeysk" and stupin.fields["date_of_death"] == "2022-10-03"
    assert result.person_details[stupin.person_key]["sources"] == ["Копейский вестник", "Ural Daily"]


def test_register_keeps_conflicting_values_visible() -> None:
    mentions = [mention("a", "Ivan Kuzmin", age=27), mention("b", "Ivan Kuzmin", age=28)]
    docs = [document("a", "One"), document("b", "Two")]
    result = link(LinkInput(claims=[], mentions=mentions, documents=docs), FAST)
    (person,) = result.persons
    assert person.fields["conflicts"] == {"age": [27, 28]}


def test_register_two_people_with_one_surname_stay_two_rows() -> None:
    mentions = [mention("a", "Ivan Kuzmin"), mention("b", "Pavel Kuzmin")]
    result = link(LinkInput(claims=[], mentions=mentions), FAST)
    assert len(result.persons) == 2


def test_register_key_is_the_first_mention() -> None:
    first, later = mention("a", "Ivan Kuzmin", published="2022-10-01"), mention("b", "Ivan Kuzmin")
    (person,) = link(LinkInput(claims=[], mentions=[later, first]), FAST).persons
    assert person.person_key == first["mention_key"]
