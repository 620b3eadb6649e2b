"""Telegram Desktop exports (``result.json``): each channel message with text is a document.

A message's ``text`` is a string or a list of strings and entity objects
(``{"type": "bold", "text": ...}``, ``{"type": "text_link", "text": ..., "href": ...}``).
Service messages (channel created, pinned ...) and messages without text (a bare photo)
are skipped. A whole-account export (``chats.list``) is read chat by chat.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from briefwire.ingest.decode import decode_bytes
from briefwire.ingest.errors import ReadError
from briefwire.ingest.meta import date_of, extra_value, normalize_newlines, text_of
from briefwire.ingest.options import ReadOptions
from briefwire.ingest.registry import Item, Payload, register
from briefwire.models import RawDocument

# Message fields kept in RawDocument.extra (under the same names).
_EXTRA_FIELDS = (
    "edited",
    "date_unixtime",
    "edited_unixtime",
    "reply_to_message_id",
    "forwarded_from_id",
    "saved_from",
    "media_type",
    "via_bot",
)
_LINK_TYPES = frozenset({"link", "text_link"})


def is_export(value: Any) -> bool:
    """A single chat export (``messages`` list) or a whole-account export (``chats.list``)."""
    if not isinstance(value, Mapping):
        return False
    if isinstance(value.get("messages"), list):
        return "name" in value or "type" in value
    chats = value.get("chats")
    return isinstance(chats, Mapping) and isinstance(chats.get("list"), list)


def parse_json(payload: Payload) -> Any:
    text = decode_bytes(payload.data, payload.origin)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReadError(
            payload.origin, f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from exc


@register("ingest.telegram.v1")
def read_telegram(payload: Payload, options: ReadOptions) -> Iterator[Item]:
    export = parse_json(payload)
    if not is_export(export):
        raise ReadError(payload.origin, "not a Telegram export: no 'messages' list at the top")
    yield from export_documents(export, payload.origin)


def export_documents(export: Mapping[str, Any], origin: str) -> Iterator[Item]:
    """Documents of every message with text; origin ``path#MESSAGE_ID``.

    In a whole-account export, where message ids repeat across chats, the origin is
    ``path#CHAT_ID/MESSAGE_ID``.
    """
    if isinstance(export.get("messages"), list):
        yield from _chat_documents(export, origin, with_chat=False)
        return
    for chat in export["chats"]["list"]:
        if isinstance(chat, Mapping) and isinstance(chat.get("messages"), list):
            yield from _chat_documents(chat, origin, with_chat=True)


def _chat_documents(chat: Mapping[str, Any], origin: str, *, with_chat: bool) -> Iterator[Item]:
    outlet = text_of(chat.get("name"))
    chat_id = text_of(chat.get("id"))
    for position, message in enumerate(chat["messages"], 1):
        if not isinstance(message, Mapping) or message.get("type", "message") != "message":
            continue
        message_id = text_of(message.get("id")) or f"message-{position}"
        key = f"{chat_id}/{message_id}" if with_chat else message_id
        try:
            document = _message_document(message, f"{origin}#{key}", outlet, chat_id)
        except ReadError as failure:
            yield failure.to_error()
            continue
        except Exception as exc:  # one odd message costs that message, not the rest of the export
            reason = f"message {message_id} could not be read: {type(exc).__name__}: {exc}"
            yield ReadError(f"{origin}#{key}", reason).to_error()
            continue
        if document is not None:
            yield document


def _message_document(
    message: Mapping[str, Any], origin: str, outlet: str | None, chat_id: str | None
) -> RawDocument | None:
    text = normalize_newlines(flatten_text(message.get("text")))
    if not text.strip():
        text = normalize_newlines(flatten_text(message.get("text_entities")))
    if not text.strip():
        return None
    return RawDocument(
        origin=origin,
        text=text,
        format="telegram",
        outlet=outlet,
        author=_author(message, outlet),
        published=_published(message, origin),
        source_kind="telegram",
        forwarded_from=text_of(message.get("forwarded_from")),
        extra=_extra(message, chat_id),
    )


def _published(message: Mapping[str, Any], origin: str) -> str | None:
    """UTC time from ``date_unixtime`` when present: ``date`` is the exporting machine's local time."""
    stamp = text_of(message.get("date_unixtime"))
    if stamp and stamp.isdigit():
        when = date_of(int(stamp))
        if when is None:  # Telegram writes seconds; anything outside 1973..5138 is corrupt
            raise ReadError(origin, f"date_unixtime {stamp[:40]} is not a possible time")
        return when
    return text_of(message.get("date"))


def _author(message: Mapping[str, Any], chat_name: str | None) -> str | None:
    """A channel post's signature, or in a group the member who wrote the message."""
    signed = text_of(message.get("author"))
    sender = text_of(message.get("from"))
    return signed or (sender if sender != chat_name else None)


def flatten_text(value: Any) -> str:
    """Telegram's text: a string, or a list of strings and entity objects, joined."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "".join(
            part if isinstance(part, str) else str(part.get("text", ""))
            for part in value
            if isinstance(part, str | Mapping)
        )
    return ""


def _extra(message: Mapping[str, Any], chat_id: str | None) -> dict[str, str]:
    extra = {"message_id": str(message.get("id", ""))}
    if chat_id:
        extra["channel_id"] = chat_id
    for name in _EXTRA_FIELDS:
        value = extra_value(message.get(name))
        if value is not None:
            extra[name] = value
    links = _links(message.get("text"))
    if links:
        extra["links"] = "\n".join(links)
    return extra


def _links(value: Any) -> list[str]:
    """Addresses linked from the text (``link`` entities and ``text_link`` hrefs), in order."""
    if not isinstance(value, list):
        return []
    found: list[str] = []
    for part in value:
        if isinstance(part, Mapping) and part.get("type") in _LINK_TYPES:
            address = text_of(part.get("href")) or text_of(part.get("text"))
            if address and address not in found:
                found.append(address)
    return found
