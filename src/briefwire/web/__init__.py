"""web: the review desk, a FastAPI app over the same store.

``create_app(db_path)`` builds the app; ``serve(db_path, host, port)`` runs it with uvicorn and
refuses any address but loopback while the ledger has no accounts. This package is the desk's
entry point: the library API (``briefwire.api``) never imports it, the web layer builds on the
API. ``add_user`` and
``check_password`` manage accounts (argon2 hashes).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from pathlib import Path

from .app import create_app
from .auth import ROLES, User, add_user, check_password
from .settings import WebSettings

__all__ = [
    "ROLES",
    "UnsafeBindError",
    "User",
    "WebSettings",
    "add_user",
    "check_bind",
    "check_password",
    "create_app",
    "is_loopback",
    "serve",
]


class UnsafeBindError(RuntimeError):
    """Serving on a non-loopback address without any user accounts."""


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(db_path: Path | str, host: str, port: int) -> None:
    """Refuse another address than loopback while the ledger has no accounts."""
    from briefwire.store import Store  # noqa: PLC0415

    if is_loopback(host):
        return
    with Store(db_path) as store:
        has_users = bool(store.users())
    if not has_users:
        raise UnsafeBindError(
            f"refusing to serve {db_path} on {host}: the desk has no user accounts, so anyone who "
            f"can reach {host}:{port} could change the ledger. Create one first with "
            "`briefwire user add NAME --role editor`, or serve on 127.0.0.1."
        )


def serve(
    db_path: Path | str,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    settings: WebSettings | None = None,
    announce: Callable[[str], None] | None = None,
) -> None:
    """Run the desk until interrupted. Another address than loopback needs accounts first.

    ``announce`` is called with the desk's address once the address is allowed, just before the
    server starts: a refused address is never shown as if the desk were running there.
    """
    import uvicorn  # noqa: PLC0415 - only the server needs it

    check_bind(db_path, host, port)
    if announce is not None:
        shown = f"[{host}]" if ":" in host else host
        announce(f"http://{shown}:{port}/")
    uvicorn.run(
        create_app(Path(db_path), settings=settings),
        host=host,
        port=port,
        log_level="info",
        proxy_headers=False,
        server_header=False,
    )
