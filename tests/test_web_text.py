"""The pieces that make hostile text safe to show: links, evidence marks, snippets."""

from __future__ import annotations

import pytest

from briefwire.report.markdown import md_escape
from briefwire.web.text import Segment, evidence, fts_segments, removed_segments, safe_url


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox",
        "//evil.example/x",
        "file:///etc/passwd",
        "https:",
        "http://exa\nmple.com",
        None,
        42,
    ],
)
def test_web_safe_url_refuses_everything_but_plain_http_links(url: object) -> None:
    assert safe_url(url) is None


@pytest.mark.parametrize(
    "url", ["https://news.example/a?b=1#c", "http://ural.example/x", "HTTPS://A.EXAMPLE"]
)
def test_web_safe_url_keeps_http_links(url: str) -> None:
    assert safe_url(url) == url


def _doc(text: str) -> dict[str, object]:
    paragraphs, start = [], 0
    for i, para in enumerate(text.split("\n\n")):
        paragraphs.append({"index": i, "start": start, "end": start + len(para)})
        start += len(para) + 2
    return {"clean_text": text, "passages": paragraphs}


def test_web_evidence_marks_the_span_inside_its_own_paragraph() -> None:
    text = "First paragraph here.\n\nThe governor said 40 men were sent home. Then more."
    start = text.index("40 men")
    ev = evidence(_doc(text), start, start + len("40 men were sent home"), "40 men were sent home")
    assert ev.exact and ev.paragraph_index == 1
    assert ev.segments == (
        Segment("The governor said "),
        Segment("40 men were sent home", True),
        Segment(". Then more."),
    )


def test_web_evidence_finds_the_quote_when_offsets_drifted() -> None:
    text = "Alpha beta.\n\nGamma delta epsilon."
    ev = evidence(_doc(text), 0, 5, "delta")
    assert not ev.exact
    assert [s.text for s in ev.segments if s.mark] == ["delta"]


def test_web_evidence_out_of_range_offsets_mark_nothing() -> None:
    ev = evidence(_doc("Short text."), 500, 520, "not there")
    assert not any(s.mark for s in ev.segments)


def test_web_removed_segments_carry_their_reason() -> None:
    raw = "Ads by: X\nBody text.\nPhoto: Y"
    segs = removed_segments(
        raw, [{"start": 0, "end": 9, "reason": "ad"}, {"start": 21, "end": 29, "reason": "photo credit"}]
    )
    assert [(s.text, s.note) for s in segs if s.mark] == [("Ads by: X", "ad"), ("Photo: Y", "photo credit")]
    assert "".join(s.text for s in segs) == raw


def test_web_search_snippet_markers_become_marked_segments() -> None:
    segs = fts_segments("a \x02hit\x03 and [brackets] \x02two\x03")
    assert [s.text for s in segs if s.mark] == ["hit", "two"]
    assert "[brackets]" in "".join(s.text for s in segs)


def test_brief_markdown_escape_leaves_no_markup() -> None:
    out = md_escape("<script>x</script> [link](javascript:alert(1)) *bold* `code`")
    assert "<" not in out
    assert "[link](" not in out and "\\[link\\](" in out  # brackets escaped: no link
    assert "\\*bold\\*" in out and "\\`code\\`" in out
