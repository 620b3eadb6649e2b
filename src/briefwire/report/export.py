"""Exports: the stable dataset shapes of DESIGN.md, written as JSONL or CSV.

The field lists below are the export schema. Adding a field is a minor version bump; renaming
or removing one is a major bump (see docs/exports.md).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Literal, TextIO

from briefwire.untrusted import spreadsheet_cell

SCHEMA_VERSION = "1.2"
Format = Literal["jsonl", "csv"]

FIELDS: dict[str, tuple[str, ...]] = {
    "documents": (
        "doc_id",
        "origin",
        "url",
        "outlet",
        "title",
        "author",
        "published",
        "published_precision",
        "language",
        "duplicate_of",
        "n_passages",
    ),
    "passages": (
        "doc_id",
        "origin",
        "index",
        "start",
        "end",
        "text",
        "is_boilerplate",
        "theme",
        "event_types",
        "reuse_group",
        "reused_from",
    ),
    "claims": (
        "claim_id",
        "event_id",
        "doc_id",
        "origin",
        "type",
        "theme",
        "summary",
        "date",
        "date_precision",
        "date_basis",
        "location",
        "actors",
        "quantity",
        "claimed_by",
        "stance",
        "start",
        "end",
        "quote",
        "extractor",
        "confidence",
        "happening_id",
        "facet",
    ),
    "happenings": (
        "happening_id",
        "doc_id",
        "origin",
        "outlet",
        "index",
        "type",
        "theme",
        "facets",
        "summary",
        "stance",
        "date",
        "date_precision",
        "date_basis",
        "location",
        "actors",
        "quantities",
        "claimed_by",
        "start",
        "end",
        "quote",
        "evidence",
        "confidence",
    ),
    "mentions": (
        "doc_id",
        "origin",
        "kind",
        "start",
        "end",
        "text",
        "value",
        "quantity",
        "unit",
        "paragraph_index",
        "happening_id",
        "role",
    ),
    "events": (
        "event_id",
        "type",
        "theme",
        "summary",
        "date",
        "date_precision",
        "location",
        "actors",
        "quantity",
        "status",
        "review_state",
        "first_reported",
        "claims",
        "doc_ids",
        "origins",
        "independent_sources",
        "outlets",
    ),
    "casualties": (
        "person_id",
        "name",
        "name_variants",
        "age",
        "born",
        "rank",
        "status",
        "home_region",
        "home_region_code",
        "home_town",
        "occupation",
        "unit",
        "date_of_death",
        "date_precision",
        "place_of_death",
        "first_reported",
        "doc_ids",
        "origins",
        "independent_sources",
    ),
}
KINDS = tuple(FIELDS)
# Reasons for which cleaning moves a line out of the body into metadata (see briefwire.clean).
# A byline or timestamp row ("By A. Name | 3 May 2023, 10:20") gives its date to the document
# but is page furniture, not article text: it is exported as boilerplate.
METADATA_REASONS = frozenset({"title", "dek", "dateline_prefix"})


def shape(kind: str, row: Mapping[str, Any]) -> dict[str, Any]:
    """Keep exactly the schema's fields, in order; a field the row lacks is null."""
    return {f: row.get(f) for f in FIELDS[kind]}


def document_row(row: Mapping[str, Any]) -> dict[str, Any]:
    return shape("documents", row)


def passage_rows(
    passages: Iterable[Mapping[str, Any]],
    removed: Iterable[Mapping[str, Any]],
    event_types: Mapping[tuple[str, int], list[str]],
) -> Iterator[dict[str, Any]]:
    """Kept passages (offsets into clean text), then removed spans (offsets into raw text)."""
    for p in passages:
        types = event_types.get((p["doc_id"], p["index"]), [])
        yield shape(
            "passages",
            {**p, "is_boilerplate": False, "event_types": types, "reuse_group": p.get("reuse_group")},
        )
    for r in removed:
        # A title or dek left the body as metadata: removed, but not junk.
        junk = r.get("reason") not in METADATA_REASONS
        yield shape(
            "passages",
            {
                **r,
                "index": None,
                "is_boilerplate": junk,
                "theme": None,
                "event_types": [],
                "reuse_group": None,
                "reused_from": None,
            },
        )


def write_rows(rows: Iterable[Mapping[str, Any]], kind: str, fmt: Format, out: TextIO) -> int:
    """Write rows as JSONL (one object a line) or CSV (nested values as JSON); returns the count."""
    n = 0
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
        return n
    writer = csv.DictWriter(out, fieldnames=list(FIELDS[kind]), extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: csv_cell(v) for k, v in row.items()})
        n += 1
    return n


def csv_cell(value: Any) -> Any:
    """A value as a CSV cell: nested values as JSON, None empty, text that a spreadsheet would
    run as a formula neutralised (numbers, negative ones too, are left as numbers)."""
    if isinstance(value, list | dict | tuple):
        return json.dumps(value, ensure_ascii=False)
    if value is None:
        return ""
    if isinstance(value, str):
        return spreadsheet_cell(value)
    return value
