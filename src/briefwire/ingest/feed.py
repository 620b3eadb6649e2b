"""RSS and Atom feeds through feedparser: each entry with a summary or content is a document.

HTML in entries becomes text with :func:`html_to_text` (block elements become lines). The
feed's title is the outlet; an entry's date is made ISO (UTC) when feedparser parsed it.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator, Mapping
from typing import Any

import feedparser

from briefwire.ingest.decode import decode_bytes
from briefwire.ingest.errors import ReadError
from briefwire.ingest.html import declared_charset
from briefwire.ingest.htmltext import html_to_text
from briefwire.ingest.meta import normalize_newlines, text_of
from briefwire.ingest.options import ReadOptions
from briefwire.ingest.registry import Item, Payload, register
from briefwire.models import RawDocument

# Character classes that cannot overlap, so a long "@@@@" or "((((" author is read once.
_EMAIL_AND_NAME = re.compile(r"^[^\s@()]+@[^\s()]+\s*\(([^()]+)\)$")


@register("ingest.feed.v1")
def read_feed(payload: Payload, options: ReadOptions) -> Iterator[Item]:
    # Bytes, never a str: given a string, feedparser would treat it as a URL to fetch.
    parsed = feedparser.parse(_utf8_unless_declared(payload))
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            problem = parsed.get("bozo_exception")
            raise ReadError(payload.origin, f"malformed feed: {problem}")
        if not parsed.get("version"):
            raise ReadError(payload.origin, "not an RSS or Atom feed")
        return  # a valid feed with no entries: the dispatcher reports "no documents"
    feed = parsed.get("feed") or {}
    produced = 0
    for position, entry in enumerate(entries, 1):
        try:
            document = _entry_document(entry, feed, payload, position, parsed.get("version"))
        except Exception as exc:  # one odd entry costs that entry, not the rest of the feed
            reason = f"entry could not be read: {type(exc).__name__}: {exc}"
            yield ReadError(f"{payload.origin}#entry-{position}", reason).to_error()
            continue
        if document is not None:
            produced += 1
            yield document
    if parsed.get("bozo"):
        # feedparser keeps what it read before the markup broke (a download cut short): those
        # entries are kept, and the damage is reported so nobody takes the feed for whole.
        yield ReadError(payload.origin, _damage(parsed, len(entries))).to_error()
    if not produced:
        raise ReadError(payload.origin, f"none of the feed's {len(entries)} entries has a summary or content")


def _damage(parsed: Mapping[str, Any], n_entries: int) -> str:
    problem = parsed.get("bozo_exception")
    line = getattr(problem, "getLineNumber", lambda: None)()
    where = f" at line {line}" if line else ""
    entries = f"{n_entries} entr{'y' if n_entries == 1 else 'ies'}"
    return (
        f"feed is not well-formed{where} ({str(problem)[:200]}): it may be cut short; "
        f"{entries} could be read before that, and those with text were kept"
    )


def _utf8_unless_declared(payload: Payload) -> bytes:
    """The feed's bytes; undeclared legacy encodings (a cp1251 file) re-encoded as UTF-8.

    feedparser honours an XML encoding declaration but reads undeclared non-UTF-8 bytes as
    windows-1252, which garbles Cyrillic; :func:`decode_bytes` detects it instead.
    """
    data = payload.data
    if declared_charset(data) is not None:
        return data
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return decode_bytes(data, payload.origin).encode("utf-8")
    return data


def _entry_document(
    entry: Mapping[str, Any],
    feed: Mapping[str, Any],
    payload: Payload,
    position: int,
    version: str | None,
) -> RawDocument | None:
    text = _entry_text(entry)
    if not text:
        return None
    key = text_of(entry.get("id")) or text_of(entry.get("link")) or f"entry-{position}"
    extra = {"feed_version": version or "unknown"}
    if payload.url:
        extra["feed_url"] = payload.url
    tags = [text_of(t.get("term")) for t in entry.get("tags") or [] if isinstance(t, Mapping)]
    if any(tags):
        extra["tags"] = ", ".join(t for t in tags if t)
    return RawDocument(
        origin=f"{payload.origin}#{key}",
        text=text,
        format="feed",
        url=text_of(entry.get("link")),
        outlet=text_of(feed.get("title")),
        title=text_of(entry.get("title")),
        author=_entry_author(entry),
        published=_entry_date(entry),
        language=text_of(feed.get("language")),
        extra=extra,
    )


def _entry_text(entry: Mapping[str, Any]) -> str:
    """The longest of the entry's contents, else its summary, as plain text."""
    candidates: list[tuple[str, str]] = [
        (str(c.get("value") or ""), str(c.get("type") or ""))
        for c in entry.get("content") or []
        if isinstance(c, Mapping)
    ]
    detail = entry.get("summary_detail") or {}
    candidates.append((str(entry.get("summary") or ""), str(detail.get("type") or "text/html")))
    for value, kind in sorted(candidates, key=lambda c: len(c[0]), reverse=True):
        text = html_to_text(value) if "html" in kind else normalize_newlines(value).strip()
        if text:
            return text
    return ""


def _entry_author(entry: Mapping[str, Any]) -> str | None:
    """The author's name: "City Desk" from RSS's "desk@example.org (City Desk)".

    feedparser's own split of that form (``author_detail``) can cut the name wrongly.
    """
    author = text_of(entry.get("author"))
    match = _EMAIL_AND_NAME.match(author or "")
    return match.group(1).strip() if match else author


def _entry_date(entry: Mapping[str, Any]) -> str | None:
    for key in ("published", "updated", "created"):
        parsed = entry.get(f"{key}_parsed")
        if isinstance(parsed, time.struct_time):
            return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", parsed)
        raw = text_of(entry.get(key))
        if raw:
            return raw
    return None
