"""The language backends: offsets index the original text, languages route correctly."""

from __future__ import annotations

import pytest

from briefwire.nlp import Analysis, Backend, get_backend, split_blocks

ENGLISH = (
    "Ads by:\n"
    "  The governor of Kursk region, Roman Starovoit, said on Monday that 40 men were "
    "sent home.  \n"
    "\n"
    "Officials in Moscow declined to comment. The Defense Ministry in Moscow did not reply.\n"
)


@pytest.fixture(scope="module")
def english() -> Backend:
    return get_backend("en")


@pytest.fixture(scope="module")
def analysis(english: Backend) -> Analysis:
    [result] = list(english.analyse([ENGLISH]))
    return result


def test_nlp_sentences_index_the_whole_text(analysis: Analysis) -> None:
    assert analysis.text == ENGLISH
    assert len(analysis.sentences) >= 4
    for sentence in analysis.sentences:
        assert ENGLISH[sentence.start : sentence.end] == sentence.text
        for token in sentence.tokens:
            assert ENGLISH[token.start : token.end] == token.text
            assert sentence.start <= token.start < token.end <= sentence.end


def test_nlp_entities_index_the_whole_text(analysis: Analysis) -> None:
    labels = {(e.text, e.label) for e in analysis.entities}
    assert ("Moscow", "GPE") in labels
    assert any(label == "PERSON" and "Starovoit" in text for text, label in labels)
    for entity in analysis.entities:
        assert ENGLISH[entity.start : entity.end] == entity.text


def test_nlp_sentence_never_crosses_a_paragraph_break(analysis: Analysis) -> None:
    for sentence in analysis.sentences:
        assert "\n" not in sentence.text


def test_nlp_tokens_carry_lemma_and_entity_label(analysis: Analysis) -> None:
    tokens = [t for s in analysis.sentences for t in s.tokens]
    sent = next(t for t in tokens if t.text == "sent")
    assert sent.lemma == "send"
    assert sent.pos == "VERB"
    moscow = next(t for t in tokens if t.text == "Moscow")
    assert moscow.ent == "GPE"


def test_nlp_analyse_keeps_input_order_and_count(english: Backend) -> None:
    texts = ["First text about Ukraine.", "", "Third text, in Russia.", "   \n  "]
    results = list(english.analyse(texts, batch_size=2))
    assert [r.text for r in results] == texts
    assert results[1].sentences == ()
    assert results[3].sentences == ()
    assert "Russia" in {e.text for e in results[2].entities}


def test_nlp_unknown_language_falls_back_to_english() -> None:
    assert get_backend("xx").name == get_backend("en").name
    assert get_backend(None).language == "en"
    assert get_backend("en-GB") is get_backend("en")


def test_nlp_russian_text_is_analysed_without_crashing() -> None:
    text = "Мобилизованный из Челябинской области погиб.\n\nВ Москве задержали 5 человек."
    [result] = list(get_backend("ru").analyse([text]))
    assert len(result.sentences) == 2
    for sentence in result.sentences:
        assert text[sentence.start : sentence.end] == sentence.text
    assert any(e.text == "Москве" for e in result.entities)


def test_nlp_russian_text_through_english_backend_does_not_crash(english: Backend) -> None:
    text = "Мобилизованный из Челябинской области погиб. В Москве задержали 5 человек."
    [result] = list(english.analyse([text]))
    assert result.sentences
    for sentence in result.sentences:
        assert text[sentence.start : sentence.end] == sentence.text


def test_nlp_split_blocks_cuts_long_lines_at_spaces() -> None:
    text = "word " * 100 + "\n\n  tail  "
    blocks = split_blocks(text, max_chars=60)
    assert all(e - s <= 60 for s, e in blocks)
    assert text[blocks[-1][0] : blocks[-1][1]] == "tail"
    joined = " ".join(text[s:e] for s, e in blocks)
    assert joined.split() == text.split()


def test_nlp_bracketed_conversion_stays_in_its_sentence(english: Backend) -> None:
    text = "A school fair raised 59,000 rubles [USD 970] for first-aid kits. Volunteers sewed gloves."
    [result] = list(english.analyse([text]))
    assert [s.text for s in result.sentences] == [
        "A school fair raised 59,000 rubles [USD 970] for first-aid kits.",
        "Volunteers sewed gloves.",
    ]


RUSSIAN = (
    "Губернатор Белгородской области Вячеслав Гладков заявил, что 40 мужчин отправили домой\n"
    "\n"
    "В Казани прошла акция протеста. Полиция задержала Ивана Петрова у здания мэрии.\n"
    "Министерство обороны России не ответило на запрос.\n"
)


def test_nlp_russian_backend_finds_the_entities_natasha_finds() -> None:
    from natasha import Doc, Segmenter  # noqa: PLC0415

    backend = get_backend("ru")
    texts = [RUSSIAN, "Жителя Уфы Олега Смирнова призвали в армию.", RUSSIAN[:90]]
    ours = [{(e.start, e.end, e.text) for e in a.entities} for a in backend.analyse(texts, batch_size=2)]
    theirs = []
    for text in texts:
        doc = Doc(text)
        doc.segment(Segmenter())
        doc.tag_ner(backend.ner)
        theirs.append({(s.start, s.stop, s.text) for s in doc.spans})
    assert ours == theirs
    assert any(text == "Ивана Петрова" for _, _, text in ours[0])


def test_nlp_russian_sentence_never_crosses_a_paragraph_break() -> None:
    [result] = list(get_backend("ru").analyse([RUSSIAN]))
    assert [s.text for s in result.sentences][:2] == [
        RUSSIAN.split("\n", maxsplit=1)[0],
        "В Казани прошла акция протеста.",
    ]
    assert all("\n" not in s.text for s in result.sentences)
    tokens = [t for s in result.sentences for t in s.tokens]
    assert all(RUSSIAN[t.start : t.end] == t.text for t in tokens)
    assert {t.text for t in tokens if t.ent == "PERSON"} >= {"Ивана", "Петрова"}
