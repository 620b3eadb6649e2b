"""`watch` against a loopback server that publishes, fails and repeats itself while it runs."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from briefwire.ingest import Item
from briefwire.pipeline import Pipeline
from briefwire.store import Store
from briefwire.watch import make_source
from tests.liveserver import Site, serve
from tests.livesite import Entry, Post, at, story
from tests.watchrun import n_documents, once, options, origins, wait_for, watching


@pytest.fixture
def site() -> Iterator[tuple[str, Site]]:
    with serve() as (base, s):
        yield base, s


def add(db: Path, kind: str, target: str, name: str, interval: float = 0.3) -> None:
    with Store(db) as store:
        store.add_watch_source(make_source(kind, target, name=name, interval=interval).fields())


def source_row(db: Path, name: str) -> dict[str, object]:
    with Store(db) as store:
        row = store.watch_source(name)
    assert row is not None
    return row


def test_watch_takes_entries_and_posts_as_they_are_published(tmp_path: Path, site: tuple[str, Site]) -> None:
    base, s = site
    db = tmp_path / "live.db"
    s.publish("/feed.xml", Entry("e1", "First", story(1), at(1)))
    s.post("loopnews", Post(1, story(101, "Miass"), at(1)), "Loop News")
    add(db, "feed", f"{base}/feed.xml", "feed")
    add(db, "telegram", "loopnews", "tg")
    with watching(db, options(base)) as run:
        wait_for(lambda: n_documents(db) == 2, what="the first two items")
        s.publish("/feed.xml", Entry("e2", "Second", story(2), at(2)))
        s.post("loopnews", Post(2, story(102, "Miass"), at(2)))
        wait_for(lambda: n_documents(db) == 4, what="the next two items")
        wait_for(lambda: any(r.status == "not-modified" for r in run.of("feed")), what="a 304")
    assert origins(db) == {
        f"{base}/feed.xml#e1",
        f"{base}/feed.xml#e2",
        "https://t.me/loopnews/1",
        "https://t.me/loopnews/2",
    }
    assert sum(r.new for r in run.records) == 4
    tg = source_row(db, "tg")
    assert tg["cursor"] == "2" and tg["items_taken"] == 2 and tg["failures"] == 0


def test_watch_pauses_a_source_that_keeps_failing_and_the_others_go_on(
    tmp_path: Path, site: tuple[str, Site]
) -> None:
    base, s = site
    db = tmp_path / "live.db"
    s.publish("/bad.xml", Entry("b1", "Bad", story(5), at(1)))
    s.publish("/good.xml", Entry("g1", "Good", story(6), at(1)))
    s.fault("/bad.xml", *["500"] * 10)
    add(db, "feed", f"{base}/bad.xml", "bad", interval=0.1)
    add(db, "feed", f"{base}/good.xml", "good", interval=0.1)
    with watching(db, options(base)) as run:
        wait_for(lambda: bool(source_row(db, "bad")["paused"]), what="the failing source paused")
        s.publish("/good.xml", Entry("g2", "Good again", story(7), at(2)))
        wait_for(lambda: n_documents(db) == 2, what="the good source's second entry")
    bad = source_row(db, "bad")
    assert bad["failures"] == 3
    assert "3 failures in a row" in str(bad["paused_reason"]) and "HTTP 500" in str(bad["paused_reason"])
    assert [r.status for r in run.of("bad")] == ["error", "error", "paused"]
    assert origins(db) == {f"{base}/good.xml#g1", f"{base}/good.xml#g2"}


def test_watch_waits_as_long_as_retry_after_asks(tmp_path: Path, site: tuple[str, Site]) -> None:
    base, s = site
    db = tmp_path / "live.db"
    s.publish("/feed.xml", Entry("e1", "First", story(1), at(1)))
    s.fault("/feed.xml", "429:120")
    add(db, "feed", f"{base}/feed.xml", "feed", interval=1)
    run = once(db, options(base))
    [record] = run.records
    assert record.status == "error" and record.next_in_s >= 120
    row = source_row(db, "feed")
    assert row["last_error"] == "HTTP 429 Too Many Requests"
    # Not due yet: a cron run a minute later leaves it alone.
    assert once(db, options(base)).records == []


@pytest.mark.parametrize("fault", ["malformed", "slow", "oversize:64"])
def test_watch_recovers_when_a_broken_answer_is_followed_by_a_good_one(
    tmp_path: Path, site: tuple[str, Site], fault: str
) -> None:
    base, s = site
    db = tmp_path / "live.db"
    s.publish("/feed.xml", Entry("e1", "First", story(1), at(1)))
    s.fault("/feed.xml", fault)
    add(db, "feed", f"{base}/feed.xml", "feed", interval=0.1)
    with watching(db, options(base)) as run:
        wait_for(lambda: n_documents(db) == 1, what="the entry after the fault")
    statuses = [r.status for r in run.of("feed")]
    assert statuses[:2] == ["error", "ok"]
    assert run.of("feed")[0].reason
    assert source_row(db, "feed")["failures"] == 0


def test_watch_pages_back_through_a_channel_to_close_a_gap(tmp_path: Path, site: tuple[str, Site]) -> None:
    base, s = site
    db = tmp_path / "live.db"
    s.post("loopnews", Post(1, story(1), at(1)), "Loop News")
    add(db, "telegram", "loopnews", "tg", interval=1)
    once(db, options(base))
    for n in range(2, 50):  # 48 posts while the watcher was away: more than two preview pages
        s.post("loopnews", Post(n, story(n), at(n)))
    with Store(db) as store:
        store.save_watch_state("tg", {"next_due": 0})
    run = once(db, options(base))
    assert run.records[0].new == 48 and run.records[0].requests == 3
    assert {f"https://t.me/loopnews/{n}" for n in range(1, 50)} == origins(db)
    assert source_row(db, "tg")["cursor"] == "49"


def test_watch_takes_an_edited_post_again_and_skips_unchanged_ones(
    tmp_path: Path, site: tuple[str, Site]
) -> None:
    base, s = site
    db = tmp_path / "live.db"
    s.post("loopnews", Post(1, story(1), at(1)), "Loop News")
    s.post("loopnews", Post(2, story(2), at(2)))
    add(db, "telegram", "loopnews", "tg", interval=1)
    once(db, options(base))
    with s.lock:
        s.channels["loopnews"].posts[0] = replace(
            s.channels["loopnews"].posts[0],
            text=story(1) + "\n\nUpdated: the men were sent home.",
            edited=True,
        )
        s.channels["loopnews"].posts[1].views = "9.9K"  # views change all the time: not an edit
    with Store(db) as store:
        store.save_watch_state("tg", {"next_due": 0})
    run = once(db, options(base))
    assert run.records[0].new == 1
    with Store(db) as store:
        docs = [d for d in store.documents() if d["origin"] == "https://t.me/loopnews/1"]
    assert len(docs) == 2  # both versions kept, side by side
    assert n_documents(db) == 3


def test_watch_stores_one_story_carried_by_two_sources_once(tmp_path: Path, site: tuple[str, Site]) -> None:
    base, s = site
    db = tmp_path / "live.db"
    s.publish("/feed.xml", Entry("wire-1", "Notices in Kurgan", story(42), at(1)))
    s.post("loopnews", Post(7, story(42), at(2)), "Loop News")
    s.publish(
        "/other.xml", Entry("x-1", "Notices", story(42) + "\n\nOur correspondent adds nothing new.", at(3))
    )
    add(db, "feed", f"{base}/feed.xml", "wire")
    add(db, "telegram", "loopnews", "tg")
    add(db, "feed", f"{base}/other.xml", "other")
    once(db, options(base))
    with Store(db) as store:
        docs = store.documents()
        copies = store.conn.execute(
            "SELECT doc_id, COUNT(*) FROM document_origins GROUP BY doc_id"
        ).fetchall()
    assert len(docs) == 2  # the exact copy is one document seen at two origins
    assert sorted(n for _, n in copies) == [1, 2]
    assert sum(1 for d in docs if d["duplicate_of"]) == 1  # the longer version is a near-duplicate


def test_watch_takes_new_and_changed_files_in_a_folder_at_once(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(story(1), encoding="utf-8")
    db = tmp_path / "live.db"
    add(db, "folder", str(inbox), "inbox", interval=3600)  # only watchfiles can make it due again
    with watching(db, options("http://127.0.0.1:9")) as run:
        wait_for(lambda: n_documents(db) == 1, what="the first file")
        (inbox / "b.txt").write_text(story(2), encoding="utf-8")
        wait_for(lambda: n_documents(db) == 2, what="a new file")
        (inbox / "a.txt").write_text(story(3), encoding="utf-8")
        wait_for(lambda: n_documents(db) == 3, what="a changed file")
    assert sum(r.new for r in run.records) == 3
    assert source_row(db, "inbox")["items_taken"] == 3


def test_watch_logs_a_take_that_fails_and_goes_on_with_the_other_sources(
    tmp_path: Path, site: tuple[str, Site], monkeypatch: pytest.MonkeyPatch
) -> None:
    base, s = site
    db = tmp_path / "live.db"
    s.publish("/bad.xml", Entry("b1", "Bad", story(5), at(1)))
    s.publish("/good.xml", Entry("g1", "Good", story(6), at(1)))
    add(db, "feed", f"{base}/bad.xml", "bad")
    add(db, "feed", f"{base}/good.xml", "good")
    real = Pipeline.ingest_items

    def broken_for_bad(self: Pipeline, items: Iterable[Item], progress: object = None) -> object:
        items = list(items)
        if any("/bad.xml" in i.origin for i in items):
            raise OSError("disk full")
        return real(self, items)

    monkeypatch.setattr(Pipeline, "ingest_items", broken_for_bad)
    run = once(db, options(base))
    bad = run.of("bad")[0]
    assert bad.status == "error" and bad.reason == "taking new items failed: OSError: disk full"
    assert run.of("good")[0].new == 1
    assert origins(db) == {f"{base}/good.xml#g1"}
    assert source_row(db, "bad")["failures"] == 1


def test_watch_takes_a_page_again_only_when_its_text_changes(tmp_path: Path, site: tuple[str, Site]) -> None:
    base, s = site
    db = tmp_path / "live.db"

    def page(text: str) -> str:
        paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
        head = "<html><head><title>Press office</title></head>"
        return f"{head}<body><article>{paragraphs}</article></body></html>"

    s.pages["/press"] = page(story(1))
    add(db, "page", f"{base}/press", "press", interval=1)
    assert once(db, options(base)).records[0].new == 1
    for text, new in ((story(1), 0), (story(2), 1)):
        s.pages["/press"] = page(text) + ("<!-- rendered again -->" if not new else "")
        with Store(db) as store:
            store.save_watch_state("press", {"next_due": 0})
        assert once(db, options(base)).records[0].new == new
    assert n_documents(db) == 2


def test_watch_reports_a_broken_channel_page_and_takes_the_posts_next_time(
    tmp_path: Path, site: tuple[str, Site]
) -> None:
    base, s = site
    db = tmp_path / "live.db"
    s.post("loopnews", Post(1, story(1), at(1)), "Loop News")
    s.fault("/s/loopnews", "malformed")
    add(db, "telegram", "loopnews", "tg", interval=0.1)
    with watching(db, options(base)) as run:
        wait_for(lambda: n_documents(db) == 1, what="the post after the broken page")
    first = run.of("tg")[0]
    assert first.status == "error" and first.reason and "not a Telegram channel preview" in first.reason


def test_watch_knows_feed_entries_without_id_or_link_by_their_text(
    tmp_path: Path, site: tuple[str, Site]
) -> None:
    base, s = site
    db = tmp_path / "live.db"
    s.publish("/bare.xml", Entry("", "First", story(1), at(1)))
    add(db, "feed", f"{base}/bare.xml", "bare", interval=1)
    assert once(db, options(base)).records[0].new == 1
    s.publish("/bare.xml", Entry("", "Second", story(2), at(2)))  # now first in the feed: positions shift
    with Store(db) as store:
        store.save_watch_state("bare", {"next_due": 0})
    record = once(db, options(base)).records[0]
    assert (record.new, record.duplicates) == (1, 0)
    assert source_row(db, "bare")["items_taken"] == 2
