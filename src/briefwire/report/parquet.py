"""Exports as Parquet: one file per kind, or a dataset of every kind partitioned by month.

Columns follow :data:`briefwire.report.export.FIELDS`, in order. Nested fields become proper
Arrow types (a location is a struct, actors a list of structs, doc ids a list of strings), so
DuckDB, pandas and polars filter on them without parsing JSON. Types are declared here by field
name; a field this table does not know (a kind added later) gets the type Arrow infers from
its values, or text when it holds no value at all, so every kind in FIELDS exports.

The dataset (``export all --format parquet``) is Hive-partitioned by month,
``DIR/KIND/month=YYYY-MM/part-N.parquet`` (``month=unknown`` for undated rows), the layout
DuckDB's ``read_parquet(..., hive_partitioning = true)`` and ``pandas.read_parquet(DIR/KIND)``
read directly. Rows are written in chunks, so memory does not grow with the ledger.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from .export import FIELDS, SCHEMA_VERSION

CHUNK_ROWS = 5_000
MANIFEST = "manifest.json"
_TEXT = pa.string()
_TEXTS = pa.list_(pa.string())
LOCATION = pa.struct([(f, _TEXT) for f in ("name", "admin1", "admin1_code", "country", "precision")])
QUANTITY = pa.struct(
    [("value", pa.float64()), ("unit", _TEXT), ("approx", pa.bool_()), ("value_max", pa.float64())]
)
ACTORS = pa.list_(pa.struct([("name", _TEXT), ("role", _TEXT), ("name_latin", _TEXT)]))
TYPES: dict[str, pa.DataType] = {
    **dict.fromkeys(
        ("index", "start", "end", "n_passages", "age", "born", "independent_sources", "reuse_group"),
        pa.int64(),
    ),
    **dict.fromkeys(("paragraph_index",), pa.int64()),
    "confidence": pa.float64(),
    "is_boilerplate": pa.bool_(),
    "location": LOCATION,
    "quantity": QUANTITY,
    "quantities": pa.list_(QUANTITY),
    "actors": ACTORS,
    "evidence": pa.list_(pa.list_(pa.int64())),
    **dict.fromkeys(
        ("claimed_by", "event_types", "claims", "doc_ids", "origins", "outlets", "name_variants", "facets"),
        _TEXTS,
    ),
}
# Fields that are text even when every value looks like a number (ids, codes, dates).
TEXT_FIELDS = frozenset({"published", "date", "date_of_death", "first_reported"})


def schema(kind: str, rows: list[Mapping[str, Any]]) -> pa.Schema:
    """The Arrow schema of ``kind``: declared types, else inferred from ``rows``, else text."""
    return pa.schema([(name, _type(name, [r.get(name) for r in rows])) for name in FIELDS[kind]])


def _type(name: str, values: list[Any]) -> pa.DataType:
    if name in TYPES:
        return TYPES[name]
    present = [v for v in values if v is not None]
    if name in TEXT_FIELDS or not present or all(isinstance(v, str) for v in present):
        return _TEXT
    try:
        inferred = pa.array(present).type
    except (pa.ArrowInvalid, pa.ArrowTypeError):  # mixed values: keep them as JSON text
        return _TEXT
    return _TEXT if pa.types.is_null(inferred) else inferred


def table(rows: list[Mapping[str, Any]], sch: pa.Schema) -> pa.Table:
    """Rows as a table of ``sch``; a nested value in a text column is written as JSON."""
    columns = []
    for fld in sch:
        values = [r.get(fld.name) for r in rows]
        if pa.types.is_string(fld.type):
            values = [_text(v) for v in values]
        columns.append(pa.array(values, type=fld.type))
    return pa.Table.from_arrays(columns, schema=sch)


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, list | dict | tuple):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _chunks(rows: Iterable[Mapping[str, Any]], size: int = CHUNK_ROWS) -> Iterator[list[Mapping[str, Any]]]:
    chunk: list[Mapping[str, Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _metadata(kind: str) -> dict[bytes, bytes]:
    return {b"briefwire.kind": kind.encode(), b"briefwire.schema_version": SCHEMA_VERSION.encode()}


def write_parquet(rows: Iterable[Mapping[str, Any]], kind: str, out: Path) -> int:
    """Write ``rows`` of ``kind`` to one Parquet file; returns the row count."""
    n = 0
    writer: pq.ParquetWriter | None = None
    sch: pa.Schema | None = None
    try:
        for chunk in _chunks(rows):
            if writer is None:
                sch = schema(kind, chunk).with_metadata(_metadata(kind))
                writer = pq.ParquetWriter(out, sch, compression="zstd")
            assert sch is not None
            writer.write_table(table(chunk, sch))
            n += len(chunk)
        if writer is None:  # no rows: still a file with the columns, for readers that expect one
            pq.write_table(table([], schema(kind, []).with_metadata(_metadata(kind))), out)
    finally:
        if writer is not None:
            writer.close()
    return n


class MonthlyDataset:
    """``DIR/KIND/month=YYYY-MM/part-0.parquet`` for one kind, written as rows stream in."""

    def __init__(self, root: Path, kind: str) -> None:
        self.root, self.kind = root / kind, kind
        self._writers: dict[str, pq.ParquetWriter] = {}
        self._buffers: dict[str, list[Mapping[str, Any]]] = {}
        self._schema: pa.Schema | None = None
        self.rows = 0

    def add(self, month: str | None, row: Mapping[str, Any]) -> None:
        key = month or "unknown"
        buf = self._buffers.setdefault(key, [])
        buf.append(row)
        self.rows += 1
        if len(buf) >= CHUNK_ROWS:
            self._flush(key)

    def _flush(self, key: str) -> None:
        buf = self._buffers.pop(key, [])
        if not buf:
            return
        if self._schema is None:  # one schema for every month, so the parts read as one table
            self._schema = schema(self.kind, buf).with_metadata(_metadata(self.kind))
        if key not in self._writers:
            folder = self.root / f"month={key}"
            folder.mkdir(parents=True, exist_ok=True)
            self._writers[key] = pq.ParquetWriter(folder / "part-0.parquet", self._schema, compression="zstd")
        self._writers[key].write_table(table(buf, self._schema))

    def close(self) -> None:
        for key in list(self._buffers):
            self._flush(key)
        for writer in self._writers.values():
            writer.close()
        if not self._writers:  # an empty kind still has its columns, under month=unknown
            folder = self.root / "month=unknown"
            folder.mkdir(parents=True, exist_ok=True)
            empty = schema(self.kind, []).with_metadata(_metadata(self.kind))
            pq.write_table(table([], empty), folder / "part-0.parquet")


def write_dataset(
    out: Path,
    rows_of: Callable[[str], Iterable[Mapping[str, Any]]],
    month_of: Callable[[str, Mapping[str, Any]], str | None],
    kinds: Iterable[str] = tuple(FIELDS),
) -> dict[str, int]:
    """Every kind under ``out``, partitioned by ``month_of(kind, row)``; returns rows per kind.

    Written beside ``out`` and moved into place at the end: a failed export leaves the previous
    dataset (or nothing), never half of one.
    """
    check_target(out)
    tmp = out.with_name(out.name + ".part")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    counts: dict[str, int] = {}
    for kind in kinds:
        dataset = MonthlyDataset(tmp, kind)
        try:
            for row in rows_of(kind):
                dataset.add(month_of(kind, row), row)
        finally:
            dataset.close()
        counts[kind] = dataset.rows
    manifest = {"schema_version": SCHEMA_VERSION, "partitioning": "hive: month=YYYY-MM", "rows": counts}
    (tmp / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    if out.exists():
        shutil.rmtree(out)
    tmp.replace(out)
    return counts


def check_target(out: Path) -> None:
    """Refuse to replace a folder that holds anything but an earlier briefwire dataset."""
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / MANIFEST).exists())):
        raise FileExistsError(f"{out} exists and is not a briefwire dataset: choose a new or empty folder")
