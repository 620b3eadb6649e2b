"""Telegram channel preview pages (t.me/s/NAME) become posts with their dates, views and forwards."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefwire.ingest import ReadError, ReadOptions, get_reader
from briefwire.ingest.registry import Payload
from briefwire.ingest.tgpreview import PreviewPage, channel_name, parse_preview, post_document, preview_url
from briefwire.models import RawDocument
from tests.livesite import Channel, Post, at, preview

FIXTURE = Path(__file__).parent / "data" / "tgpreview" / "channel.html"


@pytest.fixture
def page() -> PreviewPage:
    return parse_preview(FIXTURE.read_bytes(), "https://t.me/s/uraldraftwatch")


def test_preview_reads_posts_in_id_order_with_channel_title(page: PreviewPage) -> None:
    assert page.channel == "uraldraftwatch"
    assert page.title == "Ural Draft Watch"
    # 403 is a service message ("Channel photo updated"), not a post.
    assert [p.post_id for p in page.posts] == [401, 402, 404, 405, 406]
    assert page.before == 401


def test_preview_keeps_paragraphs_dates_views_and_links(page: PreviewPage) -> None:
    first = page.posts[0]
    assert first.text == (
        "Summonses were left in letterboxes in three districts of Zlatoust overnight.\n\n"
        "Residents sent photos to the tip line."
    )
    assert first.published == "2024-03-04T06:15:00+00:00"
    assert first.views == 14_800
    assert first.links == ("https://example.org/tips",)
    assert [p.views for p in page.posts] == [14_800, 2_310, 1_100_000, 830, 5_000]


def test_preview_reads_forward_edit_signature_and_photo_caption(page: PreviewPage) -> None:
    post = page.posts[1]
    assert post.forwarded_from == "Miass Evening"
    assert post.forwarded_url == "https://t.me/miassnews/9981"
    assert post.edited is True
    assert post.author == "Irina K."
    assert post.media == ("photo",)
    assert post.text.startswith("A queue outside the enlistment office")
    assert not page.posts[0].edited


def test_preview_leaves_out_the_quoted_reply_and_unescapes_text(page: PreviewPage) -> None:
    reply = page.posts[2]
    assert (
        reply.text == 'Update: the district office says the notices <were> "for clarification of data" only.'
    )
    assert "letterboxes" not in reply.text


def test_preview_reader_skips_a_bare_photo_and_makes_telegram_documents() -> None:
    payload = Payload(FIXTURE.read_bytes(), "channel.html", "https://t.me/s/uraldraftwatch")
    reader = get_reader(ReadOptions().reader_name("telegram_preview"))
    docs = [d for d in reader(payload, ReadOptions()) if isinstance(d, RawDocument)]
    assert [d.origin for d in docs] == [f"https://t.me/uraldraftwatch/{n}" for n in (401, 402, 404, 406)]
    forwarded = docs[1]
    assert forwarded.source_kind == "telegram"
    assert forwarded.forwarded_from == "Miass Evening"
    assert forwarded.outlet == "Ural Draft Watch"
    assert forwarded.extra["views"] == "2310"
    assert forwarded.extra["edited"] == "true"
    assert forwarded.extra["media_type"] == "photo"


def test_preview_of_a_generated_channel_pages_back_with_before() -> None:
    channel = Channel("loopnews", "Loop News", [Post(i, f"post {i}", at(i)) for i in range(1, 46)])
    newest = parse_preview(preview(channel).encode(), "x")
    assert [p.post_id for p in newest.posts] == list(range(26, 46))
    older = parse_preview(preview(channel, before=newest.before).encode(), "x")
    assert [p.post_id for p in older.posts] == list(range(6, 26))
    oldest = parse_preview(preview(channel, before=older.before).encode(), "x")
    assert [p.post_id for p in oldest.posts] == list(range(1, 6))
    assert oldest.before is None


@pytest.mark.parametrize(
    "data", [b"<html><body><p>An ordinary page</p></body></html>", b"\x00\x01 not html at all <<<"]
)
def test_preview_rejects_a_page_that_is_no_channel_preview(data: bytes) -> None:
    with pytest.raises(ReadError, match=r"not a Telegram channel preview|malformed|binary"):
        parse_preview(data, "https://t.me/s/x")


@pytest.mark.parametrize(
    ("given", "name"),
    [
        ("uraldraftwatch", "uraldraftwatch"),
        ("@uraldraftwatch", "uraldraftwatch"),
        ("https://t.me/s/uraldraftwatch", "uraldraftwatch"),
        ("t.me/uraldraftwatch/401", "uraldraftwatch"),
    ],
)
def test_channel_names_are_read_from_any_usual_spelling(given: str, name: str) -> None:
    assert channel_name(given) == name


@pytest.mark.parametrize("given", ["", "ab", "has space", "https://example.org/feed"])
def test_channel_names_that_cannot_be_public_channels_are_refused(given: str) -> None:
    with pytest.raises(ValueError, match="not a public Telegram channel"):
        channel_name(given)


def test_post_document_and_preview_url_name_the_post() -> None:
    assert preview_url("https://t.me/", "loopnews", before=30) == "https://t.me/s/loopnews?before=30"
    page = parse_preview(FIXTURE.read_bytes(), "x")
    doc = post_document(page.posts[0], page)
    assert doc.url == doc.origin == "https://t.me/uraldraftwatch/401"
    assert doc.published == "2024-03-04T06:15:00+00:00"
