"""The head of a page saved as text: its headline among mastheads, menus and teasers, and
its byline timestamp in loose shapes. Every page here is written for the test."""

from __future__ import annotations

import pytest

from briefwire.clean import clean, line_hashes
from briefwire.clean.dates import find_dates
from briefwire.clean.urldate import from_url
from briefwire.models import CleanDocument, RawDocument

from .test_clean_page_text import BODY, FOOTER, MENU, URL

HEADLINE = "Reservists Sent to Tver Training Ground"


def cleaned(text: str, url: str | None = URL, learned: dict[str, int] | None = None) -> CleanDocument:
    return clean(RawDocument(origin="page.txt", text=text, format="text", url=url), learned)


def page(head: str, *, banner: str = "Light in every corner of the region") -> str:
    body = "\n".join(BODY)
    return f"The Daily Example\n{banner}\n{MENU}\n{head}\n{body}\n{FOOTER}\n"


def test_page_headline_is_the_slug_line_not_a_teaser_or_call_to_action_above_it() -> None:
    head = (
        "READ THE FULL STATEMENT HERE\n"
        "* Farmers block the northern road over fuel prices\n"
        f"{HEADLINE}\nBy Pavel Sokolov\nMarch 14, 2023\n"
    )
    assert cleaned(page(head)).title == HEADLINE


def test_page_headline_printed_as_the_articles_first_line_is_still_the_title() -> None:
    # a long headline with a colon reads as prose; it is the head, not the body
    headline = "Reservists sent to Tver: relatives say exempt workers were taken from the plant"
    doc = cleaned(page(f"{headline}\nBy Pavel Sokolov\n"), url=URL.replace("2023/03/14/", ""))
    assert doc.title == headline
    assert headline not in doc.text


def test_page_headline_keeps_a_rubric_the_slug_names() -> None:
    url = "https://news.example.org/2023/03/14/tver-week-2023-reservists-sent-to-training-ground/"
    headline = "Tver Week 2023 | Reservists Sent to Training Ground"
    assert cleaned(page(f"{headline}\nMarch 14, 2023\n"), url=url).title == headline


def test_page_headline_is_never_a_line_the_outlet_prints_on_its_other_pages() -> None:
    promo = "Welcome to the Daily Example Morning Briefing Experience"
    text = page(f"{promo}\n{HEADLINE}\nMarch 14, 2023\n")
    learned = dict.fromkeys(line_hashes(RawDocument(origin="o.txt", text=f"{promo}\n", format="text")), 3)
    assert cleaned(text, url=None, learned=learned).title == HEADLINE


@pytest.mark.parametrize(
    "stamp",
    [
        "Published Mar 14, 2023 at 9:15 AM | Updated at 5:36 PM on Mar 15, 2023",
        "Updated Mar 15, 9:41 AM;Posted Mar 14, 8:19 PM",
        "By Pavel Sokolov - 03/14/23 06:56 AM EST",
        "03.14.2023 10:09 AM",
        "* 14 March 2023",
        "Опубликовано 14 марта, 10:12 | Обновлено 15 марта, 08:00",
    ],
)
def test_page_byline_timestamp_in_loose_shapes_gives_the_publication_day(stamp: str) -> None:
    url = "https://news.example.org/2023/reservists-sent-to-tver-training-ground/"
    doc = cleaned(page(f"{HEADLINE}\n{stamp}\n"), url=url)
    assert doc.published.date == "2023-03-14", doc.published
    assert doc.published.basis == "dateline"


def test_page_date_in_a_masthead_the_outlet_repeats_is_not_the_publication_date() -> None:
    banner = "Wednesday March 22, 2023 Wednesday's Morning Briefing"
    url = "https://news.example.org/world/reservists-sent-to-tver-training-ground/"
    learned = dict.fromkeys(line_hashes(RawDocument(origin="o.txt", text=banner, format="text")), 1)
    doc = cleaned(page(f"{HEADLINE}\nBy Pavel Sokolov\n", banner=banner), url=url, learned=learned)
    assert doc.published.date is None


def test_plain_text_timestamp_below_the_dek_is_read() -> None:
    text = (
        f"{HEADLINE}\nRelatives say exempt workers were taken.\nGet the morning briefing by email.\n"
        "March 14, 2023, 9:28 AM UTC\nBy Reuters\n" + "\n".join(BODY)
    )
    assert cleaned(text, url=None).published.date == "2023-03-14"


@pytest.mark.parametrize(
    ("url", "date"),
    [
        ("https://x.example/science/2019/11/8/20948348/air-quality", "2019-11-08"),
        ("https://x.example/statements/2019/nov/18/name/claim/", "2019-11-18"),
        ("https://x.example/articles/19/11/18/review-of-a-laptop", "2019-11-18"),
    ],
)
def test_pubdate_reads_url_segments_in_short_and_named_forms(url: str, date: str) -> None:
    found = from_url(url)
    assert found is not None
    assert (found.date, found.precision) == (date, "day")


def test_pubdate_url_with_small_numbers_in_two_digit_year_form_is_not_a_date() -> None:
    assert from_url("https://x.example/gallery/12/3/5/") is None


def test_dates_read_a_day_written_with_a_point() -> None:
    (found,) = find_dates("Von Anna Berg publiziert am 25. September 2018")
    assert found.date is not None
    assert found.date.isoformat() == "2018-09-25"


def test_a_digests_first_section_heading_in_capitals_is_not_a_kicker() -> None:
    # a kicker stands above its headline alone; a label in capitals under the headline that
    # more labels like it follow opens the digest's first section, which sets its theme
    text = (
        "Weekly summary, 9 March 2023\n\n"
        "FLOODS IN ORSK\n"
        "The dam broke on Friday night and water reached the old town by the morning.\n\n"
        "THE DRAFT\n"
        "Summonses were handed out at the bus station in the regional centre on Monday.\n"
    )
    doc = clean(
        RawDocument(origin="digest.txt", text=text, format="text", title="Weekly summary, 9 March 2023")
    )
    assert "FLOODS IN ORSK" in doc.text
    assert "Weekly summary" not in doc.text


def test_a_short_lead_sentence_above_the_first_paragraph_opens_the_article() -> None:
    # a one-line lead and a four-word sentence are shorter than prose, but they end a
    # sentence right above the first paragraph: the article's, not the page header's
    lead = ["Reservists from Tver left for the training ground.", "Most were under forty."]
    doc = cleaned(page("\n".join([HEADLINE, "By Pavel Sokolov", "March 14, 2023", *lead])))
    kept = [p.text for p in doc.paragraphs]
    assert all(sentence in kept for sentence in lead)
    assert doc.title == HEADLINE
    # a question to the reader in the same place is still the page's
    asked = cleaned(page("\n".join([HEADLINE, "By Pavel Sokolov", "Want the news first? Join us."])))
    assert "Want the news first? Join us." not in [p.text for p in asked.paragraphs]


@pytest.mark.parametrize(
    "rows",
    [
        ["By Pavel Sokolov - 03/14/23 09:15 AM EST"],
        ["Posted 3 hours ago"],
        ["Ivan Orlov and Anna Belova, Northern Wire"],
    ],
)
def test_without_a_url_a_byline_or_credit_row_in_loose_shape_is_never_the_headline(rows: list[str]) -> None:
    doc = cleaned(page("\n".join([HEADLINE, *rows])), url=None)
    assert doc.title == HEADLINE
