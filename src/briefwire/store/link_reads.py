"""What incremental linking reads: the claims new ones can touch, not the whole ledger.

Every read here is by an indexed key (claim keys, type and day, event, surname group of a
person entity, re-use group), so a re-link costs what the run added, whatever the ledger holds.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from .claims import claim_row
from .db import chunks, transaction
from .entities import LINK_DOCUMENT_COLUMNS

_CLAIMS = """SELECT c.*, d.origin, d.published, d.title, d.url, d.seq AS doc_seq, s.name AS outlet,
                    e.event_key, dc.claim_key AS denies
             FROM claims c JOIN documents d ON d.doc_id = c.doc_id
             LEFT JOIN sources s ON s.source_id = d.source_id
             LEFT JOIN events e ON e.event_id = c.event_id
             LEFT JOIN claims dc ON dc.claim_id = c.denies_claim_id"""
_MENTIONS = """SELECT m.*, d.origin, d.published, d.seq AS doc_seq, s.name AS outlet
               FROM casualty_mentions m JOIN documents d ON d.doc_id = m.doc_id
               LEFT JOIN sources s ON s.source_id = d.source_id"""


class LinkReads:
    conn: sqlite3.Connection

    def unlinked_claim_keys(self) -> list[str]:
        """Claims in no event yet: what a run added (and claims a reviewer rejected)."""
        return [r[0] for r in self.conn.execute("SELECT claim_key FROM claims WHERE event_id IS NULL")]

    def unlinked_mention_keys(self) -> list[str]:
        return [
            r[0]
            for r in self.conn.execute("SELECT mention_key FROM casualty_mentions WHERE person_id IS NULL")
        ]

    def claim_keys_near(self, type_: str, first: date | None, last: date | None) -> set[str]:
        """Claims of a type dated in [first, last] (by ``link_day``), and its undated ones;
        every claim of the type when the range is open."""
        if first is None or last is None:
            rows = self.conn.execute("SELECT claim_key FROM claims WHERE type = ?", (type_,))
        else:
            rows = self.conn.execute(
                "SELECT claim_key FROM claims "
                "WHERE type = ? AND (link_day IS NULL OR link_day BETWEEN ? AND ?)",
                (type_, first.isoformat(), last.isoformat()),
            )
        return {r[0] for r in rows}

    def claim_keys_sharing_events(self, claim_keys: Iterable[str]) -> set[str]:
        """Every claim of the events these claims belong to."""
        out: set[str] = set()
        for chunk in chunks(claim_keys):
            marks = ",".join("?" * len(chunk))
            out.update(
                r[0]
                for r in self.conn.execute(
                    f"""SELECT o.claim_key FROM claims c JOIN claims o ON o.event_id = c.event_id
                        WHERE c.claim_key IN ({marks}) AND c.event_id IS NOT NULL""",
                    chunk,
                )
            )
        return out

    def claims_by_key(self, claim_keys: Iterable[str]) -> list[dict[str, Any]]:
        """Claims in the export shape, in ledger order (document, then offset)."""
        rows: list[tuple[tuple[int, int, int], dict[str, Any]]] = []
        for chunk in chunks(claim_keys):
            marks = ",".join("?" * len(chunk))
            for r in self.conn.execute(f"{_CLAIMS} WHERE c.claim_key IN ({marks})", chunk):
                rows.append(((int(r["doc_seq"]), int(r["start"]), int(r["claim_id"])), claim_row(r)))
        return [row for _, row in sorted(rows, key=lambda t: t[0])]

    def claim_order(self, claim_keys: Iterable[str]) -> dict[str, tuple[int, int, int]]:
        """Each claim's place in ledger order (the order :meth:`claims_by_key` returns), so rows
        read in two goes can be put in one order without reading (and parsing) them again."""
        out: dict[str, tuple[int, int, int]] = {}
        for chunk in chunks(claim_keys):
            marks = ",".join("?" * len(chunk))
            for key, seq, start, claim_id in self.conn.execute(
                f"""SELECT c.claim_key, d.seq, c.start, c.claim_id
                    FROM claims c JOIN documents d ON d.doc_id = c.doc_id WHERE c.claim_key IN ({marks})""",
                chunk,
            ):
                out[key] = (int(seq), int(start), int(claim_id))
        return out

    def mentions_by_key(self, mention_keys: Iterable[str]) -> list[dict[str, Any]]:
        rows: list[tuple[tuple[int, int, int], dict[str, Any]]] = []
        for chunk in chunks(mention_keys):
            marks = ",".join("?" * len(chunk))
            for r in self.conn.execute(f"{_MENTIONS} WHERE m.mention_key IN ({marks})", chunk):
                row = dict(r)
                row["claimed_by"] = json.loads(row.pop("claimed_by_json"))
                rows.append(((int(row.pop("doc_seq")), int(row["start"]), int(row["mention_id"])), row))
        return [row for _, row in sorted(rows, key=lambda t: t[0])]

    def person_group_members(self, groups: Iterable[str]) -> tuple[set[str], set[str]]:
        """(claim keys, mention keys) naming a person of these surname groups."""
        claims: set[str] = set()
        mentions: set[str] = set()
        for group in groups:
            prefix = f"person:{group}|"
            for claim_key, mention_key in self.conn.execute(
                """SELECT m.claim_key, m.mention_key FROM entities e JOIN entity_mentions m USING (entity_id)
                   WHERE e.entity_key >= ? AND e.entity_key < ?""",
                (prefix, prefix + "\U0010ffff"),
            ):
                if claim_key:
                    claims.add(claim_key)
                if mention_key:
                    mentions.add(mention_key)
        return claims, mentions

    def reuse_passages(self, doc_ids: Iterable[str]) -> list[dict[str, Any]]:
        """Passages in a re-use group with a passage of these documents: every member of each
        such group (what link needs to tell re-publication apart), in ledger order."""
        groups: set[int] = set()
        for chunk in chunks(doc_ids):
            marks = ",".join("?" * len(chunk))
            groups.update(
                int(r[0])
                for r in self.conn.execute(
                    f"SELECT DISTINCT reuse_group FROM passages "
                    f"WHERE doc_id IN ({marks}) AND reuse_group IS NOT NULL",
                    chunk,
                )
            )
        rows: list[tuple[int, int, dict[str, Any]]] = []
        for members in chunks(groups):
            marks = ",".join("?" * len(members))
            for r in self.conn.execute(
                f"""SELECT p.doc_id, p.idx, p.reuse_group, d.seq
                    FROM passages p JOIN documents d USING (doc_id) WHERE p.reuse_group IN ({marks})""",
                members,
            ):
                rows.append(
                    (int(r[3]), int(r[1]), {"doc_id": r[0], "index": int(r[1]), "reuse_group": int(r[2])})
                )
        return [row for _, _, row in sorted(rows, key=lambda t: (t[0], t[1]))]

    def link_documents_of(self, doc_ids: Iterable[str]) -> list[dict[str, Any]]:
        """What link needs of these documents (outlet, forward origin, publication date, order,
        the first and last paragraphs where a wire credit stands)."""
        rows: list[dict[str, Any]] = []
        for chunk in chunks(doc_ids):
            marks = ",".join("?" * len(chunk))
            rows.extend(
                dict(r)
                for r in self.conn.execute(
                    f"""SELECT {LINK_DOCUMENT_COLUMNS}
                        FROM documents d LEFT JOIN sources s ON s.source_id = d.source_id
                        WHERE d.doc_id IN ({marks})""",
                    chunk,
                )
            )
        return sorted(rows, key=lambda d: int(d["seq"]))

    # ---- the embedding cache (link.similarity.VectorCache) ----------------------------------
    def vectors(self, model: str, keys: Sequence[str]) -> dict[str, bytes]:
        out: dict[str, bytes] = {}
        for chunk in chunks(keys):
            marks = ",".join("?" * len(chunk))
            for k, v in self.conn.execute(
                f"SELECT text_hash, vector FROM claim_vectors WHERE model = ? AND text_hash IN ({marks})",
                (model, *chunk),
            ):
                out[k] = bytes(v)
        return out

    def keep_vectors(self, model: str, items: Mapping[str, bytes]) -> None:
        with transaction(self.conn):
            self.conn.executemany(
                "INSERT OR IGNORE INTO claim_vectors VALUES (?, ?, ?)",
                [(model, k, v) for k, v in items.items()],
            )
