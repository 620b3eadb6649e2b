"""Text from outside (documents, file names, metadata) made safe for where it goes next.

Every function here answers one question about hostile text, whichever stage asks it: can the
ledger store it (UTF-8 has no room for half a UTF-16 pair), can a terminal show it without
obeying it (escape sequences, control characters), and can a page show it without it turning
the page's own words around (bidirectional controls). They are pure and linear in the text.
"""

from __future__ import annotations

import re

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
