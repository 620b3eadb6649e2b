"""Claims: typed event mentions with evidence, place, date, count, attribution and stance."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from briefwire.extract import Extraction, extract
from briefwire.extract.typing.decide import chosen_types
from briefwire.models import CleanDocument, DateValue, Paragraph, RawDocument
from briefwire.nlp import get_backend

DEV_SET = Path(__file__).parent / "data" / "extract_dev.jsonl"
HELD_OUT = Path(__file__).parent / "data" / "extract_heldout.jsonl"
Run = Callable[..., tuple[CleanDocument, Extraction]]


def make_doc(
    text: str, outlet: str | None = "Test Outlet", published: str | None = "2023-03-10"
) -> CleanDocument:
    """A clean document whose paragraphs are the blank-line separated blocks of ``text``."""
    paragraphs = []
    for i, m in enumerate(re.finditer(r"[^\n]+(?:\n[^\n]+)*", text)):
        paragraphs.append(Paragraph(i, m.start(), m.end(), m.group()))
    raw = RawDocument(origin="test.txt", text=text, format="text", outlet=outlet)
    date = DateValue(published, "day", "metadata") if published else DateValue.unknown()
    return CleanDocument(raw, "doc1", text, tuple(paragraphs), (), None, None, date, "en")


@pytest.fixture(scope="module")
def run() -> Run:
    backend = get_backend("en")

    def _run(text: str, **kwargs: str | None) -> tuple[CleanDocument, Extraction]:
        doc = make_doc(text, **kwargs)
        return doc, extract(doc, next(iter(backend.analyse([doc.text]))))

    return _run


def test_extract_evidence_span_quotes_the_document(run: Run) -> None:
    doc, ex = run("Officers went door to door in Kazan handing out draft notices to men of conscription age.")
    assert [c.type for c in ex.claims] == ["draft_notice"]
    claim = ex.claims[0]
    assert doc.text[claim.start : claim.end] == claim.quote
    assert claim.extractor == "extract.happenings.v2"
    assert claim.theme == "Army Recruitment and Draft"
    assert claim.summary
    assert claim.summary in claim.quote or claim.summary.endswith("…")


def test_extract_background_sentence_is_not_a_claim(run: Run) -> None:
    _, ex = run(
        "Mobilization has been a central topic in Russian media for weeks.\n\n"
        "The autumn weather in Novosibirsk was unusually mild this year."
    )
    assert ex.claims == ()
    assert ex.passage_themes == ("Other", None)


def test_extract_denial_is_its_own_claim(run: Run) -> None:
    _, ex = run(
        "A mobilized man from Buryatia said soldiers at his camp had to buy their own body armour. "
        "The district press service called this information unreliable."
    )
    types = [(c.type, c.stance) for c in ex.claims]
    assert types[0] == ("conditions_complaint", "reported")
    denial = ex.claims[-1]
    assert denial.stance == "denied"
    assert denial.denies == 0
    assert denial.type == "conditions_complaint"


def test_extract_two_counts_become_two_claims(run: Run) -> None:
    _, ex = run(
        "Prosecutors in Dagestan opened at least 12 criminal and 40 administrative cases "
        "against anti-draft protesters."
    )
    counts = sorted(
        c.quantity.value for c in ex.claims if c.quantity and c.type == "repression_or_prosecution"
    )
    assert counts == [12, 40]


def test_extract_ages_and_years_are_not_quantities(run: Run) -> None:
    _, ex = run(
        "In 2022, a 45-year-old father of two from Kirov was wrongly mobilized despite a chronic illness."
    )
    assert ex.claims and all(c.quantity is None for c in ex.claims)


def test_extract_place_resolves_to_region_code(run: Run) -> None:
    _, ex = run("Volunteers in Perm raised 400,000 rubles to buy thermal imagers for mobilized soldiers.")
    claim = ex.claims[0]
    assert claim.type == "aid_or_fundraising"
    assert claim.quantity is not None and claim.quantity.value == 400_000
    assert claim.location is not None and claim.location.admin1_code == "RU-PER"


def test_extract_date_is_explicit_or_publication(run: Run) -> None:
    _, ex = run(
        "On March 3, wives of reservists held a picket outside the governor's office.\n\n"
        "Mothers of mobilized men also signed a petition to the president."
    )
    first, second = ex.claims
    assert (first.date.date, first.date.basis) == ("2023-03-03", "explicit")
    assert (second.date.date, second.date.basis) == ("2023-03-10", "publication")


def test_extract_unattributed_claim_belongs_to_the_outlet(run: Run) -> None:
    _, ex = run("In Omsk, a mobilized soldier stole a phone from a shop.", outlet="Sibir Daily")
    assert ex.claims[0].claimed_by == ("Sibir Daily",)
    assert ex.claims[0].stance == "asserted"


def test_extract_planned_policy_has_planned_stance(run: Run) -> None:
    _, ex = run("The defence ministry said it will exempt employees of IT companies from the call-up.")
    assert ex.claims[0].type == "policy_or_statement"
    assert ex.claims[0].stance == "planned"


def test_extract_passage_theme_follows_its_claims(run: Run) -> None:
    _, ex = run(
        "Police searched the apartment of an activist who had organised protests against the draft.\n\n"
        "Recruiters visited prison colonies in the Urals to recruit convicts for the front."
    )
    assert ex.passage_themes == ("Sentences, Legal Proceedings and Incidents", "Army Recruitment and Draft")


def _typing_scores(path: Path, *, on_topic: bool) -> tuple[float, float, float]:
    """Sentence accuracy, precision of emitted types and recall of event sentences on a
    hand-labelled file (``type`` null: no claim; ``casualty_negative``: no casualty claim)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    right = emitted = emitted_right = events = found = 0
    for row in rows:
        got = [t for t, _ in chosen_types(row["text"], on_topic=on_topic, speaker=None)]
        gold = row["type"]
        is_event = gold not in (None, "casualty_negative")
        if gold == "casualty_negative":
            right += "casualty" not in got
        elif gold is None:
            right += not got
        else:
            right += got[:1] == [gold]
        emitted += bool(got)
        emitted_right += bool(got) and is_event and got[0] == gold
        events += is_event
        found += is_event and got[:1] == [gold]
    return right / len(rows), emitted_right / max(emitted, 1), found / events


