"""Rows a page prints around an article, each told by its own shape: counters, share rows,
calls to the reader, legal lines and wire credits.

They survive every scraper and copy-paste, in any layout: "Views: 1 843", "6 min read",
"Share: VK | OK | Telegram", "Found a mistake? Select the text and press Ctrl+Enter",
"Reprinting without a hyperlink is forbidden. 16+", "(Reporting by …; editing by …)". Each
predicate reads one normalised line; the words are profile data (sections ``counter_word``,
``share``, ``call``, ``call_target``, ``legal`` and ``wire_credit`` of the boilerplate lexicon).
"""

from __future__ import annotations

import re
import unicodedata

from briefwire.clean import shapes
from briefwire.clean.dates import find_dates
from briefwire.clean.lexicon import Lexicon, phrase_key
from briefwire.clean.lineshape import LIST_MARKER

_ROW_WORDS = 10
_CALL_WORDS = 25
_SHORT_CALL = 8
_LEGAL_WORDS = 40
_CREDIT_WORDS = 25
_SIGNATURE_WORDS = 5
_LINKERS = frozenset({"on", "in", "via", "to", "with", "this", "and", "&", "на", "в", "и", "с"})
_AGE_RATING = re.compile(r"(?<![\w+])(?:0|6|12|16|18)\+$")
_WORD = re.compile(r"[^\W\d_][\w'’+-]*")


def _words(text: str) -> list[str]:
    """The line's words in letters (figures, icons and separators dropped), casefolded."""
    return [w.casefold() for w in _WORD.findall(text)]


def _lead(text: str) -> str:
    """The line without a list marker and the icons or arrows a widget opens with."""
    text = LIST_MARKER.sub("", text).lstrip()
    start = 0
    while start < len(text) and (not text[start].isalnum() and text[start] not in "@#"):
        start += 1
    return text[start:]


def is_counter_row(text: str, lex: Lexicon) -> bool:
    """Figures with the words of a counter and nothing else: views, comments, reading time,
    likes ("Views: 1 843", "💬 9", "4 min", "👍 212 💬 37 ↗ Share")."""
    if len(text.split()) > _ROW_WORDS or not any(ch.isdigit() for ch in text) or find_dates(text):
        return False  # a date with its reading time is a dateline
    counters = lex.keys.get("counter_word", frozenset()) | lex.keys.get("share", frozenset())
    words = _words(text)
    if not words:  # figures and icons alone ("💬 9"); a bare date or number needs an icon
        return any(unicodedata.category(ch) == "So" for ch in text)
    if all(w in lex.keys.get("section_break_word", frozenset()) for w in words):
        return False  # "37 comments" opens the comments below the article: a header
    return all(w in counters for w in words)


def is_share_row(text: str, lex: Lexicon) -> bool:
    """A row of share buttons: a share word, then services and separators ("Share: VK | OK",
    "Print | Share | 0 comments", "Share on Facebook Tweet Email")."""
    if len(text.split()) > _ROW_WORDS:
        return False
    # "comments" opens the comments below an article ("View comments"): a header, not a button
    share = lex.keys.get("share", frozenset()) - lex.keys.get("section_break_word", frozenset())
    words = [w for w in _words(text) if len(w) > 1 or w in share]
    if len(text.split()) < 2 or not words or not any(w in share for w in words[:2]):
        return False
    counters = lex.keys.get("counter_word", frozenset()) | lex.keys.get("share", frozenset())
    return all(w in share or w in counters or w in _LINKERS for w in words)


def is_call(text: str, lex: Lexicon, *, anywhere: bool = False) -> bool:
    """The page asks the reader to do something: follow, subscribe, send news, report a
    mistake, donate. The call opens the line (or one of its first two sentences), and points
    at a channel, a form or an address, or stands alone on a short line; a short line that
    opens with the channel's address is its plug. ``anywhere``: below the article, a call
    may stand later in a short line ("To get it every morning, subscribe to our channel.")."""
    n = len(text.split())
    if n > _CALL_WORDS:
        return False
    lead = _lead(text)
    cues = lex.keys.get("call", frozenset())
    # the call opens the line, or follows a signature of a few words ("— The editors. Send us …")
    sentences = [phrase_key(s) for s in re.split(r"(?<=[.!?])\s+", lead)][:2]
    signed = text.lstrip().startswith(("—", "–", "-")) and len(sentences[0].split()) <= _SIGNATURE_WORDS
    if not signed:
        sentences = sentences[:1]
    opens = any(s == cue or s.startswith(cue + " ") for s in sentences for cue in cues)
    short = n <= _SHORT_CALL and not shapes.ends_sentence(text)
    if not opens:
        if short and (lead.startswith("@") or lead.casefold().startswith("t.me/")):
            return True
        return anywhere and n <= _CALL_WORDS // 2 and lex.has("call", text) and lex.has("call_target", text)
    return short or lex.has("call_target", lead) or shapes.has_contact_address(text)


def is_legal_line(text: str, lex: Lexicon, *, rating: bool = False) -> bool:
    """A footer's legal line: the outlet's registration, reprint terms; with ``rating`` (below
    the article), a short line closing with an age rating ("… 16+") too."""
    n = len(text.split())
    if n > _LEGAL_WORDS:
        return False
    return lex.has("legal", text) or (rating and n <= 2 * _ROW_WORDS and bool(_AGE_RATING.search(text)))


def is_wire_credit(text: str, lex: Lexicon) -> bool:
    """Who reported and who edited, on a line of its own: "(Reporting by …; editing by …)"."""
    inner = text.strip().removeprefix("(").removesuffix(")").strip()
    if len(inner.split()) > _CREDIT_WORDS or inner.rstrip(".").count(".") > 1:
        return False
    key = phrase_key(inner)
    if not any(key.startswith(cue + " ") for cue in lex.keys.get("wire_credit", ())):
        return False
    # a sentence may open the same way ("Reported by local media, the blast ..."): a credit
    # stands in brackets, names two roles, or is a short line without a full stop
    roles = sum(lex.count("wire_credit", part) for part in inner.split(";"))
    bracketed = text.strip().startswith("(") and text.strip().endswith(")")
    return bracketed or roles >= 2 or (len(inner.split()) <= 12 and not shapes.ends_sentence(inner))
