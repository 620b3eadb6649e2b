"""Settings of the review desk, one frozen object (no hidden globals)."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field

from briefwire.store import LoginLimits

SECRET_ENV = "BRIEFWIRE_SECRET_KEY"  # noqa: S105 - the name of a variable, not a secret


def _default_secret() -> str:
    # A key from the environment keeps sessions valid across restarts; otherwise every start
    # gets a fresh key and everyone logs in again, which is safe if a little tedious.
    return os.environ.get(SECRET_ENV) or secrets.token_urlsafe(32)


@dataclass(frozen=True)
class WebSettings:
    """How the desk runs.

    ``local_user`` names the single editor when no accounts exist (the OS user by default).
    ``https_only`` sets the Secure flag on the session cookie (turn on behind an https proxy).
    ``login_limits``: how many failed logins a name, a client address and the pair may make.
    """

    secret_key: str = field(default_factory=_default_secret)
    page_size: int = 25
    session_max_age: int = 12 * 3600
    https_only: bool = False
    local_user: str | None = None
    login_limits: LoginLimits = field(default_factory=LoginLimits)