def test_extract_types_on_written_dev_set() -> None:
    """The lexicons type the hand-written development sentences right: nearly all of them
    inside an on-topic document, and most even alone (where a sentence needs a word of the
    story itself before it counts)."""
    accuracy, precision, _ = _typing_scores(DEV_SET, on_topic=True)
    assert accuracy >= 0.97 and precision >= 0.97
    accuracy, precision, recall = _typing_scores(DEV_SET, on_topic=False)
    assert accuracy >= 0.85 and precision >= 0.97 and recall >= 0.83


def test_extract_types_generalise_to_held_out_sentences() -> None:
    """Floor on sentences the rules were never tuned on.

    extract_heldout.jsonl was written and committed before the cue lexicons were broadened
    and was not used to choose any cue; only its score was read, before and after. Rules v1
    scored 0.679 accuracy, 0.820 precision, 0.612 recall on it in an on-topic document
    (0.631 / 0.860 / 0.552 alone); the floors pin the broadened lexicons' score (0.893 /
    0.909 / 0.896 and 0.798 / 0.897 / 0.776) minus a little slack. Do not tune on this file:
    add new wording to extract_dev.jsonl instead.
    """
    accuracy, precision, recall = _typing_scores(HELD_OUT, on_topic=True)
    assert accuracy >= 0.87 and precision >= 0.89 and recall >= 0.87
    accuracy, precision, recall = _typing_scores(HELD_OUT, on_topic=False)
    assert accuracy >= 0.77 and precision >= 0.87 and recall >= 0.75


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Мобилизованный из Курска погиб под Бахмутом, сообщила его сестра.", "casualty"),
        ("В Казани сотрудники военкомата вручали повестки у входа в метро.", "draft_notice"),
        ("Жены мобилизованных записали видеообращение к губернатору.", "protest_or_appeal"),
        (
            "На границе с Грузией выстроилась очередь на границе из машин, мужчины уезжают из России.",
            "flight_or_emigration",
        ),
    ],
)
def test_extract_russian_cues_type_russian_sentences(text: str, expected: str) -> None:
    assert [t for t, _ in chosen_types(text, on_topic=True, speaker=None, language="ru")][:1] == [expected]


def test_extract_russian_document_gets_claims_and_attribution() -> None:
    text = "По словам губернатора, 40 мобилизованных по ошибке мужчин вернули домой."
    doc = make_doc(text)
    doc = CleanDocument(doc.raw, doc.doc_id, text, doc.paragraphs, (), None, None, doc.published, "ru")
    ex = extract(doc, next(iter(get_backend("ru").analyse([text]))))
    assert [c.type for c in ex.claims] == ["release_or_return"]
    assert ex.claims[0].claimed_by == ("губернатора",)


def test_extract_count_in_next_sentence_continues_the_claim(run: Run) -> None:
    _, ex = run(
        "In Tula, students of a technical college sew winter clothes for mobilized soldiers. "
        "They have already made 240 hats."
    )
    assert [(c.type, c.quantity.value if c.quantity else None) for c in ex.claims] == [
        ("aid_or_fundraising", None),
        ("aid_or_fundraising", 240),
    ]


def test_extract_quotation_takes_its_tag_as_claimant(run: Run) -> None:
    _, ex = run("“Draft notices are handed out at every metro exit,” the activist Olga Petrova wrote.")
    assert ex.claims[0].type == "draft_notice"
    assert ex.claims[0].claimed_by == ("the activist Olga Petrova",)


def test_extract_empty_document_gives_empty_extraction(run: Run) -> None:
    doc, ex = run("")
    assert (ex.claims, ex.casualties, ex.passage_themes) == ((), (), ())
    assert doc.paragraphs == ()


def test_extract_story_paragraph_without_cue_keeps_the_theme_before_it(run: Run) -> None:
    _, ex = run(
        "Hundreds of men fled Russia for Kazakhstan to avoid the draft, border guards said.\n\n"
        "Many of them left behind jobs, flats and families, and some had only a backpack with them.\n\n"
        "Comments are closed."
    )
    assert ex.passage_themes == ("Society and Economy", "Society and Economy", None)
