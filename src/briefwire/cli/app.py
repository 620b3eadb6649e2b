"""CLI verbs. Each opens the workspace and calls the library function of the same name."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal, TextIO

import typer

from briefwire import api
from briefwire.engine import ENGINES, Engine, build_engine
from briefwire.pipeline import PipelineOptions
from briefwire.report.files import atomic_path, write_with

from .ledger import ledger
from .output import json_text, print_rows, print_summary, progress_bar, say

app = typer.Typer(
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    help="briefwire: a source-linked event ledger and a daily brief from news and Telegram.",
)

DbOption = Annotated[Path, typer.Option("--db", envvar="BRIEFWIRE_DB", help="The ledger (SQLite file).")]
FormatOption = Annotated[str, typer.Option("--format", "-f", help="table, json or csv.")]
DEFAULT_DB = Path(api.DEFAULT_DB)


def _iso(value: str | None, flag: str) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date like 2022-10-01", param_hint=flag) from None


def _fmt(value: str) -> Literal["table", "json", "csv"]:
    if value not in ("table", "json", "csv"):
        raise typer.BadParameter(f"{value!r}: use table, json or csv", param_hint="--format")
    return value  # type: ignore[return-value]


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (read recursively) or feed URLs.")],
    db: DbOption = DEFAULT_DB,
    workers: Annotated[
        int, typer.Option(min=1, max=256, help="Extraction processes (dask: LocalCluster workers).")
    ] = 1,
    extract: Annotated[
        bool, typer.Option(help="Extract claims and casualties (--no-extract: clean and dedupe only).")
    ] = True,
    engine: Annotated[
        str, typer.Option(help="local (this machine's processes) or dask (Dask distributed workers).")
    ] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option(help="A running Dask scheduler, e.g. tcp://10.0.0.5:8786 (implies --engine dask)."),
    ] = None,
    partition: Annotated[
        int, typer.Option("--partition-size", min=1, help="Documents per partition sent to a worker.")
    ] = 16,
) -> None:
    """Read articles and posts into the ledger: clean, de-duplicate, extract, link.

    With --engine dask the processing runs on Dask workers (a LocalCluster sized to the machine,
    or the cluster at --scheduler); one writer here stores and links.

    Example: briefwire ingest articles/ telegram/result.json --db ledger.db
    Example: briefwire ingest backfill/ --engine dask --scheduler tcp://10.0.0.5:8786
    """
    kind = "dask" if scheduler else engine
    if kind not in ENGINES:
        raise typer.BadParameter(f"{engine!r}: use {' or '.join(ENGINES)}", param_hint="--engine")
    options = PipelineOptions(
        workers=workers, extract=extract, batch_size=partition, engine=kind, scheduler=scheduler
    )
    with ledger(db, create=True) as ws, _engine(options) as eng, progress_bar(paths) as advance:
        summary = api.ingest(ws, paths, options, advance, engine=eng)
    print_summary(summary, db)
    raise typer.Exit(summary.exit_code)


@contextmanager
def _engine(options: PipelineOptions) -> Iterator[Engine]:
    """The run's engine; a Dask one says where its dashboard is."""
    try:
        eng = build_engine(options.engine, options.workers, options.warm, options.scheduler)
    except RuntimeError as exc:  # the dask extra is missing
        say(f"error: {exc}", to_err=True)
        raise typer.Exit(2) from None
    except OSError as exc:  # no scheduler answers at that address
        say(f"error: cannot reach the Dask scheduler at {options.scheduler}: {exc}", to_err=True)
        raise typer.Exit(2) from None
    link = getattr(eng, "dashboard_link", None)
    if link:  # the Dask dashboard shows the partitions as they run
        say(f"dask dashboard: {link}", to_err=True)
    try:
        yield eng
    finally:
        eng.close()


@app.command()
def relink(db: DbOption = DEFAULT_DB) -> None:
    """Link all claims into events again, honouring every reviewer decision.

    Example: briefwire relink --db ledger.db
    """
    with ledger(db) as ws:
        api.relink(ws)
        n = len(ws.store.events()[0])
    say(f"re-linked: {n} events in {db}")


@app.command()
def docs(db: DbOption = DEFAULT_DB, fmt: FormatOption = "table") -> None:
    """List documents in the ledger.

    Example: briefwire docs --format csv > documents.csv
    """
    with ledger(db) as ws:
        rows = api.docs(ws)
    print_rows(
        rows, _fmt(fmt), columns=("doc_id", "published", "outlet", "title", "n_passages", "duplicate_of")
    )


