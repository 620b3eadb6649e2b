"""The page-text benchmark's gold date: the markup's own date, never a date htmldate falls
back on (a stock image's folder, a file photo's caption) when the page's address says
otherwise. Every page here is written for the test."""

from __future__ import annotations

from briefwire.evaluate.markup_date import stated_days
from briefwire.evaluate.page_text import gold_date

URL = "https://news.example.org/story/news/2023/11/19/tram-line-opens/4082/"
IMAGE = "https://cdn.example.com/media/2016/04/05/ball.jpg"


def _page(head: str = "", body: str = "") -> str:
    return f"<html><head>{head}</head><body><h1>Tram line opens</h1>{body}<p>Text.</p></body></html>"


def test_gold_date_is_not_a_stock_image_folder_when_the_url_names_another_day() -> None:
    markup = _page(f'<meta content="{IMAGE}" property="og:image">', f'<img src="{IMAGE}">')
    assert gold_date(markup) == "2016-04-05"  # what htmldate alone makes of it
    assert gold_date(markup, URL) is None


def test_gold_date_keeps_the_metadata_date_even_when_the_url_names_another_day() -> None:
    markup = _page('<meta property="article:published_time" content="2023-11-02T09:00:00+00:00">')
    assert gold_date(markup, URL) == "2023-11-02"


def test_markup_date_fields_are_meta_json_ld_and_time_elements_not_image_paths() -> None:
    markup = _page(
        f'<meta property="og:image" content="{IMAGE}">'
        '<meta name="publish-date" content="November 20, 2023 13:42">',
        '<time datetime="2023-11-21T10:00:00Z">yesterday</time>'
        '<script>{"dateModified": "2023-11-22"}</script>'
        '<script>{"datePublished": "0001-01-01T00:00:00Z"}</script>',
    )
    assert {d.isoformat() for d in stated_days(markup)} == {"2023-11-20", "2023-11-21", "2023-11-22"}
