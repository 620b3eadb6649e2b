"""python -m briefwire.evaluate [--inputs DIR] [--gold FILE] [--baseline FILE]"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table

from . import check_floors, evaluate, seed_floors
from .merge import merge_scores

HERE = Path.cwd()


def main() -> int:
    ap = argparse.ArgumentParser(description="Score the pipeline against a hand annotation.")
    ap.add_argument("--inputs", type=Path, default=HERE.parent / "shared" / "seeds")
    ap.add_argument("--gold", type=Path, default=HERE.parent / "shared" / "gold" / "seeds.json")
    ap.add_argument("--baseline", type=Path, default=HERE / "eval" / "baseline.json")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--pairs", type=Path, default=HERE / "eval" / "merge_pairs.jsonl")
    args = ap.parse_args()
    if not args.gold.exists():
        print(f"no annotation at {args.gold}: nothing to score", file=sys.stderr)  # noqa: T201
        return 2
    scores = evaluate(args.inputs, args.gold, args.workers)
    if args.pairs.exists():  # merging: labelled claim pairs over the examples and the seeds
        inputs = [HERE / "examples", args.inputs]
        scores |= merge_scores(
            inputs, args.pairs, args.pairs.with_name("merge_expectations.json"), args.workers
        )
    floors = json.loads(args.baseline.read_text(encoding="utf-8")) if args.baseline.exists() else {}
    floors = seed_floors(floors)  # the page-text floors are bench/page_text.py's
    table = Table("metric", "value", "floor")
    for name, value in scores.items():
        table.add_row(name, f"{value:.3f}", str(floors.get(name, "")))
    Console().print(table)
    problems = check_floors(scores, floors)
    for p in problems:
        print(f"BELOW FLOOR {p}", file=sys.stderr)  # noqa: T201
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
