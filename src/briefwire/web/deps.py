"""Per-request plumbing: one store per request, who is asking, CSRF, rendering."""

from __future__ import annotations

import ipaddress
import re
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment

from briefwire.store import Store
from briefwire.store.web_queries import WebQueries

from .auth import User, local_user, session_user
from .settings import WebSettings

CSRF_FIELD = "csrf_token"
SESSION_KEY = "sid"  # the server-side session's token in the signed cookie
LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1", "[::1]"}
MAX_PAGE = 100_000  # far past any ledger's last page, well inside SQLite's 64-bit integers
MAX_TEXT_PARAM = 500
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]+")

# A page number: a whole number 1..MAX_PAGE, anything else is a 400 that says so.
Page = Annotated[int, Query(ge=1, le=MAX_PAGE)]


def text_param(value: str | None) -> str:
    """A text query parameter as the desk uses it: no control characters (a NUL ends SQLite's
    reading of an FTS query), trimmed, at most MAX_TEXT_PARAM characters."""
    return _CONTROLS.sub(" ", value or "").strip()[:MAX_TEXT_PARAM]


def page_param(value: str | None) -> int:
    """A page number read by hand from the query string, validated as ``Page`` is."""
    try:
        page = int(value or "1")
    except ValueError:
        page = 0
    if not 1 <= page <= MAX_PAGE:
        raise HTTPException(400, f"page: give a whole number from 1 to {MAX_PAGE}.")
    return page


class DeskStore(Store, WebQueries):
    """The store with the desk's extra reads (harmless once ``Store`` mixes them in itself)."""


class LoginRequired(Exception):  # noqa: N818 - it is a signal, handled by a redirect
    def __init__(self, next_path: str) -> None:
        super().__init__(next_path)
        self.next_path = next_path


def settings_of(request: Request) -> WebSettings:
    settings: WebSettings = request.app.state.settings
    return settings


def get_store(request: Request) -> Iterator[DeskStore]:
    """A connection of its own for each request: sqlite connections are never shared."""
    db_path: Path = request.app.state.db_path
    store = DeskStore(db_path)
    try:
        yield store
    finally:
        store.close()


StoreDep = Annotated[DeskStore, Depends(get_store)]


def is_loopback_host(host: str) -> bool:
    """Whether a Host header ('localhost:8000', '127.0.0.1', '[::1]:8000') names this machine."""
    if host.startswith("["):
        name = host[1 : host.find("]")] if "]" in host else host
    else:
        name = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
    if name in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def current_user(request: Request, *, store: StoreDep) -> User | None:
    """The logged-in user, the local editor when no accounts exist, or None."""
    if not store.users():
        # No accounts: only a browser talking to a loopback name gets in. A page from elsewhere
        # that re-points its own host name at 127.0.0.1 (DNS rebinding) sends its own Host.
        if not is_loopback_host(request.headers.get("host", "")):
            raise HTTPException(403, "This desk has no accounts and only answers on localhost.")
        return local_user(settings_of(request).local_user)
    return session_user(store, request.session.get(SESSION_KEY))


CurrentUser = Annotated[User | None, Depends(current_user)]


def reader(request: Request, *, user: CurrentUser) -> User:
    """Anyone allowed to read; others are sent to the login page."""
    if user is None:
        raise LoginRequired(request.url.path)
    return user


Reader = Annotated[User, Depends(reader)]


def csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if not isinstance(token, str):
        token = secrets.token_urlsafe(24)
        request.session["csrf"] = token
    return token


async def csrf_checked(request: Request) -> None:
    """Every state-changing request carries the session's token in a form field."""
    form = await request.form()
    # Kept for sync routes that read more fields than they declare (the edit forms).
    request.state.form = {k: v for k, v in form.items() if isinstance(v, str)}
    sent = form.get(CSRF_FIELD)
    expected = request.session.get("csrf")
    if (
        not isinstance(sent, str)
        or not isinstance(expected, str)
        or not secrets.compare_digest(sent, expected)
    ):
        raise HTTPException(403, "Missing or wrong form token: reload the page and try again.")


def editor(_: Annotated[None, Depends(csrf_checked)], user: CurrentUser) -> User:
    """A user allowed to change things, on a request with a valid CSRF token."""
    if user is None:
        raise HTTPException(403, "Log in to change anything.")
    if not user.can_edit:
        raise HTTPException(403, "Viewers can read the desk but not change it.")
    return user


Editor = Annotated[User, Depends(editor)]


def flash(request: Request, message: str, kind: str = "ok") -> None:
    messages = list(request.session.get("flash", []))
    messages.append([kind, message])
    request.session["flash"] = messages[-5:]


def render(
    request: Request, template: str, user: User | None, status: int = 200, **context: Any
) -> HTMLResponse:
    env: Environment = request.app.state.templates
    messages = request.session.pop("flash", [])
    html = env.get_template(template).render(
        request=request,
        user=user,
        csrf=csrf_token(request),
        csrf_field=CSRF_FIELD,
        messages=messages,
        **context,
    )
    return HTMLResponse(html, status_code=status)
