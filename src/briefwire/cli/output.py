"""Terminal output: tables, JSON/CSV rows, the ingest progress bar and summary.

Everything printed here comes from documents, which are hostile: no value is ever read as rich
markup (a title "[/bold]" would crash the table, "[link=file:///...]" would become a terminal
hyperlink), and control characters (escape sequences, bidi overrides) are removed from what a
terminal shows. JSON keeps every character but writes the dangerous ones as \\u escapes.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from briefwire.pipeline import IngestSummary
from briefwire.report.export import csv_cell
from briefwire.untrusted import BIDI_CONTROLS, terminal_text

err = Console(stderr=True, highlight=False)
# Characters JSON may carry raw but a terminal obeys: C1 controls and bidi formatting (C0
# controls are escaped by json.dumps itself), and the Unicode line and paragraph separators.
_JSON_UNSAFE = re.compile(f"[\x7f-\x9f\u2028\u2029{BIDI_CONTROLS}]")
HIT_START, HIT_END = "\x02", "\x03"  # search hits, as the store marks them


def say(line: str, *, to_err: bool = False) -> None:
    """Echo a line built from ledger data, with what a terminal would obey taken out."""
    typer.echo(terminal_text(line), err=to_err)


def json_text(value: Any, indent: int | None = None) -> str:
    """JSON with every character kept, the ones a terminal obeys written as \\uXXXX."""
    dumped = json.dumps(value, ensure_ascii=False, indent=indent, default=str)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)


def print_rows(
    rows: Sequence[dict[str, Any]], fmt: Literal["table", "json", "csv"], columns: Sequence[str]
) -> None:
    if fmt == "json":
        for row in rows:
            sys.stdout.write(json_text(_plain_hits(row)) + "\n")
        return
    if fmt == "csv":
        keys = list(rows[0]) if rows else list(columns)
        writer = csv.DictWriter(sys.stdout, fieldnames=keys, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _csv_value(v) for k, v in _plain_hits(row).items()})
        return
    table = Table(*columns, show_lines=False)
    for row in rows:
        table.add_row(*[_cell(row.get(c)) for c in columns])
    Console(highlight=False).print(table)
    if not rows:
        err.print("(nothing)")


def _csv_value(value: Any) -> Any:
    cell = csv_cell(value)
    return terminal_text(cell) if isinstance(cell, str) else cell


def _plain_hits(row: dict[str, Any]) -> dict[str, Any]:
    """Search hits as [word] outside the table (a machine-readable, visible mark)."""
    snippet = row.get("snippet")
    if not isinstance(snippet, str):
        return row
    return {**row, "snippet": snippet.replace(HIT_START, "[").replace(HIT_END, "]")}


def _cell(value: Any, width: int = 90) -> Text:
    """A table cell as plain text (never markup); search hits in bold."""
    # Hit markers are control characters, which terminal_text removes: carry them through as
    # private-use characters instead.
    on, off = "\ue000", "\ue001"
    text = terminal_text(_short(value, width).replace(HIT_START, on).replace(HIT_END, off))
    cell = Text()
    bold = False
    for part in re.split(f"([{on}{off}])", text):
        if part in (on, off):
            bold = part == on
        elif part:
            cell.append(part, style="bold" if bold else None)
    return cell


def _short(value: Any, width: int = 90) -> str:
    text = "" if value is None else str(value)
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


# What each stage of an ingest is called on screen, in the order they start.
STAGES = {"read": "reading files", "models": "loading models", "write": "extracting", "link": "linking"}


@contextmanager
def progress_bar(paths: Sequence[str]) -> Iterator[Callable[[str, int, int | None], None]]:
    """One progress display over every stage of an ingest: a line per stage (files read, models
    loading, documents extracted and stored, linking), each with its count and its time."""
    from briefwire import ingest  # noqa: PLC0415

    total = ingest.count_inputs(paths)
    with Progress(
        TextColumn("{task.description:<15}", markup=False),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[note]}", markup=False),
        console=err,
        transient=False,
        disable=not err.is_terminal,
    ) as bar:
        tasks = {"read": bar.add_task(STAGES["read"], total=total, note="")}

        def advance(stage: str, done: int, of: int | None) -> None:
            if stage not in tasks:  # a stage's line appears when it starts
                tasks[stage] = bar.add_task(STAGES.get(stage, stage), total=of, note="")
            task = tasks[stage]
            if stage == "link" and "write" in tasks:
                bar.stop_task(tasks["write"])  # every document is in: extraction is over
            if stage == "write":
                bar.update(task, completed=done, note="documents")
            else:
                bar.update(task, completed=done, total=of)
            if of is not None and done >= of:
                bar.stop_task(task)  # its clock stops: the stage's own time stays on screen

        yield advance


def print_summary(summary: IngestSummary, db: Path) -> None:
    counts = (
        ("ingested", summary.ingested),
        ("duplicates", summary.duplicates),
        ("near-duplicates", summary.near_duplicates),
        ("re-used paragraphs", summary.reused_paragraphs),
        ("claims", summary.claims),
        ("casualties", summary.casualties),
        ("errors", len(summary.errors)),
    )
    line = Text()
    for label, n in counts:
        line.append(label, style="bold").append(f" {n}  ")
    err.print(line.append(f"-> {terminal_text(str(db))}"), soft_wrap=True)
    for e in summary.errors:
        message = Text("error", style="red").append(f" {terminal_text(e.origin)}: [{e.stage}] ")
        err.print(message.append(terminal_text(e.reason)), soft_wrap=True)


def print_document(doc: dict[str, Any], fmt: str) -> None:
    if fmt == "json":
        sys.stdout.write(json_text(doc) + "\n")
        return
    out = Console(highlight=False)
    out.print(Text(terminal_text(doc.get("title") or "(untitled)"), style="bold"))
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
            out.print(Text(terminal_text(f"{key}: {doc[key]}")), soft_wrap=True)
    out.print(Text("\ntext", style="bold"))
    for p in doc["passages"]:
        origin = f"  (re-used from {p['reused_from']})" if p.get("reused_from") else ""
        out.print(Text(terminal_text(f"[{p['index']}] <{p.get('theme') or '-'}>{origin}\n{p['text']}\n")))
    if doc["removed"]:
        out.print(Text("removed by cleaning", style="bold"))
        for r in doc["removed"]:
            out.print(Text(terminal_text(f"- {r['reason']}: {_short(r['text'], 100)}")), soft_wrap=True)
    if doc.get("claims"):
        out.print(Text("\nclaims", style="bold"))
        for c in doc["claims"]:
            by = " via ".join(c["claimed_by"]) or "-"
            out.print(
                Text(terminal_text(f"- {c['type']} [{c['stance']}] {c['summary']}  (claimed by: {by})"))
            )
