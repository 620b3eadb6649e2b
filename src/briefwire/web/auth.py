"""Accounts, passwords (argon2) and who is asking.

With no accounts in the ledger the desk is one person's local tool: everyone reaching it on the
loopback interface is the local editor. Once an account exists, every page needs a login and
viewers may read but not change anything. Sessions and login attempts are kept in the ledger
(:mod:`briefwire.store.desk`): logout, a new password or a new role end sessions at once, and
the login throttle survives restarts.
"""

from __future__ import annotations

import getpass
import secrets
import time
from dataclasses import dataclass
from typing import Literal

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from starlette.requests import Request

from briefwire.store import LoginLimits, Store

Role = Literal["editor", "viewer"]
ROLES: tuple[Role, ...] = ("editor", "viewer")
MIN_PASSWORD = 8
MAX_NAME_KEPT = 100  # what the throttle keeps of a typed name (real ones have at most 64)

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


def client_address(request: Request) -> str:
    """The address a request came from, as the server saw it (a proxy's own, unless the server
    is told to trust its headers)."""
    return request.client.host if request.client else "unknown"


def log_in(
    store: Store, name: str, password: str, address: str, limits: LoginLimits
) -> User | Literal["throttled"] | None:
    """Check a login, throttled: the attempt is recorded as failed before the slow hash runs,
    in a transaction that also counts the earlier ones, so parallel guesses are all counted."""
    attempt = store.begin_login(name[:MAX_NAME_KEPT], address, time.time(), limits)
    if attempt is None:
        return "throttled"
    user = check_password(store, name, password)
    if user is not None:
        store.login_succeeded(attempt)
    return user


def open_session(store: Store, user: User, max_age: int) -> str:
    """A new server-side session for ``user``; the token goes in the (signed) cookie."""
    token = secrets.token_urlsafe(32)
    store.start_session(user.name, token, time.time() + max_age)
    return token


def session_user(store: Store, token: object) -> User | None:
    """The user of a live session, None if the token is unknown, ended or expired."""
    row = store.session_user(token, time.time()) if isinstance(token, str) else None
    if row is None:
        return None
    return User(str(row["name"]), "editor" if row["role"] == "editor" else "viewer")
