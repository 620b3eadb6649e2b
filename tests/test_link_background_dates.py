"""A coarse date long before its report is the story's background: the claim is dated by the
report's publication, in linking and in the store's blocking day alike."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from briefwire.link.features import background_date, claim_day, claim_span
from briefwire.store import Store

CASES = [
    # date, precision, published, background?, the claim's linking day
    ("2022-02-01", "month", "2023-12-14", True, "2023-12-14"),  # "since February 2022"
    ("2023-12-01", "month", "2023-12-14", False, "2023-12-01"),  # this month
    ("2023-11-01", "month", "2023-12-14", False, "2023-11-01"),  # last month, just ended
    ("2022-09-25", "day", "2022-12-11", False, "2022-09-25"),  # a death told months later
    ("2022-01-01", "year", "2023-03-01", True, "2023-03-01"),
    (None, "unknown", "2023-03-01", False, "2023-03-01"),
]


@pytest.mark.parametrize(("when", "precision", "published", "background", "day"), CASES)
def test_link_background_coarse_date_gives_the_publication_day(
    when: str | None, precision: str, published: str, background: bool, day: str
) -> None:
    c = {"date": when, "date_precision": precision, "published": published}
    assert background_date(c) is background
    assert claim_day(c) == date.fromisoformat(day)
    if background:
        assert claim_span(c) == 1


def test_link_background_store_link_day_follows_claim_day(tmp_path: Path) -> None:
    with Store(tmp_path / "l.db") as st:
        for i, (when, precision, published, _, _day) in enumerate(CASES):
            st.conn.execute(
                "INSERT INTO documents(doc_id, seq, origin, format, published, raw_text, clean_text,"
                " ingested_at) VALUES (?, ?, ?, 'text', ?, '', '', '2024-01-01')",
                (f"d{i}", i, f"o{i}.txt", published),
            )
            st.conn.execute(
                "INSERT INTO claims(claim_key, doc_id, type, theme, summary, date, date_precision, stance,"
                " start, end, quote, extractor, confidence)"
                " VALUES (?, ?, 'other', 'Other', 's', ?, ?, 'reported', 0, 1, 'q', 'x', 0.5)",
                (f"c{i}", f"d{i}", when, precision),
            )
        got = dict(st.conn.execute("SELECT claim_key, link_day FROM claims").fetchall())
    assert got == {f"c{i}": case[4] for i, case in enumerate(CASES)}
