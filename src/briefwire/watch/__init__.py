"""watch: keep the ledger current from feeds, Telegram channels, web pages and folders.

Beside ``ingest`` in the flow: where ingest reads what it is handed once, watch asks each
watched source again at its interval and hands only what is new to the same pipeline::

    sources (ledger) ─► poll (network, concurrent) ─► take (one writer: pipeline, link) ─► state

Entry points: :func:`make_source` / :func:`load_toml` (sources as data), :class:`Watcher`
(``await Watcher(store, pipeline, options, log).run()``), :func:`health` (for
``sources list`` and the desk).
"""

from __future__ import annotations

from .backoff import BackoffOptions, next_wait
from .health import health
from .http import USER_AGENT, FetchError, Http, HttpOptions
from .log import LogFormat, PollRecord, writer
from .loop import Watcher, WatchOptions, WatchSummary
from .poll import PollOptions
from .sources import KINDS, Source, State, from_row, load_toml, make_source, parse_interval

__all__ = [
    "KINDS",
    "USER_AGENT",
    "BackoffOptions",
    "FetchError",
    "Http",
    "HttpOptions",
    "LogFormat",
    "PollOptions",
    "PollRecord",
    "Source",
    "State",
    "WatchOptions",
    "WatchSummary",
    "Watcher",
    "from_row",
    "health",
    "load_toml",
    "make_source",
    "next_wait",
    "parse_interval",
    "writer",
]
