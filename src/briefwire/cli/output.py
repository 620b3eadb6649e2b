"""Terminal output: tables, JSON/CSV rows, the ingest progress bar and summary."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from briefwire.pipeline import IngestSummary

err = Console(stderr=True)


def print_rows(
    rows: Sequence[dict[str, Any]], fmt: Literal["table", "json", "csv"], columns: Sequence[str]
) -> None:
    if fmt == "json":
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        return
    if fmt == "csv":
        keys = list(rows[0]) if rows else list(columns)
        writer = csv.DictWriter(sys.stdout, fieldnames=keys, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow(
                {
                    k: json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v
                    for k, v in row.items()
                }
            )
        return
    table = Table(*columns, show_lines=False)
    for row in rows:
        table.add_row(*[_short(row.get(c)) for c in columns])
    Console().print(table)
    if not rows:
        err.print("(nothing)")


def _short(value: Any, width: int = 90) -> str:
    text = "" if value is None else str(value)
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


@contextmanager
def progress_bar(paths: Sequence[str]) -> Iterator[Callable[[str, int, int | None], None]]:
    """A rich progress bar over inputs read, with the stage the run is in beside it."""
    from briefwire import ingest  # noqa: PLC0415

    total = ingest.count_inputs(paths)
    with Progress(
        TextColumn("[bold]ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[current]}"),
        console=err,
        transient=False,
        disable=not err.is_terminal,
    ) as bar:
        task = bar.add_task("ingest", total=None if total is None else total, current="")

        def advance(stage: str, done: int, of: int | None) -> None:
            # The bar counts input files read; documents written and linking show beside it.
            if stage == "read":
                bar.update(task, completed=done)
            elif stage == "write":
                bar.update(task, current=f"{done} documents")
            else:
                bar.update(task, current=f"{stage} {done}/{of}")

        yield advance


def print_summary(summary: IngestSummary, db: Path) -> None:
    err.print(
        f"[bold]ingested[/bold] {summary.ingested}  [bold]duplicates[/bold] {summary.duplicates}  "
        f"[bold]near-duplicates[/bold] {summary.near_duplicates}  "
        f"[bold]re-used paragraphs[/bold] {summary.reused_paragraphs}  "
        f"[bold]claims[/bold] {summary.claims}  [bold]casualties[/bold] {summary.casualties}  "
        f"[bold]errors[/bold] {len(summary.errors)}  -> {db}",
        soft_wrap=True,
    )
    for e in summary.errors:
        err.print(
            f"[red]error[/red] {escape(e.origin)}: \\[{e.stage}] {escape(e.reason)}",
            highlight=False,
            soft_wrap=True,
        )


def print_document(doc: dict[str, Any], fmt: str) -> None:
    if fmt == "json":
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2, default=str) + "\n")
        return
    out = Console()
    out.print(f"[bold]{doc.get('title') or '(untitled)'}[/bold]", markup=True)
    for key in (
        "doc_id",
        "origin",
        "outlet",
        "url",
        "author",
        "published",
        "published_precision",
        "published_basis",
        "language",
        "near_duplicate_of",
    ):
        if doc.get(key):
            out.print(f"{key}: {doc[key]}", markup=False, highlight=False, soft_wrap=True)
    out.print("\n[bold]text[/bold]")
    for p in doc["passages"]:
        origin = f"  (re-used from {p['reused_from']})" if p.get("reused_from") else ""
        out.print(
            f"[{p['index']}] <{p.get('theme') or '-'}>{origin}\n{p['text']}\n", markup=False, highlight=False
        )
    if doc["removed"]:
        out.print("[bold]removed by cleaning[/bold]")
        for r in doc["removed"]:
            out.print(
                f"- {r['reason']}: {_short(r['text'], 100)}", markup=False, highlight=False, soft_wrap=True
            )
    if doc.get("claims"):
        out.print("\n[bold]claims[/bold]")
        for c in doc["claims"]:
            by = " via ".join(c["claimed_by"]) or "-"
            out.print(
                f"- {c['type']} [{c['stance']}] {c['summary']}  (claimed by: {by})",
                markup=False,
                highlight=False,
            )
