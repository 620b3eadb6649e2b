"""Entities with aliases and mentions, and link's reasoning (scored pairs, event details)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .db import transaction

if TYPE_CHECKING:
    from briefwire.link.entities import Entity
    from briefwire.link.features import PairScore


# What link reads of a document: who published it, the start of its first paragraphs and the
# end of its last ones, where a wire credit ("(Northwire)", "provided by ...") or a masthead
# stands, and the credit lines cleaning took out of the text ("(Reporting by ...)"). Each
# paragraph is cut to HEAD_TAIL_CHARS: a paragraph can be megabytes long, and link
# reads these for every event the document is in.
HEAD_TAIL_CHARS = 4000
LINK_DOCUMENT_COLUMNS = f"""d.doc_id, d.origin, d.title, d.published, d.forwarded_from, d.seq, d.url,
    d.author, s.name AS outlet, s.kind AS source_kind,
    (SELECT group_concat(text, char(10)) FROM (SELECT substr(text, 1, {HEAD_TAIL_CHARS}) AS text
        FROM passages p WHERE p.doc_id = d.doc_id ORDER BY p.idx LIMIT 2)) AS head,
    (SELECT group_concat(text, char(10)) FROM (SELECT substr(text, -{HEAD_TAIL_CHARS}) AS text
        FROM passages p WHERE p.doc_id = d.doc_id ORDER BY p.idx DESC LIMIT 2)) AS tail,
    (SELECT group_concat(substr(text, 1, {HEAD_TAIL_CHARS}), char(10)) FROM removed_spans r
        WHERE r.doc_id = d.doc_id AND r.reason = 'wire_credit') AS credit_lines"""


class EntityStore:
    conn: sqlite3.Connection

    def link_documents(self) -> list[dict[str, Any]]:
        """What link needs of every document: outlet, forward origin, publication date, order."""
        rows = self.conn.execute(
            f"""SELECT {LINK_DOCUMENT_COLUMNS}
               FROM documents d LEFT JOIN sources s ON s.source_id = d.source_id ORDER BY d.seq"""
        )
        return [dict(r) for r in rows]

    def save_link_output(
        self,
        entities: Sequence[Entity],
        pairs: Sequence[PairScore],
        details: Mapping[str, Mapping[str, Any]],
        person_details: Mapping[str, Mapping[str, Any]] | None = None,
        scope_claim_keys: Iterable[str] | None = None,
    ) -> None:
        """Replace entities and link's reasoning; with a scope, only pairs touching those claims."""
        with transaction(self.conn):
            self._replace_entities(entities)
            if scope_claim_keys is None:
                self.conn.execute("DELETE FROM link_pairs")
                self.conn.execute("DELETE FROM link_details")
            else:
                self.conn.executemany(
                    "DELETE FROM link_pairs WHERE claim_a = ? OR claim_b = ?",
                    [(k, k) for k in scope_claim_keys],
                )
                # details of events that re-linking dissolved, and the whole register (re-linked in full)
                self.conn.execute(
                    "DELETE FROM link_details WHERE kind = 'event' "
                    "AND target_key NOT IN (SELECT event_key FROM events)"
                )
                self.conn.execute("DELETE FROM link_details WHERE kind = 'person'")
            self.conn.executemany(
                "INSERT OR REPLACE INTO link_pairs(claim_a, claim_b, score, merged, veto, features_json) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (p.a, p.b, p.score, int(merged), p.veto, json.dumps(p.features))
                    for p, merged in self._merged(pairs)
                ],
            )
            rows = [("event", k, json.dumps(v, ensure_ascii=False, default=list)) for k, v in details.items()]
            rows += [
                ("person", k, json.dumps(v, ensure_ascii=False, default=list))
                for k, v in (person_details or {}).items()
            ]
            self.conn.executemany(
                "INSERT OR REPLACE INTO link_details(kind, target_key, details_json) VALUES (?, ?, ?)", rows
            )

    def _merged(self, pairs: Sequence[PairScore]) -> list[tuple[PairScore, bool]]:
        keys = list({k for p in pairs for k in (p.a, p.b)})
        event_of: dict[str, int] = {}
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            marks = ",".join("?" * len(chunk))
            event_of.update(
                self.conn.execute(
                    f"SELECT claim_key, event_id FROM claims "
                    f"WHERE claim_key IN ({marks}) AND event_id IS NOT NULL",
                    chunk,
                ).fetchall()
            )
        return [(p, event_of.get(p.a) is not None and event_of.get(p.a) == event_of.get(p.b)) for p in pairs]

    def _replace_entities(self, entities: Sequence[Entity]) -> None:
        self.conn.execute("DELETE FROM entities")
        for e in entities:
            self._insert_entity(e)

    def _insert_entity(self, e: Entity) -> None:
        """Add an entity, or add to it: its row kept (by key), aliases and mentions added."""
        self.conn.execute(
            "INSERT INTO entities(entity_key, kind, name, code, official) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT(entity_key) DO UPDATE SET name = excluded.name, code = excluded.code, "
            "official = excluded.official",
            (e.key, e.kind, e.name, e.code, int(e.official)),
        )
        eid = int(
            self.conn.execute("SELECT entity_id FROM entities WHERE entity_key = ?", (e.key,)).fetchone()[0]
        )
        aliases = list(dict.fromkeys([e.name, *e.aliases]))
        self.conn.executemany(
            "INSERT OR IGNORE INTO entity_aliases(entity_id, alias, folded) VALUES (?, ?, ?)",
            [(eid, a, a.casefold()) for a in aliases],
        )
        self.conn.executemany(
            "INSERT INTO entity_mentions(entity_id, doc_id, surface, role, claim_key, mention_key) "
            "SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM documents WHERE doc_id = ?)",
            [(eid, m.doc_id, m.surface, m.role, m.claim_key, m.mention_key, m.doc_id) for m in e.mentions],
        )

    def entities(self, kind: str | None = None) -> list[dict[str, Any]]:
        sql = """SELECT e.*, COUNT(m.entity_id) AS n_mentions, COUNT(DISTINCT m.doc_id) AS n_documents
                 FROM entities e LEFT JOIN entity_mentions m USING (entity_id)"""
        args: tuple[Any, ...] = ()
        if kind:
            sql += " WHERE e.kind = ?"
            args = (kind,)
        rows = self.conn.execute(sql + " GROUP BY e.entity_id ORDER BY e.kind, n_mentions DESC, e.name", args)
        return [self._entity_row(r) for r in rows.fetchall()]

    def entity_by_alias(self, name: str) -> dict[str, Any] | None:
        """An entity by key, name or any alias (case-insensitive)."""
        row = self.conn.execute(
            """SELECT e.* FROM entities e WHERE e.entity_key = ?
               UNION SELECT e.* FROM entities e JOIN entity_aliases a USING (entity_id) WHERE a.folded = ?
               LIMIT 1""",
            (name, name.casefold()),
        ).fetchone()
        if row is None:
            return None
        out = self._entity_row(row)
        out["mentions"] = [
            dict(r)
            for r in self.conn.execute(
                "SELECT m.doc_id, d.origin, m.surface, m.role, m.claim_key, m.mention_key "
                "FROM entity_mentions m JOIN documents d USING (doc_id) WHERE m.entity_id = ? ORDER BY d.seq",
                (row["entity_id"],),
            )
        ]
        return out

    def _entity_row(self, r: sqlite3.Row) -> dict[str, Any]:
        row = dict(r)
        row["aliases"] = [
            a[0]
            for a in self.conn.execute(
                "SELECT alias FROM entity_aliases WHERE entity_id = ?", (row["entity_id"],)
            )
        ]
        row["official"] = bool(row.get("official"))
        return row

    def link_pairs(self, claim_keys: Iterable[str]) -> list[dict[str, Any]]:
        """Every stored scored pair with at least one of these claims, strongest first."""
        out: dict[tuple[str, str], dict[str, Any]] = {}
        for k in claim_keys:
            for r in self.conn.execute("SELECT * FROM link_pairs WHERE claim_a = ? OR claim_b = ?", (k, k)):
                row = dict(r)
                row["features"] = json.loads(row.pop("features_json"))
                row["merged"] = bool(row["merged"])
                out[(row["claim_a"], row["claim_b"])] = row
        return sorted(out.values(), key=lambda r: -r["score"])

    def link_details(self, kind: str, key: str) -> dict[str, Any] | None:
        row = self.conn.execute(
            "SELECT details_json FROM link_details WHERE kind = ? AND target_key = ?", (kind, key)
        ).fetchone()
        return json.loads(row[0]) if row else None
