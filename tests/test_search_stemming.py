"""Full-text search finds other forms of a word: English by the index's porter stemmer, Russian
by the query's Snowball stems (issue 12, item 18: "draft office" found nothing)."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefwire.store import Store
from briefwire.store.fts_query import fts_query, words_query
from tests.webdata import Ledger, desk_client

PASSAGES = (
    "Two hundred men were drafted at the enlistment offices of the district.",
    "Повестку вручили Алексею Воронину у проходной завода.",
    "Жена Воронина рассказала, что мужа мобилизовали в понедельник.",
    "Nothing about the call-up here: the bridge was repainted.",
)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "search.db"
    led = Ledger(path)
    for i, text in enumerate(PASSAGES):
        led.document([text], title=f"report {i}", outlet=f"Outlet {i}", published="2024-03-04")
    led.close()
    return path


def _found(db: Path, query: str) -> set[int]:
    with Store(db) as store:
        hits = store.search(query, limit=20)
    return {int(h["title"].removeprefix("report ")) for h in hits}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("draft office", {0}),
        ("drafting", {0}),
        ("offices", {0}),
        ("Воронин", {1, 2}),
        ("Воронина", {1, 2}),
        ("воронину", {1, 2}),
        ("повестка", {1}),
        ("мобилизовать", {2}),
        ('"Воронина рассказала"', {2}),  # a quoted phrase is searched as typed
    ],
)
def test_search_finds_other_forms_of_the_words(db: Path, query: str, expected: set[int]) -> None:
    assert _found(db, query) == expected


def test_search_stems_do_not_match_unrelated_words(db: Path) -> None:
    assert _found(db, "bridges") == {3}
    assert _found(db, "Воронеж") == set()


def test_desk_search_stems_too(db: Path) -> None:
    page = desk_client(db).get("/search", params={"q": "Воронин"}).text
    assert "report 1" in page and "report 2" in page


def test_search_query_rewrites_only_bare_russian_words() -> None:
    assert fts_query("Воронин AND draft") == "воронин* AND draft"
    assert fts_query('"Воронина рассказала" OR повестки*') == '"Воронина рассказала" OR повестки*'
    assert words_query('Воронин "oops') == '"воронин"* """oops"'
