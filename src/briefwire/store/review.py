"""Human decisions (an append-only audit log) and the users who make them.

Machine output (claims, events, persons) is rebuilt freely; decisions refer to stable keys
and are never touched by re-processing, so a reviewer's work survives re-ingest and re-linking.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any, Literal

from .db import now_iso, transaction
from .desk import end_sessions_of

TargetKind = Literal["event", "person", "claim", "brief"]
ACTIONS = ("accept", "reject", "edit", "merge", "split", "include", "exclude", "order", "reset")


class ReviewStore:
    conn: sqlite3.Connection

    def add_decision(
        self,
        kind: TargetKind,
        key: str,
        action: str,
        user: str,
        *,
        field: str | None = None,
        value: Any = None,
    ) -> int:
        if action not in ACTIONS:
            raise ValueError(f"unknown review action {action!r}; expected one of {', '.join(ACTIONS)}")
        with transaction(self.conn):
            cur = self.conn.execute(
                "INSERT INTO decisions(target_kind, target_key, action, field, value_json, user, at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (kind, key, action, field, json.dumps(value, ensure_ascii=False), user, now_iso()),
            )
        return int(cur.lastrowid or 0)

    def decisions(self, kind: TargetKind | None = None, key: str | None = None) -> list[dict[str, Any]]:
        clauses: list[str] = []
        args: list[Any] = []
        if kind:
            clauses.append("target_kind = ?")
            args.append(kind)
        if key:
            clauses.append("target_key = ?")
            args.append(key)
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        out = []
        for r in self.conn.execute(f"SELECT * FROM decisions {where} ORDER BY decision_id", args):
            row = dict(r)
            row["value"] = json.loads(row.pop("value_json")) if row["value_json"] is not None else None
            out.append(row)
        return out

    def review_state(self, kind: TargetKind, key: str) -> str:
        """unreviewed, accepted, rejected or edited: the latest accept/reject wins; edits show."""
        state, edited = "unreviewed", False
        for d in self.decisions(kind, key):
            if d["action"] == "accept":
                state = "accepted"
            elif d["action"] == "reject":
                state = "rejected"
            elif d["action"] == "reset":
                state, edited = "unreviewed", False
            elif d["action"] == "edit":
                edited = True
        if edited and state != "rejected":
            return "edited"
        return state

    def edits(self, kind: TargetKind, key: str) -> dict[str, Any]:
        """The current human value of each edited field (latest edit wins)."""
        out: dict[str, Any] = {}
        for d in self.decisions(kind, key):
            if d["action"] == "edit" and d["field"]:
                out[d["field"]] = d["value"]
            elif d["action"] == "reset":
                out.clear()
        return out

    # ---- users ---------------------------------------------------------------------------
    def add_user(self, name: str, role: str, password_hash: str) -> None:
        with transaction(self.conn):
            self.conn.execute(
                "INSERT INTO users(name, role, password_hash, created_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(name) DO UPDATE SET role = excluded.role, "
                "password_hash = excluded.password_hash",
                (name, role, password_hash, now_iso()),
            )
            # A new password or role ends every session the old one opened.
            end_sessions_of(self.conn, name)

    def user(self, name: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT * FROM users WHERE name = ?", (name,)).fetchone()
        return dict(row) if row else None

    def users(self) -> list[dict[str, Any]]:
        return [
            dict(r)
            for r in self.conn.execute("SELECT user_id, name, role, created_at FROM users ORDER BY name")
        ]
