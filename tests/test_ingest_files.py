"""Files and folders: gzip, recursion, progress, limits, and every kind of bad input."""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from briefwire.ingest import (
    IngestError,
    Item,
    Payload,
    RawDocument,
    ReadOptions,
    count_inputs,
    read,
    read_data,
    read_one,
    reader_names,
    register,
)

NOTE = "The district office extended its hours on Saturday.\nQueues formed before dawn.\n"


def docs(items: list[RawDocument | IngestError]) -> list[RawDocument]:
    return [item for item in items if isinstance(item, RawDocument)]


def errors(items: list[RawDocument | IngestError]) -> list[IngestError]:
    return [item for item in items if isinstance(item, IngestError)]


# ---- gzip ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "fmt"),
    [
        ("note.txt.gz", NOTE, "text"),
        ("posts.jsonl.gz", '{"id": "p1", "text": "Line post."}\n', "jsonl"),
        ("list.json.gz", '[{"text": "Array post."}]', "json"),
        (
            "feed.xml.gz",
            '<rss version="2.0"><channel><title>Z</title><item><guid>z1</guid>'
            "<description>Zipped entry.</description></item></channel></rss>",
            "feed",
        ),
    ],
)
def test_gzip_is_decompressed_and_read_by_its_inner_name(
    tmp_path: Path, name: str, content: str, fmt: str
) -> None:
    path = tmp_path / name
    path.write_bytes(gzip.compress(content.encode()))
    [doc] = read_one(path)
    assert isinstance(doc, RawDocument)
    assert doc.format == fmt
    assert doc.origin.startswith(str(path))


def test_gzip_telegram_export_is_sniffed(tmp_path: Path) -> None:
    export = {
        "name": "C",
        "type": "public_channel",
        "id": 1,
        "messages": [{"id": 9, "type": "message", "date": "2022-10-01T00:00:00", "text": "Zipped post."}],
    }
    path = tmp_path / "result.json.gz"
    path.write_bytes(gzip.compress(json.dumps(export).encode()))
    [doc] = read_one(path)
    assert isinstance(doc, RawDocument)
    assert doc.format == "telegram" and doc.origin == f"{path}#9"


def test_truncated_gzip_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "cut.txt.gz"
    path.write_bytes(gzip.compress(NOTE.encode() * 50)[:-30])
    [error] = read_one(path)
    assert isinstance(error, IngestError)
    assert error.origin == str(path)
    assert "truncated gzip" in error.reason
    assert not error.retryable


def test_gz_name_on_data_that_is_not_gzip_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "fake.txt.gz"
    path.write_text(NOTE, encoding="utf-8")
    [error] = read_one(path)
    assert isinstance(error, IngestError)
    assert "not gzip" in error.reason


def test_gzip_that_decompresses_past_the_limit_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a " * 50_000))
    [error] = read_one(path, ReadOptions(max_file_bytes=10_000))
    assert isinstance(error, IngestError)
    assert "decompresses to more than 10,000 bytes" in error.reason


# ---- folders -----------------------------------------------------------------------


