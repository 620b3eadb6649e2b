"""One line per poll: readable text, or one JSON object per line (``--log-format json``)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Literal, TextIO

from briefwire.store.db import now_iso

LogFormat = Literal["text", "json"]


@dataclass(frozen=True)
class PollRecord:
    source: str
    kind: str
    #: ok, not-modified, error, paused (the failure that paused it)
    status: str
    offered: int = 0
    new: int = 0
    stored: int = 0
    duplicates: int = 0
    errors: int = 0
    requests: int = 0
    fetch_ms: float = 0.0
    take_ms: float = 0.0
    next_in_s: float = 0.0
    failures: int = 0
    reason: str | None = None
    at: str = ""


Sink = Callable[[PollRecord], None]


def line(record: PollRecord, fmt: LogFormat) -> str:
    rec = record if record.at else PollRecord(**{**asdict(record), "at": now_iso()})
    if fmt == "json":
        return json.dumps(asdict(rec), ensure_ascii=False)
    text = (
        f"{rec.at} {rec.source} [{rec.kind}] {rec.status}: {rec.new} new of {rec.offered}, "
        f"{rec.stored} stored, {rec.duplicates} duplicates, {rec.errors} errors; "
        f"fetch {rec.fetch_ms:.0f} ms, take {rec.take_ms:.0f} ms; next in {rec.next_in_s:.0f} s"
    )
    if rec.reason:
        text += f" ({rec.failures} failures in a row: {rec.reason})"
    return text


def writer(out: TextIO, fmt: LogFormat) -> Sink:
    """A sink that writes each record as one flushed line (journald and pipes see it at once)."""

    def write(record: PollRecord) -> None:
        out.write(line(record, fmt) + "\n")
        out.flush()

    return write
