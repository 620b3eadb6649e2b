"""JSON and JSON Lines records as documents, through a field mapping.

A JSON file may be one record, an array of records, or an object holding the records
under ``items``, ``articles``, ``documents``, ``posts`` or ``entries``. An object shaped like
a Telegram export is read as one, whatever the file is called.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from typing import Any

from briefwire.ingest import telegram
from briefwire.ingest.decode import decode_bytes
from briefwire.ingest.errors import ReadError
from briefwire.ingest.htmltext import html_to_text
from briefwire.ingest.meta import (
    date_of,
    extra_value,
    lookup,
    name_of,
    normalize_newlines,
    source_kind_of,
    text_of,
)
from briefwire.ingest.options import FieldMapping, ReadOptions
from briefwire.ingest.registry import Item, Payload, register
from briefwire.models import RawDocument, SourceKind

_LIST_KEYS = ("items", "articles", "documents", "posts", "entries")
# Block-level tags mark a body given as HTML; a stray "<" in prose does not.
_HTML_BODY = re.compile(r"</?(?:p|br|div|h[1-6]|li|blockquote|span)\b[^>]*>", re.I)
_MAX_EXTRA_CHARS = 300  # longer leftover fields are content, not metadata


@register("ingest.json.v1")
def read_json(payload: Payload, options: ReadOptions) -> Iterator[Item]:
    text = decode_bytes(payload.data, payload.origin)
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and _is_json_lines(text):
            yield from _lines(text, payload.origin, options)  # JSON Lines under a .json name
            return
        raise ReadError(
            payload.origin, f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from exc
    if telegram.is_export(value):
        yield from telegram.export_documents(value, payload.origin)
        return
    for position, record in enumerate(_records(value, payload.origin), 1):
        yield _document_or_error(record, payload.origin, f"item-{position}", "json", options)


@register("ingest.jsonl.v1")
def read_jsonl(payload: Payload, options: ReadOptions) -> Iterator[Item]:
    yield from _lines(decode_bytes(payload.data, payload.origin), payload.origin, options)


def _lines(text: str, origin: str, options: ReadOptions) -> Iterator[Item]:
    """One record per line; a bad line is an error of its own and reading goes on."""
    for number, line in enumerate(normalize_newlines(text).split("\n"), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            reason = f"malformed JSON on line {number}, column {exc.colno}: {exc.msg}"
            yield ReadError(f"{origin}#line-{number}", reason).to_error()
            continue
        yield _document_or_error(record, origin, f"line-{number}", "jsonl", options)


def _is_json_lines(text: str) -> bool:
    lines = [line for line in text.splitlines()[:3] if line.strip()]
    return len(lines) > 1 and all(line.lstrip().startswith("{") for line in lines)


def _records(value: Any, origin: str) -> list[Any]:
    if isinstance(value, list):
        return value
    if isinstance(value, Mapping):
        for key in _LIST_KEYS:
            if isinstance(value.get(key), list):
                return list(value[key])
        return [value]
    raise ReadError(origin, f"JSON holds a {type(value).__name__}, not an object or an array of objects")


def _document_or_error(record: Any, origin: str, position: str, fmt: str, options: ReadOptions) -> Item:
    try:
        return record_document(record, origin, position, fmt, options)
    except ReadError as failure:
        return failure.to_error()
    except Exception as exc:  # one odd record costs that record, not the rest of the file
        reason = f"record could not be read: {type(exc).__name__}: {exc}"
        return ReadError(f"{origin}#{position}", reason).to_error()


def record_document(record: Any, origin: str, position: str, fmt: str, options: ReadOptions) -> RawDocument:
    """One record as a document; origin ``path#ID`` (its id field) or ``path#POSITION``."""
    if not isinstance(record, Mapping):
        raise ReadError(f"{origin}#{position}", f"a {type(record).__name__}, not an object")
    mapping = options.fields
    ident = _get(record, mapping.id, text_of)
    item_origin = f"{origin}#{ident or position}"
    found = lookup(record, mapping.text)
    text = _body_text(found[1]) if found else ""
    if not text.strip():
        keys = ", ".join(mapping.text)
        raise ReadError(item_origin, f"record has no text (looked for the keys {keys})")
    outlet_found = lookup(record, mapping.outlet)
    url = _get(record, mapping.url, text_of)
    return RawDocument(
        origin=item_origin,
        text=text,
        format=fmt,
        url=url,
        outlet=name_of(outlet_found[1]) if outlet_found else None,
        title=_get(record, mapping.title, _rendered_text),
        author=_get(record, mapping.author, name_of),
        published=_get(record, mapping.published, date_of),
        language=_get(record, mapping.language, text_of),
        source_kind=_kind(record, url, outlet_found[0] if outlet_found else None),
        extra=_extra(record, options, ident),
    )


def _body_text(value: Any) -> str:
    """The text field as plain text: entity lists joined, CMS HTML bodies turned to lines."""
    if isinstance(value, Mapping):  # WordPress-style {"rendered": "<p>...</p>"}
        value = value.get("rendered") or value.get("value") or value.get("text")
    text = normalize_newlines(telegram.flatten_text(value))
    return html_to_text(text) if _HTML_BODY.search(text[:2000]) else text


def _rendered_text(value: Any) -> str | None:
    """A title as text; a CMS's ``{"rendered": ...}`` title is HTML (entities and all)."""
    if isinstance(value, Mapping):
        rendered = text_of(value.get("rendered"))
        return html_to_text(rendered) or None if rendered else text_of(value.get("text"))
    return text_of(value)


def _get(
    record: Mapping[str, Any], keys: tuple[str, ...], convert: Callable[[Any], str | None]
) -> str | None:
    found = lookup(record, keys)
    return convert(found[1]) if found else None


def _kind(record: Mapping[str, Any], url: str | None, outlet_key: str | None) -> SourceKind:
    """The record's own ``source_kind``, else telegram for t.me links or a ``channel``."""
    given = source_kind_of(record.get("source_kind"))
    if given:
        return given
    if (url and url.startswith(("https://t.me/", "http://t.me/"))) or outlet_key == "channel":
        return "telegram"
    return "news"


@cache
def _mapped_keys(mapping: FieldMapping) -> frozenset[str]:
    return frozenset(key.split(".")[0] for keys in vars(mapping).values() for key in keys)


def _extra(record: Mapping[str, Any], options: ReadOptions, ident: str | None) -> dict[str, str]:
    """Short leftover scalar fields (a category, a sender id) kept as metadata."""
    used = _mapped_keys(options.fields)
    extra = {"id": ident} if ident else {}
    for key, value in record.items():
        if key in used or not isinstance(key, str):
            continue
        text = extra_value(value) if not isinstance(value, list | dict) else None
        if text is not None and len(text) <= _MAX_EXTRA_CHARS:
            extra[key] = text
    return extra
