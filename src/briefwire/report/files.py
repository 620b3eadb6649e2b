"""Files written whole or not at all: exports and briefs.

Each write goes to a temporary file of its own in the destination's folder (so the final
rename stays on one filesystem and is atomic), is flushed and fsynced, then renamed over the
destination; the folder is fsynced so the rename survives a crash. Two writers never share a
temporary name, a failure removes its temporary file, and readers only ever see the old file
or the new one.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO, TypeVar

T = TypeVar("T")


@contextmanager
def atomic_text(path: str | Path, *, newline: str | None = None) -> Iterator[TextIO]:
    """Write text to ``path`` atomically: ``with atomic_text(p) as fh: fh.write(...)``."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    temp = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        _keep_mode(target, temp)
        temp.replace(target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        raise
    _sync_folder(target.parent)


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """A temporary path beside ``path`` for a writer that wants a file name (Parquet); it is
    renamed over ``path`` when the block ends without an error, and removed when it fails."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    os.close(fd)
    temp = Path(name)
    try:
        yield temp
        with temp.open("rb+") as fh:
            os.fsync(fh.fileno())
        _keep_mode(target, temp)
        temp.replace(target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        raise
    _sync_folder(target.parent)


def write_text(path: str | Path, text: str) -> None:
    with atomic_text(path) as fh:
        fh.write(text)


def write_with(path: str | Path, write: Callable[[TextIO], T], *, newline: str | None = None) -> T:
    """Call ``write(fh)`` on a temporary file, then move it over ``path``; returns its result."""
    with atomic_text(path, newline=newline) as fh:
        return write(fh)


def _keep_mode(target: Path, temp: Path) -> None:
    """mkstemp makes the file private (0600); an export should get the usual mode instead."""
    try:
        mode = target.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    temp.chmod(mode)


def _sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # some filesystems do not open folders; the rename itself is done
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
