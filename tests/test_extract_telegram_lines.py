"""Reading the lines of Russian Telegram posts: headline-style lines, dash-tail speakers,
pictographs glued to names, strikes named with their weapon, statements of what may come.

Every line was written for these tests (people and events invented); the shapes are those of
news channels' posts.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from briefwire.clean import detect_language
from briefwire.extract import Extraction, extract
from briefwire.extract.attribution import attribute
from briefwire.extract.casualties.names_ru import latin
from briefwire.models import CleanDocument, DateValue, Paragraph, RawDocument
from briefwire.nlp import get_backend

Run = Callable[[str], Extraction]


def _doc(text: str) -> CleanDocument:
    paragraphs = tuple(
        Paragraph(i, m.start(), m.end(), m.group()) for i, m in enumerate(re.finditer(r"[^\n]+", text))
    )
    raw = RawDocument(origin="post.txt", text=text, format="telegram", outlet="Тестовый канал")
    date = DateValue("2024-11-20", "day", "metadata")
    return CleanDocument(raw, "d1", text, paragraphs, (), None, None, date, "ru")


@pytest.fixture(scope="module")
def run() -> Run:
    def _run(text: str) -> Extraction:
        doc = _doc(text)
        return extract(doc, next(iter(get_backend("ru").analyse([doc.text]))))

    return _run


def _types(ex: Extraction) -> set[str]:
    return {c.type for c in ex.claims}


def test_russian_digest_whose_lines_are_links_is_russian() -> None:
    line = "📑[Итоги недели в Подмосковье](https://example.org/articles/weekly-summary-of-the-region?ref=tg)"
    assert detect_language("\n".join([line] * 5) + "\nГлавное за неделю.") == "ru"
    assert detect_language("A short English note about https://example.org/ru/новости") == "en"


def test_headline_line_without_full_stop_is_not_a_cut_off_sentence(run: Run) -> None:
    ex = run("⚡️Российские войска взяли под контроль село Заречное в Донецкой области, сообщили в Минобороны")
    assert _types(ex) == {"other"}
    assert ex.claims[0].claimed_by[0] == "Минобороны"


def test_last_sentence_cut_off_on_a_preposition_gives_no_claim(run: Run) -> None:
    ex = run("Над областью сбиты четыре беспилотника, сообщил губернатор. Ещё два дрона упали в районе у")
    assert [c.quote.startswith("Над областью") for c in ex.claims] == [True]


def test_pictograph_glued_to_a_surname_leaves_the_word_alone() -> None:
    analysis = next(iter(get_backend("ru").analyse(["⚡️Карпенко заявил, что переговоров не будет."])))
    words = [t.text for t in analysis.sentences[0].tokens]
    assert words[0] == "Карпенко"
    assert analysis.sentences[0].tokens[0].start == 2  # offsets stay those of the text


def test_dash_tail_names_who_said_the_line(run: Run) -> None:
    ex = run("⚡️Россия готова к переговорам об Украине на прежних условиях — Карпенко")
    assert _types(ex) == {"policy_or_statement"}
    assert ex.claims[0].claimed_by[0] == "Карпенко"


def test_dash_before_a_description_is_no_speaker() -> None:
    analysis = next(iter(get_backend("ru").analyse(["Погиб Пётр Иванов — житель Кимр."])))
    assert attribute(analysis.sentences[0]).speaker is None


def test_strike_named_with_adjectives_before_its_weapon_is_an_event(run: Run) -> None:
    ex = run("Налёт крылатых ракет дальнего действия на Днепр закончился, сообщили в Воздушных силах ВСУ.")
    assert _types(ex) == {"other"}


def test_warning_of_what_may_come_is_a_statement_not_nothing(run: Run) -> None:
    ex = run("Удары западными ракетами по России могут повлечь ядерный ответ — Карпенко.")
    assert _types(ex) == {"policy_or_statement"}
    assert ex.claims[0].stance == "planned"


def test_judging_a_strike_is_a_statement(run: Run) -> None:
    ex = run("Президент Польши назвал ракетный удар по Львову возмутительным.")
    assert _types(ex) == {"policy_or_statement"}


def test_russian_actor_carries_its_name_in_latin_letters(run: Run) -> None:
    ex = run("Премьер-министр Чехии Томаш Новак назвал ракетный удар по Львову возмутительным.")
    latin = {a.name_latin for c in ex.claims for a in c.actors}
    assert "Tomash Novak" in latin


def test_latin_name_puts_a_person_in_the_nominative_first() -> None:
    assert latin("Ивану Петрову", person=True) == "Ivan Petrov"
    assert latin("украинские источники") is None
    assert latin("Ivan Petrov") is None
