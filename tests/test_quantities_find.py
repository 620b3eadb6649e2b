"""Count-like quantities are found with value, unit, approximation and noun; other numbers not."""

from __future__ import annotations

import pytest

from briefwire.extract.mentions.quantities import QuantityMention, find_quantities
from briefwire.nlp import Backend, Sentence, get_backend


@pytest.fixture(scope="module")
def english() -> Backend:
    return get_backend("en")


def quantities(backend: Backend, text: str) -> list[QuantityMention]:
    [analysis] = list(backend.analyse([text]))
    found = [m for sentence in analysis.sentences for m in find_quantities(sentence)]
    for mention in found:
        assert text[mention.start : mention.end] == mention.text
    return found


# (sentence, [(value, approx, noun-or-unit)])
MUST_FIND = [
    ("Border guards counted more than 370,000 citizens leaving in two weeks.", [(370_000, True, "citizens")]),
    ("Nearly a third of the department's officials have left the country.", [(0.33, True, "share")]),
    ("The governor said 183 men had been sent back home.", [(183, False, "men")]),
    ("A school festival raised 59,000 rubles [USD 970] for first-aid kits.", [(59_000, False, "rubles")]),
    (
        "Prosecutors opened at least 30 criminal and 100 misdemeanor cases after the rallies.",
        [(30, True, "criminal cases"), (100, True, "misdemeanor cases")],
    ),
    ("Five newly mobilized troops from the region were killed.", [(5, False, "mobilized troops")]),
    # the tagger reads "mobilized" right after a digit as a past-tense verb
    ("Officials said that 7 mobilized men from the region had been killed.", [(7, False, "mobilized men")]),
    ("Two governors admitted that errors had been made.", [(2, False, "governors")]),
    ("Hundreds of thousands of reservists have left since the decree.", [(200_000, True, "reservists")]),
    ("A conscript took out a loan of 1 million rubles before he left.", [(1_000_000, False, "rubles")]),
    ("The recruitment site lists about 66,000 CVs from Russians abroad.", [(66_000, True, "CVs")]),
    # counts of people the verb or state names, without a noun (the unit is the state)
    ("The blast at the range killed 9 and wounded 14.", [(9, False, "killed"), (14, False, "wounded")]),
    ("Six were detained and more than 40 of them were fined.", [(6, False, "detained"), (40, True, "fined")]),
    ("The toll reached 17 dead, three of them children.", [(17, False, "dead"), (3, False, "children")]),
    ("Only one was wounded.", [(1, False, "wounded")]),
    # durations a report states as a fact, also where the tagger calls them a time
    ("Firemen put the fire out within 35 minutes.", [(35, False, "minutes")]),
    ("Volunteers raised 45k dollars for the unit.", [(45_000, False, "dollars")]),
    ("A garrison court sentenced Oleg Sizov, 20, to 11 years.", [(11, False, "years")]),
    ("The summons counts as served five days after it is posted.", [(5, False, "days")]),
    (
        "Students sewed 150 balaclavas and 50 insulated gloves for the unit.",
        [(150, False, "balaclavas"), (50, False, "insulated gloves")],
    ),
    ("Some 40% of the respondents said they would not go.", [(40, True, "percent")]),
    ("The fund paid out $12,500 last month.", [(12_500, False, "USD")]),
    (
        "A dozen volunteers and twenty-five nurses arrived.",
        [(12, False, "volunteers"), (25, False, "nurses")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), MUST_FIND)
def test_quantities_finds_counts(
    english: Backend, text: str, expected: list[tuple[float, bool, str]]
) -> None:
    found = quantities(english, text)
    got = [
        (
            m.quantity.value,
            m.quantity.approx,
            m.noun if m.quantity.unit in {None, m.noun} else m.quantity.unit,
        )
        for m in found
    ]
    assert got == [(float(v), approx, unit) for v, approx, unit in expected]


def test_quantities_share_keeps_the_counted_noun(english: Backend) -> None:
    [mention] = quantities(english, "Nearly a third of the city's office workers fled.")
    assert mention.quantity.unit == "share"
    assert mention.noun is not None
    assert mention.noun.endswith("workers")


def test_quantities_bracketed_conversion_is_not_a_second_quantity(english: Backend) -> None:
    found = quantities(english, "The court fined him 30,000 rubles ($490) on Monday.")
    assert [m.quantity.value for m in found] == [30_000.0]


def test_quantities_words_in_brackets_give_a_second_figure_not_a_conversion(english: Backend) -> None:
    found = quantities(english, "The payment is 80,000 rubles (the leaflets promised 250,000 in May).")
    assert [m.quantity.value for m in found] == [80_000.0, 250_000.0]


def test_quantities_part_of_a_count_takes_its_noun(english: Backend) -> None:
    found = quantities(english, "That week 58 volunteers applied, of them 21 passed the medical board.")
    assert [(m.quantity.value, m.noun) for m in found] == [(58.0, "volunteers"), (21.0, "volunteers")]


def test_quantities_a_ratio_is_the_share_it_states(english: Backend) -> None:
    found = quantities(english, "Roughly two in five plants said they lacked welders.")
    assert [(m.quantity.value, m.quantity.unit, m.quantity.approx) for m in found] == [(0.4, "share", True)]
    assert quantities(english, "The men were one in a million.") == []


def test_quantities_an_ordinal_is_no_thousand(english: Backend) -> None:
    assert [m.quantity.value for m in quantities(english, "The 4th brigade lost 12 men.")] == [12.0]


def test_quantities_elliptic_number_borrows_only_from_the_next_coordinated_count(english: Backend) -> None:
    found = quantities(english, "Prosecutors opened 30 criminal cases, and the police arrested 5 men.")
    assert [(m.quantity.value, m.noun) for m in found] == [(30.0, "criminal cases"), (5.0, "men")]
    found = quantities(english, "They opened 30 criminal and then arrested 5 men.")
    assert [(m.quantity.value, m.noun) for m in found] == [(5.0, "men")]


def test_quantities_range_keeps_its_maximum(english: Backend) -> None:
    [mention] = quantities(english, "Officials said 150-200 reservists were sent to the camp.")
    assert (mention.quantity.value, mention.quantity.value_max) == (150.0, 200.0)
    assert mention.noun == "reservists"


MUST_NOT_FIND = [
    "On October 10 soldiers were sent to the front.",
    "Since September 21, 2022 reservists have been leaving.",
    "In 2022 reservists were called up for the first time.",
    "Ivan Petrov, 28, was buried in his home town.",
    "A 42-year-old electrician was called up anyway.",
    "Petrov, 37, resident of a village near the city, was detained.",
    "The law was adopted in 2021 and amended later.",
    "He was born in 1989 in the Urals.",
    "The decree was signed on September 21, 2022 at 10:30.",
    "He served in the 4th brigade and later in the 155th.",
    "Relatives gathered outside military unit 56602.",
    "Call the hotline at +7 (495) 123-45-67 for details.",
    "The charge falls under Article 328 of the criminal code, see page 5.",
    "One of the men said he would be back in two weeks.",
    "Two weeks later he was back in his home town.",
    "The Su-25 crashed near the border.",
    "Two said they had been beaten at the office.",
    "One of them was later found in a hospital in Rostov.",
    "The hearing starts at 5 pm on Friday.",
    "Within the past ten days investigators have questioned the officers.",
]


@pytest.mark.parametrize("text", MUST_NOT_FIND)
def test_quantities_ignores_non_counts(english: Backend, text: str) -> None:
    assert quantities(english, text) == []


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("A court sentenced him to eight and a half years in a penal colony.", 8.5, "years"),
        ("He spent 10 years in prison.", 10, "years"),
        ("The men were granted 14 days of leave.", 14, "days"),
        ("The queue at the crossing was 12 kilometres long.", 12, "kilometres"),
        ("One of the men said the training lasted two weeks.", 2, "weeks"),
        # measurements abbreviated or joined to their noun by a hyphen
        ("He was detained in a wood 6 km from the camp.", 6, "km"),
        ("An 11-kilometre tailback formed at the crossing.", 11, "kilometre"),
        ("The blaze damaged about 30 sq m of the roof.", 30, "sq m"),
        # a decimal comma and the abbreviated thousand of English translated from Russian
        ("The factory collected 2,4 mln rubles for the families.", 2_400_000, "rubles"),
        ("Unemployment in the region fell to 0,7%.", 0.7, "percent"),
        ("Vacancies in the employment service exceed 35 th. this spring.", 35_000, None),
    ],
)
def test_quantities_terms_and_measures_are_quantities(
    english: Backend, text: str, value: float, unit: str
) -> None:
    found = quantities(english, text)
    assert [(q.quantity.value, q.quantity.unit) for q in found] == [(value, unit)]


