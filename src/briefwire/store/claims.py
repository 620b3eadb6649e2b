"""Claims and casualty mentions: what each document says, as extract found it."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from briefwire.models import Casualty, Claim, Happening, Mention


def actors_of(actors_json: str) -> list[dict[str, Any]]:
    """Stored actors in the export's shape: every field present (rows written before a field
    existed lack it), so JSONL and Parquet rows agree."""
    return [
        {"name": a.get("name"), "role": a.get("role"), "name_latin": a.get("name_latin")}
        for a in json.loads(actors_json)
    ]


def claim_key(claim: Claim) -> str:
    """Stable across re-extraction: the span and type, plus the count and the people it is about,
    since one sentence can carry several claims of one type ("30 criminal and 100 misdemeanor cases")."""
    qty = claim.quantity.value if claim.quantity else ""
    actors = ",".join(a.name for a in claim.actors)
    raw = f"{claim.doc_id}|{claim.start}|{claim.end}|{claim.type}|{qty}|{actors}"
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


def happening_key(doc_id: str, h: Happening) -> str:
    """Stable across re-extraction: the document, the lead sentence's span and the main type."""
    return hashlib.sha256(f"{doc_id}|{h.start}|{h.end}|{h.type}".encode()).hexdigest()[:16]


def mention_key(c: Casualty) -> str:
    return hashlib.sha256(f"{c.doc_id}|{c.start}|{c.end}|{c.name}".encode()).hexdigest()[:16]


