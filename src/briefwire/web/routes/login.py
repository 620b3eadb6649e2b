"""Logging in and out."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from ..auth import client_address, log_in, open_session
from ..deps import SESSION_KEY, StoreDep, csrf_checked, csrf_token, render, settings_of

router = APIRouter()


def _local_path(path: str) -> str:
    """Only a path on this site: never send a user on to another site after login."""
    if not path.startswith("/") or path.startswith("//") or "\\" in path:
        return "/"
    return path


@router.get("/login")
def login_page(request: Request, *, next: str = "/") -> Response:
    return render(request, "login.html", None, next=_local_path(next), error=None)


@router.post("/login", dependencies=[Depends(csrf_checked)])
def login(
    request: Request,
    *,
    name: Annotated[str, Form()],
    password: Annotated[str, Form()],
    next: Annotated[str, Form()] = "/",
    store: StoreDep,
) -> Response:
    settings = settings_of(request)
    user = log_in(store, name, password, client_address(request), settings.login_limits)
    if user == "throttled":
        return render(
            request,
            "login.html",
            None,
            status=429,
            next=_local_path(next),
            error="Too many failed attempts; wait a few minutes.",
        )
    if user is None:
        return render(
            request, "login.html", None, status=401, next=_local_path(next), error="Wrong name or password."
        )
    # A fresh session on login: nothing set before it (by anyone) carries over.
    request.session.clear()
    request.session[SESSION_KEY] = open_session(store, user, settings.session_max_age)
    csrf_token(request)
    return RedirectResponse(_local_path(next), status_code=303)


@router.post("/logout", dependencies=[Depends(csrf_checked)])
def logout(request: Request, *, store: StoreDep) -> Response:
    token = request.session.get(SESSION_KEY)
    if isinstance(token, str):
        store.end_session(token)  # the cookie, or a copy of it, no longer opens anything
    request.session.clear()
    return RedirectResponse("/login", status_code=303)
