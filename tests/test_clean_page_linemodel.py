"""The learned line model (clean/linemodel.py): furniture the rules left on a page, removed
with an auditable reason, never on text that is no page, never changing a document's id."""

from __future__ import annotations

import re

import pytest

from briefwire.clean import CleanOptions, clean
from briefwire.clean.linemodel import is_learned, line_model
from briefwire.models import RawDocument

from .conftest import SHARED
from .test_clean_page_text import BODY, HEAD, cleaned, page

CORPUS = SHARED / "corpora" / "article-extraction-benchmark"
_REASON = re.compile(r"^learned furniture \(p=(\d\.\d\d)\)$")


def test_line_model_ships_weights_for_the_features_it_computes() -> None:
    model = line_model()  # raises when the shipped file was trained on other features
    assert 0.5 < model.threshold < 1.0
    assert model.coef.shape == model.mean.shape == model.scale.shape


def test_line_model_keeps_every_article_paragraph_of_a_page() -> None:
    doc = cleaned(page(head=HEAD))
    assert [p.text for p in doc.paragraphs] == BODY


def test_line_model_leaves_text_that_is_no_page_alone() -> None:
    post = RawDocument(origin="post.txt", text="\n".join(BODY), format="telegram", source_kind="telegram")
    text = RawDocument(origin="note.txt", text="\n\n".join(BODY), format="text")
    for raw in (post, text):
        assert not any(is_learned(s.reason) for s in clean(raw).removed)


@pytest.fixture(scope="module")
def dev_pages() -> list[RawDocument]:
    if not (CORPUS / "ground-truth.json").exists():
        pytest.skip(f"needs the article-extraction benchmark at {CORPUS}, which is absent")
    from briefwire.clean.train_lines import dev_pages as load  # noqa: PLC0415 - needs the corpus

    return [raw for raw, _, _ in load(CORPUS)[:30]]


@pytest.mark.slow
def test_line_model_removals_name_the_model_and_its_probability(dev_pages: list[RawDocument]) -> None:
    threshold = line_model().threshold
    learned = [s.reason for raw in dev_pages for s in clean(raw).removed if is_learned(s.reason)]
    assert learned, "the model removed nothing on 30 real pages"
    for reason in learned:
        match = _REASON.match(reason)
        assert match is not None, reason
        assert float(match.group(1)) >= round(threshold, 2)


@pytest.mark.slow
def test_line_model_does_not_change_a_documents_id(dev_pages: list[RawDocument]) -> None:
    rules_only = CleanOptions(line_model=False)
    for raw in dev_pages[:10]:
        assert clean(raw).doc_id == clean(raw, options=rules_only).doc_id
