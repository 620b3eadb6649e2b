"""Writing and reading documents, passages, re-use links and ingest errors."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from briefwire.models import Casualty, Claim, CleanDocument, DedupeResult, Happening, IngestError, Mention
from briefwire.untrusted import storable

from .db import now_iso, transaction
from .dedupe_index import BandKeys
from .fts_query import fts_query, words_query
from .stored_text import pack_clean, pack_raw, unpack_clean, unpack_raw

# The earliest copy of a re-used paragraph: earliest publication date, then earliest ingested.
_ORIGINAL_ORDER = "COALESCE(d.published, '9999'), d.seq"


def raw_text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def text_hash(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).lower().encode()).hexdigest()[:16]


@dataclass(frozen=True)
class DocumentToSave:
    """Everything the pipeline hands the store for one document, written in one transaction."""

    doc: CleanDocument
    dedupe: DedupeResult
    themes: Sequence[str | None]
    passage_signatures: Sequence[bytes | None]
    doc_signature: bytes | None
    outlet_line_hashes: Sequence[str] = ()
    claims: Sequence[Claim] = ()
    casualties: Sequence[Casualty] = ()
    happenings: Sequence[Happening] = ()
    mentions: Sequence[Mention] = ()
    bands: BandKeys | None = None  # the dedupe index's keys; None: not indexed (a later run does it)


class DocumentStore:
    conn: sqlite3.Connection

    # ---- writing -------------------------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,)).fetchone() is not None

    def add_origin(self, doc_id: str, origin: str, raw_hash: str) -> bool:
        """Record another place an already-stored document was seen; False if known already."""
        with transaction(self.conn):
            cur = self.conn.execute(
                "INSERT OR IGNORE INTO document_origins VALUES (?, ?, ?, ?)",
                (doc_id, origin, raw_hash, now_iso()),
            )
        return cur.rowcount > 0

    def doc_id_for_raw(self, raw_hash: str) -> str | None:
        """The stored document whose raw text, as read somewhere, had this hash."""
        row = self.conn.execute(
            "SELECT doc_id FROM document_origins WHERE raw_hash = ? LIMIT 1", (raw_hash,)
        ).fetchone()
        return None if row is None else str(row[0])

    def save_document(self, item: DocumentToSave) -> None:
        """Write a document with its passages, removed spans and links, all or nothing."""
        with transaction(self.conn):
            self._insert_document(item)
            self._clear_retried(item.doc.raw.origin)
            if item.claims or item.casualties or item.happenings or item.mentions:
                self._insert_extraction(
                    item.doc.doc_id, item.claims, item.casualties, item.happenings, item.mentions
                )

    def _insert_extraction(
        self,
        doc_id: str,
        claims: Sequence[Claim],
        casualties: Sequence[Casualty],
        happenings: Sequence[Happening] = (),
        mentions: Sequence[Mention] = (),
    ) -> None:
        raise NotImplementedError  # provided by ClaimStore

    def _insert_bands(self, seq: int, keys: BandKeys) -> None:
        raise NotImplementedError  # provided by DedupeIndexStore

    def _mark_indexed(self, seq: int) -> None:
        raise NotImplementedError  # provided by DedupeIndexStore

    def record_error(self, error: IngestError) -> None:
        """Record a failure; the same failure again (a re-run) counts an attempt, not a new row."""
        with transaction(self.conn):
            self.conn.execute(
                "INSERT INTO ingest_errors(origin, stage, reason, retryable, at) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT(origin, stage, reason) DO UPDATE SET "
                "at = excluded.at, retryable = excluded.retryable, attempts = attempts + 1",
                (
                    storable(error.origin),
                    error.stage,
                    storable(error.reason),
                    int(error.retryable),
                    now_iso(),
                ),
            )

    def _clear_retried(self, origin: str) -> None:
        """An input stored at last: its retryable failures (disk full, a lock) are over."""
        self.conn.execute("DELETE FROM ingest_errors WHERE origin = ? AND retryable = 1", (origin,))

    def _source_id(self, doc: CleanDocument) -> int | None:
        raw = doc.raw
        if not raw.outlet:
            return None
        self.conn.execute(
            "INSERT OR IGNORE INTO sources(name, kind, language) VALUES (?, ?, ?)",
            (raw.outlet, raw.source_kind, doc.language),
        )
        row = self.conn.execute("SELECT source_id FROM sources WHERE name = ?", (raw.outlet,)).fetchone()
        return int(row[0])

    def _insert_document(self, item: DocumentToSave) -> None:
        doc, raw, dd = item.doc, item.doc.raw, item.dedupe
        seq = self.conn.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM documents").fetchone()[0]
        source_id = self._source_id(doc)
        self.conn.execute(
            """INSERT INTO documents(doc_id, seq, origin, format, url, source_id, title, dek, author,
                   published, published_precision, published_basis, published_note, language,
                   forwarded_from, raw_text, clean_text, near_duplicate_of, near_duplicate_score,
                   doc_signature, extra_json, ingested_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                doc.doc_id,
                seq,
                raw.origin,
                raw.format,
                raw.url,
                source_id,
                doc.title,
                doc.dek,
                raw.author,
                doc.published.date,
                doc.published.precision,
                doc.published.basis,
                doc.published.note,
                doc.language,
                raw.forwarded_from,
                pack_raw(raw.text),
                pack_clean(doc.text, [p.text for p in doc.paragraphs]),
                dd.near_duplicate_of,
                dd.near_duplicate_score,
                item.doc_signature,
                json.dumps(raw.extra, ensure_ascii=False),
                now_iso(),
            ),
        )
        self.conn.execute(
            "INSERT INTO document_origins VALUES (?, ?, ?, ?)",
            (doc.doc_id, raw.origin, raw_text_hash(raw.text), now_iso()),
        )
        self.conn.executemany(
            'INSERT INTO removed_spans(doc_id, start, "end", text, reason) VALUES (?, ?, ?, ?, ?)',
            [(doc.doc_id, r.start, r.end, r.text, r.reason) for r in doc.removed],
        )
        ids: dict[int, int] = {}
        for p in doc.paragraphs:
            theme = item.themes[p.index] if p.index < len(item.themes) else None
            sig = item.passage_signatures[p.index] if p.index < len(item.passage_signatures) else None
            cur = self.conn.execute(
                'INSERT INTO passages(doc_id, idx, start, "end", text, text_hash, theme, signature) '
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (doc.doc_id, p.index, p.start, p.end, p.text, text_hash(p.text), theme, sig),
            )
            ids[p.index] = int(cur.lastrowid or 0)
        for link in dd.reuse:
            self._link_reuse(ids[link.index], link.other_doc_id, link.other_index, link.similarity)
        if item.bands is not None:
            self._insert_bands(seq, item.bands)
            self._mark_indexed(seq)
        if source_id is not None and item.outlet_line_hashes:
            self.conn.executemany(
                "INSERT INTO outlet_line_counts VALUES (?, ?, 1) "
                "ON CONFLICT(source_id, line_hash) DO UPDATE SET n_docs = n_docs + 1",
                [(source_id, h) for h in set(item.outlet_line_hashes)],
            )

    def _link_reuse(self, passage_id: int, other_doc: str, other_idx: int, similarity: float) -> None:
        row = self.conn.execute(
            "SELECT passage_id, reuse_group FROM passages WHERE doc_id = ? AND idx = ?",
            (other_doc, other_idx),
        ).fetchone()
        if row is None:
            return
        other_id, group = int(row[0]), row[1]
        if group is None:
            group = other_id
            self.conn.execute("UPDATE passages SET reuse_group = ? WHERE passage_id = ?", (group, other_id))
        self.conn.execute(
            "UPDATE passages SET reuse_group = COALESCE(reuse_group, ?) WHERE passage_id = ?",
            (group, passage_id),
        )
        self.conn.execute(
            "INSERT OR IGNORE INTO reuse_links VALUES (?, ?, ?)", (passage_id, other_id, similarity)
        )

    # ---- what dedupe and clean need back -------------------------------------------------
    def paragraph_signatures(self) -> Iterator[tuple[str, int, bytes]]:
        for row in self.conn.execute(
            "SELECT doc_id, idx, signature FROM passages WHERE signature IS NOT NULL ORDER BY passage_id"
        ):
            yield row[0], int(row[1]), bytes(row[2])

    def document_signatures(self) -> Iterator[tuple[str, bytes]]:
        for row in self.conn.execute(
            "SELECT doc_id, doc_signature FROM documents WHERE doc_signature IS NOT NULL ORDER BY seq"
        ):
            yield row[0], bytes(row[1])

    def outlet_line_counts(self, outlet: str, hashes: Iterable[str]) -> dict[str, int]:
        wanted = list(set(hashes))
        out: dict[str, int] = {}
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for row in self.conn.execute(
                f"SELECT o.line_hash, o.n_docs FROM outlet_line_counts o JOIN sources s USING (source_id) "
                f"WHERE s.name = ? AND o.line_hash IN ({marks})",
                (outlet, *chunk),
            ):
                out[row[0]] = int(row[1])
        return out

    # ---- reading -------------------------------------------------------------------------
    def documents(self, since: str | None = None, until: str | None = None) -> list[dict[str, Any]]:
        sql = """SELECT d.doc_id, d.origin, d.url, s.name AS outlet, s.kind AS source_kind, d.title,
                        d.author, d.published, d.published_precision, d.published_basis, d.language,
                        d.near_duplicate_of AS duplicate_of, d.format, d.seq, d.ingested_at,
                        (SELECT COUNT(*) FROM passages p WHERE p.doc_id = d.doc_id) AS n_passages
                 FROM documents d LEFT JOIN sources s USING (source_id)"""
        where, args = _period(since, until)
        return [dict(r) for r in self.conn.execute(f"{sql} {where} ORDER BY d.seq", args)]

    def document(self, doc_id: str) -> dict[str, Any] | None:
        """One document by id or unique id prefix, with its text and what cleaning removed."""
        rows = self.conn.execute(
            """SELECT d.*, s.name AS outlet, s.kind AS source_kind FROM documents d
               LEFT JOIN sources s USING (source_id) WHERE d.doc_id LIKE ? || '%' LIMIT 2""",
            (doc_id,),
        ).fetchall()
        if len(rows) != 1:
            return None
        doc = dict(rows[0])
        doc.pop("doc_signature", None)
        doc["removed"] = [
            dict(r)
            for r in self.conn.execute(
                'SELECT start, "end", text, reason FROM removed_spans WHERE doc_id = ? ORDER BY start',
                (doc["doc_id"],),
            )
        ]
        doc["origins"] = [
            r[0]
            for r in self.conn.execute(
                "SELECT origin FROM document_origins WHERE doc_id = ? ORDER BY seen_at", (doc["doc_id"],)
            )
        ]
        doc["passages"] = self.passages(doc_id=doc["doc_id"])
        doc["raw_text"] = unpack_raw(doc["raw_text"])
        doc["clean_text"] = unpack_clean(doc["clean_text"], [p["text"] for p in doc["passages"]])
        return doc

    def passages(
        self, doc_id: str | None = None, since: str | None = None, until: str | None = None
    ) -> list[dict[str, Any]]:
        """Kept passages with their re-use origin (the earliest document carrying the text)."""
        where, args = _period(since, until)
        if doc_id is not None:
            where = (where + " AND" if where else "WHERE") + " p.doc_id = ?"
            args = (*args, doc_id)
        sql = f"""
            SELECT p.passage_id, p.doc_id, d.origin, p.idx AS "index", p.start, p."end", p.text,
                   p.theme, p.reuse_group, d.published, s.name AS outlet, d.title, d.url,
                   (SELECT d2.doc_id FROM passages p2 JOIN documents d2 ON d2.doc_id = p2.doc_id
                     WHERE p.reuse_group IS NOT NULL AND p2.reuse_group = p.reuse_group
                     ORDER BY {_ORIGINAL_ORDER.replace("d.", "d2.")} LIMIT 1) AS group_original
            FROM passages p JOIN documents d ON d.doc_id = p.doc_id
            LEFT JOIN sources s ON s.source_id = d.source_id
            {where} ORDER BY d.seq, p.idx"""
        out = []
        for r in self.conn.execute(sql, args):
            row = dict(r)
            original = row.pop("group_original")
            row["reused_from"] = original if original and original != row["doc_id"] else None
            out.append(row)
        return out

    def removed_spans(self, doc_id: str | None = None) -> list[dict[str, Any]]:
        sql = (
            'SELECT r.doc_id, d.origin, r.start, r."end", r.text, r.reason FROM removed_spans r '
            "JOIN documents d USING (doc_id)"
        )
        args: tuple[Any, ...] = ()
        if doc_id:
            sql += " WHERE r.doc_id = ?"
            args = (doc_id,)
        return [dict(r) for r in self.conn.execute(sql + " ORDER BY d.seq, r.start", args)]

    def reuse_groups(self, doc_id: str | None = None) -> list[dict[str, Any]]:
        """Each re-used passage with the earliest copy it comes from."""
        rows = [p for p in self.passages(doc_id=doc_id) if p["reused_from"]]
        for p in rows:
            orig = self.conn.execute(
                """SELECT p2.idx, p2.text, d2.origin, d2.title FROM passages p2
                   JOIN documents d2 USING (doc_id)
                   WHERE p2.reuse_group = ? AND p2.doc_id = ? ORDER BY p2.idx LIMIT 1""",
                (p["reuse_group"], p["reused_from"]),
            ).fetchone()
            p["original"] = dict(orig) if orig else None
        return rows

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        """Full-text search over clean passages (FTS5 syntax; plain words are ANDed)."""
        sql = """SELECT p.doc_id, p.idx AS "index", d.title, d.origin, d.published,
                        snippet(passages_fts, 0, '[', ']', ' … ', 16) AS snippet, bm25(passages_fts) AS score
                 FROM passages_fts JOIN passages p ON p.passage_id = passages_fts.rowid
                 JOIN documents d ON d.doc_id = p.doc_id
                 WHERE passages_fts MATCH ? ORDER BY score LIMIT ?"""
        try:
            rows = self.conn.execute(sql, (fts_query(query), limit)).fetchall()
        except sqlite3.OperationalError:
            # Not valid FTS5 syntax (a stray quote, a colon): search for the words as phrases.
            words = words_query(query)
            rows = self.conn.execute(sql, (words, limit)).fetchall() if words else []
        return [dict(r) for r in rows]

    def errors(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self.conn.execute("SELECT * FROM ingest_errors ORDER BY error_id")]

    def stats(self) -> dict[str, Any]:
        """Counts of what the ledger holds, one flat object (every value a number, a date or
        None), the same keys whatever the ledger holds: passages per theme as ``theme:NAME``."""

        def one(sql: str) -> Any:
            return self.conn.execute(sql).fetchone()[0]

        documents = one("SELECT COUNT(*) FROM documents")
        origins = one("SELECT COUNT(*) FROM document_origins")
        counts: dict[str, Any] = {
            "documents": documents,
            "duplicates": origins - documents,
            "near_duplicates": one("SELECT COUNT(*) FROM documents WHERE near_duplicate_of IS NOT NULL"),
            "origins": origins,
            "passages": one("SELECT COUNT(*) FROM passages"),
            "reused_passages": one("SELECT COUNT(*) FROM reuse_links"),
            "removed_spans": one("SELECT COUNT(*) FROM removed_spans"),
            "sources": one("SELECT COUNT(*) FROM sources"),
            "claims": one("SELECT COUNT(*) FROM claims"),
            "events": one("SELECT COUNT(*) FROM events"),
            "casualties": one("SELECT COUNT(*) FROM persons"),
            "casualty_mentions": one("SELECT COUNT(*) FROM casualty_mentions"),
            "ingest_errors": one("SELECT COUNT(*) FROM ingest_errors"),
            "first_published": one("SELECT MIN(published) FROM documents"),
            "last_published": one("SELECT MAX(published) FROM documents"),
        }
        for theme, n in self.conn.execute(
            "SELECT COALESCE(theme, '(none)'), COUNT(*) FROM passages GROUP BY 1 ORDER BY 2 DESC, 1"
        ):
            counts[f"theme:{theme}"] = n
        return counts


def _period(since: str | None, until: str | None) -> tuple[str, tuple[Any, ...]]:
    """WHERE for documents published in [since, until] (days); both bounds can use the index
    on ``published`` ('~' sorts after every ISO date and time of the day ``until``)."""
    clauses, args = [], []
    if since:
        clauses.append("d.published >= ?")
        args.append(since)
    if until:
        clauses.append("d.published < ?")
        args.append(until[:10] + "~")
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", tuple(args)