@pytest.fixture(scope="module")
def russian() -> Backend:
    return get_backend("ru")


@pytest.mark.parametrize(
    ("text", "value", "noun"),
    [
        ("Всего призвали 300 тысяч человек.", 300_000, "человек"),
        ("По данным властей, погибли 5 человек.", 5, "человек"),
        ("Из страны уехали около 300 тысяч.", 300_000, None),
    ],
)
def test_quantities_russian_counts(russian: Backend, text: str, value: float, noun: str | None) -> None:
    [mention] = quantities(russian, text)
    assert mention.quantity.value == value
    assert mention.noun == noun


def test_quantities_russian_years_and_ages_are_not_counts(russian: Backend) -> None:
    assert quantities(russian, "Ему было 28 лет, он родился в 1994 году, 21 сентября.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Сирены звучали около 9 утра и ещё раз в половине седьмого вечера.",
        "Вылеты задержаны до 14.30 мск.",
        "Первый взрыв прозвучал около 5 часов по местному времени.",
        "Учительнице 52 года, её сыновьям 20 и 23 года.",
        "Источник 112 сообщил, что водитель скрылся.",
    ],
)
def test_quantities_russian_times_ages_and_channel_names_are_not_counts(russian: Backend, text: str) -> None:
    assert quantities(russian, text) == []


def test_quantities_russian_vague_tens_of_thousands_has_no_value(russian: Backend) -> None:
    [mention] = quantities(russian, "Страна не станет терять десятки тысяч солдат ради этого.")
    assert mention.vague and mention.noun == "солдат"


def test_quantities_russian_term_after_a_dative_is_still_a_term(russian: Backend) -> None:
    [mention] = quantities(russian, "Суд назначил водителю 4 года колонии.")
    assert mention.quantity.value == 4


def test_quantities_offsets_index_the_document_text(english: Backend) -> None:
    text = "First paragraph here.\n\nThe governor said 183 men had been sent back home."
    [analysis] = list(english.analyse([text]))
    sentence: Sentence = analysis.sentences[-1]
    [mention] = find_quantities(sentence)
    assert text[mention.start : mention.end] == "183 men"
