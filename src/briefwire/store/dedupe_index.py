"""The dedupe index kept in the ledger: band keys by paragraph and document (migration 0080).

The store only keeps integers and bytes; ``briefwire.dedupe.LedgerIndex`` gives them meaning.
Keys of a new document are written in its own transaction (``DocumentToSave.bands``); documents
stored without them (before this table existed, or by other writers) are found by
:meth:`DedupeIndexStore.unindexed_documents` and indexed by the next run.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from .db import chunks, transaction

_TABLES = {"passage": ("passage_bands", "passage_id"), "document": ("document_bands", "doc_seq")}


@dataclass(frozen=True)
class BandKeys:
    """One document's LSH keys: paragraph index -> keys, and the whole document's keys."""

    passages: Mapping[int, Sequence[int]] = field(default_factory=dict)
    document: Sequence[int] = ()


class DedupeIndexStore:
    conn: sqlite3.Connection

    # ---- what the index is made with ----------------------------------------------------
    def dedupe_state(self) -> tuple[str | None, int]:
        """(fingerprint of the options the keys were made with, seq every key is in through)."""
        rows = dict(self.conn.execute("SELECT name, value FROM dedupe_state").fetchall())
        return rows.get("fingerprint"), int(rows.get("indexed_through", 0))

    def reset_dedupe_index(self, fingerprint: str) -> None:
        """Forget every key (they were made with other options); everything gets indexed again."""
        with transaction(self.conn):
            self.conn.execute("DELETE FROM passage_bands")
            self.conn.execute("DELETE FROM document_bands")
            self.conn.executemany(
                "INSERT OR REPLACE INTO dedupe_state VALUES (?, ?)",
                [("fingerprint", fingerprint), ("indexed_through", "0")],
            )

    def unindexed_documents(
        self, after_seq: int
    ) -> Iterator[tuple[int, list[tuple[int, bytes]], bytes | None]]:
        """(seq, [(paragraph index, signature)], document signature) of documents after
        ``after_seq``, in seq order: the ones whose keys may be missing."""
        last = after_seq
        while True:
            docs = self.conn.execute(
                "SELECT seq, doc_id, doc_signature FROM documents WHERE seq > ? ORDER BY seq LIMIT ?",
                (last, 500),
            ).fetchall()
            if not docs:
                return
            for seq, doc_id, blob in docs:
                paragraphs = [
                    (int(r[0]), bytes(r[1]))
                    for r in self.conn.execute(
                        "SELECT idx, signature FROM passages "
                        "WHERE doc_id = ? AND signature IS NOT NULL ORDER BY idx",
                        (doc_id,),
                    )
                ]
                yield int(seq), paragraphs, None if blob is None else bytes(blob)
                last = int(seq)

    def add_band_keys(self, items: Sequence[tuple[int, BandKeys]]) -> None:
        """Index stored documents (by seq), and move the indexed-through mark past them."""
        with transaction(self.conn):
            for seq, keys in items:
                self._insert_bands(seq, keys)
            if items:
                self.conn.execute(
                    "INSERT OR REPLACE INTO dedupe_state VALUES ('indexed_through', ?)", (str(items[-1][0]),)
                )

    def _insert_bands(self, seq: int, keys: BandKeys) -> None:
        """Write one document's keys (inside a transaction); passages must be stored already."""
        ids = {
            int(r[0]): int(r[1])
            for r in self.conn.execute(
                "SELECT p.idx, p.passage_id FROM passages p JOIN documents d USING (doc_id) WHERE d.seq = ?",
                (seq,),
            )
        }
        self.conn.executemany(
            "INSERT OR IGNORE INTO passage_bands VALUES (?, ?)",
            [(k, ids[index]) for index, ks in keys.passages.items() if index in ids for k in ks],
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO document_bands VALUES (?, ?)", [(k, seq) for k in keys.document]
        )

    def _mark_indexed(self, seq: int) -> None:
        """The document ``seq`` was stored with its keys: move the mark if it was right behind."""
        self.conn.execute(
            "UPDATE dedupe_state SET value = ? WHERE name = 'indexed_through' AND CAST(value AS INTEGER) = ?",
            (str(seq), seq - 1),
        )

    # ---- what LedgerIndex asks ------------------------------------------------------------
    def any_bands(self, kind: str) -> bool:
        table, _ = _TABLES[kind]
        return self.conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is not None

    def band_members(self, kind: str, keys: Sequence[int], limit: int) -> list[list[int]]:
        """Per key, its newest ``limit`` members (each key a seek that stops after ``limit``
        rows, however full its bucket). Most keys of a new document are held by no one: which
        are held is asked first, in one statement per 500 keys, and only those are read."""
        table, column = _TABLES[kind]
        held: set[int] = set()
        for chunk in chunks(set(keys)):
            held.update(
                int(r[0])
                for r in self.conn.execute(
                    f"SELECT k.value FROM json_each(?) k "
                    f"WHERE EXISTS (SELECT 1 FROM {table} b WHERE b.band_key = k.value)",
                    (json.dumps(chunk),),
                )
            )
        sql = f"SELECT {column} FROM {table} WHERE band_key = ? ORDER BY {column} DESC LIMIT ?"
        members: dict[int, list[int]] = {
            key: [int(r[0]) for r in self.conn.execute(sql, (key, limit))] for key in held
        }
        return [members.get(key, []) for key in keys]

    def passage_signatures(self, passage_ids: Sequence[int]) -> dict[int, tuple[str, int, bytes]]:
        out = {}
        for chunk in chunks(passage_ids):
            marks = ",".join("?" * len(chunk))
            for r in self.conn.execute(
                f"SELECT passage_id, doc_id, idx, signature FROM passages "
                f"WHERE passage_id IN ({marks}) AND signature IS NOT NULL",
                chunk,
            ):
                out[int(r[0])] = (str(r[1]), int(r[2]), bytes(r[3]))
        return out

    def document_signatures_by_seq(self, seqs: Sequence[int]) -> dict[int, tuple[str, bytes]]:
        out = {}
        for chunk in chunks(seqs):
            marks = ",".join("?" * len(chunk))
            for r in self.conn.execute(
                f"SELECT seq, doc_id, doc_signature FROM documents "
                f"WHERE seq IN ({marks}) AND doc_signature IS NOT NULL",
                chunk,
            ):
                out[int(r[0])] = (str(r[1]), bytes(r[2]))
        return out
