"""Asking a real loopback server: conditional GET, limits, robots.txt, politeness, backoff."""

from __future__ import annotations

import asyncio
import itertools
import random
import time
from collections.abc import Iterator

import pytest

from briefwire.watch import USER_AGENT, BackoffOptions, FetchError, Http, HttpOptions, next_wait
from briefwire.watch.http import Fetched, retry_after
from tests.liveserver import Site, serve
from tests.livesite import Entry, at, story

FAST = HttpOptions(host_delay=0.0, timeout=2.0, deadline=1.5, max_bytes=256 * 1024)


@pytest.fixture
def site() -> Iterator[tuple[str, Site]]:
    with serve() as (base, s):
        s.publish("/feed.xml", Entry("g1", "One", story(1), at(1)))
        yield base, s


def get(url: str, options: HttpOptions = FAST, **validators: str | None) -> Fetched:
    async def run() -> Fetched:
        http = Http(options)
        try:
            return await http.get(url, **validators)
        finally:
            await http.aclose()

    return asyncio.run(run())


def test_http_sends_the_project_user_agent_and_answers_304_to_matching_validators(
    site: tuple[str, Site],
) -> None:
    base, s = site
    first = get(f"{base}/feed.xml")
    assert first.status == 200 and first.etag
    again = get(f"{base}/feed.xml", etag=first.etag)
    assert again.status == 304 and again.body == b""
    hits = s.hits("/feed.xml")
    assert hits[1].headers["If-None-Match"] == first.etag
    assert all(h.headers["User-Agent"] == USER_AGENT for h in hits)
    assert "briefwire" in USER_AGENT


@pytest.mark.parametrize(
    ("fault", "reason", "retryable"),
    [
        ("500", "HTTP 500", True),
        ("429:7", "HTTP 429", True),
        ("slow", "longer than 1.5 s", True),
        ("oversize:64", "too large: more than", False),
        ("huge", "too large: declares", False),
    ],
)
def test_http_failures_say_why_and_whether_a_retry_can_help(
    site: tuple[str, Site], fault: str, reason: str, retryable: bool
) -> None:
    base, s = site
    s.fault("/feed.xml", fault)
    started = time.monotonic()
    with pytest.raises(FetchError) as caught:
        get(f"{base}/feed.xml")
    assert reason in caught.value.reason
    assert caught.value.retryable is retryable
    assert time.monotonic() - started < 5
    if fault.startswith("429"):
        assert caught.value.retry_after == 7.0
    assert get(f"{base}/feed.xml").status == 200  # the fault was one-off


def test_http_obeys_robots_txt_for_briefwire(site: tuple[str, Site]) -> None:
    base, s = site
    s.robots = "User-agent: briefwire\nDisallow: /feed.xml\n\nUser-agent: *\nAllow: /\n"
    with pytest.raises(FetchError, match=r"robots\.txt disallows") as caught:
        get(f"{base}/feed.xml")
    assert caught.value.retryable is False
    assert s.hits("/feed.xml") == []


def test_http_treats_a_missing_robots_txt_as_allow_and_an_erroring_one_as_not_yet(
    site: tuple[str, Site],
) -> None:
    base, s = site
    s.fault("/robots.txt", "500")
    with pytest.raises(FetchError, match=r"robots\.txt cannot be read"):
        get(f"{base}/feed.xml")
    s.robots = None  # 404
    assert get(f"{base}/feed.xml").status == 200


def test_http_asks_one_host_one_request_at_a_time_with_a_gap(site: tuple[str, Site]) -> None:
    base, s = site
    options = HttpOptions(host_delay=0.3, timeout=2.0, robots=False)

    async def run() -> None:
        http = Http(options)
        try:
            await asyncio.gather(*(http.get(f"{base}/feed.xml") for _ in range(4)))
        finally:
            await http.aclose()

    asyncio.run(run())
    times = [h.at for h in s.hits("/feed.xml")]
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert len(times) == 4 and min(gaps) >= 0.28


def test_retry_after_reads_seconds_and_http_dates() -> None:
    assert retry_after("120") == 120.0
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412480.0 - 60) == 60.0
    assert retry_after("soon") is None


def test_backoff_grows_with_jitter_within_bounds_and_honours_retry_after() -> None:
    rng = random.Random(7)
    options = BackoffOptions(cap=600)
    assert next_wait(30, 0, None, options, rng) == 30
    for failures in range(1, 8):
        waits = [next_wait(30, failures, None, options, rng) for _ in range(50)]
        assert min(waits) >= 30
        assert max(waits) <= min(600, 30 * 2**failures)
        assert len(set(waits)) > 40  # jittered, not in lockstep
    assert next_wait(30, 1, 500.0, options, rng) >= 500.0
