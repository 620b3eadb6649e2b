"""One poll of one source: what it offers now, as units the writer takes or skips.

A unit is what a source publishes as one thing (a feed entry, a Telegram post, a page, a
file) with a key that stays the same and a version that changes when its text does. The
writer takes the units whose version it has not taken yet, so a poll may offer everything it
sees: nothing is lost when a poll is cut short, and nothing is taken twice.
"""

from __future__ import annotations

import asyncio
import hashlib
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from briefwire.ingest.errors import ReadError
from briefwire.ingest.html import read_html
from briefwire.ingest.options import ReadOptions
from briefwire.ingest.registry import Item, Payload, get_reader
from briefwire.ingest.sources import Input, inputs, read_input
from briefwire.ingest.tgpreview import PreviewPage, parse_preview, post_document, preview_url
from briefwire.models import IngestError, RawDocument

from .http import Fetched, FetchError, Http
from .sources import Source, State

_BY_POSITION = re.compile(r"#entry-\d+$")


@dataclass(frozen=True)
class PollOptions:
    #: where channel previews are read (a loopback server in tests)
    telegram_base: str = "https://t.me"
    #: older preview pages (``?before=``) read on a channel's first poll
    backfill_pages: int = 0
    #: at most this many preview pages per poll when catching up after a gap
    max_pages: int = 10
    #: a file changed less than this many seconds ago may still be being written: next time
    settle: float = 1.0
    read: ReadOptions = field(default_factory=ReadOptions)


@dataclass(frozen=True)
class Unit:
    key: str
    version: str
    origin: str
    read: Callable[[], Sequence[Item]]
    #: a Telegram post id (the cursor is the highest taken), else 0
    order: int = 0


@dataclass(frozen=True)
class Offer:
    units: tuple[Unit, ...]
    status: int = 200
    etag: str | None = None
    last_modified: str | None = None
    #: some files were still being written: poll again after ``PollOptions.settle``
    unsettled: bool = False
    requests: int = 1