@app.command()
def show(
    doc_id: Annotated[str, typer.Argument(help="A document id or a unique prefix of one.")],
    db: DbOption = DEFAULT_DB,
    fmt: FormatOption = "table",
) -> None:
    """Show one document: metadata, clean text, what cleaning removed and why, its claims.

    Example: briefwire show 3f9a1c
    """
    with ledger(db) as ws:
        doc = api.show(ws, doc_id)
    if doc is None:
        say(f"error: no single document matches {doc_id!r} (see `briefwire docs`)", to_err=True)
        raise typer.Exit(1)
    from .output import print_document  # noqa: PLC0415

    print_document(doc, _fmt(fmt))


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words (all must occur) or an FTS5 query.")],
    db: DbOption = DEFAULT_DB,
    limit: int = 20,
    fmt: FormatOption = "table",
) -> None:
    """Full-text search over clean passages.

    Example: briefwire search "draft office"
    """
    with ledger(db) as ws:
        rows = api.search(ws, query, limit)
    print_rows(rows, _fmt(fmt), columns=("doc_id", "index", "published", "title", "snippet"))


@app.command()
def reuse(
    doc_id: Annotated[str | None, typer.Argument(help="Only this document.")] = None,
    db: DbOption = DEFAULT_DB,
    fmt: FormatOption = "table",
) -> None:
    """What was copied from where: each re-used paragraph and its earliest copy.

    Example: briefwire reuse 3f9a1c
    """
    with ledger(db) as ws:
        try:
            rows = api.reuse(ws, doc_id)
        except LookupError as exc:
            say(f"error: {exc}", to_err=True)
            raise typer.Exit(1) from None
    print_rows(rows, _fmt(fmt), columns=("doc_id", "index", "reused_from", "text"))


@app.command()
def brief(
    db: DbOption = DEFAULT_DB,
    since: Annotated[str | None, typer.Option("--from", help="First day (YYYY-MM-DD), inclusive.")] = None,
    until: Annotated[str | None, typer.Option("--to", help="Last day (YYYY-MM-DD), inclusive.")] = None,
    day: Annotated[str | None, typer.Option("--day", help="One day (YYYY-MM-DD): the daily brief.")] = None,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang", help="The brief's language (en, ru; default: most of the period's documents)."
        ),
    ] = None,
    out: Annotated[Path, typer.Option(help="Writes OUT.md and OUT.html.")] = Path("brief"),
    items: Annotated[str, typer.Option(help="auto (events when linked), events or passages.")] = "auto",
) -> None:
    """Write the brief for a period as Markdown and a self-contained HTML page.

    The review desk's include, exclude, order and edits for the same period apply: this is the
    brief the desk exports.

    Example: briefwire brief --day 2022-09-29 --out out/brief
    Example: briefwire brief --from 2022-09-28 --to 2022-09-30 --lang en --out out/brief
    """
    if items not in ("auto", "events", "passages"):
        raise typer.BadParameter("use auto, events or passages", param_hint="--items")
    if day is not None:
        if since is not None or until is not None:
            raise typer.BadParameter("use --day alone, or --from/--to", param_hint="--day")
        since = until = _iso(day, "--day")
    first, last = _iso(since, "--from"), _iso(until, "--to")
    with ledger(db) as ws:
        try:
            result = api.brief(ws, first, last, items, language=lang)  # type: ignore[arg-type]
        except api.PeriodError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(2) from None
    files = api.write_brief(result, out)
    say(
        f"brief ({result.language}): {result.n_items} items in {len(result.sections)} sections"
        f" -> {files.markdown}, {files.html}"
    )


EXPORT_FORMATS = ("jsonl", "csv", "parquet", "acled")


