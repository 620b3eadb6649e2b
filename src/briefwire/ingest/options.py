"""Options of the ingest stage: one frozen object instead of a long argument list."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from types import MappingProxyType

from briefwire.models import SourceKind

MIB = 1024 * 1024

#: Registered reader used for each format unless ``ReadOptions.readers`` says otherwise.
DEFAULT_READERS: Mapping[str, str] = MappingProxyType(
    {
        "text": "ingest.text.v1",
        "markdown": "ingest.text.v1",
        "html": "ingest.html.v1",
        "json": "ingest.json.v1",
        "jsonl": "ingest.jsonl.v1",
        "telegram": "ingest.telegram.v1",
        "feed": "ingest.feed.v1",
        # Never sniffed from a file: live watching reads channel previews with it.
        "telegram_preview": "ingest.tgpreview.v1",
    }
)


@dataclass(frozen=True)
class FieldMapping:
    """Which keys of a JSON/JSONL record fill which document field.

    Each field lists candidate keys, tried in order; the first present and non-empty wins.
    A key may be a dotted path into nested objects (``source.name``).
    """

    id: tuple[str, ...] = ("id", "message_id", "guid", "uuid")
    url: tuple[str, ...] = ("url", "link", "href")
    title: tuple[str, ...] = ("title", "headline")
    text: tuple[str, ...] = ("text", "content", "body", "article", "message")
    published: tuple[str, ...] = ("published", "date", "published_at", "pubDate", "datetime")
    outlet: tuple[str, ...] = ("source", "outlet", "channel", "sitename", "site", "publisher")
    author: tuple[str, ...] = ("author", "authors", "byline")
    language: tuple[str, ...] = ("language", "lang")

    @classmethod
    def from_pairs(cls, pairs: Mapping[str, str | Sequence[str]]) -> FieldMapping:
        """Defaults with some fields replaced: ``from_pairs({"text": "message"})``.

        Raises ValueError for a field name that does not exist, so a typo in a CLI flag
        is reported instead of silently ignored.
        """
        known = {f.name for f in fields(cls)}
        changes: dict[str, tuple[str, ...]] = {}
        for name, keys in pairs.items():
            if name not in known:
                raise ValueError(f"unknown document field {name!r}; expected one of {sorted(known)}")
            changes[name] = (keys,) if isinstance(keys, str) else tuple(keys)
        return replace(cls(), **changes)


@dataclass(frozen=True)
class ReadOptions:
    """How inputs are read.

    Limits protect the later stages from pathological input: a file (or a decompressed
    ``.gz``) over ``max_file_bytes``, a download over ``http_max_bytes`` or a document with a
    line longer than ``max_line_chars`` becomes an :class:`IngestError` instead of a document.
    """

    fields: FieldMapping = field(default_factory=FieldMapping)
    max_file_bytes: int = 256 * MIB
    max_line_chars: int = 1_000_000
    #: seconds for each network step (connect, each read); ``http_deadline`` bounds the whole
    #: download, so a server that trickles bytes cannot hold a batch up.
    http_timeout: float = 20.0
    http_deadline: float = 120.0
    http_max_bytes: int = 32 * MIB
    user_agent: str = "briefwire/0.1 (feed reader)"
    #: format name -> registered reader name; formats not listed use DEFAULT_READERS.
    readers: Mapping[str, str] = field(default_factory=dict)
    #: when set, every document gets this source kind (e.g. "official" for a ministry feed).
    source_kind: SourceKind | None = None

    def reader_name(self, fmt: str) -> str:
        return self.readers.get(fmt) or DEFAULT_READERS[fmt]
