"""The index rebuilt from stored signature bytes answers exactly as the live one."""

from __future__ import annotations

from briefwire.dedupe import DedupeOptions, Deduper, Signatures
from briefwire.models import CleanDocument
from briefwire.store import DocumentToSave, Store
from tests.test_dedupe_reuse import (
    ARTICLE,
    OTHER_PARAGRAPHS,
    QUOTE_CURLY,
    QUOTE_STRAIGHT,
    SAME_TOPIC,
    UNION_REPORT,
    UNION_REPORT_EDITED,
    doc,
)

EARLIER = (
    doc(ARTICLE, "article"),
    doc([SAME_TOPIC[0], UNION_REPORT, QUOTE_CURLY], "report"),
    doc([*OTHER_PARAGRAPHS[:2], "Short line here."], "other"),
)
LATER = (
    doc([*ARTICLE[:5], ARTICLE[5].replace("boots", "winter boots")], "article-again"),
    doc([UNION_REPORT_EDITED, QUOTE_STRAIGHT, SAME_TOPIC[2]], "reprint"),
    doc([OTHER_PARAGRAPHS[1], OTHER_PARAGRAPHS[3]], "mixed"),
)


def live_index(options: DedupeOptions | None = None) -> tuple[Deduper, dict[str, Signatures]]:
    deduper, kept = Deduper(options), {}
    for d in EARLIER:
        kept[d.doc_id] = sigs = deduper.signatures(d)
        deduper.add(d, sigs)
    return deduper, kept


def stored_rows(kept: dict[str, Signatures]) -> tuple[list[tuple[str, int, bytes]], list[tuple[str, bytes]]]:
    paragraphs = [
        (doc_id, i, blob)
        for doc_id, s in kept.items()
        for i, blob in enumerate(s.paragraphs)
        if blob is not None
    ]
    documents = [(doc_id, s.document) for doc_id, s in kept.items() if s.document is not None]
    return paragraphs, documents


def answers(deduper: Deduper, docs: tuple[CleanDocument, ...]) -> list[object]:
    return [deduper.check(d, deduper.signatures(d)) for d in docs]


def test_dedupe_reload_from_bytes_gives_the_same_answers() -> None:
    live, kept = live_index()
    reloaded = Deduper()
    reloaded.load(*stored_rows(kept))
    expected = answers(live, LATER)
    assert answers(reloaded, LATER) == expected
    assert any(r.near_duplicate_of for r in expected) and any(r.reuse for r in expected)  # type: ignore[attr-defined]
    assert reloaded.load_errors == [] and len(reloaded) == len(live)


def test_dedupe_reload_through_the_store(store: Store) -> None:
    live = Deduper()
    for d in EARLIER:
        sigs = live.signatures(d)
        store.save_document(
            DocumentToSave(
                doc=d,
                dedupe=live.check(d, sigs),
                themes=[],
                passage_signatures=sigs.paragraphs,
                doc_signature=sigs.document,
            )
        )
        live.add(d, sigs)
    reloaded = Deduper()
    reloaded.load(store.paragraph_signatures(), store.document_signatures())
    assert answers(reloaded, LATER) == answers(live, LATER)


def test_dedupe_reload_skips_a_corrupt_signature_and_says_which() -> None:
    live, kept = live_index()
    paragraphs, documents = stored_rows(kept)
    victim = paragraphs[1]
    paragraphs[1] = (victim[0], victim[1], victim[2][:-3])
    documents[0] = (documents[0][0], b"garbage")
    reloaded = Deduper()
    reloaded.load(paragraphs, documents)
    assert len(reloaded) == len(live) - 1
    assert reloaded.load_errors == [
        f"document {documents[0][0]}: document signature too short (7 bytes)",
        f"document {victim[0]} paragraph {victim[1]}: paragraph signature truncated: "
        f"{(len(victim[2]) - 9) // 4} shingles in {len(victim[2]) - 3} bytes",
    ]
    result = reloaded.check(LATER[1], reloaded.signatures(LATER[1]))
    assert result.reuse  # the rest of the index still works


def test_dedupe_reload_refuses_signatures_made_with_other_shingles() -> None:
    _, kept = live_index()
    reloaded = Deduper(DedupeOptions(shingle_size=4))
    reloaded.load(*stored_rows(kept))
    assert len(reloaded) == 0
    assert all("shingles of 5" in e for e in reloaded.load_errors[:3])
    assert all("made with 5-word shingles, this index uses 4" in e for e in reloaded.load_errors[3:])
    assert len(reloaded.load_errors) == 3 + sum(1 for s in kept.values() for b in s.paragraphs if b)


def test_dedupe_reload_accepts_another_permutation_count_for_paragraphs() -> None:
    live, kept = live_index()
    reloaded = Deduper(DedupeOptions(num_perm=64))
    paragraphs, _ = stored_rows(kept)
    reloaded.load(paragraphs, [])
    assert [r.reuse for r in answers(reloaded, LATER)] == [r.reuse for r in answers(live, LATER)]  # type: ignore[attr-defined]


def test_dedupe_add_and_load_are_idempotent() -> None:
    live, kept = live_index()
    before = answers(live, LATER)
    for d in EARLIER:
        live.add(d, kept[d.doc_id])
    live.load(*stored_rows(kept))
    assert len(live) == sum(1 for s in kept.values() for b in s.paragraphs if b is not None)
    assert answers(live, LATER) == before
