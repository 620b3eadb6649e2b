"""The words of a URL's slug, and how much of a line they carry: the headline shares them.

Slugs are written in plain Latin letters: accents dropped ("calendário" is "calendario"),
Cyrillic transliterated, in one scheme or another ("скорость бега" is "skorost-bega",
"й" is "j" or "y", "х" is "h", "kh" or "x"). Both sides are brought to one folded form:
Cyrillic through iuliia's Wikipedia scheme, then the letters that the schemes spell
differently to one spelling, the same on the slug's side and the line's.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import unquote, urlsplit

import iuliia

_WORD = re.compile(r"[^\W_]+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# spellings of one Cyrillic letter in the schemes slugs use, longest first
_VARIANTS = (("shch", "sh"), ("sch", "sh"), ("kh", "h"), ("x", "h"), ("ts", "c"), ("j", "y"), ("iy", "y"))
_NOT_WORDS = frozenset({"html", "htm", "php", "aspx", "index"})


@lru_cache(maxsize=65536)
def _fold(word: str) -> str:
    if _CYRILLIC.search(word):
        word = iuliia.WIKIPEDIA.translate(word)
    bare = "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))
    bare = bare.casefold()
    for spelling, one in _VARIANTS:
        bare = bare.replace(spelling, one)
    return bare


def folded_words(text: str) -> list[str]:
    """The words of ``text`` as a slug spells them (see the module's doc)."""
    return [_fold(w) for w in _WORD.findall(text)]


def slug_words(url: str | None) -> set[str]:
    """The words of a URL's path ("/2019/11/18/new-plan-for-x/" -> new, plan, for, x), its
    percent-escapes decoded (a slug in another script), folded as :func:`folded_words`."""
    if not url:
        return set()
    path = unquote(urlsplit(url).path)
    words = {w for w in folded_words(path) if not w.isdigit()}
    return {w for w in words if len(w) > 1 and w not in _NOT_WORDS}


def slug_share(text: str, slug: set[str]) -> float:
    """Share of a line's words that the URL's path carries."""
    words = folded_words(text)
    if not words or not slug:
        return 0.0
    return sum(w in slug for w in words) / len(words)
