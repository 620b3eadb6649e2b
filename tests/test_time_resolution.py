"""Dates resolve against the publication date with the right precision and basis."""

from __future__ import annotations

import pytest

from briefwire.extract.mentions.time import find_dates, resolve_date
from briefwire.models import DateValue
from briefwire.nlp import Backend, get_backend

# A Saturday.
SATURDAY = DateValue("2022-10-15", "day", "metadata")
# A Thursday.
THURSDAY = DateValue("2022-10-13", "day", "metadata")
MONDAY = DateValue("2022-10-17", "day", "metadata")
EARLY_JANUARY = DateValue("2023-01-05", "day", "metadata")


@pytest.mark.parametrize(
    ("expression", "published", "expected"),
    [
        ("yesterday", SATURDAY, ("2022-10-14", "day", "relative")),
        ("the day before yesterday", SATURDAY, ("2022-10-13", "day", "relative")),
        ("today", SATURDAY, ("2022-10-15", "day", "relative")),
        ("on Thursday", SATURDAY, ("2022-10-13", "day", "relative")),
        ("late Thursday", SATURDAY, ("2022-10-13", "day", "relative")),
        ("Thursday afternoon", SATURDAY, ("2022-10-13", "day", "relative")),
        ("on Monday", SATURDAY, ("2022-10-10", "day", "relative")),
        ("next Thursday", SATURDAY, ("2022-10-20", "day", "relative")),
        ("last week", SATURDAY, ("2022-10-03", "week", "relative")),
        ("this week", SATURDAY, ("2022-10-10", "week", "relative")),
        ("earlier this month", SATURDAY, ("2022-10-01", "month", "relative")),
        ("last month", SATURDAY, ("2022-09-01", "month", "relative")),
        ("earlier this year", SATURDAY, ("2022-01-01", "year", "relative")),
        ("three days ago", SATURDAY, ("2022-10-12", "day", "relative")),
        ("two weeks ago", SATURDAY, ("2022-09-26", "week", "relative")),
        ("over the weekend", MONDAY, ("2022-10-10", "week", "relative")),
        ("a week ago", SATURDAY, ("2022-10-03", "week", "relative")),
        ("Friday night", SATURDAY, ("2022-10-14", "day", "relative")),
        ("вчера", SATURDAY, ("2022-10-14", "day", "relative")),
        ("в четверг", SATURDAY, ("2022-10-13", "day", "relative")),
        ("на прошлой неделе", SATURDAY, ("2022-10-03", "week", "relative")),
    ],
)
def test_time_relative_expressions_resolve_against_publication(
    expression: str, published: DateValue, expected: tuple[str, str, str]
) -> None:
    value = resolve_date(expression, published)
    assert value is not None
    assert (value.date, value.precision, value.basis) == expected


def test_time_weekday_on_the_publication_day_is_that_day() -> None:
    value = resolve_date("on Thursday", THURSDAY)
    assert value is not None
    assert value.date == "2022-10-13"


def test_time_last_weekday_on_that_weekday_is_a_week_earlier() -> None:
    value = resolve_date("last Thursday", THURSDAY)
    assert value is not None
    assert value.date == "2022-10-06"


def test_time_next_in_the_context_looks_forward() -> None:
    value = resolve_date("Thursday", SATURDAY, context="The court will sit again next ")
    assert value is not None
    assert value.date == "2022-10-20"


@pytest.mark.parametrize(
    ("expression", "published", "expected"),
    [
        ("November 16, 2022", SATURDAY, ("2022-11-16", "day")),
        ("16 November 2022", SATURDAY, ("2022-11-16", "day")),
        ("Sept. 21, 2022", SATURDAY, ("2022-09-21", "day")),
        ("2022-09-21", SATURDAY, ("2022-09-21", "day")),
        ("21.09.2022", SATURDAY, ("2022-09-21", "day")),
        ("21 сентября 2022 года", SATURDAY, ("2022-09-21", "day")),
        ("22-23 November 2022", SATURDAY, ("2022-11-22", "day")),
        ("September 2022", SATURDAY, ("2022-09-01", "month")),
        ("in 2021", SATURDAY, ("2021-01-01", "year")),
        # No year: the latest such date on or before publication.
        ("on October 11", SATURDAY, ("2022-10-11", "day")),
        ("on November 16", SATURDAY, ("2021-11-16", "day")),
        ("on October 15", SATURDAY, ("2022-10-15", "day")),
        ("December 30", EARLY_JANUARY, ("2022-12-30", "day")),
        ("January 3", EARLY_JANUARY, ("2023-01-03", "day")),
        ("in September", SATURDAY, ("2022-09-01", "month")),
    ],
)
def test_time_explicit_dates(expression: str, published: DateValue, expected: tuple[str, str]) -> None:
    value = resolve_date(expression, published)
    assert value is not None
    assert (value.date, value.precision, value.basis) == (*expected, "explicit")


@pytest.mark.parametrize(
    "expression", ["on Thursday", "yesterday", "last week", "earlier this month", "on November 16"]
)
def test_time_unknown_publication_gives_no_relative_date(expression: str) -> None:
    assert resolve_date(expression, DateValue.unknown()) is None


def test_time_publication_known_to_the_year_places_dates_without_a_year() -> None:
    year_only = DateValue("2022-01-01", "year", "inferred")
    value = resolve_date("on November 16", year_only)
    assert value is not None
    assert value.date == "2022-11-16"
    assert resolve_date("on Thursday", year_only) is None
    month_only = DateValue("2022-10-01", "month", "inferred")
    assert resolve_date("on November 16", month_only) == DateValue(
        "2021-11-16", "day", "explicit", "on November 16"
    )
    assert resolve_date("yesterday", month_only) is None


def test_time_full_date_needs_no_publication_date() -> None:
    value = resolve_date("November 16, 2022", DateValue.unknown())
    assert value is not None
    assert value.date == "2022-11-16"


@pytest.mark.parametrize(
    "expression",
    ["28", "two weeks", "the past three days", "recently", "", "the 1990s", "a day later", "the same day"],
)
def test_time_non_dates_resolve_to_nothing(expression: str) -> None:
    assert resolve_date(expression, SATURDAY) is None


@pytest.fixture(scope="module")
def english() -> Backend:
    return get_backend("en")


def test_time_find_dates_in_a_sentence(english: Backend) -> None:
    text = (
        "Ivanov, 28, born in 1994, was killed on October 11, his widow wrote late Thursday, "
        "two weeks after he was called up."
    )
    [analysis] = list(english.analyse([text]))
    [sentence] = analysis.sentences
    found = {span.text: value for span, value in find_dates(sentence, SATURDAY)}
    assert found["October 11"].date == "2022-10-11"
    assert found["late Thursday"].date == "2022-10-13"
    assert all(text[s.start : s.end] == s.text for s, _ in find_dates(sentence, SATURDAY))
    assert not any("28" in k or "1994" in k or "two weeks" in k for k in found)


def test_time_find_dates_catches_weekdays_the_tagger_missed(english: Backend) -> None:
    text = "Officials resigned en masse on friday, according to the channel."
    [analysis] = list(english.analyse([text]))
    found = [(s.text, v.date) for s, v in find_dates(analysis.sentences[0], SATURDAY)]
    assert ("on friday", "2022-10-14") in found or ("friday", "2022-10-14") in found