def _dump(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def _load(value: str | None) -> Any:
    return None if value is None else json.loads(value)


class ClaimStore:
    conn: sqlite3.Connection

    def _insert_extraction(
        self,
        doc_id: str,
        claims: Sequence[Claim],
        casualties: Sequence[Casualty],
        happenings: Sequence[Happening] = (),
        mentions: Sequence[Mention] = (),
    ) -> None:
        """Replace what extract said about one document (call inside a transaction)."""
        for table in ("claims", "casualty_mentions", "happenings", "mentions"):
            self.conn.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))
        keys = {h.index: happening_key(doc_id, h) for h in happenings}
        self._insert_happenings(doc_id, happenings, keys)
        self._insert_mentions(doc_id, mentions, keys)
        ids: list[int] = []
        for c in claims:
            cur = self.conn.execute(
                """INSERT OR IGNORE INTO claims(
                       claim_key, doc_id, paragraph_index, type, theme, summary, date,
                       date_precision, date_basis, location_json, actors_json,
                       quantity_json, claimed_by_json, stance, start, "end", quote,
                       extractor, confidence, happening_key, facet)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (
                    claim_key(c),
                    doc_id,
                    c.paragraph_index,
                    c.type,
                    c.theme,
                    c.summary,
                    c.date.date,
                    c.date.precision,
                    c.date.basis,
                    _dump(asdict(c.location) if c.location else None),
                    json.dumps([asdict(a) for a in c.actors], ensure_ascii=False),
                    _dump(asdict(c.quantity) if c.quantity else None),
                    json.dumps(list(c.claimed_by), ensure_ascii=False),
                    c.stance,
                    c.start,
                    c.end,
                    c.quote,
                    c.extractor,
                    c.confidence,
                    keys.get(c.happening) if c.happening is not None else None,
                    c.facet,
                ),
            )
            ids.append(int(cur.lastrowid or 0))
        for c, cid in zip(claims, ids, strict=True):
            if c.denies is not None and 0 <= c.denies < len(ids):
                self.conn.execute(
                    "UPDATE claims SET denies_claim_id = ? WHERE claim_id = ?", (ids[c.denies], cid)
                )
        self.conn.executemany(
            """INSERT OR IGNORE INTO casualty_mentions(
                   mention_key, doc_id, name, start, "end", quote, age, born, rank,
                   status, home_region, home_region_code, home_town, occupation, unit,
                   date_of_death, date_precision, place_of_death, claimed_by_json)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [
                (
                    mention_key(c),
                    doc_id,
                    c.name,
                    c.start,
                    c.end,
                    c.quote,
                    c.age,
                    c.born,
                    c.rank,
                    c.status,
                    c.home_region,
                    c.home_region_code,
                    c.home_town,
                    c.occupation,
                    c.unit,
                    c.date_of_death.date,
                    c.date_of_death.precision,
                    c.place_of_death,
                    json.dumps(list(c.claimed_by), ensure_ascii=False),
                )
                for c in casualties
            ],
        )

    def _insert_happenings(self, doc_id: str, happenings: Sequence[Happening], keys: dict[int, str]) -> None:
        self.conn.executemany(
            """INSERT OR IGNORE INTO happenings(
                   happening_key, doc_id, idx, type, theme, summary, stance, start, "end", quote,
                   date, date_precision, date_basis, location_json, actors_json, quantities_json,
                   claimed_by_json, facets_json, evidence_json, paragraphs_json, confidence)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [
                (
                    keys[h.index],
                    doc_id,
                    h.index,
                    h.type,
                    h.theme,
                    h.summary,
                    h.stance,
                    h.start,
                    h.end,
                    h.quote,
                    h.date.date,
                    h.date.precision,
                    h.date.basis,
                    _dump(asdict(h.location) if h.location else None),
                    json.dumps([asdict(a) for a in h.actors], ensure_ascii=False),
                    json.dumps([asdict(q) for q in h.quantities], ensure_ascii=False),
                    json.dumps(list(h.claimed_by), ensure_ascii=False),
                    json.dumps(list(h.facets)),
                    json.dumps([list(span) for span in h.evidence]),
                    json.dumps(list(h.paragraph_indices)),
                    h.confidence,
                )
                for h in happenings
            ],
        )

    def _insert_mentions(self, doc_id: str, mentions: Sequence[Mention], keys: dict[int, str]) -> None:
        self.conn.executemany(
            """INSERT INTO mentions(doc_id, kind, start, "end", text, value, quantity_json, unit,
                   paragraph_index, happening_key, role)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [
                (
                    doc_id,
                    m.kind,
                    m.start,
                    m.end,
                    m.text,
                    m.value,
                    _dump(asdict(m.quantity) if m.quantity else None),
                    m.unit,
                    m.paragraph_index,
                    keys.get(m.happening) if m.happening is not None else None,
                    m.role,
                )
                for m in mentions
            ],
        )

    def happenings(self, doc_id: str | None = None) -> list[dict[str, Any]]:
        """Document events in the export shape, with their document's origin and outlet."""
        sql = """SELECT h.*, d.origin, d.published AS doc_published, s.name AS outlet
                 FROM happenings h JOIN documents d ON d.doc_id = h.doc_id
                 LEFT JOIN sources s ON s.source_id = d.source_id"""
        args: tuple[Any, ...] = ()
        if doc_id:
            sql += " WHERE h.doc_id = ?"
            args = (doc_id,)
        return [happening_row(r) for r in self.conn.execute(sql + " ORDER BY d.seq, h.idx", args)]

    def mentions(self, doc_id: str | None = None, kind: str | None = None) -> list[dict[str, Any]]:
        """Mentions in the export shape."""
        clauses, args = [], []
        if doc_id:
            clauses.append("m.doc_id = ?")
            args.append(doc_id)
        if kind:
            clauses.append("m.kind = ?")
            args.append(kind)
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        rows = self.conn.execute(
            f"""SELECT m.*, d.origin FROM mentions m JOIN documents d ON d.doc_id = m.doc_id
                {where} ORDER BY d.seq, m.start""",
            args,
        )
        return [mention_row(r) for r in rows]

    def claims(
        self,
        doc_id: str | None = None,
        event_id: int | None = None,
        since: str | None = None,
        until: str | None = None,
    ) -> list[dict[str, Any]]:
        """Claims in the export shape of DESIGN.md, plus the document's outlet and title."""
        clauses: list[str] = []
        args: list[Any] = []
        if doc_id:
            clauses.append("c.doc_id = ?")
            args.append(doc_id)
        if event_id is not None:
            clauses.append("c.event_id = ?")
            args.append(event_id)
        if since:
            clauses.append("COALESCE(c.date, d.published) >= ?")
            args.append(since)
        if until:
            clauses.append("substr(COALESCE(c.date, d.published), 1, 10) <= ?")
            args.append(until)
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        rows = self.conn.execute(
            f"""SELECT c.*, d.origin, d.published, d.title, d.url, s.name AS outlet, e.event_key,
                       dc.claim_key AS denies
                FROM claims c JOIN documents d ON d.doc_id = c.doc_id
                LEFT JOIN sources s ON s.source_id = d.source_id
                LEFT JOIN events e ON e.event_id = c.event_id
                LEFT JOIN claims dc ON dc.claim_id = c.denies_claim_id
                {where} ORDER BY d.seq, c.start, c.claim_id""",
            args,
        ).fetchall()
        return [claim_row(r) for r in rows]

    def casualty_mentions(self, doc_id: str | None = None) -> list[dict[str, Any]]:
        sql = """SELECT m.*, d.origin, d.published, s.name AS outlet FROM casualty_mentions m
                 JOIN documents d ON d.doc_id = m.doc_id LEFT JOIN sources s ON s.source_id = d.source_id"""
        args: tuple[Any, ...] = ()
        if doc_id:
            sql += " WHERE m.doc_id = ?"
            args = (doc_id,)
        out = []
        for r in self.conn.execute(sql + " ORDER BY d.seq, m.start, m.mention_id", args):
            row = dict(r)
            row["claimed_by"] = json.loads(row.pop("claimed_by_json"))
            out.append(row)
        return out


