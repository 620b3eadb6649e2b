"""Watched sources as data: what to poll, how often, and where each one stands.

A source is a feed (RSS/Atom URL), a public Telegram channel (read through its web preview),
a web page (one URL, taken again when its text changes) or a folder (new and changed files).
Its settings come from `briefwire sources add` or a TOML file (`sources import`); its state
(last fetch, cursor, validators, failures, items taken) is written by `watch` after each poll.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal, cast, get_args
from urllib.parse import urlsplit

from briefwire.ingest.tgpreview import channel_name
from briefwire.models import SourceKind

Kind = Literal["feed", "telegram", "page", "folder"]
KINDS: tuple[str, ...] = get_args(Kind)
#: the key that names a source's target in a TOML file, per kind
TARGET_KEYS = {"feed": "url", "page": "url", "telegram": "channel", "folder": "path"}
DEFAULT_INTERVAL = 300.0
MIN_INTERVAL = 0.1  # a local folder or test server may be asked often; a site gets host_delay
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}
_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.I)
_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class Source:
    """A source's settings (what the user says); its state lives beside it in the ledger."""

    name: str
    kind: Kind
    target: str
    outlet: str | None = None
    language: str | None = None
    interval_s: float = DEFAULT_INTERVAL
    source_kind: SourceKind = "news"

    def fields(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class State:
    """Where a source stands after its last poll (a row of ``watch_sources``)."""

    paused: bool = False
    paused_reason: str | None = None
    last_fetch: str | None = None
    last_success: str | None = None
    last_status: str | None = None
    next_due: float = 0.0
    cursor: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    last_error: str | None = None
    failures: int = 0
    items_taken: int = 0
    #: when the source was added: a channel's first poll reads back to here, so nothing
    #: published since is missed even when the first poll comes late
    added_at: str | None = None


def from_row(row: Mapping[str, Any]) -> tuple[Source, State]:
    source = Source(
        name=row["name"],
        kind=row["kind"],
        target=row["target"],
        outlet=row.get("outlet"),
        language=row.get("language"),
        interval_s=float(row["interval_s"]),
        source_kind=row.get("source_kind") or "news",
    )
    values = {k: row[k] for k in State.__dataclass_fields__ if row.get(k) is not None}
    values["paused"] = bool(values.get("paused"))
    return source, State(**values)


def parse_interval(value: str | float | int) -> float:
    """Seconds from ``30``, ``"30s"``, ``"5m"``, ``"1h"``; ValueError below 0.1 s."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        seconds = float(value)
    else:
        match = _INTERVAL.match(str(value))
        if not match:
            raise ValueError(f"{value!r} is not an interval like 30s, 5m or 1h")
        seconds = float(match.group(1)) * _UNITS[match.group(2).lower()]
    if seconds < MIN_INTERVAL:
        raise ValueError(f"interval {value!r} is under {MIN_INTERVAL:g} s")
    return seconds


def make_source(
    kind: str,
    target: str,
    *,
    name: str | None = None,
    outlet: str | None = None,
    language: str | None = None,
    interval: str | float = DEFAULT_INTERVAL,
    source_kind: str | None = None,
) -> Source:
    """A checked source: the target in its canonical form, a name derived when not given."""
    if kind not in KINDS:
        raise ValueError(f"unknown source kind {kind!r}; expected one of {', '.join(KINDS)}")
    canonical = _canonical(kind, target)
    chosen_kind = source_kind or ("telegram" if kind == "telegram" else "news")
    if chosen_kind not in get_args(SourceKind):
        raise ValueError(f"unknown source kind {chosen_kind!r}; expected one of {get_args(SourceKind)}")
    return Source(
        name=_name(name, kind, canonical),
        kind=cast(Kind, kind),
        target=canonical,
        outlet=outlet or None,
        language=language or None,
        interval_s=parse_interval(interval),
        source_kind=cast(SourceKind, chosen_kind),
    )


def _canonical(kind: str, target: str) -> str:
    target = target.strip()
    if kind == "telegram":
        return channel_name(target)
    if kind == "folder":
        path = Path(target).expanduser().resolve()
        if not path.is_dir():
            raise ValueError(f"{target!r} is not a folder")
        return str(path)
    parts = urlsplit(target)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"{target!r} is not an http(s) URL")
    return target


def _name(given: str | None, kind: str, target: str) -> str:
    if given:
        if not given.strip() or any(c.isspace() for c in given):
            raise ValueError(f"source name {given!r} must be one word (no spaces)")
        return given
    if kind == "telegram":
        return f"tg-{target.lower()}"
    if kind == "folder":
        return "folder-" + (_SLUG.sub("-", Path(target).name.lower()).strip("-") or "root")
    parts = urlsplit(target)
    slug = _SLUG.sub("-", f"{parts.netloc}{parts.path}".lower()).strip("-")
    return slug[:60] or kind


def load_toml(path: Path) -> list[Source]:
    """Sources from a TOML file: ``[[source]]`` tables, defaults from an optional ``[defaults]``.

    Raises ValueError naming the table at fault, so one typo does not import half a file.
    """
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{path}: not valid TOML: {exc}") from exc
    defaults = data.get("defaults", {})
    tables = data.get("source", [])
    if not isinstance(tables, list) or not isinstance(defaults, Mapping):
        raise ValueError(f"{path}: expected [[source]] tables and an optional [defaults] table")
    sources = []
    for number, table in enumerate(tables, 1):
        try:
            sources.append(_from_table({**defaults, **table}))
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{path}: source {number}: {exc}") from None
    names = [s.name for s in sources]
    doubled = sorted({n for n in names if names.count(n) > 1})
    if doubled:
        raise ValueError(f"{path}: the name {doubled[0]!r} is used twice")
    return sources


_TABLE_KEYS = {
    "name",
    "kind",
    "target",
    "outlet",
    "language",
    "interval",
    "source_kind",
    *TARGET_KEYS.values(),
}


def _from_table(table: Mapping[str, Any]) -> Source:
    unknown = sorted(set(table) - _TABLE_KEYS)
    if unknown:
        raise ValueError(f"unknown key {unknown[0]!r}; expected some of {', '.join(sorted(_TABLE_KEYS))}")
    kind = str(table["kind"])
    key = TARGET_KEYS.get(kind, "target")
    target = table.get(key) or table.get("target")
    if not target:
        raise ValueError(f"a {kind} source needs {key!r}")
    return make_source(
        kind,
        str(target),
        name=table.get("name"),
        outlet=table.get("outlet"),
        language=table.get("language"),
        interval=table.get("interval", DEFAULT_INTERVAL),
        source_kind=table.get("source_kind"),
    )
