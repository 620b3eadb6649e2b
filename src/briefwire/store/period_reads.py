"""What the brief of a period reads: that period, not the ledger (issue 15).

Each read goes through an index (publication date, first report, claims by event, mentions by
document), so the brief for a day costs what the day holds.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from .claims import claim_row
from .db import chunks

_DOCUMENTS = """SELECT d.doc_id, d.origin, d.url, s.name AS outlet, s.kind AS source_kind, d.title,
                       d.author, d.published, d.published_precision, d.published_basis, d.language,
                       d.near_duplicate_of AS duplicate_of, d.format, d.seq, d.ingested_at,
                       (SELECT COUNT(*) FROM passages p WHERE p.doc_id = d.doc_id) AS n_passages
                FROM documents d LEFT JOIN sources s USING (source_id)"""
_CLAIMS = """SELECT c.*, d.origin, d.published, d.title, d.url, s.name AS outlet, e.event_key,
                    dc.claim_key AS denies
             FROM claims c JOIN documents d ON d.doc_id = c.doc_id
             LEFT JOIN sources s ON s.source_id = d.source_id
             JOIN events e ON e.event_id = c.event_id
             LEFT JOIN claims dc ON dc.claim_id = c.denies_claim_id"""


def _end(until: str) -> str:
    """An upper bound for ISO dates and datetimes of the day ``until`` ('~' sorts after them)."""
    return until[:10] + "~"


class PeriodReads:
    conn: sqlite3.Connection

    def _event_row(self, r: sqlite3.Row) -> dict[str, Any]:  # provided by EventStore
        raise NotImplementedError

    def _person_row(self, r: sqlite3.Row) -> dict[str, Any]:  # provided by EventStore
        raise NotImplementedError

    def documents_by_id(self, doc_ids: Iterable[str]) -> list[dict[str, Any]]:
        """Documents in the shape of ``documents()``, in ledger order."""
        rows: list[dict[str, Any]] = []
        for chunk in chunks(doc_ids):
            marks = ",".join("?" * len(chunk))
            rows.extend(
                dict(r) for r in self.conn.execute(f"{_DOCUMENTS} WHERE d.doc_id IN ({marks})", chunk)
            )
        return sorted(rows, key=lambda d: int(d["seq"]))

    def undated_documents(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM documents WHERE published IS NULL").fetchone()[0])

    def events_in_period(
        self, since: str | None, until: str | None, doc_ids: Iterable[str] = ()
    ) -> list[dict[str, Any]]:
        """Events first reported in the period, and undated events of these documents, in the
        order of ``events()``."""
        rows = {
            int(r["event_id"]): r
            for r in self.conn.execute(
                "SELECT * FROM events WHERE first_reported >= ? AND first_reported < ?",
                (since or "", _end(until) if until else "~"),
            ).fetchall()
        }
        for chunk in chunks(doc_ids):
            marks = ",".join("?" * len(chunk))
            for r in self.conn.execute(
                f"""SELECT * FROM events WHERE first_reported IS NULL AND event_id IN
                    (SELECT event_id FROM claims WHERE doc_id IN ({marks}))""",
                chunk,
            ).fetchall():
                rows[int(r["event_id"])] = r
        ordered = sorted(rows.values(), key=lambda r: (r["first_reported"] or "9999", int(r["event_id"])))
        return [self._event_row(r) for r in ordered]

    def claims_of_events(self, event_keys: Iterable[str]) -> list[dict[str, Any]]:
        """Claims of these events (by event key) in the export shape, in ledger order."""
        rows: list[tuple[tuple[int, int, int], dict[str, Any]]] = []
        for chunk in chunks(event_keys):
            marks = ",".join("?" * len(chunk))
            sql = f"{_CLAIMS.replace('c.*,', 'c.*, d.seq AS doc_seq,')} WHERE e.event_key IN ({marks})"
            for r in self.conn.execute(sql, chunk):
                rows.append(((int(r["doc_seq"]), int(r["start"]), int(r["claim_id"])), claim_row(r)))
        return [row for _, row in sorted(rows, key=lambda t: t[0])]

    def persons_of_documents(self, doc_ids: Iterable[str]) -> list[dict[str, Any]]:
        """Persons with a mention in these documents, in the order of ``persons()``."""
        found: dict[int, sqlite3.Row] = {}
        for chunk in chunks(doc_ids):
            marks = ",".join("?" * len(chunk))
            for r in self.conn.execute(
                f"""SELECT * FROM persons WHERE person_id IN
                    (SELECT person_id FROM casualty_mentions WHERE doc_id IN ({marks}))""",
                chunk,
            ).fetchall():
                found[int(r["person_id"])] = r
        ordered = sorted(
            found.values(), key=lambda r: (r["first_reported"] or "9999", r["name"], r["person_id"])
        )
        return [self._person_row(r) for r in ordered]
