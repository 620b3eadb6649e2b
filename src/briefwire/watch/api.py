"""The library functions behind `briefwire sources ...` and `briefwire watch`."""

from __future__ import annotations

import asyncio
import signal
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefwire.pipeline import Pipeline, PipelineOptions

from .health import describe
from .log import Sink
from .loop import Watcher, WatchOptions, WatchSummary
from .sources import Source, from_row, load_toml

if TYPE_CHECKING:
    from briefwire.api import Workspace

# Small chunks: a stop request waits for at most this many documents of the unit in hand.
WATCH_CHUNK = 8
WARM_LANGUAGES = ("en", "ru")


def sources_add(ws: Workspace, source: Source) -> dict[str, Any]:
    ws.store.add_watch_source(source.fields())
    return _row(ws, source.name)


def sources_list(ws: Workspace) -> list[dict[str, Any]]:
    """Every watched source with its settings, state and health."""
    return [describe(*from_row(r)) for r in ws.store.watch_sources()]


def sources_remove(ws: Workspace, name: str) -> None:
    if not ws.store.remove_watch_source(name):
        raise LookupError(f"no watched source named {name!r} (see `briefwire sources list`)")


def sources_pause(
    ws: Workspace, name: str, reason: str | None = None, *, paused: bool = True
) -> dict[str, Any]:
    """Pause a source (with a reason), or resume it (``paused=False``: due at once)."""
    if not ws.store.set_watch_paused(name, paused, reason or ("paused by hand" if paused else None)):
        raise LookupError(f"no watched source named {name!r} (see `briefwire sources list`)")
    return _row(ws, name)


@dataclass
class ImportResult:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


def sources_import(ws: Workspace, path: Path) -> ImportResult:
    """Add the file's sources; those already known by name get its settings, keeping their state."""
    result = ImportResult()
    for source in load_toml(path):
        row = ws.store.watch_source(source.name)
        if row is None:
            ws.store.add_watch_source(source.fields())
            result.added.append(source.name)
        elif from_row(row)[0] != source:
            ws.store.update_watch_source(source.name, source.fields())
            result.updated.append(source.name)
        else:
            result.unchanged.append(source.name)
    return result


def watch(
    ws: Workspace,
    options: WatchOptions | None = None,
    log: Sink | None = None,
    pipeline_options: PipelineOptions | None = None,
) -> WatchSummary:
    """Poll the watched sources until SIGTERM or SIGINT (or once, with ``options.once``).

    One long-lived pipeline serves every poll, so the language models load once per process.
    """
    opts = options or WatchOptions()
    # link=False: the watch links once per burst of polls itself, not after every item. A
    # long-running watch loads the models at start (see Watcher.run); a cron run only if
    # something new came.
    pipeline_options = pipeline_options or PipelineOptions(
        batch_size=WATCH_CHUNK, link=False, warm=() if opts.once else WARM_LANGUAGES
    )
    with Pipeline(ws.store, pipeline_options) as pipeline:
        watcher = Watcher(ws.store, pipeline, opts, log)
        return asyncio.run(_run(watcher))


async def _run(watcher: Watcher) -> WatchSummary:
    loop = asyncio.get_running_loop()
    signals = (signal.SIGTERM, signal.SIGINT)
    handled = threading.current_thread() is threading.main_thread()
    if handled:
        for sig in signals:
            loop.add_signal_handler(sig, watcher.stop)
    try:
        return await watcher.run()
    finally:
        if handled:
            for sig in signals:
                loop.remove_signal_handler(sig)


def _row(ws: Workspace, name: str) -> dict[str, Any]:
    row = ws.store.watch_source(name)
    assert row is not None  # just written
    return describe(*from_row(row))
