"""The brief of the example corpus (and the seeds, when ../shared is present) reads as an
editor's starting point: no line leans on a sentence it does not show, no line twice, every line
cited, key numbers in their source's words, each named death once, other languages marked."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from briefwire import api, report
from briefwire.report.model import Brief, BriefItem

from .conftest import REPO, SHARED

# Our own list, not the brief's: a line opening like this needs a sentence before it.
BARE_OPENING = re.compile(
    r"^[\"“«']?(He|She|They|It|His|Her|Their|Its|This|These|Those|But|And|Он|Она|Они|Его|Её|Их|Но)\b"
    r"|^The (man|woman|men|women|driver|suspect|soldier|husband|wife|victim|family|same)\b"
)
DAYS = ("2022-09-30", "2022-10-07", "2022-11-24")


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Iterator[api.Workspace]:
    inputs = [REPO / "examples"]
    if (SHARED / "seeds").is_dir():
        inputs.append(SHARED / "seeds")
    with api.Workspace(tmp_path_factory.mktemp("corpus") / "ledger.db") as ws:
        api.ingest(ws, inputs)
        yield ws


def _briefs(ws: api.Workspace) -> Iterator[tuple[str, Brief]]:
    yield "all", api.brief(ws)
    for day in DAYS:
        try:
            yield day, api.brief(ws, day, day)
        except api.PeriodError:  # the seeds' day without ../shared
            continue


def _lines(brief: Brief) -> list[BriefItem]:
    return [p for i in brief.items() for p in (i.parts or (i,))]


@pytest.mark.slow
def test_brief_corpus_lines_stand_alone_once_each_and_cite_a_document(ledger: api.Workspace) -> None:
    for name, brief in _briefs(ledger):
        lines = _lines(brief)
        assert lines, name
        leaning = [i.text for i in lines if BARE_OPENING.match(i.text)]
        assert leaning == [], name
        texts = [" ".join(i.text.lower().split()) for i in lines]
        assert len(texts) == len(set(texts)), f"{name}: a summary twice"
        assert all(i.citations for i in lines), name


@pytest.mark.slow
def test_brief_corpus_key_numbers_are_the_sources_own_words(ledger: api.Workspace) -> None:
    texts = {
        d["doc_id"]: " ".join(((api.show(ledger, d["doc_id"]) or {}).get("clean_text") or "").split())
        for d in api.docs(ledger)
    }
    brief = api.brief(ledger)
    numbered = [i for i in _lines(brief) if i.quantity]
    assert numbered
    for item in numbered:
        assert any(item.quantity in texts.get(c.doc_id, "") for c in item.citations), item.quantity
    assert "0.5 share" not in report.render_markdown(brief)


@pytest.mark.slow
def test_brief_corpus_each_named_death_is_one_line(ledger: api.Workspace) -> None:
    brief = api.brief(ledger)
    [dead] = [i for i in brief.items() if i.key == "named-dead"]
    for person in brief.casualties:
        surname = str(person["name"]).split()[-1]
        assert sum(surname in p.text for p in dead.parts) == 1, surname
        others = [
            i.text for i in brief.items() if i is not dead and i.type == "casualty" and surname in i.text
        ]
        assert others == [], surname


@pytest.mark.slow
def test_brief_corpus_russian_lines_in_the_english_brief_are_marked(ledger: api.Workspace) -> None:
    brief = api.brief(ledger)
    assert brief.language == "en"
    cyrillic = [i for i in _lines(brief) if re.search(r"[а-яё]{4}", i.text)]
    assert cyrillic, "the example corpus has Russian documents"
    assert all(i.language == "ru" for i in cyrillic)
    md = report.render_markdown(brief)
    assert md.count("**\\[ru\\]") >= len(cyrillic)
