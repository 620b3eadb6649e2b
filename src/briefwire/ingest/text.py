"""Plain text and Markdown files: the whole file is one document.

Metadata comes from a sidecar ``NAME.meta.json`` (applied by the dispatcher); the title,
dek and dateline lines stay in the text for the clean stage to recognise.
"""

from __future__ import annotations

from collections.abc import Iterator

from briefwire.ingest.decode import decode_bytes
from briefwire.ingest.errors import ReadError
from briefwire.ingest.meta import normalize_newlines
from briefwire.ingest.options import ReadOptions
from briefwire.ingest.registry import Item, Payload, register
from briefwire.ingest.sniff import suffix_of
from briefwire.models import RawDocument


@register("ingest.text.v1")
def read_text(payload: Payload, options: ReadOptions) -> Iterator[Item]:
    text = normalize_newlines(decode_bytes(payload.data, payload.origin))
    if not text.strip():
        raise ReadError(payload.origin, "empty: the file holds only whitespace")
    markdown = suffix_of(payload.name) in (".md", ".markdown")
    yield RawDocument(
        origin=payload.origin,
        text=text,
        format="markdown" if markdown else "text",
        url=payload.url,
    )
