"""One input's bytes to documents: decompress, pick the reader, apply sidecars and limits.

Whatever goes wrong inside becomes an :class:`IngestError` for that input (or for the one
item inside it) and the caller goes on with the next input.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from briefwire.ingest.decode import decode_bytes
from briefwire.ingest.errors import ReadError
from briefwire.ingest.meta import date_of, extra_value, name_of, outlet_of_url, source_kind_of, text_of
from briefwire.ingest.options import ReadOptions
from briefwire.ingest.registry import Item, Payload, get_reader
from briefwire.ingest.sniff import GZIP_MAGIC, detect_format
from briefwire.models import IngestError, RawDocument
from briefwire.untrusted import lone_surrogate, storable

_SINGLE_DOCUMENT = frozenset({"text", "markdown", "html"})  # formats a sidecar describes
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_SIDECAR_FIELDS = ("url", "outlet", "title", "author", "published", "language")


def dispatch(payload: Payload, options: ReadOptions) -> Iterator[Item]:
    """Documents and errors of one input; an error when it yields no document at all."""
    produced = 0
    try:
        payload = _gunzip(payload, options)
        if _is_blank(payload.data):
            raise ReadError(payload.origin, "empty: the file holds no text")
        fmt = detect_format(payload.name, payload.data)
        reader = get_reader(options.reader_name(fmt))
        sidecar = _sidecar(payload) if fmt in _SINGLE_DOCUMENT else None
        if isinstance(sidecar, IngestError):
            yield sidecar
            sidecar = None
        seen: dict[str, int] = {}
        for item in reader(payload, options):
            produced += 1
            if isinstance(item, RawDocument):
                yield _finish(_unique(item, seen), sidecar, options)
            else:
                yield item
    except ReadError as failure:
        yield failure.to_error()
        return
    except Exception as exc:  # a reader bug costs this input, never the batch
        yield IngestError(payload.origin, "ingest", f"reader failed: {type(exc).__name__}: {exc}")
        return
    if not produced:
        yield IngestError(payload.origin, "ingest", f"no documents found in this {fmt} input")


def _is_blank(data: bytes) -> bool:
    """Nothing but a BOM, whitespace and NULs (the zero bytes of UTF-16 spaces)."""
    for bom in _BOMS:
        if data.startswith(bom):
            data = data[len(bom) :]
            break
    return not data.strip(b" \t\r\n\x00")


def _gunzip(payload: Payload, options: ReadOptions) -> Payload:
    named = payload.name.lower().endswith(".gz")
    if not named and not payload.data.startswith(GZIP_MAGIC):
        return payload
    if not payload.data.startswith(GZIP_MAGIC):
        raise ReadError(payload.origin, "named .gz but is not gzip data")
    limit = options.max_file_bytes
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(payload.data)) as archive:
            data = archive.read(limit + 1)
    except EOFError as exc:
        raise ReadError(
            payload.origin, "truncated gzip: the archive ends before its end-of-stream marker"
        ) from exc
    except (OSError, zlib.error) as exc:  # BadGzipFile is an OSError
        raise ReadError(payload.origin, f"corrupt gzip: {exc}") from exc
    if len(data) > limit:
        raise ReadError(
            payload.origin, f"decompresses to more than {limit:,} bytes (ReadOptions.max_file_bytes)"
        )
    return replace(payload, data=data, name=payload.name[:-3] if named else payload.name)


def _unique(doc: RawDocument, seen: dict[str, int]) -> RawDocument:
    """Keep origins distinct when a container repeats an id (two records with one id)."""
    count = seen.get(doc.origin, 0) + 1
    seen[doc.origin] = count
    return doc if count == 1 else replace(doc, origin=f"{doc.origin}~{count}")


def _finish(doc: RawDocument, sidecar: Mapping[str, Any] | None, options: ReadOptions) -> Item:
    """Apply sidecar metadata and the source-kind override; enforce the line limit and that
    every string can be stored."""
    if sidecar:
        doc = _with_sidecar(doc, sidecar)
    if options.source_kind is not None:
        doc = replace(doc, source_kind=options.source_kind)
    if doc.outlet is None and (host := outlet_of_url(doc.url)) is not None:
        doc = replace(doc, outlet=host)  # the site, so its template is learned across pages
    doc = replace(doc, origin=storable(doc.origin))
    broken = _unstorable_field(doc)
    if broken is not None:
        return IngestError(doc.origin, "ingest", broken)
    limit = options.max_line_chars
    if len(doc.text) > limit:
        for number, line in enumerate(doc.text.split("\n"), 1):
            if len(line) > limit:
                return IngestError(
                    doc.origin,
                    "ingest",
                    f"line {number} is {len(line):,} characters long, over "
                    f"the limit of {limit:,} characters per line (ReadOptions.max_line_chars)",
                )
    return doc


def _unstorable_field(doc: RawDocument) -> str | None:
    """Why a document cannot go into the ledger as read, or None.

    A lone UTF-16 surrogate (half an emoji, where a dump cut a pair in two) is no character:
    UTF-8, and so SQLite, cannot hold it. Only this record fails; the rest of its file goes on.
    """
    fields: list[tuple[str, str | None]] = [
        ("text", doc.text),
        ("url", doc.url),
        ("outlet", doc.outlet),
        ("title", doc.title),
        ("author", doc.author),
        ("published", doc.published),
        ("language", doc.language),
        ("forwarded_from", doc.forwarded_from),
    ]
    fields += [(f"extra key {storable(k)!r}", k) for k in doc.extra]
    fields += [(f"extra {storable(k)!r}", v) for k, v in doc.extra.items()]
    for name, value in fields:
        if value is not None and (at := lone_surrogate(value)) is not None:
            code = f"U+{ord(value[at]):04X}"
            return (
                f"{name} holds a lone UTF-16 surrogate ({code}) at character {at:,}: half of a "
                "character, cut from its pair; UTF-8 cannot store it (repair the source record)"
            )
    return None


def _sidecar(payload: Payload) -> Mapping[str, Any] | IngestError | None:
    path = payload.sidecar_path
    if path is None:
        return None
    try:
        value = json.loads(decode_bytes(path.read_bytes(), str(path)))
    except ReadError as failure:
        return _sidecar_error(path, failure.reason)
    except json.JSONDecodeError as exc:
        return _sidecar_error(path, f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}")
    except OSError as exc:
        return _sidecar_error(path, f"cannot read: {exc.strerror or exc}")
    if not isinstance(value, Mapping):
        return _sidecar_error(path, "holds no JSON object")
    return value


def _sidecar_error(path: Path, reason: str) -> IngestError:
    return IngestError(str(path), "ingest", f"sidecar not applied, {reason}")


def _with_sidecar(doc: RawDocument, meta: Mapping[str, Any]) -> RawDocument:
    """Sidecar values win over what the reader found; unknown keys go to ``extra``."""
    changes: dict[str, Any] = {}
    for name in _SIDECAR_FIELDS:
        if name in ("outlet", "author"):
            value = name_of(meta.get(name))
        elif name == "published":
            value = date_of(meta.get(name))
        else:
            value = text_of(meta.get(name))
        if value is not None:
            changes[name] = value
    kind = source_kind_of(meta.get("source_kind"))
    if kind is not None:
        changes["source_kind"] = kind
    forwarded = text_of(meta.get("forwarded_from"))
    if forwarded is not None:
        changes["forwarded_from"] = forwarded
    known = {*_SIDECAR_FIELDS, "source_kind", "forwarded_from"}
    extra = dict(doc.extra)
    for key, raw in meta.items():
        value = extra_value(raw)
        if key not in known and value is not None:
            extra[str(key)] = value
    return replace(doc, **changes, extra=extra)
