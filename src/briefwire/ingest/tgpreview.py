"""Public Telegram channels through their web preview (``https://t.me/s/NAME``).

The preview page lists a channel's latest posts, oldest first, each in a
``div.tgme_widget_message`` whose ``data-post`` is ``NAME/ID``; inside it the text
(``.tgme_widget_message_text``, also a photo's or video's caption), the time
(``time[datetime]`` in the post's date link), the views (``.tgme_widget_message_views``, "1.2K"),
a forward's origin (``.tgme_widget_message_forwarded_from``), an edit mark ("edited" in
``.tgme_widget_message_meta``), a signature (``.tgme_widget_message_from_author``) and media
(photo, video, document, poll). A quoted reply (``.tgme_widget_message_reply``) is the other
post's text and is left out. Older posts are on ``?before=ID``, named by the page's
``a.tme_messages_more[data-before]`` link.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import lxml.html
from lxml.etree import ParserError, _Element

from briefwire.ingest.decode import decode_bytes
from briefwire.ingest.errors import ReadError
from briefwire.ingest.options import ReadOptions
from briefwire.ingest.registry import Item, Payload, register
from briefwire.models import RawDocument

_MEDIA = (
    ("tgme_widget_message_photo_wrap", "photo"),
    ("tgme_widget_message_video_player", "video"),
    ("tgme_widget_message_roundvideo_player", "video"),
    ("tgme_widget_message_document_wrap", "document"),
    ("tgme_widget_message_voice_player", "voice"),
    ("tgme_widget_message_poll", "poll"),
)
_VIEWS = re.compile(r"^\s*([\d.,]+)\s*([KMB]?)\s*$", re.I)
_SCALE = {"": 1, "K": 1_000, "M": 1_000_000, "B": 1_000_000_000}
_BLANKS = re.compile(r"\n{3,}")
_CHANNEL = re.compile(r"^[A-Za-z][A-Za-z0-9_]{3,63}$")


@dataclass(frozen=True)
class PreviewPost:
    channel: str
    post_id: int
    url: str
    text: str
    published: str | None
    views: int | None = None
    forwarded_from: str | None = None
    forwarded_url: str | None = None
    author: str | None = None
    edited: bool = False
    media: tuple[str, ...] = ()
    links: tuple[str, ...] = ()

    @property
    def version(self) -> str:
        """What changes when the post is edited: its text (views change all the time)."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class PreviewPage:
    channel: str
    title: str | None
    posts: tuple[PreviewPost, ...] = field(default_factory=tuple)
    #: the id for ``?before=`` that shows the posts older than these, or None on the first page
    before: int | None = None


def channel_name(value: str) -> str:
    """``NAME`` from ``NAME``, ``@NAME``, ``t.me/NAME`` or ``https://t.me/s/NAME``; ValueError otherwise."""
    name = re.sub(r"^(?:https?://)?(?:www\.)?(?:t\.me|telegram\.me)/(?:s/)?", "", value.strip()).lstrip("@")
    name = name.split("?", 1)[0].split("/", 1)[0]
    if not _CHANNEL.match(name):
        raise ValueError(f"{value!r} is not a public Telegram channel name (letters, digits, _; 4-64)")
    return name


def preview_url(base: str, channel: str, before: int | None = None) -> str:
    """The preview page's address; ``base`` is ``https://t.me`` (a test server in tests)."""
    url = f"{base.rstrip('/')}/s/{channel}"
    return f"{url}?before={before}" if before else url


def parse_preview(data: bytes, origin: str) -> PreviewPage:
    """The posts of one preview page; ReadError when it is no channel preview at all."""
    markup = decode_bytes(data, origin, hint="utf-8")
    try:
        root = lxml.html.document_fromstring(markup)
    except (ParserError, ValueError) as exc:
        raise ReadError(origin, f"malformed HTML: {exc}") from exc
    nodes = _with_class(root, "tgme_widget_message", tag="div")
    posts = [p for p in (_post(n) for n in nodes if n.get("data-post")) if p is not None]
    title_node = _first(root, "tgme_channel_info_header_title")
    if not nodes and title_node is None:
        raise ReadError(origin, "not a Telegram channel preview: no posts and no channel header")
    channel = posts[0].channel if posts else _channel_from_meta(root) or ""
    more = _first(root, "tme_messages_more")
    before = more.get("data-before") if more is not None else None
    return PreviewPage(
        channel=channel,
        title=_text(title_node),
        posts=tuple(sorted(posts, key=lambda p: p.post_id)),
        before=int(before) if before and before.isdigit() else None,
    )