def build_tree(root: Path) -> None:
    (root / "b-sub" / "deeper").mkdir(parents=True)
    (root / ".hidden-dir").mkdir()
    (root / "c.txt").write_text("third", encoding="utf-8")
    (root / "a.txt").write_text("first", encoding="utf-8")
    (root / "a.meta.json").write_text('{"outlet": "Meta"}', encoding="utf-8")
    (root / "b-sub" / "x.md").write_text("second", encoding="utf-8")
    (root / "b-sub" / "deeper" / "y.txt").write_text("second-deep", encoding="utf-8")
    (root / ".secret.txt").write_text("hidden", encoding="utf-8")
    (root / ".hidden-dir" / "z.txt").write_text("hidden too", encoding="utf-8")
    (root / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0binary")


def test_folder_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    build_tree(tmp_path)
    found = docs(list(read([tmp_path])))
    # depth-first, names sorted at each level: b-sub/deeper/ comes before b-sub/x.md
    assert [d.text for d in found] == ["first", "second-deep", "second", "third"]
    assert found[0].outlet == "Meta"


def test_folder_skips_hidden_files_sidecars_and_unknown_suffixes(tmp_path: Path) -> None:
    build_tree(tmp_path)
    names = [Path(item.origin).relative_to(tmp_path).as_posix() for item in read([tmp_path])]
    assert names == ["a.txt", "b-sub/deeper/y.txt", "b-sub/x.md", "c.txt"]


def test_count_inputs_matches_progress_calls(tmp_path: Path) -> None:
    build_tree(tmp_path)
    paths = [tmp_path, tmp_path / "missing.txt"]
    seen: list[str] = []
    list(read(paths, progress=seen.append))
    assert count_inputs(paths) == len(seen) == 5
    assert seen[-1] == str(tmp_path / "missing.txt")


def test_empty_folder_is_an_error_saying_it_holds_no_input(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / ".DS_Store").write_bytes(b"x")
    (empty / "only.meta.json").write_text("{}", encoding="utf-8")
    [error] = list(read([empty]))
    assert error == IngestError(str(empty), "ingest", error.reason, False)
    assert "holds no readable input" in error.reason


def test_read_data_reads_bytes_in_memory() -> None:
    [doc] = list(read_data(NOTE.encode("utf-16"), "upload.txt", origin="upload:1"))
    assert isinstance(doc, RawDocument)
    assert doc.text == NOTE and doc.origin == "upload:1"


# ---- bad input: each case is an error naming the path; the batch goes on -------------

BadCase = Callable[[Path], Path]


def _unreadable(folder: Path) -> Path:
    path = folder / "locked.txt"
    path.write_text(NOTE, encoding="utf-8")
    path.chmod(0)
    return path


def _binary(folder: Path) -> Path:
    path = folder / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    return path


def _empty(folder: Path) -> Path:
    path = folder / "empty.txt"
    path.write_bytes(b"")
    return path


def _blank(folder: Path) -> Path:
    path = folder / "blank.txt"
    path.write_text("  \n\n\t \n", encoding="utf-8")
    return path


def _truncated_gzip(folder: Path) -> Path:
    path = folder / "cut.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"text": "x"}\n' * 200)[:-12])
    return path


def _malformed_json(folder: Path) -> Path:
    path = folder / "bad.json"
    path.write_text('{"text": "unterminated', encoding="utf-8")
    return path


def _malformed_feed(folder: Path) -> Path:
    path = folder / "bad.rss"
    path.write_text("<rss><channel><title>cut off", encoding="utf-8")
    return path


def _undecodable(folder: Path) -> Path:
    path = folder / "noise.txt"
    path.write_bytes(bytes((i * 37 + 11) % 128 + 128 for i in range(3000)))
    return path


def _oversized(folder: Path) -> Path:
    path = folder / "huge.txt"
    path.write_bytes(b"word " * 3000)
    return path


def _long_line(folder: Path) -> Path:
    path = folder / "one-line.txt"
    path.write_text("x" * 2500, encoding="utf-8")
    return path


def _missing(folder: Path) -> Path:
    return folder / "does-not-exist.txt"


def _empty_folder(folder: Path) -> Path:
    path = folder / "nothing-here"
    path.mkdir()
    return path


BAD_CASES: dict[str, tuple[BadCase, str]] = {
    "unreadable": (_unreadable, "permission denied"),
    "binary": (_binary, "binary"),
    "empty": (_empty, "empty file"),
    "whitespace_only": (_blank, "empty"),
    "truncated_gzip": (_truncated_gzip, "truncated gzip"),
    "malformed_json": (_malformed_json, "malformed JSON at line 1"),
    "malformed_feed": (_malformed_feed, "malformed feed"),
    "undecodable": (_undecodable, "no other encoding gives plausible text"),
    "over_size_limit": (_oversized, "over the limit of 10,000 bytes"),
    "huge_single_line": (_long_line, "over the limit of 2,000 characters per line"),
    "missing_path": (_missing, "no such file"),
    "empty_folder": (_empty_folder, "holds no readable input"),
}


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_bad_input_is_an_error_naming_it_and_the_batch_goes_on(
    tmp_path: Path, case: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    make, expected = BAD_CASES[case]
    batch = tmp_path / "batch"
    batch.mkdir()
    before, after = batch / "0-before.txt", batch / "9-after.txt"
    before.write_text("Report filed before the bad input.", encoding="utf-8")
    after.write_text("Report filed after the bad input.", encoding="utf-8")
    bad = make(batch)
    if case == "unreadable" and os.geteuid() == 0:
        _deny_reads_of(bad, monkeypatch)  # root reads a mode-000 file; refuse as the OS would
    options = ReadOptions(max_file_bytes=10_000, max_line_chars=2_000)
    items = list(read([before, bad, after], options))
    [error] = errors(items)
    assert error.origin == str(bad)
    assert error.stage == "ingest"
    assert expected in error.reason
    assert not error.retryable
    assert [d.origin for d in docs(items)] == [str(before), str(after)]


def _deny_reads_of(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)


def test_bad_inputs_inside_a_folder_are_errors_and_the_rest_is_read(tmp_path: Path) -> None:
    (tmp_path / "a-good.txt").write_text("Good report one.", encoding="utf-8")
    _binary(tmp_path)
    _empty(tmp_path)
    _malformed_json(tmp_path)
    (tmp_path / "z-good.txt").write_text("Good report two.", encoding="utf-8")
    items = list(read([tmp_path]))
    assert [d.text for d in docs(items)] == ["Good report one.", "Good report two."]
    assert sorted(Path(e.origin).name for e in errors(items)) == [
        "bad.json",
        "empty.txt",
        "image.txt",
    ]


def test_long_line_error_says_which_line(tmp_path: Path) -> None:
    path = tmp_path / "lines.txt"
    path.write_text("short\n" + "y" * 120 + "\nshort\n", encoding="utf-8")
    [error] = read_one(path, ReadOptions(max_line_chars=100))
    assert isinstance(error, IngestError)
    assert error.reason.startswith("line 2 is 120 characters long")


def test_default_line_limit_is_one_million_characters() -> None:
    assert ReadOptions().max_line_chars == 1_000_000


# ---- reader registry -----------------------------------------------------------------


def _shouting_reader(payload: Payload, options: ReadOptions) -> Iterator[Item]:
    yield RawDocument(payload.origin, payload.data.decode().upper(), "text")


register("ingest.test-shouting.v1")(_shouting_reader)


def test_every_format_has_a_versioned_reader() -> None:
    for fmt in ("text", "html", "json", "jsonl", "telegram", "feed"):
        assert f"ingest.{fmt}.v1" in reader_names()


def test_options_choose_another_registered_reader(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("quiet words", encoding="utf-8")
    options = ReadOptions(readers={"text": "ingest.test-shouting.v1"})
    [doc] = read_one(path, options)
    assert isinstance(doc, RawDocument)
    assert doc.text == "QUIET WORDS"


def test_unregistered_reader_name_fails_before_reading(tmp_path: Path) -> None:
    options = ReadOptions(readers={"text": "ingest.text.v99"})
    with pytest.raises(ValueError, match=r"ingest\.text\.v99"):
        list(read([tmp_path], options))


def test_repeated_ids_in_one_container_get_distinct_origins(tmp_path: Path) -> None:
    path = tmp_path / "dupes.jsonl"
    path.write_text('{"id": 7, "text": "one"}\n{"id": 7, "text": "two"}\n', encoding="utf-8")
    origins = [item.origin for item in read_one(path)]
    assert origins == [f"{path}#7", f"{path}#7~2"]
