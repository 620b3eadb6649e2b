"""Score the clean stage on the five seeds with the outside scorer's own rules.

Runs clean() on ../shared/seeds, writes documents.jsonl and passages.jsonl the way the
export does (only the fields the scorer reads), and calls the boilerplate and publication
date metrics of ../shared/tools/score_seeds.py on them. Usage: python bench/seed_clean.py
"""

from __future__ import annotations

import importlib.util
import json
import sys
import tempfile
from pathlib import Path

from briefwire.clean import clean
from briefwire.models import CleanDocument, RawDocument

SHARED = Path(__file__).resolve().parents[2] / "shared"


def clean_seeds(seeds: Path) -> list[CleanDocument]:
    docs = []
    for path in sorted(seeds.glob("*.txt")):
        raw = RawDocument(origin=str(path), text=path.read_text(encoding="utf-8"), format="text")
        docs.append(clean(raw))
    return docs


def write_exports(docs: list[CleanDocument], out: Path) -> None:
    with (out / "documents.jsonl").open("w", encoding="utf-8") as fh:
        for d in docs:
            row = {"doc_id": d.doc_id, "origin": d.raw.origin, "published": d.published.date}
            fh.write(json.dumps(row) + "\n")
    with (out / "passages.jsonl").open("w", encoding="utf-8") as fh:
        for d in docs:
            for p in d.paragraphs:
                row = {"origin": d.raw.origin, "text": p.text, "is_boilerplate": False}
                fh.write(json.dumps(row) + "\n")


def main() -> int:
    scorer_path = SHARED / "tools" / "score_seeds.py"
    if not scorer_path.exists():
        print(f"skipped: {scorer_path} not found")
        return 0
    spec = importlib.util.spec_from_file_location("score_seeds", scorer_path)
    assert spec is not None and spec.loader is not None
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    docs = clean_seeds(SHARED / "seeds")
    with tempfile.TemporaryDirectory() as tmp:
        write_exports(docs, Path(tmp))
        data = scorer.Data("seeds", Path(tmp))
        for line in scorer.m_boilerplate(data) + scorer.m_pubdate(data):
            print(line)
    for d in docs:
        print(f"{Path(d.raw.origin).name}: {d.published.date} ({d.published.basis})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
