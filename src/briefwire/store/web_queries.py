"""Reads the review desk needs beyond the general ones (mixed into ``Store``)."""

from __future__ import annotations

import sqlite3
from typing import Any

from .fts_query import fts_query, words_query

# Control characters never occur in clean text, so they mark search hits unambiguously.
HIT_START, HIT_END = "\x02", "\x03"


class WebQueries:
    conn: sqlite3.Connection

    def search_marked(self, query: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        """Full-text search whose snippets wrap hits in STX/ETX, with paging.

        Not valid FTS5 syntax (a stray quote or colon) is retried as quoted words.
        """
        sql = f"""SELECT p.doc_id, p.idx AS "index", d.title, d.origin, d.url, d.published,
                         s.name AS outlet,
                         snippet(passages_fts, 0, '{HIT_START}', '{HIT_END}', ' … ', 24) AS snippet
                  FROM passages_fts JOIN passages p ON p.passage_id = passages_fts.rowid
                  JOIN documents d ON d.doc_id = p.doc_id
                  LEFT JOIN sources s ON s.source_id = d.source_id
                  WHERE passages_fts MATCH ? ORDER BY bm25(passages_fts) LIMIT ? OFFSET ?"""
        try:
            rows = self.conn.execute(sql, (fts_query(query), limit, offset)).fetchall()
        except sqlite3.OperationalError:
            words = words_query(query)
            rows = self.conn.execute(sql, (words, limit, offset)).fetchall() if words else []
        return [dict(r) for r in rows]
