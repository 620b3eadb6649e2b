"""Downloading an http(s) input with httpx: timeouts, a size limit, retryable failures."""

from __future__ import annotations

import time
from pathlib import PurePosixPath
from urllib.parse import urlsplit

import httpx

from briefwire.ingest.errors import ReadError
from briefwire.ingest.options import ReadOptions
from briefwire.ingest.registry import Payload

# Statuses where asking again later may work.
_RETRYABLE_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
_TYPE_NAMES = (
    ("json", "download.json"),
    ("html", "download.html"),
    ("xml", "download.xml"),
    ("rss", "download.xml"),
    ("atom", "download.xml"),
)


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def fetch(url: str, options: ReadOptions) -> Payload:
    """The body at ``url``; raises :class:`ReadError` (retryable for network trouble)."""
    timeout = httpx.Timeout(options.http_timeout)
    headers = {"User-Agent": options.user_agent}
    try:
        with (
            httpx.Client(timeout=timeout, follow_redirects=True, headers=headers) as client,
            client.stream("GET", url) as response,
        ):
            _check_status(url, response)
            data = _body(url, response, options)
            content_type = response.headers.get("content-type", "")
    except httpx.TimeoutException as exc:
        raise ReadError(
            url,
            f"timed out after {options.http_timeout:g} s ({type(exc).__name__})",
            retryable=True,
        ) from exc
    except httpx.HTTPError as exc:
        raise ReadError(url, f"network error: {type(exc).__name__}: {exc}", retryable=True) from exc
    return Payload(data=data, name=_name(url, content_type), origin=url, url=url)


def _check_status(url: str, response: httpx.Response) -> None:
    if response.status_code >= 400:
        raise ReadError(
            url,
            f"HTTP {response.status_code} {response.reason_phrase}".strip(),
            retryable=response.status_code in _RETRYABLE_STATUS,
        )


def _body(url: str, response: httpx.Response, options: ReadOptions) -> bytes:
    """The body, read in chunks so an oversized download stops at the limit."""
    limit = options.http_max_bytes
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _too_large(url, f"declares {int(declared):,} bytes", limit)
    deadline = time.monotonic() + options.http_deadline
    chunks: list[bytes] = []
    total = 0
    for chunk in response.iter_bytes():
        total += len(chunk)
        if total > limit:
            raise _too_large(url, f"sent more than {limit:,} bytes", limit)
        if time.monotonic() > deadline:
            raise ReadError(url, f"download took longer than {options.http_deadline:g} s", retryable=True)
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(url: str, what: str, limit: int) -> ReadError:
    return ReadError(
        url,
        f"download too large: the server {what}, over the limit of {limit:,} bytes "
        "(ReadOptions.http_max_bytes)",
    )


def _name(url: str, content_type: str) -> str:
    """A file name whose suffix tells the format: from the URL path, else the content type."""
    name = PurePosixPath(urlsplit(url).path).name
    if PurePosixPath(name).suffix:
        return name
    lowered = content_type.lower()
    for marker, fallback in _TYPE_NAMES:
        if marker in lowered:
            return fallback
    return name or "download"
