"""Which format an input is: by its name, and by its first bytes where the name says nothing.

Only the start of the data is looked at, so sniffing costs the same for a 1 KB post and a
200 MB Telegram export.
"""

from __future__ import annotations

import codecs
import re
from pathlib import PurePosixPath

GZIP_MAGIC = b"\x1f\x8b"
SIDECAR_SUFFIX = ".meta.json"

_BY_SUFFIX = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}
#: Suffixes a folder walk picks up (besides files with no suffix, which are sniffed).
READABLE_SUFFIXES = frozenset(_BY_SUFFIX) | {".gz"}

_HEAD = 8192
# Telegram Desktop writes "name", "type" (public_channel, private_supergroup, personal_chat,
# saved_messages ...), "id", then "messages".
_TELEGRAM = re.compile(
    r'"type"\s*:\s*"[a-z_]*(?:channel|group|chat|saved_messages)".*?"messages"\s*:\s*\[', re.S
)
_PROLOG = re.compile(r"^\s*(?:<\?[^>]*\?>\s*|<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*", re.S | re.I)
_FEED_ROOT = re.compile(r"<(?:[\w.-]+:)?(?:rss|feed|RDF)\b")
_HTML_START = re.compile(r"<!DOCTYPE\s+html|<(?:html|head|body|meta|title|div|p|article)\b", re.I)


def suffix_of(name: str) -> str:
    return PurePosixPath(name).suffix.lower()


def is_sidecar(name: str) -> bool:
    return name.lower().endswith(SIDECAR_SUFFIX)


def is_readable_name(name: str) -> bool:
    """Whether a folder walk reads this file: a known suffix (also under .gz) or none."""
    if is_sidecar(name):
        return False
    suffix = suffix_of(name)
    if suffix == ".gz":
        inner = suffix_of(name[:-3])
        return inner == "" or inner in READABLE_SUFFIXES
    return suffix == "" or suffix in READABLE_SUFFIXES


def head_text(data: bytes) -> str:
    """The first few KB as text, good enough to look at markup and JSON syntax."""
    head = data[:_HEAD]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return head[: len(head) // 2 * 2].decode("utf-16", errors="ignore").lstrip()
    return head.decode("utf-8", errors="ignore").lstrip("\ufeff \t\r\n")


def detect_format(name: str, data: bytes) -> str:
    """The format name (a key of ``DEFAULT_READERS``) for decompressed input ``data``."""
    suffix = suffix_of(name)
    known = _BY_SUFFIX.get(suffix)
    if known in ("text", "markdown", "html", "jsonl"):
        return known
    head = head_text(data)
    if known == "json" or (known is None and head[:1] in ("{", "[")):
        return _json_kind(head, known is None)
    if known == "feed" or head.startswith("<"):
        return _markup_kind(head)
    return "text"


def _json_kind(head: str, unnamed: bool) -> str:
    if _TELEGRAM.search(head):
        return "telegram"
    first, _, rest = head.partition("\n")
    if unnamed and first.rstrip().endswith("}") and rest.lstrip().startswith("{"):
        return "jsonl"
    return "json"


def _markup_kind(head: str) -> str:
    body = _PROLOG.sub("", head, count=1)
    if _FEED_ROOT.match(body):
        return "feed"
    if _HTML_START.match(body):
        return "html"
    return "feed"  # other XML: the feed reader says clearly that it is not a feed
