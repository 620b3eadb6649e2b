"""A real HTTP server on 127.0.0.1 whose feeds and channel previews change while a test runs.

Faults are queued per path and served once each, in order: ``429`` (with Retry-After),
``500``, ``slow`` (a body trickled for longer than any test's deadline), ``oversize`` (more
bytes than the limit, no Content-Length), ``huge`` (a declared Content-Length over the limit),
``malformed`` (broken markup). Conditional requests get 304 while the body is unchanged.
Every request is recorded (path, headers, time) for the tests to look at.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from tests.livesite import Channel, Entry, Post, preview, rss

SLOW_SECONDS = 30.0  # bounded: a trickle ends by itself even if no client hangs up


@dataclass(frozen=True)
class Request:
    path: str
    headers: dict[str, str]
    at: float


@dataclass
class Site:
    """The published state; tests change it while the watcher runs (under ``lock``)."""

    feeds: dict[str, tuple[str, list[Entry]]] = field(default_factory=dict)
    channels: dict[str, Channel] = field(default_factory=dict)
    pages: dict[str, str] = field(default_factory=dict)
    robots: str | None = "User-agent: *\nAllow: /\n"  # None: 404
    faults: dict[str, deque[str]] = field(default_factory=dict)
    requests: list[Request] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    stopping: threading.Event = field(default_factory=threading.Event)

    def publish(self, path: str, entry: Entry, title: str = "Loopback Ledger") -> None:
        with self.lock:
            self.feeds.setdefault(path, (title, []))[1].append(entry)

    def post(self, channel: str, post: Post, title: str | None = None) -> None:
        with self.lock:
            self.channels.setdefault(channel, Channel(channel, title or channel)).posts.append(post)

    def fault(self, path: str, *kinds: str) -> None:
        with self.lock:
            self.faults.setdefault(path, deque()).extend(kinds)

    def hits(self, path: str) -> list[Request]:
        with self.lock:
            return [r for r in self.requests if urlsplit(r.path).path == path]

    def body(self, path: str, query: dict[str, list[str]]) -> tuple[str, str] | None:
        """(content type, body) now published at ``path``, or None."""
        with self.lock:
            if path == "/robots.txt":
                return None if self.robots is None else ("text/plain", self.robots)
            if path in self.feeds:
                title, entries = self.feeds[path]
                return "application/rss+xml", rss(title, list(entries))
            if path.startswith("/s/") and path[3:] in self.channels:
                before = query.get("before", [""])[0]
                return "text/html; charset=utf-8", preview(
                    self.channels[path[3:]], int(before) if before.isdigit() else None
                )
            if path in self.pages:
                return "text/html; charset=utf-8", self.pages[path]
        return None

    def next_fault(self, path: str) -> str | None:
        with self.lock:
            queue = self.faults.get(path)
            return queue.popleft() if queue else None


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet: the site records requests itself

    def do_GET(self) -> None:
        site = self.server.site
        parts = urlsplit(self.path)
        with site.lock:
            site.requests.append(Request(self.path, dict(self.headers.items()), time.monotonic()))
        fault = site.next_fault(parts.path)
        if fault is not None:
            self._fault(fault)
            return
        found = site.body(parts.path, parse_qs(parts.query))
        if found is None:
            self._send(404, b"not here", "text/plain")
            return
        kind, text = found
        data = text.encode("utf-8")
        etag = '"' + hashlib.sha256(data).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self._send(200, data, kind, {"ETag": etag})

    def _send(self, status: int, data: bytes, kind: str, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def _fault(self, fault: str) -> None:
        kind, _, arg = fault.partition(":")
        if kind == "429":
            self._send(429, b"slow down", "text/plain", {"Retry-After": arg or "1"})
        elif kind == "500":
            self._send(500, b"broken", "text/plain")
        elif kind == "malformed":
            self._send(200, b"<rss><channel><item><title>cut off <<< &&", "application/rss+xml")
        elif kind == "huge":
            self.send_response(200)
            self.send_header("Content-Length", str(10**9))
            self.end_headers()
        elif kind == "oversize":
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.end_headers()
            for _ in range(int(arg or 64)):
                self.wfile.write(b"<!-- padding -->" * 1024)  # 16 KiB a chunk
        elif kind == "slow":
            self._trickle()

    def _trickle(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.end_headers()
        end = time.monotonic() + SLOW_SECONDS
        try:
            while time.monotonic() < end and not self.server.site.stopping.is_set():
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(0.2)
        except OSError:
            return  # the client gave up, as it should


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, site: Site) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.site = site


@contextmanager
def serve(site: Site | None = None) -> Iterator[tuple[str, Site]]:
    """Run the server for the block; yields its base URL (http://127.0.0.1:PORT) and the site."""
    site = site or Site()
    server = _Server(site)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", site
    finally:
        site.stopping.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
