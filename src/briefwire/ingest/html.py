"""HTML pages: the article text and metadata as trafilatura extracts them.

Paragraphs stay on separate lines. The date comes from the page's markup only
(``extensive_search`` off): a date guessed from the body text is too often wrong, and
the clean stage looks for a dateline itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import trafilatura
from trafilatura.settings import Document

from briefwire.ingest.decode import decode_bytes
from briefwire.ingest.errors import ReadError
from briefwire.ingest.meta import normalize_newlines, text_of
from briefwire.ingest.options import ReadOptions
from briefwire.ingest.registry import Item, Payload, register
from briefwire.models import RawDocument

_CHARSET = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def read_html(data: bytes, origin: str, url: str | None = None) -> RawDocument:
    """One HTML page as a document; raises :class:`ReadError` when it holds no text.

    ``url`` is the page's address when known; an ``origin`` that is an http(s) URL is
    used as the address otherwise.
    """
    if url is None and origin.startswith(("http://", "https://")):
        url = origin
    markup = decode_bytes(data, origin, hint=declared_charset(data))
    page = trafilatura.bare_extraction(
        markup,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params=_DATE_PARAMS,
    )
    found: dict[str, Any] = page.as_dict() if isinstance(page, Document) else {}
    text = normalize_newlines(found.get("text") or "").strip()
    if not text:
        raise ReadError(origin, "no article text found in the HTML page")
    return RawDocument(
        origin=origin,
        text=text,
        format="html",
        url=text_of(found.get("url")) or url,
        outlet=text_of(found.get("sitename")),
        title=text_of(found.get("title")),
        author=text_of(found.get("author")),
        published=text_of(found.get("date")),
        language=text_of(found.get("language")),
    )


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first KB (meta tag or XML declaration)."""
    match = _CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


@register("ingest.html.v1")
def read_html_file(payload: Payload, options: ReadOptions) -> Iterator[Item]:
    yield read_html(payload.data, payload.origin, url=payload.url)
