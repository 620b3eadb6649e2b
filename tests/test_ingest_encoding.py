"""Encodings: UTF-8 (with and without BOM), UTF-16, cp1251, koi8-r, and what cannot decode."""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest

from briefwire.ingest import IngestError, RawDocument, UndecodableError, decode_bytes, read_one

RUSSIAN = (
    "Военкомат разослал повестки сотрудникам завода в пятницу вечером.\n"
    "Мобилизованных отправили в учебный центр, где им не выдали тёплую одежду."
)
SHORT_RUSSIAN = "Повестки раздают у метро"
CAPS_RUSSIAN = "СРОЧНО: ПОВЕСТКИ РАЗДАЮТ У МЕТРО"


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r", "cp866"])
@pytest.mark.parametrize("text", [RUSSIAN, SHORT_RUSSIAN, CAPS_RUSSIAN])
def test_decode_legacy_cyrillic_code_page_exactly(encoding: str, text: str) -> None:
    assert decode_bytes(text.encode(encoding), "x.txt") == text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_decode_utf16_and_utf32_with_bom(encoding: str) -> None:
    data = text = RUSSIAN
    data_bytes = data.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):
        bom = codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE
        data_bytes = bom + data_bytes
    assert decode_bytes(data_bytes, "x.txt") == text


def test_decode_utf16_without_bom() -> None:
    assert decode_bytes(RUSSIAN.encode("utf-16-le"), "x.txt") == RUSSIAN


def test_decode_utf8_with_bom_drops_the_bom() -> None:
    assert decode_bytes(codecs.BOM_UTF8 + RUSSIAN.encode(), "x.txt") == RUSSIAN


def test_decode_plain_utf8() -> None:
    assert decode_bytes("Grüße — «quotes» — Привет".encode(), "x.txt") == ("Grüße — «quotes» — Привет")


def test_decode_western_legacy_text_is_not_taken_for_cyrillic() -> None:
    text = "Der Bürgermeister sagte, die Straße bleibe gesperrt. Café geöffnet."
    assert decode_bytes(text.encode("cp1252"), "x.txt") == text


def test_decode_html_declared_charset_used_for_non_cyrillic_bytes() -> None:
    text = "Le maire a déclaré que la rue resterait fermée. Élections à venir."
    assert decode_bytes(text.encode("latin-1"), "x.html", hint="iso-8859-1") == text


def test_decode_binary_bytes_raise_a_clear_error() -> None:
    data = bytes(range(256)) * 8
    with pytest.raises(UndecodableError) as caught:
        decode_bytes(data, "blob.txt")
    assert caught.value.origin == "blob.txt"
    assert "binary" in caught.value.reason


def test_decode_random_high_bytes_are_undecodable() -> None:
    rng = random.Random(7)
    data = bytes(rng.randrange(0x80, 0x100) for _ in range(4000))
    with pytest.raises(UndecodableError) as caught:
        decode_bytes(data, "noise.txt")
    assert "no other encoding gives plausible text" in caught.value.reason


def test_decode_broken_utf16_after_bom_names_the_problem() -> None:
    data = codecs.BOM_UTF16_LE + "ok".encode("utf-16-le") + b"\x00\xd8"  # lone surrogate
    with pytest.raises(UndecodableError) as caught:
        decode_bytes(data, "bad16.txt")
    assert "UTF-16 byte-order mark" in caught.value.reason


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r", "utf-16", "utf-8-sig"])
def test_text_file_in_each_encoding_reads_exactly(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / f"article-{encoding}.txt"
    path.write_bytes(RUSSIAN.encode(encoding))
    [doc] = read_one(path)
    assert isinstance(doc, RawDocument)
    assert doc.text == RUSSIAN


def test_undecodable_file_is_an_ingest_error_naming_the_path(tmp_path: Path) -> None:
    rng = random.Random(11)
    path = tmp_path / "garbled.txt"
    path.write_bytes(bytes(rng.randrange(0x80, 0x100) for _ in range(3000)))
    [error] = read_one(path)
    assert isinstance(error, IngestError)
    assert error.origin == str(path)
    assert "plausible text" in error.reason
    assert not error.retryable