@app.command()
def export(
    kind: Annotated[
        str,
        typer.Argument(help="documents, passages, claims, events, casualties (see docs/exports.md) or all."),
    ],
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="jsonl, csv, parquet, or acled (events as flat CSV).")
    ] = "jsonl",
    out: Annotated[
        Path | None, typer.Option(help="Output file, or folder for `all` (default: standard output).")
    ] = None,
) -> None:
    """Export a dataset with the stable fields of docs/exports.md.

    `all` writes every kind into the folder --out; with --format parquet it is a dataset
    partitioned by month that DuckDB and pandas read directly.

    Example: briefwire export claims --format csv --out claims.csv
    Example: briefwire export all --format parquet --out dataset/
    Example: briefwire export events --format acled --out events-acled.csv
    """
    from briefwire.report import KINDS  # noqa: PLC0415

    if kind not in (*KINDS, "all"):
        raise typer.BadParameter(f"{kind!r}: use one of {', '.join(KINDS)} or all", param_hint="KIND")
    if fmt not in EXPORT_FORMATS:
        raise typer.BadParameter(f"{fmt!r}: use {', '.join(EXPORT_FORMATS)}", param_hint="--format")
    if fmt == "acled" and kind != "events":
        raise typer.BadParameter("the acled format is for events", param_hint="--format")
    if out is None and (kind == "all" or fmt == "parquet"):
        raise typer.BadParameter("needs --out (a folder for all, a file for parquet)", param_hint="--out")
    with ledger(db) as ws:
        if kind == "all":
            assert out is not None
            try:
                counts = api.export_all(ws, out, fmt)  # type: ignore[arg-type]
            except FileExistsError as exc:
                say(f"error: {exc}", to_err=True)
                raise typer.Exit(2) from None
            say(", ".join(f"{n} {k}" for k, n in counts.items()) + f" -> {out}", to_err=True)
            return
        n = _export_one(ws, kind, fmt, out)
    if out is not None:
        say(f"{n} {kind} -> {out}", to_err=True)


def _export_one(ws: api.Workspace, kind: str, fmt: str, out: Path | None) -> int:
    def write(fh: TextIO) -> int:
        if fmt == "acled":
            return api.export_acled(ws, fh)
        return api.export(ws, kind, fmt, fh)  # type: ignore[arg-type]

    if out is None:
        return write(sys.stdout)
    # A temporary file of its own beside the target, renamed over it: a failed export leaves
    # nothing behind and two exports to one path never mix.
    if fmt == "parquet":
        with atomic_path(out) as tmp:
            return api.export_parquet(ws, kind, tmp)
    return write_with(out, write, newline="")


@app.command()
def share(
    out: Annotated[Path, typer.Argument(help="The copy to write (a .db file; replaced if present).")],
    db: DbOption = DEFAULT_DB,
    keep_reviewer_names: Annotated[
        bool, typer.Option(help="Keep reviewers' names in the decision log (default: reviewer-1, -2 …).")
    ] = False,
) -> None:
    """Write a copy of the ledger to share: no accounts, no watch state, and Datasette metadata.

    Example: briefwire share out/public.db && datasette out/public.db --metadata out/public.metadata.json
    """
    with ledger(db) as ws:
        result, meta = api.share(ws, out, keep_reviewer_names)
    left_out = ", ".join(result.dropped) or "nothing"
    say(
        f"shared copy: {out} ({result.bytes:,} bytes; left out: {left_out}; "
        f"{result.reviewers} reviewer name(s) replaced)",
        to_err=True,
    )
    say(f"open it with: datasette {out} --metadata {meta}", to_err=True)


@app.command("datasette-metadata")
def datasette_metadata(
    db: DbOption = DEFAULT_DB,
    out: Annotated[
        Path | None, typer.Option(help="Where to write it (default: DB with .metadata.json).")
    ] = None,
) -> None:
    """Write Datasette metadata for the ledger: facets, full-text search, labels, hidden tables.

    Example: briefwire datasette-metadata --db ledger.db
    """
    target = out or db.with_suffix(".metadata.json")
    with ledger(db):  # brings the ledger's schema and views up to date
        api.write_datasette_metadata(db, target)
    say(f"datasette {db} --metadata {target}", to_err=True)


@app.command()
def stats(db: DbOption = DEFAULT_DB, fmt: FormatOption = "table") -> None:
    """Counts: documents, duplicates, passages, re-use, claims, events, casualties, errors.

    JSON is one object on one line, with the keys the table shows as rows.

    Example: briefwire stats --format json
    """
    chosen = _fmt(fmt)
    with ledger(db) as ws:
        result = api.stats(ws)
    if chosen == "json":
        typer.echo(json_text(result))
    else:
        print_rows([{"what": k, "value": v} for k, v in result.items()], chosen, columns=("what", "value"))


@app.command()
def errors(db: DbOption = DEFAULT_DB, fmt: FormatOption = "table") -> None:
    """Inputs that failed, with the stage and the reason.

    Example: briefwire errors --format csv
    """
    with ledger(db) as ws:
        rows: list[dict[str, Any]] = api.errors(ws)
    print_rows(rows, _fmt(fmt), columns=("at", "stage", "origin", "reason", "retryable"))


