"""Paragraph re-use on the five seed documents against the hand annotation.

Reads ../shared/seeds and ../shared/gold/seeds.json (skipped when absent). The clean stage
is not used here, so that this test measures dedupe alone: a paragraph is any non-empty
line of at least eight words (boilerplate lines included, which makes it harder). Gold:
001 re-uses seven paragraphs of 000; every one must be found, and nothing else may link,
although 001 also paraphrases 000 in places and both end with a different "contacted for
comment" line.
"""

from __future__ import annotations

import json
from pathlib import Path

from briefwire.dedupe import Deduper
from briefwire.models import CleanDocument, DateValue, Paragraph, RawDocument


def crude_clean(path: Path) -> tuple[CleanDocument, dict[int, int]]:
    """Lines of eight words or more as paragraphs, and each paragraph's 1-based line."""
    text = path.read_text(encoding="utf-8")
    paragraphs: list[Paragraph] = []
    line_of: dict[int, int] = {}
    offset = 0
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        body = line.strip()
        if len(body.split()) >= 8:
            start = offset + line.index(body)
            line_of[len(paragraphs)] = number
            paragraphs.append(Paragraph(len(paragraphs), start, start + len(body), body))
        offset += len(line)
    raw = RawDocument(origin=str(path), text=text, format="text")
    doc = CleanDocument(raw, path.name, text, tuple(paragraphs), (), None, None, DateValue.unknown(), "en")
    return doc, line_of


def test_dedupe_finds_exactly_the_gold_reuse_pairs_of_the_seeds(shared: Path) -> None:
    gold = json.loads((shared / "gold" / "seeds.json").read_text(encoding="utf-8"))["documents"]
    expected = {
        (name, later, info["reused_from"]["doc"], earlier)
        for name, info in gold.items()
        if "reused_from" in info
        for later, earlier in info["reused_from"]["line_pairs"]
    }
    deduper = Deduper()
    lines: dict[str, dict[int, int]] = {}
    found, near = set(), []
    for path in sorted((shared / "seeds").glob("*.txt")):
        doc, lines[doc.doc_id] = crude_clean(path)
        sigs = deduper.signatures(doc)
        result = deduper.check(doc, sigs)
        deduper.add(doc, sigs)
        near.append(result.near_duplicate_of)
        found |= {
            (doc.doc_id, lines[doc.doc_id][r.index], r.other_doc_id, lines[r.other_doc_id][r.other_index])
            for r in result.reuse
        }
    assert len(expected) == 7
    assert found - expected == set(), "false re-use pairs"
    assert expected - found == set(), "missed re-use pairs"
    assert near == [None] * 5
