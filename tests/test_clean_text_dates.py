"""Publication dates page text prints in loose shapes: a short Russian month, a date without
its year, a date among share buttons, a timestamp under an author box."""

from __future__ import annotations

import pytest

from briefwire.clean import clean
from briefwire.clean.dates import find_dates
from briefwire.models import CleanDocument, RawDocument

from .test_clean_page_text import page

NO_YEAR_URL = "https://news.example.org/regions/reservists-sent-to-tver-training-ground/"

BODY = [
    "Reservists from the district were sent to a training ground outside the city on Monday, "
    "the regional administration said in a statement.",
    "Relatives said the men had been promised that they would serve near home, and several "
    "families have written to the prosecutor's office about it.",
]


def cleaned(text: str, url: str | None = None) -> CleanDocument:
    return clean(RawDocument(origin="page.txt", text=text, format="text", url=url))


@pytest.mark.parametrize(
    ("text", "date"),
    [("3 дек. 2023, 14:05", (2023, 12, 3)), ("12 сент 2022", (2022, 9, 12)), ("1 нояб. 2022", (2022, 11, 1))],
)
def test_short_russian_month_names_are_read(text: str, date: tuple[int, int, int]) -> None:
    [found] = find_dates(text)
    assert (found.year, found.month, found.day) == date


def test_a_word_that_starts_like_a_month_is_no_date() -> None:
    assert find_dates("в марте 5 мартышек сбежали из зоопарка") == []


def test_a_yearless_timestamp_takes_the_year_of_the_pages_dates_near_it() -> None:
    head = "Reservists Sent to Tver Training Ground\nMarch 14\n9:15 AM\n"
    below = "37 comments\nAnna K.\nMarch 14, 2023, 10:54 am\nIt is a shame.\n"
    doc = cleaned(page(head=head, below=below), url=NO_YEAR_URL)
    assert (doc.published.date, doc.published.basis) == ("2023-03-14", "dateline")


def test_a_yearless_date_in_a_sentence_is_not_completed_into_a_publication_date() -> None:
    text = "\n\n".join(
        ["Men wait at a draft office in Perm on March 2, 2023.", *BODY, "Complaints began on March 1."]
    )
    assert cleaned(text).published.basis != "dateline"


def test_a_date_among_share_buttons_is_the_timestamp() -> None:
    head = (
        "Reservists Sent to Tver Training Ground\n* 14 March 2023\n* Share on Facebook\n* Share on Twitter\n"
    )
    doc = cleaned(page(head=head), url=NO_YEAR_URL)
    assert doc.published.date == "2023-03-14"
    assert doc.title == "Reservists Sent to Tver Training Ground"


def test_a_timestamp_under_an_author_box_is_read() -> None:
    box = "By\nPavel Sokolov\nPavel Sokolov\n* Biography\n* @psokolov_news\n* p.sokolov@news.example.org\n"
    head = f"Reservists Sent to Tver Training Ground\n{box}March 14, 2023 9:15 am ET\n"
    doc = cleaned(page(head=head), url=NO_YEAR_URL)
    assert doc.published.date == "2023-03-14"
