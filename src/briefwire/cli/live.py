"""`briefwire sources ...` and `briefwire watch`: sources as data, and keeping the ledger current."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from briefwire import api
from briefwire.watch import (
    USER_AGENT,
    BackoffOptions,
    HttpOptions,
    PollOptions,
    WatchOptions,
    make_source,
    writer,
)

from .app import DEFAULT_DB, DbOption, FormatOption, _fmt, app
from .ledger import ledger
from .output import json_text, print_rows, say

sources_app = typer.Typer(
    no_args_is_help=True, help="Watched sources: feeds, Telegram channels, web pages, folders."
)
app.add_typer(sources_app, name="sources")

LIST_COLUMNS = (
    *("name", "kind", "target", "health", "last_success"),
    *("last_status", "items_taken", "due_in_s", "last_error"),
)


def _fail(message: str) -> None:
    say(f"error: {message}", to_err=True)
    raise typer.Exit(2)


@sources_app.command("add")
def sources_add(
    kind: Annotated[str, typer.Argument(help="feed, telegram, page or folder.")],
    target: Annotated[str, typer.Argument(help="Feed or page URL, channel (@NAME, t.me/s/NAME), folder.")],
    *,
    db: DbOption = DEFAULT_DB,
    name: Annotated[str | None, typer.Option(help="A short handle (default: from the target).")] = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet name for its documents.")] = None,
    language: Annotated[str | None, typer.Option(help="Language when items do not say (ru, en).")] = None,
    interval: Annotated[str, typer.Option(help="How often to poll: 30s, 5m, 1h.")] = "5m",
    source_kind: Annotated[
        str | None, typer.Option(help="news, telegram, official, ngo or other (default by kind).")
    ] = None,
) -> None:
    """Watch a source: `watch` polls it at its interval and takes what is new.

    Example: briefwire sources add telegram @astrapress --interval 30s --language ru
    """
    try:
        source = make_source(
            kind,
            target,
            name=name,
            outlet=outlet,
            language=language,
            interval=interval,
            source_kind=source_kind,
        )
        with ledger(db, create=True) as ws:
            api.sources_add(ws, source)
    except ValueError as exc:
        _fail(str(exc))
    every = f"every {source.interval_s:g} s"
    say(f"watching {source.name} ({source.kind} {source.target}, {every}) in {db}")


@sources_app.command("list")
def sources_list(db: DbOption = DEFAULT_DB, fmt: FormatOption = "table") -> None:
    """Each watched source with its health: ok, new, stale, failing or paused, and why.

    Example: briefwire sources list --format json
    """
    with ledger(db) as ws:
        rows = api.sources_list(ws)
    print_rows(rows, _fmt(fmt), columns=LIST_COLUMNS)


@sources_app.command("remove")
def sources_remove(
    name: Annotated[str, typer.Argument(help="The source's name.")], db: DbOption = DEFAULT_DB
) -> None:
    """Stop watching a source (the documents it brought stay in the ledger).

    Example: briefwire sources remove tg-astrapress
    """
    try:
        with ledger(db) as ws:
            api.sources_remove(ws, name)
    except LookupError as exc:
        _fail(str(exc))
    say(f"removed {name}")


@sources_app.command("pause")
def sources_pause(
    name: Annotated[str, typer.Argument(help="The source's name.")],
    db: DbOption = DEFAULT_DB,
    reason: Annotated[str | None, typer.Option(help="Why (shown in `sources list`).")] = None,
) -> None:
    """Pause a source: `watch` leaves it alone until it is resumed.

    Example: briefwire sources pause tg-astrapress --reason "channel moved"
    """
    try:
        with ledger(db) as ws:
            api.sources_pause(ws, name, reason)
    except LookupError as exc:
        _fail(str(exc))
    say(f"paused {name}")


@sources_app.command("resume")
def sources_resume(
    name: Annotated[str, typer.Argument(help="The source's name.")], db: DbOption = DEFAULT_DB
) -> None:
    """Resume a paused source (also one `watch` paused after failures): it is due at once.

    Example: briefwire sources resume tg-astrapress
    """
    try:
        with ledger(db) as ws:
            api.sources_pause(ws, name, paused=False)
    except LookupError as exc:
        _fail(str(exc))
    say(f"resumed {name}")


@sources_app.command("import")
def sources_import(
    file: Annotated[Path, typer.Argument(help="A TOML file of [[source]] tables (docs/live.md).")],
    db: DbOption = DEFAULT_DB,
) -> None:
    """Add the sources of a TOML file; those known by name get its settings and keep their state.

    Example: briefwire sources import sources.toml
    """
    try:
        with ledger(db, create=True) as ws:
            result = api.sources_import(ws, file)
    except (ValueError, OSError) as exc:
        _fail(str(exc))
    say(
        f"{len(result.added)} added, {len(result.updated)} updated, "
        f"{len(result.unchanged)} unchanged ({file})"
    )


@app.command()
def watch(
    *,
    db: DbOption = DEFAULT_DB,
    once: Annotated[bool, typer.Option("--once", help="Poll each due source once and exit (cron).")] = False,
    log_format: Annotated[str, typer.Option(help="text, or json: one JSON object per poll.")] = "text",
    host_delay: Annotated[float, typer.Option(min=0, help="Seconds between requests to one host.")] = 1.0,
    timeout: Annotated[float, typer.Option(min=0.1, help="Seconds for each network step.")] = 20.0,
    user_agent: Annotated[str, typer.Option(help="Sent with every request; add a contact.")] = USER_AGENT,
    pause_after: Annotated[int, typer.Option(min=1, help="Pause a source after N failures in a row.")] = 6,
    backfill_pages: Annotated[int, typer.Option(min=0, help="Older Telegram pages on a first poll.")] = 0,
    telegram_base: Annotated[
        str, typer.Option(help="Where channel previews are read (a mirror).")
    ] = "https://t.me",
) -> None:
    """Keep the ledger current: poll due sources, take new items through the pipeline, repeat.

    SIGTERM or Ctrl-C finishes the item in hand and exits; a restart resumes from each source's
    cursor. Logs one line per poll on standard error.

    Example: briefwire watch --db ledger.db --log-format json
    """
    if log_format not in ("text", "json"):
        raise typer.BadParameter("use text or json", param_hint="--log-format")
    options = WatchOptions(
        poll=PollOptions(telegram_base=telegram_base, backfill_pages=backfill_pages),
        http=HttpOptions(timeout=timeout, host_delay=host_delay, user_agent=user_agent),
        backoff=BackoffOptions(pause_after=pause_after),
        once=once,
    )
    with ledger(db, create=True) as ws:
        if not ws.store.watch_sources():
            _fail(f"no sources to watch in {db}: add one with `briefwire sources add`")
        summary = api.watch(ws, options, writer(sys.stderr, log_format))  # type: ignore[arg-type]
    if log_format == "json":
        typer.echo(json_text({"summary": summary.__dict__}), err=True)
    else:
        say(
            f"watch: {summary.polls} polls, {summary.failed} failed, {summary.new} new items, "
            f"{summary.stored} documents stored",
            to_err=True,
        )
    raise typer.Exit(summary.exit_code if once else 0)
