"""Paragraph re-use and near-duplicate documents, on texts written for these tests."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from briefwire.dedupe import DedupeOptions, Deduper
from briefwire.models import CleanDocument, DedupeResult
from tests.conftest import make_doc

UNION_REPORT = (
    "The regional draft office in Kurgan sent call-up papers to at least forty factory workers on "
    "Monday, according to a local trade union, which said that several of the men had already been "
    "granted deferments as specialists and that two of them had serious health problems recorded in "
    "their files."
)
UNION_REPORT_EDITED = (
    "The regional draft office in Kurgan sent call-up papers to at least 40 factory workers on "
    "Monday, according to the local trade union, which said several of the men had already been "
    "granted deferments as specialists and that two of them had serious health problems recorded in "
    "their files, the union's chair added."
)
QUOTE_CURLY = (
    "“We were told the lists came from Moscow and nobody here can change them,” the head of the "
    "union’s legal office said, adding that the workers’ appeals would be filed with the city court "
    "by the end of the week."
)
QUOTE_STRAIGHT = (
    '"We were told the lists came from Moscow and nobody here can change them," the head of the '
    "union's legal office said, adding that the workers' appeals would be filed with the city court "
    "by the end of the week."
)
RUSSIAN = (
    "Военкомат Курганской области в понедельник разослал повестки не менее чем сорока рабочим "
    "завода, сообщил местный профсоюз. По его словам, у нескольких мужчин была отсрочка как у "
    "специалистов, а у двоих — серьёзные проблемы со здоровьем."
)
RUSSIAN_EDITED = (
    "«Военкомат Курганской области» в понедельник разослал повестки не менее чем сорока рабочим "
    "завода, сообщил профсоюз. По его словам, у нескольких мужчин была отсрочка как у "
    "специалистов, а у двоих – серьезные проблемы со здоровьем."
)
# Same happening, same words, written independently: not re-use.
SAME_TOPIC = (
    "Officials in Kurgan said on Monday that the draft office had sent call-up papers only to men "
    "on the reserve lists, and that anyone holding a deferment should bring the documents to the office.",
    "A trade union at a Kurgan factory said forty of its members received call-up papers on Monday, "
    "among them specialists who were supposed to be exempt from the draft.",
    "Lawyers who advise draftees in the Urals said call-up papers had reached factory workers with "
    "deferments in several towns this week, and that courts rarely side with them.",
)
# A one-sentence summary that borrows a phrase of the report: not re-use of the paragraph.
SUMMARY_OF_REPORT = (
    "News from Kurgan, where the draft office sent call-up papers to at least forty factory workers, "
    "has alarmed other unions in the region."
)
# Two lines that share a stock phrase and nothing else.
NO_COMMENT_A = (
    "The regional defence ministry office did not immediately respond to a request for comment on Tuesday."
)
NO_COMMENT_B = (
    "A spokesperson for the governor of the region did not immediately respond to a request for "
    "comment on Tuesday."
)
ARTICLE = (
    "Families of men mobilised from three villages in the Altai region say they have not heard from "
    "their relatives for more than a month, after the unit was moved closer to the front line.",
    "The wives wrote a joint letter to the regional governor asking where the men are and whether "
    "they received the training that officials promised before they were sent away.",
    "A deputy governor met the families on Friday and told them the unit was safe, but he declined to "
    "say where it was stationed, citing military secrecy rules.",
    "Two of the women said their husbands had called from borrowed phones and described shelling "
    "near their positions and a shortage of warm clothing and medicine.",
    "The regional military commissariat said in a short statement that all questions about "
    "servicemen should be addressed to the defence ministry in Moscow.",
    "Volunteers in the regional capital have started collecting sleeping bags, boots and first-aid "
    "kits, which they plan to send with the next delivery of supplies.",
)
OTHER_PARAGRAPHS = (
    "In a neighbouring region, the authorities opened a hotline for relatives of the mobilised, "
    "though callers complain that the operators can only take down their names.",
    "Human rights groups have recorded similar complaints from at least a dozen regions since the "
    "autumn, most of them about men sent to the front without adequate training.",
    "A local newspaper that first reported the letter said its editor had been summoned to the "
    "prosecutor's office for a conversation about the publication.",
    "The governor's press service did not answer questions about the meeting, saying only that the "
    "regional administration supports the families of all servicemen.",
)


def doc(paragraphs: Sequence[str], origin: str) -> CleanDocument:
    return make_doc(list(paragraphs), origin=origin)


def index(deduper: Deduper, *docs: CleanDocument) -> None:
    for d in docs:
        deduper.add(d, deduper.signatures(d))


def check(deduper: Deduper, d: CleanDocument) -> DedupeResult:
    return deduper.check(d, deduper.signatures(d))


@pytest.mark.parametrize(
    ("earlier", "later"),
    [(UNION_REPORT, UNION_REPORT_EDITED), (QUOTE_CURLY, QUOTE_STRAIGHT), (RUSSIAN, RUSSIAN_EDITED)],
    ids=["reworded-and-extended", "quote-styles", "russian-quotes-and-yo"],
)
def test_dedupe_links_lightly_edited_reprint(earlier: str, later: str) -> None:
    deduper = Deduper()
    source = doc([SAME_TOPIC[0], earlier], "a")
    index(deduper, source)
    result = check(deduper, doc([SAME_TOPIC[2], later, SAME_TOPIC[1]], "b"))
    assert [(r.index, r.other_doc_id, r.other_index) for r in result.reuse] == [(1, source.doc_id, 1)]
    assert 0.5 <= result.reuse[0].similarity <= 1.0


def test_dedupe_does_not_link_paragraphs_that_only_share_the_topic() -> None:
    deduper = Deduper()
    index(deduper, doc([SAME_TOPIC[0], UNION_REPORT], "a"), doc([SAME_TOPIC[1]], "b"))
    assert check(deduper, doc([SAME_TOPIC[2]], "c")).reuse == ()
    assert check(deduper, doc([SUMMARY_OF_REPORT], "d")).reuse == ()
    assert (
        check(deduper, doc([SAME_TOPIC[1].replace("forty", "fifty"), SAME_TOPIC[0][:60] + "."], "d"))
        .reuse[0]
        .index
        == 0
    )


def test_dedupe_does_not_link_lines_sharing_only_a_stock_phrase() -> None:
    deduper = Deduper()
    index(deduper, doc([UNION_REPORT, NO_COMMENT_A], "a"))
    assert check(deduper, doc([NO_COMMENT_B], "b")).reuse == ()


def test_dedupe_ignores_short_paragraphs() -> None:
    deduper = Deduper()
    short = "Subscribe to our channel for more."
    first = doc([short, UNION_REPORT], "a")
    sigs = deduper.signatures(first)
    assert sigs.paragraphs[0] is None and sigs.paragraphs[1] is not None
    deduper.add(first, sigs)
    assert check(deduper, doc([short, SAME_TOPIC[0]], "b")).reuse == ()
    assert len(deduper) == 1


def test_dedupe_never_links_a_document_to_itself() -> None:
    deduper = Deduper()
    twice = doc([UNION_REPORT, SAME_TOPIC[0], UNION_REPORT], "a")
    assert check(deduper, twice).reuse == ()
    index(deduper, twice)
    again = check(deduper, twice)
    assert again.reuse == () and again.near_duplicate_of is None


def test_dedupe_links_to_the_most_similar_earlier_paragraph() -> None:
    deduper = Deduper()
    original, reprint = doc([UNION_REPORT], "a"), doc([UNION_REPORT_EDITED, SAME_TOPIC[1]], "b")
    index(deduper, original, reprint)
    copy_of_reprint = check(deduper, doc([SAME_TOPIC[2], UNION_REPORT_EDITED], "c"))
    assert [(r.index, r.other_doc_id, r.other_index, r.similarity) for r in copy_of_reprint.reuse] == [
        (1, reprint.doc_id, 0, 1.0)
    ]
    exact_original = check(deduper, doc([UNION_REPORT, SAME_TOPIC[0]], "d"))
    assert exact_original.reuse[0].other_doc_id == original.doc_id


def test_dedupe_flags_near_duplicate_document() -> None:
    deduper = Deduper()
    first = doc(ARTICLE, "a")
    index(deduper, first)
    edited = list(ARTICLE)
    edited[2] = edited[2].replace("on Friday", "on Friday evening")
    republished = doc([*edited, "Subscribe to our channel."], "b")
    result = check(deduper, republished)
    assert result.near_duplicate_of == first.doc_id
    assert result.near_duplicate_score is not None and result.near_duplicate_score >= 0.8
    assert len(result.reuse) == len(ARTICLE)


def test_dedupe_reprint_of_some_paragraphs_is_reuse_not_near_duplicate() -> None:
    deduper = Deduper()
    first = doc(ARTICLE, "a")
    index(deduper, first)
    result = check(
        deduper,
        doc([OTHER_PARAGRAPHS[0], ARTICLE[1], OTHER_PARAGRAPHS[1], ARTICLE[4], *OTHER_PARAGRAPHS[2:]], "b"),
    )
    assert result.near_duplicate_of is None and result.near_duplicate_score is None
    assert [(r.index, r.other_index) for r in result.reuse] == [(1, 1), (3, 4)]


def test_dedupe_rejects_signatures_of_another_document() -> None:
    deduper = Deduper()
    three = doc(ARTICLE[:3], "three.txt")
    with pytest.raises(ValueError, match=r"three\.txt: 2 paragraph signatures for 3 paragraphs"):
        deduper.check(three, deduper.signatures(doc(ARTICLE[:2], "two.txt")))


@pytest.mark.parametrize(
    "bad",
    [
        {"candidate_threshold": 0.0},
        {"near_duplicate_threshold": 1.5},
        {"shingle_size": 0},
        {"candidate_recall": 1.0},
    ],
)
def test_dedupe_options_reject_impossible_values(bad: dict[str, float]) -> None:
    with pytest.raises(ValueError, match="DedupeOptions"):
        DedupeOptions(**bad)  # type: ignore[arg-type]


def test_dedupe_stricter_confirmation_drops_the_light_edit() -> None:
    strict = Deduper(DedupeOptions(confirm_containment=0.95))
    index(strict, doc([UNION_REPORT], "a"))
    assert check(strict, doc([UNION_REPORT_EDITED], "b")).reuse == ()


@pytest.mark.parametrize(
    "paragraphs", [[], [""], ["😀 🔥 —"], ["only three words"]], ids=["none", "empty", "emoji", "short"]
)
def test_dedupe_handles_documents_without_indexable_text(paragraphs: list[str]) -> None:
    deduper = Deduper()
    index(deduper, doc([UNION_REPORT], "a"))
    empty = doc(paragraphs, "b")
    sigs = deduper.signatures(empty)
    assert sigs.document is None and all(p is None for p in sigs.paragraphs)
    assert check(deduper, empty).reuse == ()
    deduper.add(empty, sigs)
    assert len(deduper) == 1