@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[
        str, typer.Option(help="Address to bind; another than loopback needs accounts.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
) -> None:
    """Run the review desk: the event queue, evidence, edits, the casualty register, the brief.

    Example: briefwire serve --db ledger.db --port 8000
    """
    from briefwire import web  # noqa: PLC0415 - the web stack loads only for the desk

    def announce(url: str) -> None:
        say(f"review desk on {url} (ledger {db}); Ctrl-C stops it", to_err=True)

    with ledger(db):  # the desk over a ledger that is not there would create an empty one
        pass
    try:
        web.serve(db, host, port, announce=announce)
    except web.UnsafeBindError as exc:
        say(f"error: {exc}", to_err=True)
        raise typer.Exit(2) from None


user_app = typer.Typer(no_args_is_help=True, help="Review-desk accounts.")
app.add_typer(user_app, name="user")


@user_app.command("add")
def user_add(
    name: Annotated[str, typer.Argument(help="Login name (no spaces).")],
    role: Annotated[str, typer.Option(help="editor (can change things) or viewer (read only).")] = "editor",
    db: DbOption = DEFAULT_DB,
    password: Annotated[str | None, typer.Option(help="Asked for when not given (preferred).")] = None,
) -> None:
    """Create an account for the review desk, or reset its role and password.

    Example: briefwire user add olga --role editor --db ledger.db
    """
    from briefwire.web import add_user  # noqa: PLC0415 - accounts belong to the desk

    if password is None:
        password = typer.prompt("password", hide_input=True, confirmation_prompt=True)
    with ledger(db, create=True) as ws:
        try:
            add_user(ws.store, name, role, password)
        except ValueError as exc:
            say(f"error: {exc}", to_err=True)
            raise typer.Exit(2) from None
    say(f"user {name} ({role}) saved in {db}")


@user_app.command("list")
def user_list(db: DbOption = DEFAULT_DB, fmt: FormatOption = "table") -> None:
    """List review-desk accounts.

    Example: briefwire user list --db ledger.db
    """
    with ledger(db) as ws:
        rows = api.users(ws)
    print_rows(rows, _fmt(fmt), columns=("name", "role", "created_at"))


@app.command()
def entities(
    db: DbOption = DEFAULT_DB,
    fmt: FormatOption = "table",
    kind: Annotated[str | None, typer.Option(help="person, organisation or place.")] = None,
) -> None:
    """People, organisations and places named in the ledger, with their spellings.

    Example: briefwire entities --kind person
    """
    with ledger(db) as ws:
        rows = api.entities(ws, kind)
    for r in rows:
        r["aliases"] = "; ".join(r["aliases"])
    columns = ("entity_key", "kind", "name", "code", "n_mentions", "n_documents", "aliases")
    print_rows(rows, _fmt(fmt), columns=columns)


@app.command()
def entity(
    name: Annotated[str, typer.Argument(help="A name in any spelling or script, or an entity key.")],
    db: DbOption = DEFAULT_DB,
    fmt: FormatOption = "table",
) -> None:
    """One entity: its spellings, where it is named, and the events it takes part in.

    Example: briefwire entity "Алексей Воронин"
    """
    with ledger(db) as ws:
        row = api.entity(ws, name)
    if row is None:
        say(f"error: no entity named {name!r} (see `briefwire entities`)", to_err=True)
        raise typer.Exit(1)
    if _fmt(fmt) == "json":
        typer.echo(json_text(row))
        return
    say(f"{row['name']} ({row['kind']}, {row['entity_key']})")
    say("spellings: " + "; ".join(row["aliases"]))
    say("events: " + (", ".join(row["events"]) or "none"))
    print_rows(row["mentions"], _fmt(fmt), columns=("doc_id", "surface", "role", "origin"))


@app.command()
def why(
    event_id: Annotated[str, typer.Argument(help="An event id (or a unique prefix of one).")],
    db: DbOption = DEFAULT_DB,
    fmt: FormatOption = "table",
) -> None:
    """Explain an event: which claims were joined and why, what was kept apart, who confirms it.

    Example: briefwire why 3f9a1c2b
    """
    with ledger(db) as ws:
        result = api.why(ws, event_id)
    if result is None:
        say(f"error: no single event matches {event_id!r} (see `briefwire export events`)", to_err=True)
        raise typer.Exit(1)
    if _fmt(fmt) == "json":
        typer.echo(json_text(result))
        return
    say(f"event {result['event_id']}: {result['summary']}")
    say(f"status {result['status']}, {result['independent_sources']} independent source(s)")
    say("claims:")
    for line in result["claims"]:
        say(f"  - {line}")
    say("merge decisions:" if result["joined"] else "merge decisions: none (a single claim)")
    for line in result["joined"]:
        say(f"  - {line}")
    if result["not_joined"]:
        say("closest claims kept apart:")
        for line in result["not_joined"]:
            say(f"  - {line}")
    for line in result["explanation"][1:]:
        if not line.startswith(("joined", "not joined")):
            say(line)
