"""Watched sources and their state: what `briefwire watch` polls and what it has taken."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .db import now_iso, transaction

# Columns a caller may set when adding a source; the state columns start empty.
SOURCE_FIELDS = ("name", "kind", "target", "outlet", "language", "interval_s", "source_kind")
# State a poll writes back.
STATE_FIELDS = (
    "last_fetch",
    "last_success",
    "last_status",
    "next_due",
    "cursor",
    "etag",
    "last_modified",
    "last_error",
    "failures",
    "paused",
    "paused_reason",
)


class WatchStore:
    conn: sqlite3.Connection

    def add_watch_source(self, fields: Mapping[str, Any]) -> None:
        """Add a source; ValueError when its name or target is taken already."""
        values = [fields.get(k) for k in SOURCE_FIELDS]
        try:
            with transaction(self.conn):
                self.conn.execute(
                    f"INSERT INTO watch_sources({', '.join(SOURCE_FIELDS)}, added_at) "
                    f"VALUES ({', '.join('?' * len(SOURCE_FIELDS))}, ?)",
                    (*values, now_iso()),
                )
        except sqlite3.IntegrityError as exc:
            clash = self.conn.execute(
                "SELECT name, target FROM watch_sources WHERE name = ? OR target = ?",
                (fields["name"], fields["target"]),
            ).fetchone()
            what = f"{clash['name']} ({clash['target']})" if clash else "another source"
            raise ValueError(f"source {fields['name']!r} clashes with {what}") from exc

    def update_watch_source(self, name: str, fields: Mapping[str, Any]) -> None:
        """Change a source's settings (outlet, language, interval ...), keeping its state."""
        keys = [k for k in fields if k in SOURCE_FIELDS and k != "name"]
        if keys:
            with transaction(self.conn):
                self.conn.execute(
                    f"UPDATE watch_sources SET {', '.join(f'{k} = ?' for k in keys)} WHERE name = ?",
                    (*(fields[k] for k in keys), name),
                )

    def watch_sources(self) -> list[dict[str, Any]]:
        rows = self.conn.execute("SELECT * FROM watch_sources ORDER BY name").fetchall()
        return [dict(r) for r in rows]

    def watch_source(self, name: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT * FROM watch_sources WHERE name = ?", (name,)).fetchone()
        return None if row is None else dict(row)

    def remove_watch_source(self, name: str) -> bool:
        """Forget a source and what it took (the documents it brought stay in the ledger)."""
        with transaction(self.conn):
            cur = self.conn.execute("DELETE FROM watch_sources WHERE name = ?", (name,))
        return cur.rowcount > 0

    def set_watch_paused(self, name: str, paused: bool, reason: str | None = None) -> bool:
        """Pause (with the reason) or resume; a resumed source is due at once, failures forgotten."""
        with transaction(self.conn):
            if paused:
                cur = self.conn.execute(
                    "UPDATE watch_sources SET paused = 1, paused_reason = ? WHERE name = ?", (reason, name)
                )
            else:
                cur = self.conn.execute(
                    "UPDATE watch_sources SET paused = 0, paused_reason = NULL, failures = 0, next_due = 0 "
                    "WHERE name = ?",
                    (name,),
                )
        return cur.rowcount > 0

    def save_watch_state(self, name: str, state: Mapping[str, Any]) -> None:
        keys = [k for k in state if k in STATE_FIELDS]
        with transaction(self.conn):
            self.conn.execute(
                f"UPDATE watch_sources SET {', '.join(f'{k} = ?' for k in keys)} WHERE name = ?",
                (*(state[k] for k in keys), name),
            )

    def taken_versions(self, source: str, keys: Iterable[str]) -> dict[str, str]:
        """item key -> version already taken, for those of ``keys`` this source has taken."""
        wanted = list(dict.fromkeys(keys))
        found: dict[str, str] = {}
        for start in range(0, len(wanted), 500):
            part = wanted[start : start + 500]
            rows = self.conn.execute(
                f"SELECT item_key, version FROM watch_items WHERE source = ? "
                f"AND item_key IN ({', '.join('?' * len(part))})",
                (source, *part),
            )
            found.update({str(r[0]): str(r[1]) for r in rows})
        return found

    def mark_taken(
        self, source: str, items: Sequence[tuple[str, str, str]], cursor: int | None = None
    ) -> None:
        """Record (item key, version, origin) as handed to the pipeline; counts them once each.

        ``cursor`` (a Telegram post id) moves the source's cursor forward in the same
        transaction, so a kill right after leaves the cursor where the items are.
        """
        if not items:
            return
        with transaction(self.conn):
            self.conn.executemany(
                "INSERT INTO watch_items(source, item_key, version, origin, taken_at) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT(source, item_key) DO UPDATE SET version = excluded.version, "
                "origin = excluded.origin, taken_at = excluded.taken_at",
                [(source, key, version, origin, now_iso()) for key, version, origin in items],
            )
            self.conn.execute(
                "UPDATE watch_sources SET items_taken = items_taken + ? WHERE name = ?", (len(items), source)
            )
            if cursor is not None:
                self.conn.execute(
                    "UPDATE watch_sources SET cursor = ? WHERE name = ? "
                    "AND (cursor IS NULL OR CAST(cursor AS INTEGER) < ?)",
                    (str(cursor), source, cursor),
                )
