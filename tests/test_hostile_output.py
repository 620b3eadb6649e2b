"""Regressions: output that becomes code somewhere else (a spreadsheet, a Markdown renderer,
a terminal, a browser)."""

from __future__ import annotations

import csv
import io

import pytest
from markdown_it import MarkdownIt

from briefwire.report import render_markdown, write_rows
from briefwire.report.brief import Brief, BriefItem, BriefSection, Citation
from briefwire.untrusted import safe_url, spreadsheet_cell

FORMULAS = ['=HYPERLINK("http://x","y")', "+1+2", "-2+3", "@SUM(A1:A9)", "\t=1", "\r=1", " =1", "＝1"]


@pytest.mark.parametrize("cell", FORMULAS)
def test_csv_export_neutralises_formula_cells(cell: str) -> None:
    out = io.StringIO()
    write_rows([{"doc_id": "d1", "title": cell, "n_passages": 3}], "documents", "csv", out)
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["title"] == "'" + cell
    assert row["n_passages"] == "3"


@pytest.mark.parametrize("number", ["-12", "-3.5", "-0.25", "+7", "1e5", "-1E-3"])
def test_csv_export_keeps_real_negative_numbers(number: str) -> None:
    out = io.StringIO()
    write_rows([{"doc_id": "d1", "title": number, "n_passages": -4}], "documents", "csv", out)
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["title"] == number and row["n_passages"] == "-4"


def test_csv_cell_leaves_plain_text_alone() -> None:
    assert spreadsheet_cell("Queues at the border") == "Queues at the border"
    assert spreadsheet_cell("") == ""


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://example.org/a>)<img src=x onerror=alert(1)>",
            "https://example.org/a%3E%29%3Cimg%20src=x%20onerror=alert%281%29%3E",
        ),
        ("https://example.org/path (1)?q=a b#top", "https://example.org/path%20%281%29?q=a%20b#top"),
        ("https://пример.рф/путь", "https://xn--e1afmkfd.xn--p1ai/%D0%BF%D1%83%D1%82%D1%8C"),
        ("https://example.org/%20already", "https://example.org/%20already"),
    ],
)
def test_url_percent_encoded_so_nothing_ends_a_link(url: str, expected: str) -> None:
    assert safe_url(url) == expected


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "data:text/html,x",
        "https://user:pw@evil.example/",
        "https:///nohost",
        "https://exa mple.org/",
        "https://example.org/\x1b[31m",
        "https://example.org/\u202e",
        "ftp://x.org/",
    ],
)
def test_url_that_is_not_a_plain_web_address_is_refused(url: str) -> None:
    assert safe_url(url) is None


def _brief_with(url: str, text: str) -> Brief:
    citation = Citation("d1", "Outlet [x](javascript:alert(1))", "Title <b>", url, "2022-10-01", "a.txt")
    item = BriefItem("event", "k1", text, "Mobilization", (citation,))
    return Brief("2022-10-01", "2022-10-01", (BriefSection("Mobilization", (item,)),))


def test_brief_markdown_url_with_angle_and_paren_cannot_break_out_of_its_link() -> None:
    hostile = "https://example.org/a>)<img src=x onerror=alert(1)>"
    md = render_markdown(_brief_with(hostile, "Text with *stars*, `code`, ~strike~ and <script>x</script>"))
    html = MarkdownIt("commonmark", {"html": True}).render(md)  # a renderer that lets raw HTML through
    assert "<img" not in html and "<script" not in html and "<b>" not in html
    assert 'href="https://example.org/a%3E%29%3Cimg%20src=x%20onerror=alert%281%29%3E"' in html
    assert "javascript:" not in html.replace("[x](javascript:alert(1))", "")  # the label stays text
    assert "<em>" not in html and "<code>" not in html


def test_brief_markdown_source_without_a_web_address_is_plain_text() -> None:
    md = render_markdown(_brief_with("javascript:alert(1)", "A report."))
    html = MarkdownIt("commonmark", {"html": True}).render(md)
    assert "<a " not in html and "Outlet [x](javascript:alert(1))" in html
