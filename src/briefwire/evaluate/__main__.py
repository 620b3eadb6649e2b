"""python -m briefwire.evaluate [--set NAME ...] [--split dev|test] [--workers N]

Scores every annotated set of ``eval/sets.json`` (dev and test printed apart), the linking sets
(real Telegram pairs and multi-outlet document clusters, :mod:`.linking`) and the merge pair set
over the example corpus, and checks each against its floors in ``eval/baseline.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table

from . import check_floors, run, score
from .corpora import shared_folder
from .link_eval import link_scores
from .link_sets import DocSet, TgSet, doc_set, gold_doc_set, tg_set
from .merge import merge_scores
from .misses import print_misses
from .sets import EvalSet, load_sets, materialised

REPO = Path(__file__).resolve().parents[3]
MERGE_SET = "merge-examples"
LINK_SETS = ("link-tg", "link-docs")  # real multi-outlet happenings and look-alikes, per split


def _score(eval_set: EvalSet, workers: int, misses: Console | None = None) -> dict[str, float]:
    gold = eval_set.documents()
    with materialised(eval_set) as folder:
        rows, texts = run(folder, gold, workers)
    if misses is not None:
        print_misses(misses, rows, gold, texts)
    return score(rows, gold, texts)


def _merge(workers: int) -> dict[str, float]:
    pairs = REPO / "eval" / "merge_pairs.jsonl"
    inputs = [REPO / "examples", shared_folder() / "seeds"]
    return merge_scores(inputs, pairs, pairs.with_name("merge_expectations.json"), workers)


def _chosen_link_sets(args: argparse.Namespace) -> list[TgSet | DocSet]:
    """The linking sets ``--set``/``--split`` choose: link-tg and link-docs of each split, then
    a ``link-NAME`` set for each set of documents whose annotation shares happenings."""
    out: list[TgSet | DocSet] = []
    for split in ("dev", "test"):
        for name in LINK_SETS:
            if (args.split and split != args.split) or (args.names and f"{name}-{split}" not in args.names):
                continue
            out.append(tg_set(REPO, split) if name == "link-tg" else doc_set(REPO, split))
    for eval_set in load_sets(args.sets, REPO, shared_folder()):
        if args.split and eval_set.split != args.split:
            continue
        if args.names and f"link-{eval_set.name}" not in args.names:
            continue
        gold_set = gold_doc_set(REPO, eval_set)
        if gold_set is not None:
            out.append(gold_set)
    return out


def _link_sets(
    args: argparse.Namespace, console: Console, results: dict[str, dict[str, dict[str, float]]]
) -> int:
    """Score the linking sets chosen by ``--set``/``--split`` into ``results``; 2 if refused."""
    chosen = _chosen_link_sets(args)
    refused = [s.name for s in chosen if args.misses and s.split != "dev"]
    if refused:
        console.print(f"[red]--misses refused for {refused[0]}[/]: a test set (see eval/SCHEMA.md)")
        return 2
    for link_set in chosen:
        reason = link_set.missing()
        if reason:
            console.print(f"[yellow]skipped {link_set.name}[/]: {reason}")
            continue
        console.print(f"scoring {link_set.name} ({link_set.split}) …")
        results[link_set.split][link_set.name] = link_scores(
            link_set, args.workers, misses=console if args.misses else None
        )
    return 0


def _table(title: str, results: dict[str, dict[str, float]], floors: dict[str, dict[str, float]]) -> Table:
    table = Table(title=title)
    table.add_column("metric")
    for name in results:
        table.add_column(name, justify="right")
    metrics = list(dict.fromkeys(m for scores in results.values() for m in scores))
    for metric in metrics:
        cells = []
        for name, scores in results.items():
            value = scores.get(metric)
            floor = floors.get(name, {}).get(metric)
            cell = "" if value is None else f"{value:.3f}"
            cells.append(cell + (f" ({floor})" if floor is not None and cell else ""))
        table.add_row(metric, *cells)
    return table


def main() -> int:
    ap = argparse.ArgumentParser(description="Score the pipeline against the annotated dev and test sets.")
    ap.add_argument("--set", dest="names", action="append", help="score only this set (repeatable)")
    ap.add_argument("--split", choices=("dev", "test"), help="score only this split")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument(
        "--misses",
        action="store_true",
        help="print what a dev set's scores leave out (refused for test sets)",
    )
    ap.add_argument("--sets", type=Path, default=REPO / "eval" / "sets.json")
    ap.add_argument("--baseline", type=Path, default=REPO / "eval" / "baseline.json")
    args = ap.parse_args()
    floors = json.loads(args.baseline.read_text(encoding="utf-8")) if args.baseline.exists() else {}
    console = Console(width=200) if args.misses else Console()
    results: dict[str, dict[str, dict[str, float]]] = {"dev": {}, "test": {}}
    for eval_set in load_sets(args.sets, REPO, shared_folder()):
        if (args.names and eval_set.name not in args.names) or (args.split and eval_set.split != args.split):
            continue
        reason = eval_set.missing()
        if reason:
            console.print(f"[yellow]skipped {eval_set.name}[/]: {reason}")
            continue
        if args.misses and eval_set.split != "dev":
            console.print(
                f"[red]--misses refused for {eval_set.name}[/]: it is a test set (see eval/SCHEMA.md)"
            )
            return 2
        console.print(f"scoring {eval_set.name} ({eval_set.split}) …")
        results[eval_set.split][eval_set.name] = _score(
            eval_set, args.workers, console if args.misses else None
        )
    if _link_sets(args, console, results) != 0:
        return 2
    if args.split in (None, "dev") and (not args.names or MERGE_SET in args.names):
        console.print(f"scoring {MERGE_SET} (dev) …")
        results["dev"][MERGE_SET] = _merge(args.workers)
    problems = []
    for split, by_set in results.items():
        if by_set:
            console.print(_table(f"{split} sets", by_set, floors))
        for name, scores in by_set.items():
            problems += [f"{name}: {p}" for p in check_floors(scores, floors.get(name, {}))]
    for problem in problems:
        print(f"BELOW FLOOR {problem}", file=sys.stderr)  # noqa: T201
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
