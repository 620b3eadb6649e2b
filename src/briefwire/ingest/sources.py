"""From the paths a user gives to inputs: files, folders walked in order, and URLs."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from briefwire.ingest.dispatch import dispatch
from briefwire.ingest.errors import ReadError
from briefwire.ingest.fetch import fetch, is_url
from briefwire.ingest.options import DEFAULT_READERS, ReadOptions
from briefwire.ingest.registry import Item, Payload, get_reader
from briefwire.ingest.sniff import READABLE_SUFFIXES, is_readable_name, is_sidecar
from briefwire.models import IngestError

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Input:
    """One file or URL to read; ``origin`` is how documents from it are named."""

    origin: str
    path: Path | None = None
    url: str | None = None


def read(
    paths: Iterable[str | Path],
    options: ReadOptions | None = None,
    *,
    progress: Progress | None = None,
) -> Iterator[Item]:
    """Every document (or error) of every input, lazily, in input order.

    ``progress`` is called with the input's origin once each input is done: as many
    calls as :func:`count_inputs` counts, so a progress bar can use that as its total.
    """
    opts = options or ReadOptions()
    _check_readers(opts)
    for target in inputs(paths):
        if isinstance(target, IngestError):
            yield target
        else:
            yield from read_input(target, opts)
        if progress is not None:
            progress(target.origin)


def _check_readers(options: ReadOptions) -> None:
    """A reader name that is not registered is a configuration error: fail before reading."""
    for fmt, name in options.readers.items():
        if fmt not in DEFAULT_READERS:
            raise ValueError(f"unknown input format {fmt!r}; known: {sorted(DEFAULT_READERS)}")
        try:
            get_reader(name)
        except KeyError as exc:
            raise ValueError(exc.args[0]) from None


def count_inputs(paths: Iterable[str | Path]) -> int:
    """How many inputs :func:`read` will go through (files, URLs, and bad paths).

    Walks folders but opens nothing, so it is cheap. Pass a list, not a one-shot iterator.
    """
    return sum(1 for _ in inputs(paths))


def inputs(paths: Iterable[str | Path]) -> Iterator[Input | IngestError]:
    """The inputs named by ``paths``, and an error for each path that names none.

    A sidecar (``*.meta.json``) is never an input of its own, even when named directly.
    """
    for given in paths:
        if isinstance(given, str) and is_url(given):
            yield Input(origin=given, url=given)
            continue
        path = Path(given)
        if path.is_dir():
            yield from _folder(path)
        elif path.exists():
            if not is_sidecar(path.name):
                yield Input(origin=str(path), path=path)
        else:
            missing = IngestError(str(path), "ingest", "no such file or folder")
            yield _dangling(path) if path.is_symlink() else missing


def _folder(folder: Path) -> Iterator[Input | IngestError]:
    found = False
    for item in _walk(folder):
        found = found or isinstance(item, Input)
        yield item
    if not found:
        suffixes = ", ".join(sorted(READABLE_SUFFIXES))
        yield IngestError(
            str(folder),
            "ingest",
            f"folder holds no readable input (looked for {suffixes} "
            "and files without a suffix, skipping hidden files and .meta.json sidecars)",
        )


def _walk(folder: Path) -> Iterator[Input | IngestError]:
    """Files under ``folder`` depth-first in name order; hidden entries are skipped.

    Symbolic links to folders are not followed, so a link cycle cannot loop.
    """
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        yield IngestError(str(folder), "ingest", f"cannot list folder: {exc.strerror or exc}")
        return
    for entry in entries:
        if entry.name.startswith(".") or _is_folder_doc(entry.name):
            continue
        if entry.is_dir():
            if not entry.is_symlink():
                yield from _walk(entry)
        elif entry.is_file():
            if is_readable_name(entry.name):
                yield Input(origin=str(entry), path=entry)
        elif (missing := _missing(entry)) is not None:
            yield missing


def _missing(entry: Path) -> IngestError | None:
    """A listed entry that is neither a file nor a folder: a link to nothing, or gone since."""
    if entry.is_symlink():
        return _dangling(entry)
    if not entry.exists():
        return IngestError(str(entry), "ingest", "vanished while the folder was read (listed, then gone)")
    return None  # a socket, a device or a pipe: not input


def _dangling(link: Path) -> IngestError:
    try:
        target = str(link.readlink())
    except OSError:
        target = "?"
    return IngestError(str(link), "ingest", f"dangling symbolic link: its target {target} does not exist")


# A folder's own documentation is not input: README.md in a corpus folder describes the corpus.
_FOLDER_DOCS = ("readme", "license", "licence", "changelog", "copying")


def _is_folder_doc(name: str) -> bool:
    return name.lower().split(".", 1)[0] in _FOLDER_DOCS


def read_input(target: Input, options: ReadOptions) -> Iterator[Item]:
    try:
        payload = _load(target, options)
    except ReadError as failure:
        yield failure.to_error()
        return
    yield from dispatch(payload, options)


def _load(target: Input, options: ReadOptions) -> Payload:
    if target.url is not None:
        return fetch(target.url, options)
    assert target.path is not None  # an Input has a path or a URL
    path = target.path
    try:
        size = path.stat().st_size
        if size > options.max_file_bytes:
            raise ReadError(
                target.origin,
                f"file is {size:,} bytes, over the limit of "
                f"{options.max_file_bytes:,} bytes (ReadOptions.max_file_bytes)",
            )
        if size == 0:
            raise ReadError(target.origin, "empty file (0 bytes)")
        data = path.read_bytes()
    except PermissionError as exc:
        raise ReadError(target.origin, "cannot read: permission denied") from exc
    except OSError as exc:
        raise ReadError(target.origin, f"cannot read: {exc.strerror or exc}") from exc
    return Payload(data=data, name=path.name, origin=target.origin, path=path)
