"""Whole web pages saved as text: the article is found by shape, the page around it removed.

Every page here is written for the test (no corpus text): a masthead and menus, the head
(headline, byline, date, dek), the article, and below it recirculation, comments, a footer.
"""

from __future__ import annotations

import pytest

from briefwire.clean import clean
from briefwire.clean.urldate import from_url
from briefwire.models import CleanDocument, RawDocument

URL = "https://news.example.org/2023/03/14/reservists-sent-to-tver-training-ground/"
MENU = "\n".join(f"* {w}" for w in ("Home", "World", "Regions", "Politics", "Economy", "Sport",
                                     "Culture", "Opinion", "Video", "Podcasts", "Newsletters",
                                     "Contact us", "About us", "Careers"))  # fmt: skip
BODY = [
    "The governor of Tver region said on Tuesday that 120 reservists had been sent to a training "
    "ground outside the city, the first group since the new call-up began.",
    "Relatives of the men told local reporters that several of them had been exempt because of "
    "their jobs at a defence plant, and that their papers had been ignored.",
    "A spokesman for the regional enlistment office declined to comment on the complaints, saying "
    "only that every case would be reviewed by a commission within a week.",
    "Lawyers who advise the families said they had received more than forty requests for help "
    "since Friday, most of them from the districts north of the city.",
]
FOOTER = "\n".join(f"* {w}" for w in ("Privacy policy", "Terms of use", "Cookie settings",
                                       "Advertise", "Site map", "RSS"))  # fmt: skip


def page(*, head: str, body: list[str] | None = None, below: str = "", above: str = MENU) -> str:
    paragraphs = "\n".join(body or BODY)
    return f"The Daily Example\nNews you can trust\n{above}\n{head}\n{paragraphs}\n{below}\n{FOOTER}\n"


HEAD = "Reservists Sent to Tver Training Ground\nPavel Sokolov | March 14, 2023, 9:15 AM\n"


def cleaned(text: str, url: str | None = URL) -> CleanDocument:
    return clean(RawDocument(origin="page.txt", text=text, format="text", url=url))


def reasons(doc: CleanDocument) -> dict[str, str]:
    return {" ".join(span.text.split()): span.reason for span in doc.removed}


def test_clean_page_drops_menus_above_and_footer_below_the_article() -> None:
    doc = cleaned(page(head=HEAD))
    assert [p.text for p in doc.paragraphs] == BODY
    found = reasons(doc)
    assert found["* Politics"] == "page_header"
    assert found["* Privacy policy"] == "page_footer"
    assert found["News you can trust"] == "page_header"  # a slogan is never the title


def test_clean_page_headline_is_the_line_the_url_names_not_the_masthead() -> None:
    doc = cleaned(page(head=HEAD))
    assert doc.title == "Reservists Sent to Tver Training Ground"
    assert reasons(doc)[doc.title] == "title"


def test_clean_page_without_url_takes_the_headline_above_the_byline() -> None:
    doc = cleaned(page(head=HEAD), url=None)
    assert doc.title == "Reservists Sent to Tver Training Ground"


def test_clean_page_reads_byline_with_pipe_and_clock_time_as_dateline() -> None:
    doc = cleaned(page(head=HEAD))
    assert (doc.published.date, doc.published.basis) == ("2023-03-14", "dateline")
    assert reasons(doc)["Pavel Sokolov | March 14, 2023, 9:15 AM"] == "dateline"


def test_clean_page_completes_a_yearless_russian_dateline_from_the_url() -> None:
    head = "Reservists Sent to Tver Training Ground\nОбновлено 14 марта в 18:40\n"
    doc = cleaned(page(head=head), url=URL.replace("/2023/03/14/", "/2023/"))
    assert (doc.published.date, doc.published.basis) == ("2023-03-14", "dateline")


def test_clean_page_keeps_article_split_by_inline_related_links() -> None:
    related = "Related news\n* Governor promises to review exemptions\n* Plant workers get deferrals"
    body = [*BODY[:2], related, *BODY[2:]]
    doc = cleaned(page(head=HEAD, body=body))
    assert [p.text for p in doc.paragraphs] == BODY
    assert reasons(doc)["* Plant workers get deferrals"] == "recirculation"


def test_clean_page_drops_teaser_run_of_headline_blurb_and_time() -> None:
    teasers = "\n".join(
        f"{headline}\n{blurb}\n{when}"
        for headline, blurb, when in (
            ("Ice fishermen rescued from a drifting floe", "All eleven were taken ashore by boat.", "2h ago"),
            ("Volunteers open a clothing depot", "The depot collects warm coats for winter.", "3h ago"),
            ("City council debates new bus routes", "Two districts asked for more evening buses.", "5h ago"),
        )
    )  # fmt: skip
    doc = cleaned(page(head=HEAD, below=teasers))
    assert [p.text for p in doc.paragraphs] == BODY
    assert reasons(doc)["Volunteers open a clothing depot"] == "recirculation"


