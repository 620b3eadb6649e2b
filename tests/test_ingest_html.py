"""HTML pages through trafilatura: text with paragraphs as lines, and page metadata."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefwire.ingest import IngestError, RawDocument, ReadError, read_html, read_one

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Families wait outside the enlistment office | Valley Courier</title>
<meta property="og:title" content="Families wait outside the enlistment office">
<meta property="og:site_name" content="Valley Courier">
<meta name="author" content="Maria Testova">
<meta property="article:published_time" content="2022-10-05T08:30:00+03:00">
<link rel="canonical" href="https://courier.example/news/families-wait">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Families wait outside the enlistment office</h1>
<p>Dozens of relatives gathered outside the district enlistment office on Wednesday,
hoping to see the men who had been called up the day before.</p>
<p>Several women said their husbands had received summonses at work and were given
only a few hours to pack their belongings.</p>
<p>Officials at the office declined to say when the group would be sent to training.</p>
</article>
<footer>Copyright Valley Courier. All rights reserved.</footer>
</body></html>
"""


def test_read_html_keeps_paragraphs_on_separate_lines() -> None:
    doc = read_html(PAGE.encode(), "page.html")
    lines = doc.text.split("\n")
    assert any(line.startswith("Dozens of relatives gathered") for line in lines)
    assert any(line.startswith("Several women said") for line in lines)
    assert any(line.startswith("Officials at the office declined") for line in lines)
    assert "hoping to see the men" in doc.text


def test_read_html_drops_page_navigation_and_footer() -> None:
    doc = read_html(PAGE.encode(), "page.html")
    assert "Sport" not in doc.text
    assert "All rights reserved" not in doc.text


def test_read_html_keeps_title_date_author_url_and_site_name() -> None:
    doc = read_html(PAGE.encode(), "page.html")
    assert doc.title == "Families wait outside the enlistment office"
    assert doc.author == "Maria Testova"
    assert doc.published == "2022-10-05"
    assert doc.url == "https://courier.example/news/families-wait"
    assert doc.outlet == "Valley Courier"
    assert doc.format == "html"
    assert doc.origin == "page.html"


def test_read_html_cp1251_page_without_declaration_decodes() -> None:
    page = (
        "<html><head><title>Новости</title></head><body><article>"
        "<p>В военкомат на улице Ленина пришли родственники мобилизованных мужчин.</p>"
        "<p>Они требовали объяснить, почему их близким не выдали зимнюю форму.</p>"
        "</article></body></html>"
    )
    doc = read_html(page.encode("cp1251"), "ru.html")
    assert "родственники мобилизованных мужчин" in doc.text
    assert "зимнюю форму" in doc.text


def test_read_html_page_without_text_raises_a_read_error() -> None:
    with pytest.raises(ReadError) as caught:
        read_html(b"<html><head><title>x</title></head><body></body></html>", "blank.html")
    assert "no article text" in caught.value.reason


def test_html_file_without_article_text_is_an_ingest_error(tmp_path: Path) -> None:
    path = tmp_path / "shell.htm"
    path.write_text("<html><body><script>var a = 1;</script></body></html>", encoding="utf-8")
    [error] = read_one(path)
    assert isinstance(error, IngestError)
    assert error.origin == str(path)
    assert "no article text" in error.reason


def test_html_file_is_read_by_suffix(tmp_path: Path) -> None:
    path = tmp_path / "families.html"
    path.write_text(PAGE, encoding="utf-8")
    [doc] = read_one(path)
    assert isinstance(doc, RawDocument)
    assert doc.origin == str(path)
    assert doc.title == "Families wait outside the enlistment office"


def test_extensionless_html_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "saved-page"
    path.write_text(PAGE, encoding="utf-8")
    [doc] = read_one(path)
    assert isinstance(doc, RawDocument)
    assert doc.format == "html"
