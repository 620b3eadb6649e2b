"""Accounts, passwords (argon2) and who is asking.

With no accounts in the ledger the desk is one person's local tool: everyone reaching it on the
loopback interface is the local editor. Once an account exists, every page needs a login and
viewers may read but not change anything.
"""

from __future__ import annotations

import getpass
import threading
import time
from dataclasses import dataclass
from typing import Literal

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from briefwire.store import Store

Role = Literal["editor", "viewer"]
ROLES: tuple[Role, ...] = ("editor", "viewer")
MIN_PASSWORD = 8

_hasher = PasswordHasher()
# Verifying against this when the name is unknown costs the same time as a real check, so a
# login's timing does not tell whether an account exists.
_DUMMY_HASH = _hasher.hash("briefwire-not-a-password")


@dataclass(frozen=True)
class User:
    name: str
    role: Role
    local: bool = False

    @property
    def can_edit(self) -> bool:
        return self.role == "editor"


def add_user(store: Store, name: str, role: str, password: str) -> None:
    """Create an account (or reset its role and password); the password is stored as argon2."""
    name = name.strip()
    if not name or len(name) > 64 or any(c.isspace() for c in name):
        raise ValueError(f"user name {name!r}: give 1-64 characters without spaces")
    if role not in ROLES:
        raise ValueError(f"user {name!r}: role {role!r} is not one of {', '.join(ROLES)}")
    if len(password) < MIN_PASSWORD:
        raise ValueError(f"user {name!r}: the password needs at least {MIN_PASSWORD} characters")
    store.add_user(name, role, _hasher.hash(password))


def check_password(store: Store, name: str, password: str) -> User | None:
    """The user if the password is right, else None."""
    row = store.user(name)
    stored = row["password_hash"] if row else _DUMMY_HASH
    try:
        _hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return None
    if row is None:
        return None
    return User(str(row["name"]), "editor" if row["role"] == "editor" else "viewer")


def local_user(configured: str | None) -> User:
    """The single editor of a desk that has no accounts."""
    try:
        name = configured or getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (some containers)
        name = "local"
    return User(name, "editor", local=True)


class LoginThrottle:
    """Slows password guessing: after ``limit`` failures for one name within ``window``
    seconds, that name cannot log in until the window has passed."""

    def __init__(self, limit: int = 5, window: float = 300.0) -> None:
        self.limit, self.window = limit, window
        self._failures: dict[str, list[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, name: str, now: float) -> list[float]:
        kept = [t for t in self._failures.get(name, []) if now - t < self.window]
        self._failures[name] = kept
        return kept

    def blocked(self, name: str) -> bool:
        with self._lock:
            return len(self._recent(name, time.monotonic())) >= self.limit

    def failed(self, name: str) -> None:
        with self._lock:
            now = time.monotonic()
            self._recent(name, now).append(now)

    def succeeded(self, name: str) -> None:
        with self._lock:
            self._failures.pop(name, None)
