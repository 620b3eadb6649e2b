"""Who published a document, as an editor would name it, and whose story it carries.

An outlet is named by its masthead (the ingested outlet: sidecar, feed title, channel), else by
its web host (``www.northwire.example`` -> ``northwire.example``), and only as a last resort by
the file it came from. A forwarded Telegram post is the channel it was forwarded from.

A *credit* is another outlet a document says its text comes from: a wire in the dateline
("IRKUTSK, Sept 26 (Northwire) -"), "provided by", "reporting by", or a byline naming it.
Two documents crediting one wire, or one crediting the other's outlet, are one source.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

_DATELINE = re.compile(r"^[A-ZА-ЯЁ][\w .'’-]{1,40},?[^()\n]{0,30}\(([^()\n]{2,40})\)\s*[-—–]", re.MULTILINE)
_CREDIT = re.compile(
    r"(?i:provided by|reporting by|по материалам)\s+(?:the\s+)?"
    r"([A-ZА-ЯЁ][\w&.’'-]*(?:\s+[A-ZА-ЯЁ][\w&.’'-]*){0,3})"
)


def host(url: str | None) -> str | None:
    if not url:
        return None
    name = urlsplit(url).hostname or ""
    name = name.removeprefix("www.").removeprefix("m.")
    return name or None


def outlet_name(doc: Mapping[str, Any]) -> str:
    """The name an editor gives the document's source (see the module's docstring)."""
    for key in ("forwarded_from", "outlet"):
        if doc.get(key):
            return str(doc[key])
    named = host(doc.get("url"))
    if named:
        return named
    origin = str(doc.get("origin") or doc["doc_id"])
    return origin.rsplit("/", 1)[-1]


def outlet_key(doc: Mapping[str, Any]) -> str:
    """One key per independent outlet: masthead or host, else the document itself."""
    for key in ("forwarded_from", "outlet"):
        if doc.get(key):
            return f"source:{str(doc[key]).casefold()}"
    named = host(doc.get("url"))
    return f"host:{named}" if named else f"doc:{doc['doc_id']}"


def credits(doc: Mapping[str, Any]) -> frozenset[str]:
    """Casefolded names of the outlets whose text the document says it carries."""
    text = "\n".join(str(doc.get(k) or "") for k in ("head", "tail", "credit_lines"))
    return _credits(text, outlet_name(doc).casefold())


@functools.lru_cache(maxsize=2048)
def _credits(text: str, own: str) -> frozenset[str]:
    # cached: linking asks again for every event a document is in, and for every pair of its
    # documents, and the same document's answer never changes; a key is at most four cut
    # paragraphs (16 KB), so a long-lived `watch` holds a few tens of MB at the very most
    found = {m.group(1) for m in _DATELINE.finditer(text)}
    found |= {m.group(1) for m in _CREDIT.finditer(text)}
    names = (n.strip().rstrip(".").strip().casefold() for n in found)  # "Reporting by X." ends a sentence
    return frozenset(n for n in names if len(n) >= 2 and n != own)


def credits_outlet(doc: Mapping[str, Any], other: Mapping[str, Any]) -> bool:
    """``doc`` says its text is ``other``'s: a credit or its byline names ``other``'s outlet."""
    names = names_of(other)
    author = str(doc.get("author") or "").casefold()
    return bool(credits(doc) & names) or any(
        re.search(rf"(?<!\w){re.escape(n)}(?!\w)", author) for n in names
    )


def names_of(doc: Mapping[str, Any]) -> frozenset[str]:
    """Casefolded names another document may credit this one by (masthead, host, host's stem)."""
    out = {outlet_name(doc).casefold()}
    named = host(doc.get("url"))
    if named:
        out |= {named, named.split(".")[0]}
    return frozenset(n for n in out if len(n) >= 2)
