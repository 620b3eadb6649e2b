"""Events and persons as link assembled them, with the reviewers' state laid over them."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from briefwire.models import LinkedEvent, LinkedPerson

from .claims import actors_of
from .db import transaction


@dataclass(frozen=True)
class EventFilter:
    theme: str | None = None
    type: str | None = None
    region: str | None = None  # admin1 code or name
    since: str | None = None
    until: str | None = None
    source: str | None = None  # outlet name
    status: str | None = None
    review_state: str | None = None
    query: str | None = None  # words in the summary or quotes
    sort: str = "first_reported"  # or "corroboration"


def _opt(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


class EventStore:
    conn: sqlite3.Connection

    def review_state(self, kind: Any, key: str) -> str:  # provided by ReviewStore
        raise NotImplementedError

    def edits(self, kind: Any, key: str) -> dict[str, Any]:  # provided by ReviewStore
        raise NotImplementedError

    def replace_links(
        self,
        events: Sequence[LinkedEvent],
        persons: Sequence[LinkedPerson],
        scope_claim_keys: Sequence[str] | None = None,
    ) -> None:
        """Store link's output. With a scope, only events touching those claims are replaced.

        Persons are replaced whole here (``LinkWrites.save_relink`` replaces some of them).
        """
        with transaction(self.conn):
            self._replace_events(events, scope_claim_keys)
            self.conn.execute("UPDATE casualty_mentions SET person_id = NULL")
            self.conn.execute("DELETE FROM persons")
            for p in persons:
                self._insert_person(p)

    def _replace_events(self, events: Sequence[LinkedEvent], scope_claim_keys: Sequence[str] | None) -> None:
        if scope_claim_keys is None:
            self.conn.execute("UPDATE claims SET event_id = NULL")
            self.conn.execute("DELETE FROM events")
        else:
            # events any scoped claim belonged to are rebuilt from link's output
            self.conn.executemany(
                "DELETE FROM events WHERE event_id = (SELECT event_id FROM claims WHERE claim_key = ?)",
                [(k,) for k in scope_claim_keys],
            )
        for ev in events:
            self._insert_event(ev)

    def _insert_event(self, ev: LinkedEvent) -> None:
        self.conn.execute("DELETE FROM events WHERE event_key = ?", (ev.event_key,))
        cur = self.conn.execute(
            """INSERT INTO events(
                   event_key, type, theme, summary, date, date_precision, location_json,
                   actors_json, quantity_json, status, first_reported,
                   independent_sources, sources_json, explanation_json)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                ev.event_key,
                ev.type,
                ev.theme,
                ev.summary,
                ev.date.date,
                ev.date.precision,
                _opt(asdict(ev.location) if ev.location else None),
                json.dumps([asdict(a) for a in ev.actors], ensure_ascii=False),
                _opt(asdict(ev.quantity) if ev.quantity else None),
                ev.status,
                ev.first_reported,
                ev.independent_sources,
                json.dumps(list(ev.sources), ensure_ascii=False),
                json.dumps(list(ev.explanation), ensure_ascii=False),
            ),
        )
        event_id = int(cur.lastrowid or 0)
        self.conn.executemany(
            "UPDATE claims SET event_id = ? WHERE claim_key = ?",
            [(event_id, k) for k in ev.claim_keys],
        )

    def _insert_person(self, p: LinkedPerson) -> None:
        self.conn.execute("DELETE FROM persons WHERE person_key = ?", (p.person_key,))
        f = p.fields
        cur = self.conn.execute(
            """INSERT INTO persons(person_key, name, variants_json, age, born, rank, status,
                   home_region, home_region_code, home_town, occupation, unit,
                   date_of_death, date_precision, place_of_death, first_reported,
                   independent_sources)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                p.person_key,
                p.name,
                json.dumps(list(p.variants), ensure_ascii=False),
                f.get("age"),
                f.get("born"),
                f.get("rank"),
                f.get("status") or "unknown",
                f.get("home_region"),
                f.get("home_region_code"),
                f.get("home_town"),
                f.get("occupation"),
                f.get("unit"),
                f.get("date_of_death"),
                f.get("date_precision") or "unknown",
                f.get("place_of_death"),
                p.first_reported,
                p.independent_sources,
            ),
        )
        person_id = int(cur.lastrowid or 0)
        self.conn.executemany(
            "UPDATE casualty_mentions SET person_id = ? WHERE mention_key = ?",
            [(person_id, k) for k in p.mention_keys],
        )

    def events(
        self, flt: EventFilter | None = None, limit: int | None = None, offset: int = 0
    ) -> tuple[list[dict[str, Any]], int]:
        """Events matching a filter, with review state and human edits applied; and the total."""
        flt = flt or EventFilter()
        rows = [
            self._event_row(r)
            for r in self.conn.execute(
                "SELECT * FROM events ORDER BY COALESCE(first_reported, '9999'), event_id"
            )
        ]
        rows = [r for r in rows if _matches(r, flt)]
        if flt.sort == "corroboration":
            rows.sort(key=lambda r: (-r["independent_sources"], r["first_reported"] or "9999"))
        total = len(rows)
        end = None if limit is None else offset + limit
        return rows[offset:end], total

    def event(self, event: int | str) -> dict[str, Any] | None:
        col = "event_id" if isinstance(event, int) else "event_key"
        row = self.conn.execute(f"SELECT * FROM events WHERE {col} = ?", (event,)).fetchone()
        return self._event_row(row) if row else None

    def _event_row(self, r: sqlite3.Row) -> dict[str, Any]:
        row = dict(r)
        machine = {
            "event_id": row["event_key"],
            "event_rowid": row["event_id"],
            "type": row["type"],
            "theme": row["theme"],
            "summary": row["summary"],
            "date": row["date"],
            "date_precision": row["date_precision"],
            "location": json.loads(row["location_json"]) if row["location_json"] else None,
            "actors": actors_of(row["actors_json"]),
            "quantity": json.loads(row["quantity_json"]) if row["quantity_json"] else None,
            "status": row["status"],
            "first_reported": row["first_reported"],
            "independent_sources": row["independent_sources"],
            "sources": json.loads(row["sources_json"]),
            "explanation": json.loads(row["explanation_json"]),
        }
        claims = self.conn.execute(
            "SELECT c.claim_key, c.doc_id, d.origin FROM claims c JOIN documents d USING (doc_id) "
            "WHERE c.event_id = ? ORDER BY d.seq, c.start",
            (row["event_id"],),
        ).fetchall()
        machine["claims"] = [c[0] for c in claims]
        machine["doc_ids"] = list(dict.fromkeys(c[1] for c in claims))
        machine["origins"] = list(dict.fromkeys(c[2] for c in claims))
        edits = self.edits("event", row["event_key"])
        out = {**machine, **edits}
        out["machine"] = machine
        out["edited_fields"] = sorted(edits)
        out["review_state"] = self.review_state("event", row["event_key"])
        return out

    def persons(self) -> list[dict[str, Any]]:
        sql = "SELECT * FROM persons ORDER BY COALESCE(first_reported, '9999'), name, person_id"
        return [self._person_row(r) for r in self.conn.execute(sql).fetchall()]

    def _person_row(self, r: sqlite3.Row) -> dict[str, Any]:
        row = dict(r)
        row["name_variants"] = json.loads(row.pop("variants_json"))
        mentions = self.conn.execute(
            "SELECT m.doc_id, d.origin FROM casualty_mentions m JOIN documents d USING (doc_id) "
            "WHERE m.person_id = ? ORDER BY d.seq",
            (row["person_id"],),
        ).fetchall()
        row["doc_ids"] = list(dict.fromkeys(m[0] for m in mentions))
        row["origins"] = list(dict.fromkeys(m[1] for m in mentions))
        edits = self.edits("person", row["person_key"])
        row["machine"] = {k: row[k] for k in edits if k in row}
        row.update(edits)
        row["edited_fields"] = sorted(edits)
        row["review_state"] = self.review_state("person", row["person_key"])
        return row


def _matches(r: dict[str, Any], f: EventFilter) -> bool:
    loc = r.get("location") or {}
    checks = [
        f.theme is None or r["theme"] == f.theme,
        f.type is None or r["type"] == f.type,
        f.status is None or r["status"] == f.status,
        f.review_state is None or r["review_state"] == f.review_state,
        f.region is None
        or f.region.lower()
        in {str(loc.get("admin1_code") or "").lower(), str(loc.get("admin1") or "").lower()},
        f.since is None or (r["date"] or r["first_reported"] or "") >= f.since,
        f.until is None or (r["date"] or r["first_reported"] or "9999")[:10] <= f.until,
        f.source is None or any(f.source.lower() in s.lower() for s in r["sources"]),
        f.query is None or f.query.lower() in r["summary"].lower(),
    ]
    return all(checks)
