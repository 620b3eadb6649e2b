"""Text from outside (documents, file names, metadata) made safe for where it goes next.

Every function here answers one question about hostile text, whichever stage asks it: can the
ledger store it (UTF-8 has no room for half a UTF-16 pair), can a terminal show it without
obeying it (escape sequences, control characters), and can a page show it without it turning
the page's own words around (bidirectional controls). They are pure and linear in the text.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit, urlunsplit

# Surrogate code points never stand for a character on their own: json.loads makes them from
# an escaped half pair ("\ud83d"), os.fsdecode from file-name bytes that are not UTF-8.
_SURROGATE = re.compile("[\ud800-\udfff]")
# C0 and C1 controls except tab and newline, and DEL: a terminal obeys them (ESC starts a
# sequence that can move the cursor, retitle the window or make a hyperlink).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidirectional formatting characters: embeddings, overrides, isolates and marks.
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")


def lone_surrogate(text: str) -> int | None:
    """Index of the first surrogate code point in ``text`` (text UTF-8 cannot hold), or None."""
    match = _SURROGATE.search(text)
    return None if match is None else match.start()


def storable(text: str) -> str:
    """``text`` with every surrogate written out as an escape (``\\udcff``, ``\\ud83d``).

    A file name with bytes that are not UTF-8 shows those bytes (``\\xff``), as ``ls -b`` does;
    half of a UTF-16 pair shows its code. Text without surrogates comes back unchanged.
    """
    if lone_surrogate(text) is None:
        return text
    try:  # surrogate escapes of os.fsdecode: back to the bytes, shown as \xNN
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def terminal_text(text: str) -> str:
    """``text`` as a terminal may show it: controls and bidi controls dropped, tabs as spaces."""
    return _BIDI.sub("", _CONTROL.sub("", storable(text).replace("\t", " ")))


def without_bidi_controls(text: str) -> str:
    """``text`` without bidirectional formatting characters (an unclosed override among them)."""
    return _BIDI.sub("", text)


# Characters a link may carry as they are; everything else is percent-encoded. Brackets,
# parentheses, quotes, angle brackets, spaces and backslashes are left out: each of them can end
# a Markdown link or an HTML attribute early. "%" stays, so an address already encoded keeps
# its escapes.
_URL_SAFE = "/:@!$&*+,;=%~-._?"
_URL_FORBIDDEN = re.compile(f"[\x00-\x1f\x7f-\x9f{BIDI_CONTROLS}]")
_HOST = re.compile(r"^[A-Za-z0-9.-]+(?::\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](?::\d{1,5})?$")


def safe_url(url: object) -> str | None:
    """A plain http(s) address, percent-encoded so no character of it can end a link, or None.

    None for anything else: another scheme (``javascript:``, ``data:``), no host, a user name
    or password before the host, control characters, or a host that is not a host name.
    """
    if not isinstance(url, str):
        return None
    text = url.strip()
    if not text or _URL_FORBIDDEN.search(text) or lone_surrogate(text) is not None:
        return None
    try:
        parts = urlsplit(text)
        host = _ascii_host(parts.netloc)
    except ValueError:
        return None
    if parts.scheme.lower() not in {"http", "https"} or host is None:
        return None
    path, query, fragment = (quote(p, safe=_URL_SAFE) for p in (parts.path, parts.query, parts.fragment))
    scheme = text[: len(parts.scheme)]  # as written (urlsplit lower-cases it)
    return urlunsplit((scheme, host, path, query, fragment))


def _ascii_host(netloc: str) -> str | None:
    """The host (and port) in ASCII, international names in their IDNA form, or None."""
    if not netloc or "@" in netloc:
        return None
    if not netloc.isascii():
        host, colon, port = netloc.rpartition(":") if netloc.count(":") == 1 else (netloc, "", "")
        try:
            netloc = host.encode("idna").decode("ascii") + colon + port
        except UnicodeError:
            return None
    return netloc if _HOST.match(netloc) else None


# A spreadsheet reads a cell that starts with one of these as a formula (OWASP, CSV injection);
# full-width forms too, which some spreadsheet programs fold to the ASCII ones.
_FORMULA_START = frozenset("=+-@\t\r\n＝＋－＠")
_NUMBER = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$")


def spreadsheet_cell(value: str) -> str:
    """``value`` as a CSV cell no spreadsheet runs: a leading formula character is escaped with
    an apostrophe (which spreadsheets hide), so "=HYPERLINK(...)" stays text. A number, negative
    or not, is left as it is."""
    stripped = value.lstrip(" ")
    if stripped[:1] in _FORMULA_START and not _NUMBER.match(value):
        return "'" + value
    return value