def claim_row(r: sqlite3.Row) -> dict[str, Any]:
    row = dict(r)
    return {
        "claim_id": row["claim_key"],
        "event_id": row.get("event_key"),
        "doc_id": row["doc_id"],
        "origin": row["origin"],
        "type": row["type"],
        "theme": row["theme"],
        "summary": row["summary"],
        "date": row["date"],
        "date_precision": row["date_precision"],
        "date_basis": row["date_basis"],
        "location": _load(row["location_json"]),
        "actors": actors_of(row["actors_json"]),
        "quantity": _load(row["quantity_json"]),
        "claimed_by": json.loads(row["claimed_by_json"]),
        "stance": row["stance"],
        "denies": row.get("denies"),
        "start": row["start"],
        "end": row["end"],
        "quote": row["quote"],
        "extractor": row["extractor"],
        "confidence": row["confidence"],
        "paragraph_index": row["paragraph_index"],
        "happening_id": row.get("happening_key"),
        "facet": row.get("facet"),
        "outlet": row.get("outlet"),
        "published": row.get("published"),
        "title": row.get("title"),
        "url": row.get("url"),
    }


def happening_row(r: sqlite3.Row) -> dict[str, Any]:
    row = dict(r)
    return {
        "happening_id": row["happening_key"],
        "doc_id": row["doc_id"],
        "origin": row["origin"],
        "outlet": row.get("outlet"),
        "index": row["idx"],
        "type": row["type"],
        "theme": row["theme"],
        "facets": json.loads(row["facets_json"]),
        "summary": row["summary"],
        "stance": row["stance"],
        "date": row["date"],
        "date_precision": row["date_precision"],
        "date_basis": row["date_basis"],
        "location": _load(row["location_json"]),
        "actors": actors_of(row["actors_json"]),
        "quantities": json.loads(row["quantities_json"]),
        "claimed_by": json.loads(row["claimed_by_json"]),
        "start": row["start"],
        "end": row["end"],
        "quote": row["quote"],
        "evidence": json.loads(row["evidence_json"]),
        "paragraphs": json.loads(row["paragraphs_json"]),
        "confidence": row["confidence"],
    }


def mention_row(r: sqlite3.Row) -> dict[str, Any]:
    row = dict(r)
    return {
        "doc_id": row["doc_id"],
        "origin": row["origin"],
        "kind": row["kind"],
        "start": row["start"],
        "end": row["end"],
        "text": row["text"],
        "value": row["value"],
        "quantity": _load(row["quantity_json"]),
        "unit": row["unit"],
        "paragraph_index": row["paragraph_index"],
        "happening_id": row["happening_key"],
        "role": row["role"],
    }