def _post(node: _Element) -> PreviewPost | None:
    channel, _, number = str(node.get("data-post")).rpartition("/")
    if not number.isdigit() or "service_message" in (node.get("class") or ""):
        return None
    for reply in _with_class(node, "tgme_widget_message_reply"):
        reply.getparent().remove(reply)  # the quoted post, not this one
    body = _first(node, "tgme_widget_message_text")
    text = _post_text(body) if body is not None else ""
    media = tuple(kind for cls, kind in _MEDIA if _first(node, cls) is not None)
    title = _first(node, "tgme_widget_message_document_title")
    if not text and title is not None:
        text = _text(title) or ""
    date_link = _first(node, "tgme_widget_message_date")
    stamp = date_link.find(".//time") if date_link is not None else None
    forward = _first(node, "tgme_widget_message_forwarded_from_name")
    meta = _first(node, "tgme_widget_message_meta")
    return PreviewPost(
        channel=channel,
        post_id=int(number),
        url=(date_link.get("href") if date_link is not None else None) or f"https://t.me/{channel}/{number}",
        text=text,
        published=stamp.get("datetime") if stamp is not None else None,
        views=_views(_text(_first(node, "tgme_widget_message_views"))),
        forwarded_from=_text(forward),
        forwarded_url=forward.get("href") if forward is not None else None,
        author=_text(_first(node, "tgme_widget_message_from_author")),
        edited=meta is not None and "edited" in (meta.text_content() or "").lower(),
        media=media,
        links=_links(body),
    )


def _post_text(body: _Element) -> str:
    """The post's text with its line breaks: a blank line (two ``<br>``) separates paragraphs."""
    for br in body.iter("br"):
        br.tail = "\n" + (br.tail or "")
    lines = [" ".join(line.split()) for line in (body.text_content() or "").split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


def _views(value: str | None) -> int | None:
    match = _VIEWS.match(value or "")
    if not match:
        return None
    number = float(match.group(1).replace(",", ""))
    return round(number * _SCALE[match.group(2).upper()])


def _links(body: _Element | None) -> tuple[str, ...]:
    if body is None:
        return ()
    found = [str(a.get("href")) for a in body.iter("a") if a.get("href")]
    return tuple(dict.fromkeys(found))


def _channel_from_meta(root: _Element) -> str | None:
    for meta in root.iter("meta"):
        if meta.get("property") == "og:url" or meta.get("name") == "twitter:url":
            try:
                return channel_name(str(meta.get("content") or ""))
            except ValueError:
                return None
    return None


def _with_class(root: _Element, cls: str, tag: str = "*") -> list[_Element]:
    found: list[_Element] = root.xpath(
        f".//{tag}[contains(concat(' ', normalize-space(@class), ' '), ' {cls} ')]"
    )
    return found


def _first(root: _Element, cls: str) -> _Element | None:
    found = _with_class(root, cls)
    return found[0] if found else None


def _text(node: _Element | None) -> str | None:
    if node is None:
        return None
    text = " ".join((node.text_content() or "").split())
    return text or None


def post_document(post: PreviewPost, page: PreviewPage) -> RawDocument:
    """A post as a document: origin and url are the post's address."""
    extra = {"message_id": str(post.post_id), "channel": post.channel}
    if post.views is not None:
        extra["views"] = str(post.views)
    if post.edited:
        extra["edited"] = "true"
    if post.media:
        extra["media_type"] = ", ".join(post.media)
    if post.forwarded_url:
        extra["forwarded_url"] = post.forwarded_url
    if post.links:
        extra["links"] = "\n".join(post.links)
    return RawDocument(
        origin=f"https://t.me/{post.channel}/{post.post_id}",
        text=post.text,
        format="telegram",
        url=f"https://t.me/{post.channel}/{post.post_id}",
        outlet=page.title or post.channel,
        author=post.author,
        published=post.published,
        source_kind="telegram",
        forwarded_from=post.forwarded_from,
        extra=extra,
    )


@register("ingest.tgpreview.v1")
def read_preview(payload: Payload, options: ReadOptions) -> Iterator[Item]:
    """Every post with text on one preview page (a bare photo without caption has none)."""
    page = parse_preview(payload.data, payload.origin)
    for post in page.posts:
        if post.text.strip():
            yield post_document(post, page)