class PollError(Exception):
    def __init__(self, reason: str, *, retryable: bool = True, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retryable = retryable
        self.retry_after = retry_after


async def poll(http: Http, source: Source, state: State, options: PollOptions) -> Offer:
    """What ``source`` offers now; PollError when it cannot be asked or read."""
    try:
        if source.kind == "folder":
            return await asyncio.to_thread(_folder, source, options)
        if source.kind == "telegram":
            return await _telegram(http, source, state, options)
        fetched = await http.get(source.target, state.etag, state.last_modified)
    except FetchError as exc:
        raise PollError(exc.reason, retryable=exc.retryable, retry_after=exc.retry_after) from exc
    if fetched.status == 304:
        return Offer((), 304, fetched.etag, fetched.last_modified)
    parse = _feed if source.kind == "feed" else _page
    units = await asyncio.to_thread(parse, fetched, source, options)
    return Offer(units, fetched.status, fetched.etag, fetched.last_modified)


def version_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def finish(item: Item, source: Source) -> Item:
    """The source's settings on a document: its outlet and kind win, its language fills a gap."""
    if isinstance(item, IngestError):
        return item
    return replace(
        item,
        outlet=source.outlet or item.outlet,
        language=item.language or source.language,
        source_kind=source.source_kind if source.source_kind != "news" else item.source_kind,
        extra={**item.extra, "watch_source": source.name},
    )


def _ready(items: Sequence[Item]) -> Callable[[], Sequence[Item]]:
    return lambda: items


def _feed(fetched: Fetched, source: Source, options: PollOptions) -> tuple[Unit, ...]:
    payload = Payload(data=fetched.body, name="feed.xml", origin=source.target, url=source.target)
    reader = get_reader(options.read.reader_name("feed"))
    try:
        items = [finish(i, source) for i in reader(payload, options.read)]
    except ReadError as exc:
        raise PollError(exc.reason) from exc
    # Oldest first: of two copies, the one stored first counts as the original.
    items.sort(key=lambda i: (isinstance(i, RawDocument) and i.published) or "")
    return tuple(_entry_unit(i, source) for i in items)


def _entry_unit(item: Item, source: Source) -> Unit:
    if isinstance(item, IngestError):
        return Unit(item.origin, "error", item.origin, _ready([item]))
    version = version_of(item.text)
    # An entry with neither id nor link is named by its place in the feed, which shifts as
    # entries are added: its text is all that identifies it.
    key = f"{source.target}#text-{version}" if _BY_POSITION.search(item.origin) else item.origin
    return Unit(key, version, item.origin, _ready([item]))


def _page(fetched: Fetched, source: Source, options: PollOptions) -> tuple[Unit, ...]:
    try:
        doc = read_html(fetched.body, source.target, url=str(fetched.url))
    except ReadError as exc:
        raise PollError(exc.reason) from exc
    item = finish(doc, source)
    return (Unit(source.target, version_of(doc.text), source.target, _ready([item])),)


async def _telegram(http: Http, source: Source, state: State, options: PollOptions) -> Offer:
    base = options.telegram_base
    first = await http.get(preview_url(base, source.target), state.etag, state.last_modified)
    if first.status == 304:
        return Offer((), 304, first.etag, first.last_modified)
    pages = [_preview(first)]
    cursor = int(state.cursor) if state.cursor and state.cursor.isdigit() else None
    while len(pages) < options.max_pages and _wants_older(pages, cursor, state.added_at, options):
        before = pages[-1].before
        assert before is not None  # _wants_older checked it
        pages.append(_preview(await http.get(preview_url(base, source.target, before))))
    units = {}
    for page in pages:
        for post in page.posts:
            doc = post_document(post, page)
            origin = doc.origin
            items: list[Item] = (
                [finish(doc, source)]
                if post.text.strip()
                else []  # a bare photo: nothing to read, but taken so it is not asked for again
            )
            units[post.post_id] = Unit(origin, post.version, origin, _ready(items), order=post.post_id)
    ordered = tuple(units[k] for k in sorted(units))
    return Offer(ordered, first.status, first.etag, first.last_modified, requests=len(pages))


def _preview(fetched: Fetched) -> PreviewPage:
    try:
        return parse_preview(fetched.body, fetched.url)
    except ReadError as exc:
        raise FetchError(fetched.url, exc.reason) from exc


def _wants_older(
    pages: list[PreviewPage], cursor: int | None, since: str | None, options: PollOptions
) -> bool:
    """Read the next older page: to close a gap since the cursor; on a channel's first poll, to
    reach back to when it was added (and ``backfill_pages`` further)."""
    last = pages[-1]
    if last.before is None or not last.posts:
        return False
    if cursor is not None:
        return last.posts[0].post_id > cursor + 1
    return _newer(last.posts[0].published, since) or len(pages) <= options.backfill_pages


def _newer(published: str | None, since: str | None) -> bool:
    if not published or not since:
        return False
    try:
        return datetime.fromisoformat(published) > datetime.fromisoformat(since)
    except ValueError:
        return False


def _folder(source: Source, options: PollOptions) -> Offer:
    units, unsettled = [], False
    now = time.time()
    for target in inputs([source.target]):
        if isinstance(target, IngestError):
            if target.origin == source.target and "no readable input" in target.reason:
                continue  # an empty folder is fine: it is waiting for files
            raise PollError(target.reason)
        assert target.path is not None  # a folder walk yields files
        try:
            stat = target.path.stat()
        except OSError:
            continue  # removed between the walk and now
        if now - stat.st_mtime < options.settle:
            unsettled = True
            continue
        units.append(
            Unit(
                target.origin,
                f"{stat.st_mtime_ns}-{stat.st_size}",
                target.origin,
                _file_reader(target, source, options.read),
            )
        )
    return Offer(tuple(units), requests=0, unsettled=unsettled)


def _file_reader(target: Input, source: Source, read: ReadOptions) -> Callable[[], Sequence[Item]]:
    def load() -> Sequence[Item]:
        return [finish(i, source) for i in read_input(target, read)]

    return load
