"""Readers registered under versioned names (``ingest.text.v1``).

A reader turns one input's bytes into documents. A change in a reader's behaviour gets a
new name and the old one keeps working, so a saved ``ReadOptions.readers`` still means
what it meant.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from briefwire.ingest.options import ReadOptions
from briefwire.models import IngestError, RawDocument


@dataclass(frozen=True)
class Payload:
    """One input's bytes and where they came from.

    ``name`` is the file name that decides the format (for ``x.json.gz`` it is ``x.json``);
    ``path`` is the file on disk (for sidecar look-ups) or None for a download; ``url`` is
    the address a download came from.
    """

    data: bytes
    name: str
    origin: str
    path: Path | None = None
    url: str | None = None

    @property
    def sidecar_path(self) -> Path | None:
        """``NAME.meta.json`` next to ``NAME.txt`` (or ``NAME.txt.gz``), if any."""
        if self.path is None:
            return None
        for candidate in (f"{Path(self.name).stem}.meta.json", f"{self.name}.meta.json"):
            sidecar = self.path.parent / candidate
            if sidecar.is_file():
                return sidecar
        return None


Item = RawDocument | IngestError
Reader = Callable[[Payload, ReadOptions], Iterator[Item]]

_READERS: dict[str, Reader] = {}


def register(name: str) -> Callable[[Reader], Reader]:
    """Decorator: ``@register("ingest.text.v1")``. A name can be registered once."""

    def add(reader: Reader) -> Reader:
        if name in _READERS and _READERS[name] is not reader:
            raise ValueError(f"a reader is already registered as {name!r}")
        _READERS[name] = reader
        return reader

    return add


def get_reader(name: str) -> Reader:
    try:
        return _READERS[name]
    except KeyError:
        raise KeyError(f"no reader registered as {name!r}; known: {sorted(_READERS)}") from None


def reader_names() -> list[str]:
    return sorted(_READERS)
