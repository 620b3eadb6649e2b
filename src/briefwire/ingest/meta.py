"""Metadata values from loosely typed sources (JSON records, sidecars, feeds) as strings."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any, cast, get_args
from urllib.parse import urlsplit

from briefwire.models import SourceKind

_EPOCH_SECONDS = (1e8, 1e11)  # 1973 .. 5138: a bare number in this range is a Unix time
_SOURCE_KINDS = frozenset(get_args(SourceKind))


def text_of(value: Any) -> str | None:
    """A scalar as a stripped string; empty strings, booleans and containers give None."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return value.strip() or None
    return None


def name_of(value: Any) -> str | None:
    """A person or outlet given as a string, an object with a name, or a list of those."""
    if isinstance(value, Mapping):
        return text_of(value.get("name")) or text_of(value.get("title"))
    if isinstance(value, list):
        names = [n for n in (name_of(v) for v in value) if n]
        return ", ".join(names) or None
    return text_of(value)


def date_of(value: Any) -> str | None:
    """A date as given (string), or a Unix time in seconds or milliseconds made ISO (UTC)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        seconds = float(value) / 1000 if value > _EPOCH_SECONDS[1] else float(value)
        if _EPOCH_SECONDS[0] <= seconds <= _EPOCH_SECONDS[1]:
            return datetime.fromtimestamp(seconds, tz=UTC).isoformat()
        return None
    return text_of(value)


def lookup(record: Mapping[str, Any], keys: Iterable[str]) -> tuple[str, Any] | None:
    """The first of ``keys`` (dotted paths allowed) present with a non-empty value."""
    for key in keys:
        value: Any = record
        for part in key.split("."):
            value = value.get(part) if isinstance(value, Mapping) else None
        if value not in (None, "", [], {}):
            return key, value
    return None


def source_kind_of(value: Any) -> SourceKind | None:
    text = text_of(value)
    return cast(SourceKind, text) if text in _SOURCE_KINDS else None


def extra_value(value: Any) -> str | None:
    """A value worth keeping in ``RawDocument.extra``: scalars as text, short lists as JSON."""
    text = text_of(value)
    if text is not None:
        return text
    if isinstance(value, list | dict) and value:
        dumped = json.dumps(value, ensure_ascii=False)
        return dumped if len(dumped) <= 1000 else None
    return None


def outlet_of_url(url: str | None) -> str | None:
    """The outlet a page's address names: its host without "www." ("t.me/channel" names the
    channel). Never a file name: a path without a host names no outlet."""
    if not url:
        return None
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    if host == "t.me":
        channel = parts.path.strip("/").split("/", 1)[0]
        return channel or None
    return host or None


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR become LF, so line-based stages see one convention."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text
