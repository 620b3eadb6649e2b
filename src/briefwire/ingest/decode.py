"""Bytes to text: BOMs, UTF-8, UTF-16, and the legacy Cyrillic code pages.

charset-normalizer is good at most guesses but, on short Russian texts, takes koi8-r for
an East Asian code page and mixes up cp1251 and koi8-r. Those code pages (and cp866) map
the same bytes to different Cyrillic letters, and to opposite letter cases, so for bytes
that are not UTF-8 we first decode with each of them and keep the one whose letters look
like Russian (letter frequencies, lowercase majority, natural word shapes).
"""

from __future__ import annotations

import codecs
import math
import re
from collections import Counter
from dataclasses import dataclass

import charset_normalizer

from briefwire.ingest.errors import ReadError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: it starts with the UTF-16 LE BOM
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_CYRILLIC_CODEPAGES = ("cp1251", "koi8_r", "cp866")

# Relative frequency of each letter in Russian prose (a published statistic). Other
# Cyrillic letters (Ukrainian, Belarusian) count as letters with a small weight.
_FREQ: dict[str, float] = dict(
    zip(
        "оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъё",
        (
            0.1097,
            0.0845,
            0.0801,
            0.0735,
            0.0670,
            0.0626,
            0.0547,
            0.0473,
            0.0454,
            0.0440,
            0.0349,
            0.0321,
            0.0298,
            0.0281,
            0.0262,
            0.0201,
            0.0190,
            0.0174,
            0.0170,
            0.0165,
            0.0159,
            0.0144,
            0.0121,
            0.0097,
            0.0094,
            0.0073,
            0.0064,
            0.0048,
            0.0036,
            0.0032,
            0.0026,
            0.0004,
            0.0004,
        ),
        strict=True,
    )
)
_FREQ.update(dict.fromkeys("іїєґўј", 0.003))
_WORD = re.compile(r"[^\W\d_]+")
# C0 controls other than tab, newlines, vertical tab, form feed and escape: binary data.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.005
_SAMPLE = 65536  # statistics on a prefix keep big files fast; a prefix decides as well


class UndecodableError(ReadError):
    """No encoding gives plausible text for these bytes."""


def decode_bytes(data: bytes, origin: str, hint: str | None = None) -> str:
    """Decode an input's bytes to text, or raise :class:`UndecodableError` saying why.

    Order: a byte-order mark decides; NUL bytes mean UTF-16 without a BOM or binary; valid
    UTF-8 is UTF-8; then the Cyrillic code pages by plausibility; then ``hint`` (a charset
    the input declares) if it decodes; then charset-normalizer.
    """
    text = _decode(data, origin, hint)
    _reject_control_chars(text, origin)
    return text


def _decode(data: bytes, origin: str, hint: str | None) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, origin)
    if b"\x00" in data[:_SAMPLE]:
        return _utf16_without_bom(data, origin)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return _legacy(data, origin, hint)


def _strict(data: bytes, encoding: str, origin: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        name = encoding.removesuffix("-sig").upper()
        raise UndecodableError(
            origin, f"starts with a {name} byte-order mark but is not valid {name} (byte {exc.start})"
        ) from exc
    return text


def _utf16_without_bom(data: bytes, origin: str) -> str:
    """UTF-16 text without a BOM: every other byte is the high byte of a code point.

    For text in one or two scripts those high bytes take one or two values (0 for ASCII,
    4 for Cyrillic), while the low bytes vary; binary data has no such pattern.
    """
    sample = data[: _SAMPLE - _SAMPLE % 2]
    low_le, high_le = sample[0::2], sample[1::2]
    encoding = None
    if _looks_like_high_bytes(high_le) and not _looks_like_high_bytes(low_le):
        encoding = "utf-16-le"
    elif _looks_like_high_bytes(low_le) and not _looks_like_high_bytes(high_le):
        encoding = "utf-16-be"
    if encoding is not None and len(data) % 2 == 0:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    raise UndecodableError(origin, "binary content (NUL bytes), not a text file")


def _looks_like_high_bytes(column: bytes) -> bool:
    if not column:
        return False
    counts = Counter(column).most_common(2)
    return column.count(0) > 0 and sum(n for _, n in counts) >= 0.9 * len(column)


def _legacy(data: bytes, origin: str, hint: str | None) -> str:
    # Cyrillic plausibility goes before a declared charset: old Russian pages often
    # declare latin-1 while serving cp1251, and a latin-1 decoding never fails.
    best = _best_cyrillic(data)
    if best is not None:
        return best
    if hint:
        try:
            return data.decode(hint)
        except (UnicodeDecodeError, LookupError):
            pass  # a wrong or unknown declaration: detect instead
    match = charset_normalizer.from_bytes(data[: _SAMPLE * 4]).best()
    if match is not None:
        try:
            return data.decode(match.encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    raise UndecodableError(
        origin,
        "not valid UTF-8 and no other encoding gives plausible text "
        "(tried UTF-16, cp1251, koi8-r, cp866 and charset detection)",
    )


@dataclass(frozen=True)
class _Fit:
    score: float
    plausible: bool


def _best_cyrillic(data: bytes) -> str | None:
    """The Cyrillic code page whose decoding reads most like Russian, if any is plausible."""
    best: tuple[float, str] | None = None
    for encoding in _CYRILLIC_CODEPAGES:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        fit = _cyrillic_fit(text[:_SAMPLE])
        if fit.plausible and (best is None or fit.score > best[0]):
            best = (fit.score, text)
    return best[1] if best else None


def _cyrillic_fit(text: str) -> _Fit:
    """How much ``text`` looks like correctly decoded Cyrillic prose.

    A wrong code page turns letters into box-drawing signs (few letters among the non-ASCII
    characters), into rare letters (low mean log-frequency), or flips their case ("пРИВЕТ"
    for "Привет", a word shape real text does not have).
    """
    letters = [c for c in text if c.lower() in _FREQ]
    non_ascii = sum(1 for c in text if ord(c) >= 128)
    if not letters:
        return _Fit(-math.inf, plausible=False)
    log_freq = sum(math.log(_FREQ[c.lower()]) for c in letters) / len(letters)
    lower = sum(c.islower() for c in letters) / len(letters)
    letter_share = len(letters) / non_ascii
    words = [w for w in _WORD.findall(text) if any(c.lower() in _FREQ for c in w)]
    mixed = sum(1 for w in words if any(c.isascii() for c in w)) / len(words)
    odd = sum(1 for w in words if _odd_shape(w)) / len(words)
    score = log_freq + 0.3 * lower - odd - 2 * (1 - letter_share) - 2 * mixed
    # Random bytes through koi8-r give half letters at a log-frequency near -3.9.
    plausible = letter_share >= 0.7 and mixed <= 0.5 and odd <= 0.35 and log_freq >= -4.2
    return _Fit(score, plausible)


def _odd_shape(word: str) -> bool:
    """Lowercase first letter followed by capitals: what a case-flipping code page makes."""
    return len(word) > 1 and word[0].islower() and any(c.isupper() for c in word[1:])


def _reject_control_chars(text: str, origin: str) -> None:
    sample = text[:_SAMPLE]
    controls = len(_CONTROL.findall(sample))
    if controls > max(8, _MAX_CONTROL_SHARE * len(sample)):
        raise UndecodableError(
            origin, f"binary content: {controls} control characters in the first {len(sample)} characters"
        )
