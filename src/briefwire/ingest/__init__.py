"""ingest stage: files, folders, feeds and Telegram exports to :class:`RawDocument` s.

Entry point::

    for item in read(["inbox/", "https://example.org/feed.xml"], ReadOptions()):
        if isinstance(item, IngestError): ...   # a bad input, with its origin and reason
        else: ...                               # a RawDocument

``read`` is lazy and never raises for bad input: each unreadable, empty, binary,
undecodable, malformed or oversized input (or item inside a container) becomes an
``IngestError`` and the next input follows. For a progress bar, take the total from
``count_inputs(paths)`` and pass ``progress=`` to ``read``: it is called once per input.

Origins: a file is named by its path as given (``inbox/a.txt``); an item inside a container
by ``PATH#KEY``, where KEY is a Telegram message id (``CHAT_ID/MESSAGE_ID`` in a whole-account
export), a JSON/JSONL record's id field, else ``item-N`` (JSON) or ``line-N`` (JSONL), or a
feed entry's id, else its link, else ``entry-N``; a download by its URL.

Readers are registered under versioned names (``ingest.text.v1``, ``ingest.html.v1``,
``ingest.json.v1``, ``ingest.jsonl.v1``, ``ingest.telegram.v1``, ``ingest.feed.v1``, and
``ingest.tgpreview.v1`` for the Telegram channel preview pages live watching reads);
``ReadOptions.readers`` picks another registered reader for a format.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

# Importing the reader modules registers them.
from briefwire.ingest import feed, html, jsondocs, telegram, text, tgpreview
from briefwire.ingest.decode import UndecodableError, decode_bytes
from briefwire.ingest.dispatch import dispatch
from briefwire.ingest.errors import ReadError
from briefwire.ingest.html import read_html
from briefwire.ingest.options import DEFAULT_READERS, FieldMapping, ReadOptions
from briefwire.ingest.registry import Item, Payload, Reader, get_reader, reader_names, register
from briefwire.ingest.sources import count_inputs, inputs, read
from briefwire.models import IngestError, RawDocument

__all__ = [
    "DEFAULT_READERS",
    "FieldMapping",
    "IngestError",
    "Item",
    "Payload",
    "RawDocument",
    "ReadError",
    "ReadOptions",
    "Reader",
    "UndecodableError",
    "count_inputs",
    "decode_bytes",
    "get_reader",
    "inputs",
    "read",
    "read_data",
    "read_html",
    "read_one",
    "reader_names",
    "register",
]

_READER_MODULES = (feed, html, jsondocs, telegram, text, tgpreview)


def read_one(path: str | Path, options: ReadOptions | None = None) -> list[Item]:
    """Everything one file, folder or URL yields, as a list."""
    return list(read([path], options))


def read_data(
    data: bytes, name: str, origin: str | None = None, options: ReadOptions | None = None
) -> Iterator[Item]:
    """Documents from bytes in memory (an upload, stdin); ``name`` decides the format."""
    payload = Payload(data=data, name=name, origin=origin or name)
    return dispatch(payload, options or ReadOptions())
