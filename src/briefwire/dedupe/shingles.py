"""Normalised words and word-shingle hashes, computed per document with numpy.

Re-published text differs from its source in ways that carry no meaning: quote styles
(" vs “ vs «), apostrophes (’ vs '), dashes, case, ``ё`` vs ``е``, Telegram markup,
spacing. Those are folded away before shingling, so only wording counts. A word is a run
of letters and digits (``str.isalnum``); marks that sit inside words in one copy and not in
another ("Russia's" / "Russia’s", soft hyphens, zero-width characters) are dropped.

The whole document goes through numpy at once (code points, word boundaries, word hashes,
shingles): no Python call per word. Hashes are stable across processes and machines (a
polynomial over code points, then over the words of a shingle, finished with the
MurmurHash3 mixer): signatures are stored and compared with ones made in a later run.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

U32 = npt.NDArray[np.uint32]
U64 = npt.NDArray[np.uint64]
I64 = npt.NDArray[np.int64]

_BMP = 0x10000
_NEWLINE = 10
_IN_WORD_MARKS = "'’‘ʼ`´\u00ad\u200b\u200c\u200d\u2060\ufeff"
_CHAR_POLY = 0x100000001B3  # odd, so invertible modulo 2**64
_CHAR_POLY_INV = pow(_CHAR_POLY, -1, 1 << 64)
_SHINGLE_POLY = np.uint64(0x9E3779B97F4A7C15)
_M1 = np.uint64(0xFF51AFD7ED558CCD)
_M2 = np.uint64(0xC4CEB9FE1A85EC53)
_S33 = np.uint64(33)


def _char_table() -> npt.NDArray[np.int8]:
    """Per BMP code point: 1 letter/digit, 3 newline, -1 dropped (in-word marks, combining
    accents such as Russian stress marks), 0 separator; the extra last entry (2) = astral."""
    chars = [chr(c) for c in range(_BMP)]
    table = np.fromiter((c.isalnum() for c in chars), dtype=np.int8, count=_BMP)
    table[[c for c in range(_BMP) if unicodedata.category(chars[c]) in ("Mn", "Me")]] = -1
    table[[ord(c) for c in _IN_WORD_MARKS]] = -1
    table[_NEWLINE] = 3
    return np.append(table, np.int8(2))


_TABLE = _char_table()


def fmix64(x: U64) -> U64:
    """MurmurHash3's 64-bit finaliser: a bijection that spreads every input bit."""
    x = x ^ (x >> _S33)
    x = x * _M1
    x = x ^ (x >> _S33)
    x = x * _M2
    return x ^ (x >> _S33)


def _powers(base: int, n: int) -> U64:
    """``base**i`` modulo 2**64 for i in 0..n-1."""
    out = np.full(max(n, 1), base, dtype=np.uint64)
    out[0] = 1
    return np.cumprod(out, dtype=np.uint64)[:n]


# Long enough for most documents; longer ones compute their own.
_POWERS = _powers(_CHAR_POLY, 1 << 16)
_INVERSE_POWERS = _powers(_CHAR_POLY_INV, 1 << 16)


def _power_table(table: U64, base: int, n: int) -> U64:
    return table[:n] if n <= len(table) else _powers(base, n)


def _classify(codes: U32) -> npt.NDArray[np.int8]:
    kinds = _TABLE[np.minimum(codes, _BMP)]
    astral = np.flatnonzero(kinds == 2)
    if len(astral):  # astral letters are rare (emoji are not letters): ask Python for these few
        kinds[astral] = [chr(c).isalnum() for c in codes[astral].tolist()]
    return kinds


def _code_points(texts: Sequence[str]) -> U32:
    """Folded code points of all texts, one newline between texts and none inside them.

    Letters and digits keep their code point, separators become 0, dropped marks vanish.
    NFC (not NFKC) is enough: it joins letters with their accents, and compatibility forms
    (full-width letters, ligatures) are rare in news text while NFKC is costly to apply.
    """
    joined = "\n".join(t.replace("\n", " ") for t in texts)
    if not unicodedata.is_normalized("NFC", joined):
        joined = unicodedata.normalize("NFC", joined)
    codes = np.frombuffer(joined.casefold().replace("ё", "е").encode("utf-32-le"), dtype="<u4")
    kinds = _classify(codes)
    out = np.where(kinds > 0, codes, 0)
    dropped = kinds < 0
    return out[~dropped] if dropped.any() else out


def _words(codes: U32) -> tuple[I64, I64, U64]:
    """Start, end and 64-bit hash of each word (a run of non-zero, non-newline codes)."""
    is_word = (codes != 0) & (codes != _NEWLINE)
    edges = np.diff(np.concatenate(([0], is_word.astype(np.int8), [0])))
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    # h(word) = sum(code[i] * P**(i - start)), from prefix sums of code * P**i.
    prefix = np.zeros(len(codes) + 1, dtype=np.uint64)
    np.cumsum(
        codes.astype(np.uint64) * _power_table(_POWERS, _CHAR_POLY, len(codes)),
        dtype=np.uint64,
        out=prefix[1:],
    )
    raw = (prefix[ends] - prefix[starts]) * _power_table(_INVERSE_POWERS, _CHAR_POLY_INV, len(codes) + 1)[
        starts
    ]
    return starts, ends, fmix64(raw)


def words(text: str) -> list[str]:
    """The words of ``text`` as dedupe sees them (folded); for tests and diagnostics."""
    codes = _code_points([text])
    starts, ends, _ = _words(codes)
    chars = codes.tobytes().decode("utf-32-le")
    return [chars[s:e] for s, e in zip(starts.tolist(), ends.tolist(), strict=True)]


def paragraph_shingles(texts: Sequence[str], size: int) -> tuple[list[int], list[U32]]:
    """Word count and sorted distinct 32-bit ``size``-word shingle hashes of each text.

    A text shorter than ``size`` words has one shingle (all its words); an empty one none.
    """
    if not texts:
        return [], []
    codes = _code_points(texts)
    starts, _, hashes = _words(codes)
    para = np.cumsum(codes == _NEWLINE)[starts] if len(starts) else np.empty(0, dtype=np.int64)
    counts = np.bincount(para, minlength=len(texts))
    # Lay words out with size-1 zero "words" after each text, so no shingle crosses texts.
    slots = np.arange(len(starts)) + (size - 1) * para
    padded = np.zeros(len(starts) + (size - 1) * len(texts) + size, dtype=np.uint64)
    padded[slots] = hashes
    n = len(padded) - size + 1
    acc = np.zeros(n, dtype=np.uint64)
    for j in range(size):
        acc = acc * _SHINGLE_POLY + padded[j : j + n]
    values = fmix64(acc[slots]) >> np.uint64(32)
    first = np.concatenate(([0], np.cumsum(counts)[:-1]))
    rank = np.arange(len(starts)) - first[para]
    valid = rank <= np.maximum(counts[para] - size, 0)  # one shingle per full window
    keyed = np.unique((para[valid].astype(np.uint64) << np.uint64(32)) | values[valid])
    bounds = np.searchsorted(keyed >> np.uint64(32), np.arange(len(texts) + 1, dtype=np.uint64))
    low = (keyed & np.uint64(0xFFFFFFFF)).astype(np.uint32)
    sets = [low[bounds[i] : bounds[i + 1]] for i in range(len(texts))]
    return counts.tolist(), sets
