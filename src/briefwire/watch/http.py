"""Asking servers politely: conditional GET, limits, one request at a time per host, robots.txt.

Every request to a host waits for the one before it and starts at least ``host_delay``
seconds after it, so many sources on one site never hammer it. robots.txt is read once per
host per ``robots_ttl`` and obeyed for our user agent; per RFC 9309 a robots.txt that is
missing (4xx) allows everything, and one that cannot be had (5xx, network trouble) allows
nothing for now.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from briefwire import __version__

MIB = 1024 * 1024
# Names the project so a site owner can tell who asks; `watch --user-agent` adds a contact.
USER_AGENT = f"briefwire/{__version__} (live watch; open-source news monitoring toolkit)"
ROBOTS_AGENT = "briefwire"
# Statuses where asking again later may work.
RETRYABLE = frozenset({408, 425, 429, 500, 502, 503, 504})


@dataclass(frozen=True)
class HttpOptions:
    """``timeout`` bounds each network step; ``deadline`` the whole download (a trickling server)."""

    timeout: float = 20.0
    deadline: float = 60.0
    max_bytes: int = 16 * MIB
    user_agent: str = USER_AGENT
    host_delay: float = 1.0
    robots: bool = True
    robots_ttl: float = 3600.0


@dataclass(frozen=True)
class Fetched:
    url: str
    status: int  # 200, or 304 when the validators matched
    body: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None


class FetchError(Exception):
    """A request that brought nothing; ``retry_after`` is the server's own wish, in seconds."""

    def __init__(
        self, url: str, reason: str, *, retryable: bool = True, retry_after: float | None = None
    ) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.retryable = retryable
        self.retry_after = retry_after


@dataclass
class _Host:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    robots_lock: asyncio.Lock = field(default_factory=asyncio.Lock)  # one robots.txt read at a time
    last: float = 0.0
    robots: RobotFileParser | None = None
    robots_until: float = 0.0


class Http:
    """One httpx client for the whole watch, with per-host gates and robots rules."""

    def __init__(self, options: HttpOptions | None = None) -> None:
        self.options = options or HttpOptions()
        self.client = httpx.AsyncClient(
            timeout=httpx.Timeout(self.options.timeout),
            follow_redirects=True,
            headers={"User-Agent": self.options.user_agent},
        )
        self._hosts: dict[str, _Host] = {}

    async def aclose(self) -> None:
        await self.client.aclose()

    async def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Fetched:
        """The body at ``url`` (status 304 and no body when the validators still hold)."""
        host = self._host(url)
        if self.options.robots:
            await self._check_robots(url, host)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        async with self._turn(host):
            return await self._download(url, headers)

    def _host(self, url: str) -> _Host:
        parts = urlsplit(url)
        return self._hosts.setdefault(f"{parts.scheme}://{parts.netloc}", _Host())

    @asynccontextmanager
    async def _turn(self, host: _Host) -> AsyncIterator[None]:
        """One request at a time per host, each ``host_delay`` after the previous one ended."""
        async with host.lock:
            wait = host.last + self.options.host_delay - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            try:
                yield
            finally:
                host.last = time.monotonic()

    async def _download(self, url: str, headers: dict[str, str]) -> Fetched:
        try:
            async with asyncio.timeout(self.options.deadline):
                return await self._stream(url, headers)
        except TimeoutError as exc:
            raise FetchError(url, f"download took longer than {self.options.deadline:g} s") from exc
        except httpx.TimeoutException as exc:
            raise FetchError(url, f"timed out ({type(exc).__name__})") from exc
        except httpx.HTTPError as exc:
            raise FetchError(url, f"network error: {type(exc).__name__}: {exc}") from exc

    async def _stream(self, url: str, headers: dict[str, str]) -> Fetched:
        async with self.client.stream("GET", url, headers=headers) as response:
            if response.status_code == 304:
                return Fetched(
                    url,
                    304,
                    etag=headers.get("If-None-Match"),
                    last_modified=headers.get("If-Modified-Since"),
                )
            if response.status_code >= 400:
                raise FetchError(
                    url,
                    f"HTTP {response.status_code} {response.reason_phrase}".strip(),
                    retryable=response.status_code in RETRYABLE,
                    retry_after=retry_after(response.headers.get("retry-after")),
                )
            body = await self._body(url, response)
            return Fetched(
                url,
                response.status_code,
                body,
                response.headers.get("content-type", ""),
                response.headers.get("etag"),
                response.headers.get("last-modified"),
            )

    async def _body(self, url: str, response: httpx.Response) -> bytes:
        """Read in chunks so an oversized body stops at the limit instead of filling memory."""
        limit = self.options.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(
                url, f"too large: declares {int(declared):,} bytes, limit {limit:,}", retryable=False
            )
        chunks, total = [], 0
        async for chunk in response.aiter_bytes():
            total += len(chunk)
            if total > limit:
                raise FetchError(url, f"too large: more than {limit:,} bytes", retryable=False)
            chunks.append(chunk)
        return b"".join(chunks)

    async def _check_robots(self, url: str, host: _Host) -> None:
        async with host.robots_lock:
            now = time.monotonic()
            if host.robots is None or now >= host.robots_until:
                parts = urlsplit(url)
                host.robots = await self._robots(f"{parts.scheme}://{parts.netloc}/robots.txt", host)
                host.robots_until = now + self.options.robots_ttl
        if not host.robots.can_fetch(ROBOTS_AGENT, url):
            raise FetchError(url, "robots.txt disallows it for briefwire", retryable=False)

    async def _robots(self, robots_url: str, host: _Host) -> RobotFileParser:
        rules = RobotFileParser(robots_url)
        try:
            async with self._turn(host):
                fetched = await self._download(robots_url, {})
        except FetchError as exc:
            if exc.reason.startswith("HTTP 4"):
                rules.parse([])  # no rules: everything allowed
                return rules
            raise FetchError(robots_url, f"robots.txt cannot be read ({exc.reason})") from exc
        rules.parse(fetched.body.decode("utf-8", errors="replace").splitlines())
        return rules


def retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds from a Retry-After header: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))
