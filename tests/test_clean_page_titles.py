"""Headlines of pages saved as text in shapes a headline rule used to refuse: two short
sentences, a slug in another spelling, a claim quoted above the headline, icon rows between
the headline and its byline. Regressions from the dev pages of bench/page_text.py; every
page is written for the test."""

from __future__ import annotations

from .test_clean_page_head import cleaned, page

URL = "https://money.example.com/articles/grain-prices-fall-after-harvest-report-8812"
TWO_SENTENCES = "Grain Prices Fall After the Harvest Report. Why Farmers Are Not Worried."


def test_page_headline_of_two_sentences_above_its_byline_is_the_title() -> None:
    head = f"* Markets\n{TWO_SENTENCES}\n*\n*\n*\nBy\nMaria Lind\nUpdated March 14, 2023 8:21 am ET\n"
    assert cleaned(page(head), url=URL).title == TWO_SENTENCES


def test_page_headline_under_a_quoted_claim_that_opens_the_article_is_the_title() -> None:
    claim = (
        '"Every second reservist in our district was sent to the front without a single day '
        'of training."\n— A district councillor on Monday, March 13th, 2023, in a post'
    )
    headline = "Were most reservists in Tver sent without training?"
    url = "https://checks.example.org/statements/2023/mar/14/88123/"
    head = f"{claim}\n{headline}\nBy Pavel Sokolov on Tuesday, March 14th, 2023 at 9:15 a.m.\n"
    assert cleaned(page(head), url=url).title == headline


def test_page_cyrillic_headline_under_a_transliterated_slug_is_the_title() -> None:
    headline = "Женский хор выступил перед рабочими завода"
    url = "https://news.example.ru/zhenskij-hor-vystupil-pered-rabochimi-zavoda/"
    intro = "Как прошёл концерт в цехе"
    steps = "\n".join(f"* {n} номер: песня о родном городе" for n in range(1, 6))
    doc = cleaned(page(f"Главная » Новости\n{headline}\n{intro}\n{steps}\n"), url=url)
    assert doc.title == headline


def test_page_teaser_the_layout_framed_loses_to_the_line_that_carries_the_slug() -> None:
    # a sidebar teaser with its own date sat right above the article: its date was taken too
    url = "https://cars.example.com/auto-news/new-tram-line-opens-across-the-river-in-tver.html"
    headline = "New tram line opens across the river in Tver"
    head = (
        f"{headline}\nPavel Sokolov View More Articles\nCity November 20, 2023 13:42\n"
        "Old bridge closes for repairs\nJuly 30, 2015\n"
    )
    doc = cleaned(page(head), url=url)
    assert doc.title == headline
    assert doc.published.date == "2023-11-20"
