"""The document topic judge: a post the model is sure is not the story makes no claim.

Channels post market forecasts, game reviews and other countries' wars beside their war news;
the lexicon's topic gate let them through and their numbers became claims. The judge overrules
the lexicon only where it is confident, and keeps what the text names (mentions) either way.
"""

from __future__ import annotations

import numpy as np
import pytest

from briefwire.clean import clean
from briefwire.extract.document import extract_document
from briefwire.extract.typing import topic
from briefwire.extract.typing.topic import BARRED, BUCKETS, OFF, ON, TopicModel, document_topic
from briefwire.extract.typing.train import stacked
from briefwire.extract.typing.train_topic import thresholds
from briefwire.models import CleanDocument, RawDocument
from briefwire.nlp import Analysis, get_backend

STRIKE = (
    "Ночью над Белгородской областью сбили 14 беспилотников ВСУ, сообщили в Минобороны. "
    "В Шебекино повреждены два жилых дома, ранены три человека."
)
OBITUARY = (
    "В Бурятии простились с мобилизованным Алексеем Николаевым. Он погиб в зоне СВО 12 марта, "
    "ему было 34 года. У него остались жена и двое детей."
)
# no word of the lexicon's topic: only the judge can let it in
QUIET = "В Шебекино повреждены два жилых дома, три человека ранены, сообщил губернатор."


def read(text: str) -> tuple[CleanDocument, Analysis]:
    doc = clean(RawDocument(origin="mem://post", text=text, format="text", outlet="Канал", language="ru"))
    [analysis] = get_backend("ru").analyse([doc.text])
    return doc, analysis


def model(intercept: float, veto: float = 0.1, admit: float = 0.9) -> TopicModel:
    """A judge whose verdict is its intercept alone: sure either way, whatever the text."""
    return TopicModel(np.zeros(BUCKETS), np.zeros(300), intercept, 1.0, veto, admit)


def test_a_post_the_judge_is_sure_is_off_topic_makes_no_claim_but_keeps_its_mentions(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    doc, analysis = read(STRIKE)
    assert extract_document(doc, analysis).claims  # the lexicon alone lets it through
    monkeypatch.setattr(topic, "load_topic_model", lambda language: model(-10.0))
    assert document_topic(doc, analysis, "ru") == BARRED
    barred = extract_document(doc, analysis)
    assert not barred.claims
    assert any("14" in m.text for m in barred.mentions if m.kind == "quantity")


def test_the_judge_admits_a_post_the_lexicon_turned_away_only_when_sure(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    doc, analysis = read(QUIET)
    monkeypatch.setattr(topic, "load_topic_model", lambda language: None)
    assert document_topic(doc, analysis, "ru") == OFF
    monkeypatch.setattr(topic, "load_topic_model", lambda language: model(10.0))
    assert document_topic(doc, analysis, "ru") == ON
    monkeypatch.setattr(topic, "load_topic_model", lambda language: model(0.0))  # p = 0.5: unsure
    assert document_topic(doc, analysis, "ru") == OFF


@pytest.mark.parametrize("text", [STRIKE, OBITUARY], ids=["strike report", "soldier's obituary"])
def test_the_shipped_judge_keeps_war_reports_with_their_claims(text: str) -> None:
    shipped = topic.load_topic_model("ru")
    assert shipped is not None, "profiles/mobilization/topic_ru.npz is missing"
    assert 0.0 < shipped.veto < 0.5 < shipped.admit <= 1.0
    doc, analysis = read(text)
    assert document_topic(doc, analysis, "ru") == ON
    assert extract_document(doc, analysis).claims


def test_thresholds_weigh_a_barred_on_topic_post_twice() -> None:
    # (probability, lexicon's verdict, annotator's label)
    scored = [(0.02, True, False), (0.03, True, False), (0.04, True, True), (0.6, True, True)]
    veto, admit = thresholds(scored)
    assert veto == 0.04  # bars the two off-topic posts; one more step would bar the on-topic one
    assert admit == 1.0  # nothing the lexicon turned away: never admit
    turned_away = [(0.95, False, True), (0.97, False, True), (0.5, False, False), (0.96, False, False)]
    assert thresholds(turned_away)[1] == 0.97


def test_training_rows_without_a_vector_get_zeros_not_a_shorter_row() -> None:
    sparse, dense = stacked([({3: 0.5}, None), ({7: 1.0}, np.ones(4))], buckets=16)
    assert sparse.shape == (2, 16) and sparse[0, 3] == 0.5 and sparse[1, 7] == 1.0
    assert dense.tolist() == [[0.0] * 4, [1.0] * 4]


def test_a_report_whose_place_only_its_headline_or_dateline_names_is_on_topic() -> None:
    # English has no learned judge: the lexicon needs a topic word and a Russian place
    text = "The shelling on Friday damaged a school and two houses; five people were hurt, the mayor said."
    for title, body in (("Shelling in Shebekino", text), (None, f"KURSK. {text}")):
        doc = clean(RawDocument(origin="mem://a", text=body, format="text", language="en", title=title))
        [analysis] = get_backend("en").analyse([doc.text])
        assert document_topic(doc, analysis, "en") == ON, title or body
        assert any(c.quantity and c.quantity.value == 5 for c in extract_document(doc, analysis).claims)


def test_a_report_of_men_queueing_at_a_border_checkpoint_is_on_topic() -> None:
    text = (
        "Cars queued for nine kilometres at the checkpoint on Tuesday, border guards said. "
        "Men from Kazan and Ufa waited for a day and a half."
    )
    doc = clean(RawDocument(origin="mem://q", text=text, format="text", language="en"))
    [analysis] = get_backend("en").analyse([doc.text])
    assert document_topic(doc, analysis, "en") == ON
