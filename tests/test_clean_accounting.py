"""Nothing is lost: removed spans plus the clean text account for every raw character."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from briefwire.clean import clean, normalize_text
from briefwire.models import RawDocument

PIECES = [
    "The governor said on Friday that 40 men had been sent home.",
    "“We were told nothing,” his mother said.”Ads by:",
    "ADVERTISEMENT",
    "Ads by:",
    "Support us",
    "Your support keeps us going. Donate now",
    "Recruits wait in Omsk on March 3, 2023. IVAN PETROV/AFP/Getty Images",
    "Olga Ivanova/Sputnik via Reuters",
    "About the writer",
    "Read more",
    ".",
    "November 24, 2022",
    "A Headline About Reservists",
    "Подписаться",
    "#мобилизация",
    "Cafe\u0301\u00a0owners",
    "",
]
BREAKS = ["\n", "\n\n", "\r\n", " \n ", "\u2028"]


@st.composite
def documents(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=40)), max_size=12))
    seps = draw(st.lists(st.sampled_from(BREAKS), min_size=len(parts), max_size=len(parts)))
    return "".join(p + s for p, s in zip(parts, seps, strict=True))


@settings(max_examples=300, deadline=None)
@given(documents())
def test_clean_removed_spans_and_clean_text_account_for_all_raw_text(text: str) -> None:
    doc = clean(RawDocument("h.txt", text, "text"))
    previous_end = 0
    remainder = []
    for span in sorted(doc.removed, key=lambda s: s.start):
        assert 0 <= span.start <= span.end <= len(text)
        assert span.start >= previous_end  # spans never overlap
        assert text[span.start : span.end] == span.text
        assert span.reason
        remainder.append(text[previous_end : span.start])
        previous_end = span.end
    remainder.append(text[previous_end:])
    kept = normalize_text("\n".join(remainder)).split()
    assert kept == normalize_text(doc.text).split()
    for paragraph in doc.paragraphs:
        assert doc.text[paragraph.start : paragraph.end] == paragraph.text
