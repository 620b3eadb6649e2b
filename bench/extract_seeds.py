"""Extraction on the five seeds, scored with the outside view's own metric functions.

Runs ``clean`` + the nlp backend + ``extract`` on each seed (no store, no linking), writes
claims and casualties in the export shape of DESIGN.md to a folder, and prints the extraction
metrics of ``../shared/tools/score_seeds.py`` (event types per document, events one by one,
casualties, numbers). A development aid: ``make eval`` scores the real exports.

    .venv/bin/python bench/extract_seeds.py [--out DIR] [--show]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from dataclasses import asdict
from pathlib import Path
from types import ModuleType

from briefwire.clean import clean
from briefwire.extract import extract
from briefwire.models import RawDocument
from briefwire.nlp import get_backend

SHARED = Path(__file__).resolve().parents[2] / "shared"


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_seeds", SHARED / "tools" / "score_seeds.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {SHARED / 'tools' / 'score_seeds.py'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _rows(path: Path, show: bool) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    raw = RawDocument(origin=str(path), text=path.read_text(encoding="utf-8"), format="text")
    doc = clean(raw)
    result = extract(doc, next(iter(get_backend(doc.language).analyse([doc.text]))))
    claims = []
    for i, c in enumerate(result.claims):
        claims.append(
            {
                "claim_id": f"{doc.doc_id}:{i}",
                "doc_id": doc.doc_id,
                "origin": str(path),
                "type": c.type,
                "theme": c.theme,
                "summary": c.summary,
                "date": c.date.date,
                "date_precision": c.date.precision,
                "date_basis": c.date.basis,
                "location": asdict(c.location) if c.location else None,
                "actors": [asdict(a) for a in c.actors],
                "quantity": asdict(c.quantity) if c.quantity else None,
                "claimed_by": list(c.claimed_by),
                "stance": c.stance,
                "start": c.start,
                "end": c.end,
                "quote": c.quote,
                "extractor": c.extractor,
                "confidence": c.confidence,
            }
        )
        if show:
            print(f"  {c.type:26} {c.stance:9} {c.claimed_by} | {c.summary[:90]}")
    casualties = [
        {
            "name": c.name,
            "origin": str(path),
            "doc_ids": [doc.doc_id],
            "origins": [str(path)],
            "age": c.age,
            "born": c.born,
            "rank": c.rank,
            "status": c.status,
            "home_region": c.home_region,
            "home_region_code": c.home_region_code,
            "home_town": c.home_town,
            "occupation": c.occupation,
            "unit": c.unit,
            "date_of_death": c.date_of_death.date,
            "place_of_death": c.place_of_death,
        }
        for c in result.casualties
    ]
    return claims, casualties


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None, help="folder for claims/casualties .jsonl")
    parser.add_argument("--show", action="store_true", help="print every claim")
    args = parser.parse_args()
    seeds = SHARED / "seeds"
    if not seeds.is_dir():
        print(f"skipped: {seeds} is not there")
        return
    out = args.out or Path(tempfile.mkdtemp(prefix="briefwire-seeds-"))
    out.mkdir(parents=True, exist_ok=True)
    claims: list[dict[str, object]] = []
    casualties: list[dict[str, object]] = []
    for path in sorted(seeds.glob("*.txt")):
        if args.show:
            print(path.name)
        more_claims, more_casualties = _rows(path, args.show)
        claims += more_claims
        casualties += more_casualties
    for name, rows in (("claims", claims), ("casualties", casualties)):
        (out / f"{name}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    scorer = _scorer()
    data = scorer.Data("seeds", out)
    for metric in (scorer.m_event_types, scorer.m_event_level, scorer.m_casualties, scorer.m_numbers):
        print("\n".join(metric(data)))
    print(f"exports in {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