def test_clean_page_stops_at_comments_even_when_they_outweigh_the_article() -> None:
    comment = (
        "I have said it many times and I will say it again, these men should never have been "
        "called up at all, and the office knows it very well."
    )
    comments = "\n".join(["37 comments", *(f"user{i}\n2 days ago\n{comment}" for i in range(8))])
    doc = cleaned(page(head=HEAD, below=comments))
    assert [p.text for p in doc.paragraphs] == BODY
    assert doc.title == "Reservists Sent to Tver Training Ground"


def test_clean_page_keeps_numbered_list_that_closes_the_article() -> None:
    items = [
        "1) Tver, the training ground north of the city, 120 men",
        "2) Rzhev, the old barracks by the river station, 45 men",
        "3) Torzhok, the airfield east of the town centre, 30 men",
    ]
    doc = cleaned(page(head=HEAD, body=[*BODY, "Where the men were sent:", *items]))
    kept = [p.text for p in doc.paragraphs]
    assert all(item in kept for item in items)


def test_clean_short_text_is_not_taken_for_a_page() -> None:
    text = "Regions\n\nReservists Sent to Tver Training Ground\n\n" + "\n\n".join(BODY) + "\n\nRead more\n"
    doc = cleaned(text, url=None)
    assert [p.text for p in doc.paragraphs] == BODY
    assert not any(s.reason.startswith("page_") for s in doc.removed)


@pytest.mark.parametrize(
    ("url", "date", "precision"),
    [
        ("https://a.example/2023/03/14/slug/", "2023-03-14", "day"),
        ("https://a.example/news/2023-03-14-slug", "2023-03-14", "day"),
        ("https://a.example/story/20230314/slug", "2023-03-14", "day"),
        ("https://a.example/2023/03/slug", "2023-03-01", "month"),
        ("https://a.example/news/2023-03-slug.html", "2023-03-01", "month"),
    ],
)
def test_pubdate_reads_the_url_path_with_its_precision(url: str, date: str, precision: str) -> None:
    value = from_url(url)
    assert value is not None
    assert (value.date, value.precision, value.basis) == (date, precision, "url")


@pytest.mark.parametrize(
    "url",
    [
        "https://a.example/articles/some-slug-11574168580",  # an article id, not a date
        "https://a.example/2023/13/40/slug",  # no such day or month
        "https://a.example/category/slug",
        None,
    ],
)
def test_pubdate_url_without_a_date_gives_none(url: str | None) -> None:
    assert from_url(url) is None


def test_pubdate_from_url_when_the_text_has_no_dateline() -> None:
    text = "\n\n".join(BODY)
    doc = cleaned(text, url="https://a.example/2023/03/14/slug/")
    assert (doc.published.date, doc.published.basis) == ("2023-03-14", "url")


def test_pubdate_dateline_and_url_that_disagree_give_the_earlier_day() -> None:
    head = "Reservists Sent to Tver Training Ground\nUpdated March 20, 2023, 8:05 AM\n"
    doc = cleaned(page(head=head))
    assert doc.published.date == "2023-03-14"
    assert doc.published.note is not None and "disagree" in doc.published.note


def test_pubdate_date_in_the_page_footer_is_not_the_publication_date() -> None:
    footer_date = "* Updated: January 2, 2024"
    doc = cleaned(page(head="Reservists Sent to Tver Training Ground\n", below=footer_date), url=None)
    assert doc.published.date is None


@pytest.mark.parametrize(
    "line",
    [
        "Tags: mobilization, Tver, reservists",
        "Раздел: Общество",
        "Filed under: Regions",
        "Теги: армия, призыв",
    ],
)
def test_clean_drops_tag_and_rubric_lines_in_any_language(line: str) -> None:
    doc = cleaned("\n\n".join([*BODY, line]), url=None)
    assert reasons(doc)[line] == "tags"
    assert [p.text for p in doc.paragraphs] == BODY


def test_clean_keeps_a_sentence_that_starts_like_a_tag_line() -> None:
    line = "Section: the regional court said the case would be heard again in April, lawyers said."
    doc = cleaned("\n\n".join([*BODY, line]), url=None)
    assert line in doc.text


def test_pubdate_yearless_dateline_takes_the_year_of_the_url() -> None:
    text = "Обновлено 14 марта в 18:40\n\n" + "\n\n".join(BODY)
    doc = cleaned(text, url="https://a.example/2023/news/reservists")
    assert (doc.published.date, doc.published.basis) == ("2023-03-14", "dateline")
    assert doc.published.note is not None and "2023" in doc.published.note


def test_pubdate_yearless_dateline_without_a_year_anywhere_stays_unknown() -> None:
    text = "Обновлено 14 марта в 18:40\n\n" + "\n\n".join(BODY)
    assert cleaned(text, url=None).published.date is None


def test_clean_post_drops_read_us_without_vpn_footer() -> None:
    footer = "__Читайте нас без VPN: __[example.org/mirror](https://example.org/mirror)"
    post = "В Твери мобилизованных отправили на полигон, сообщили родственники.\n\n" + footer
    doc = clean(RawDocument("tg.json#5", post, "telegram", source_kind="telegram"))
    assert reasons(doc)[footer] == "newsletter"
    assert doc.paragraphs[0].text.startswith("В Твери")
