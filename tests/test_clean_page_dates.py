"""Byline timestamps a page's head prints in shapes and languages the English and Russian
patterns missed. Every page here is written for the test."""

from __future__ import annotations

import pytest

from briefwire.clean.dates import find_dates
from briefwire.clean.othermonths import other_language_dates

from .test_clean_page_head import HEADLINE, cleaned, page

YEAR_URL = "https://news.example.org/2023/reservists-sent-to-tver-training-ground/"


@pytest.mark.parametrize(
    "stamp",
    [
        "terça-feira, 14 de março de 2023 às 9:15",  # Portuguese, weekday and clock time
        "14. März 2023, 09:15 Uhr",
        "14 marzo 2023",
        "2023년 3월 14일 09:15",
        "2023年03月14日",
        "14 MAR 2023",  # English month in capitals
        "MARCH 14, 2023 9:15",
    ],
)
def test_page_timestamp_in_other_languages_and_capitals_gives_the_day(stamp: str) -> None:
    doc = cleaned(page(f"{HEADLINE}\n{stamp}\n"), url=YEAR_URL)
    assert (doc.published.date, doc.published.basis) == ("2023-03-14", "dateline"), stamp


@pytest.mark.parametrize(
    "stamp",
    [
        # a date in figures opening a long byline row once read as prose and was skipped
        "14/03/2023 Marina Duarte All , Regions , Defence , Politics , News",
        "Irene Kowal 14/03/2023 Leave a comment! Regions , Defence , Politics",
        # a byline that names its writer's credentials before the date
        "Written by Anna Berg, MS, RN on March 14, 2023",
    ],
)
def test_page_byline_row_that_reads_like_prose_still_gives_its_date(stamp: str) -> None:
    doc = cleaned(page(f"{HEADLINE}\n{stamp}\n"), url=YEAR_URL)
    assert doc.published.date == "2023-03-14", stamp


def test_other_language_month_names_need_a_day_and_a_year() -> None:
    assert other_language_dates("14 de março") == []  # no year: too weak on its own
    assert other_language_dates("the 14 marzo restaurant opened in 2023") == []


def test_dates_in_body_text_keep_a_lower_case_may_as_a_word() -> None:
    assert find_dates("they may 14 times a year") == []
    assert [f.month for f in find_dates("on 14 MAY 2023")] == [5]


NO_DATE_URL = "https://news.example.org/reservists-sent-to-tver-training-ground/"


def test_page_date_of_a_source_line_under_the_headline_is_not_the_publication_date() -> None:
    head = f"{HEADLINE}\nSource: Regional enlistment office, February 2, 2023\n"
    doc = cleaned(page(head), url=NO_DATE_URL)
    assert doc.published.date != "2023-02-02"


def test_page_byline_printed_twice_under_the_headline_gives_the_date() -> None:
    # a desktop and a mobile head print the same byline: it repeats, yet it is the story's
    byline = "Associated Press March 14, 2023, 9:15 AM"
    head = f"{HEADLINE}\nPhoto of the training ground\n{byline}\n*\n*\n{byline}\n*\n*\n"
    doc = cleaned(page(head), url=NO_DATE_URL)
    assert (doc.published.date, doc.published.basis) == ("2023-03-14", "dateline")


def test_page_byline_below_the_dek_and_icon_rows_gives_the_date() -> None:
    dek = "Relatives say exempt workers were taken. Here is what the office told us about them."
    icons = "\n".join(["*"] * 6)
    head = f"{HEADLINE}\n{dek}\n{icons}\nBy Pavel Sokolov | March 14, 2023 -- 09:15 GMT | Topic: Regions\n"
    doc = cleaned(page(head), url=NO_DATE_URL)
    assert (doc.published.date, doc.published.basis) == ("2023-03-14", "dateline")


FAIR_URL = "https://news.example.org/marker/tver-book-fair-2021-new-printing-houses/"
FAIR_HEADLINE = "Tver Book Fair 2021 | Three New Printing Houses Show Their Work"


def test_page_revision_date_a_year_after_the_one_year_title_and_url_name_is_not_taken() -> None:
    # the only date the page prints is its last revision's: a wrong day is worse than none
    doc = cleaned(page(f"{FAIR_HEADLINE}\nBy Nina Orlova - 2022-05-03\n"), url=FAIR_URL)
    assert doc.published.date is None
    assert "2021" in (doc.published.note or "")


def test_page_dateline_in_a_later_year_the_body_also_names_is_still_taken() -> None:
    body = "Seven printers who came in 2022 said the fair had doubled in a year, the organisers said."
    doc = cleaned(page(f"{FAIR_HEADLINE}\nBy Nina Orlova - 2022-05-03\n{body}\n"), url=FAIR_URL)
    assert (doc.published.date, doc.published.basis) == ("2022-05-03", "dateline")


def test_page_dateline_in_the_year_the_title_names_is_taken() -> None:
    doc = cleaned(page(f"{FAIR_HEADLINE}\nBy Nina Orlova - 2021-05-03\n"), url=FAIR_URL)
    assert doc.published.date == "2021-05-03"
