"""What the loopback test server publishes: RSS feeds and Telegram channel previews that change.

The preview markup follows the structure of t.me/s/NAME pages (class names, data-post,
time[datetime], the "load more" link with data-before), written here from scratch with our
own text.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

PAGE_SIZE = 20
T0 = datetime(2024, 3, 1, 8, 0, tzinfo=UTC)


@dataclass
class Entry:
    guid: str
    title: str
    text: str
    published: datetime
    link: str = ""


@dataclass
class Post:
    post_id: int
    text: str
    published: datetime
    views: str = "1.2K"
    forwarded_from: tuple[str, str] | None = None  # (title, url)
    reply_to: str | None = None  # quoted text of the replied-to post
    edited: bool = False
    photo: bool = False
    author: str | None = None
    service: bool = False


@dataclass
class Channel:
    name: str
    title: str
    posts: list[Post] = field(default_factory=list)


def story(n: int, place: str = "Kurgan") -> str:
    """A short report the extractor can find a claim in; ``n`` makes each one distinct."""
    return (
        f"Draft notices were served to {n + 3} men at a bus depot in {place} on Monday, "
        f"the regional administration said in report number {n}.\n\n"
        f"Relatives said the men were told to report to the enlistment office within {n % 5 + 1} days."
    )


def rss(title: str, entries: list[Entry]) -> str:
    items = "".join(
        f"<item><title>{html.escape(e.title)}</title><link>{html.escape(e.link)}</link>"
        f'<guid isPermaLink="false">{html.escape(e.guid)}</guid>'
        f"<pubDate>{format_datetime(e.published)}</pubDate>"
        f"<description>{html.escape(e.text.replace(chr(10) * 2, '<br/><br/>'))}</description></item>"
        for e in reversed(entries)  # feeds list the newest first
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        f"<title>{html.escape(title)}</title><link>http://127.0.0.1/</link><language>en</language>"
        f"{items}</channel></rss>"
    )


def preview(channel: Channel, before: int | None = None) -> str:
    """The preview page: the PAGE_SIZE newest posts older than ``before``, oldest first."""
    posts = [p for p in channel.posts if before is None or p.post_id < before]
    shown = sorted(posts, key=lambda p: p.post_id)[-PAGE_SIZE:]
    more = ""
    if shown and len(posts) > len(shown):
        first = shown[0].post_id
        more = (
            '<div class="tgme_widget_message_centered js-messages_more_wrap">'
            f'<a href="/s/{channel.name}?before={first}" data-before="{first}" '
            'class="tme_messages_more js-messages_more"></a></div>'
        )
    title = html.escape(channel.title)
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
        f"<title>{title} – Telegram</title>"
        f'<meta property="og:title" content="{title}">'
        '<script>var a = "<div class=\\"tgme_widget_message\\">";</script></head>'
        '<body class="widget_frame_base tgme_webpage"><header class="tgme_header"></header>'
        '<main class="tgme_main"><div class="tgme_channel_info">'
        f'<div class="tgme_channel_info_header"><div class="tgme_channel_info_header_title"><span dir="auto">'
        f"{title}</span></div>"
        f'<div class="tgme_channel_info_header_username"><a href="https://t.me/{channel.name}">@{channel.name}</a>'
        "</div></div></div>"
        f'<section class="tgme_channel_history js-message_history">{more}'
        + "".join(_post(channel, p) for p in shown)
        + "</section></main></body></html>"
    )


def _post(channel: Channel, post: Post) -> str:
    ref = f"{channel.name}/{post.post_id}"
    url = f"https://t.me/{ref}"
    if post.service:
        return (
            f'<div class="tgme_widget_message_wrap"><div class="tgme_widget_message service_message" '
            f'data-post="{ref}"><div class="tgme_widget_message_text">Channel photo updated</div></div></div>'
        )
    parts = [
        '<div class="tgme_widget_message_wrap js-widget_message_wrap">',
        f'<div class="tgme_widget_message text_not_supported_wrap js-widget_message" data-post="{ref}">',
        '<div class="tgme_widget_message_bubble">',
        '<div class="tgme_widget_message_author accent_color"><a class="tgme_widget_message_owner_name" '
        f'href="https://t.me/{channel.name}"><span dir="auto">{html.escape(channel.title)}</span></a></div>',
    ]
    if post.forwarded_from:
        name, link = post.forwarded_from
        parts.append(
            '<div class="tgme_widget_message_forwarded_from accent_color">Forwarded from '
            f'<a class="tgme_widget_message_forwarded_from_name" href="{html.escape(link)}">'
            f'<span dir="auto">{html.escape(name)}</span></a></div>'
        )
    if post.reply_to:
        parts.append(
            f'<a class="tgme_widget_message_reply" href="{url}"><div class="tgme_widget_message_text '
            f'js-message_reply_text" dir="auto">{html.escape(post.reply_to)}</div></a>'
        )
    if post.photo:
        parts.append(
            f'<a class="tgme_widget_message_photo_wrap blured" href="{url}" '
            "style=\"width:800px;background-image:url('/img/x.jpg')\">"
            '<div class="tgme_widget_message_photo" style="padding-top:56%"></div></a>'
        )
    if post.text:
        body = "<br/>".join(html.escape(line) for line in post.text.split("\n"))
        parts.append(f'<div class="tgme_widget_message_text js-message_text" dir="auto">{body}</div>')
    author = (
        f'<span class="tgme_widget_message_from_author" dir="auto">{html.escape(post.author)}</span>&nbsp;'
        if post.author
        else ""
    )
    parts.append(
        '<div class="tgme_widget_message_footer compact js-message_footer">'
        '<div class="tgme_widget_message_info short js-message_info">'
        f'<span class="tgme_widget_message_views">{post.views}</span>{author}'
        f'<span class="tgme_widget_message_meta">{"edited " if post.edited else ""}'
        f'<a class="tgme_widget_message_date" href="{url}"><time datetime="{post.published.isoformat()}" '
        f'class="time">{post.published:%H:%M}</time></a></span></div></div>'
    )
    parts.append("</div></div></div>")
    return "".join(parts)


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)
