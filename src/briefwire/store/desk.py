"""The desk's sessions and login attempts, kept in the ledger.

Both are security state that must outlive a restart and be shared by every worker process of
the desk: sessions so that logout and a password change end them at once, login attempts so
that the throttle cannot be reset by restarting or raced by parallel requests. Every decision
that counts attempts runs in one ``BEGIN IMMEDIATE`` transaction, which SQLite serialises.
"""

from __future__ import annotations

import hashlib
import sqlite3
import time
from dataclasses import dataclass
from typing import Any

from .db import now_iso, transaction


@dataclass(frozen=True)
class LoginLimits:
    """Failed attempts allowed within ``window`` seconds.

    ``pair``: one name from one address (a guesser at one account). ``address``: all names from
    one address (one password sprayed over many names). ``name``: one name from every address
    (a guesser spread over many addresses); an address the name has logged in from before is
    exempt from this one, so such a guesser cannot lock the real user out.
    """

    pair: int = 5
    address: int = 20
    name: int = 20
    window: float = 300.0
    known_for: float = 30 * 86400.0


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


class SessionStore:
    conn: sqlite3.Connection

    # ---- sessions ------------------------------------------------------------------------
    def start_session(self, user_name: str, token: str, expires_at: float) -> None:
        with transaction(self.conn):
            self.conn.execute("DELETE FROM desk_sessions WHERE expires_at <= ?", (time.time(),))
            self.conn.execute(
                "INSERT INTO desk_sessions(token_hash, user_id, created_at, expires_at) "
                "SELECT ?, user_id, ?, ? FROM users WHERE name = ?",
                (token_hash(token), now_iso(), expires_at, user_name),
            )

    def session_user(self, token: str, now: float) -> dict[str, Any] | None:
        """The user a live session token belongs to, or None (unknown, ended or expired)."""
        row = self.conn.execute(
            "SELECT u.* FROM desk_sessions s JOIN users u ON u.user_id = s.user_id "
            "WHERE s.token_hash = ? AND s.expires_at > ?",
            (token_hash(token), now),
        ).fetchone()
        return dict(row) if row else None

    def end_session(self, token: str) -> None:
        with transaction(self.conn):
            self.conn.execute("DELETE FROM desk_sessions WHERE token_hash = ?", (token_hash(token),))

    def end_sessions_of(self, user_name: str) -> None:
        """Every session of a user ends (a new password or role, a removed account)."""
        with transaction(self.conn):
            end_sessions_of(self.conn, user_name)

    # ---- login attempts ------------------------------------------------------------------
    def begin_login(self, name: str, address: str, now: float, limits: LoginLimits) -> int | None:
        """Record an attempt as failed before its password is checked; None if throttled."""
        since = now - limits.window
        with transaction(self.conn):
            c = self.conn
            c.execute(
                "DELETE FROM login_attempts WHERE (ok = 0 AND at <= ?) OR at <= ?",
                (since, now - limits.known_for),
            )
            fails = "SELECT COUNT(*) FROM login_attempts WHERE ok = 0 AND at > ? AND "
            pair = c.execute(fails + "name = ? AND address = ?", (since, name, address)).fetchone()[0]
            by_address = c.execute(fails + "address = ?", (since, address)).fetchone()[0]
            by_name = c.execute(fails + "name = ?", (since, name)).fetchone()[0]
            known = c.execute(
                "SELECT 1 FROM login_attempts WHERE ok = 1 AND name = ? AND address = ?", (name, address)
            ).fetchone()
            if (
                pair >= limits.pair
                or by_address >= limits.address
                or (by_name >= limits.name and known is None)
            ):
                return None
            cur = c.execute(
                "INSERT INTO login_attempts(name, address, at) VALUES (?, ?, ?)", (name, address, now)
            )
        return int(cur.lastrowid or 0)

    def login_succeeded(self, attempt_id: int) -> None:
        """The attempt was right: it marks its address as known, the pair's failures are forgiven."""
        with transaction(self.conn):
            row = self.conn.execute(
                "SELECT name, address FROM login_attempts WHERE attempt_id = ?", (attempt_id,)
            ).fetchone()
            if row is None:
                return
            self.conn.execute("UPDATE login_attempts SET ok = 1 WHERE attempt_id = ?", (attempt_id,))
            self.conn.execute(
                "DELETE FROM login_attempts WHERE ok = 0 AND name = ? AND address = ?",
                (row["name"], row["address"]),
            )


def end_sessions_of(conn: sqlite3.Connection, user_name: str) -> None:
    conn.execute(
        "DELETE FROM desk_sessions WHERE user_id IN (SELECT user_id FROM users WHERE name = ?)",
        (user_name,),
    )
