"""Logging in and out."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from ..auth import LoginThrottle, check_password
from ..deps import StoreDep, csrf_checked, csrf_token, render

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
    throttle: LoginThrottle = request.app.state.throttle
    if throttle.blocked(name):
        return render(
            request,
            "login.html",
            None,
            status=429,
            next=_local_path(next),
            error="Too many failed attempts for this name; wait a few minutes.",
        )
    user = check_password(store, name, password)
    if user is None:
        throttle.failed(name)
        return render(
            request, "login.html", None, status=401, next=_local_path(next), error="Wrong name or password."
        )
    # A fresh session on login: nothing set before it (by anyone) carries over.
    throttle.succeeded(name)
    request.session.clear()
    request.session["user"] = user.name
    csrf_token(request)
    return RedirectResponse(_local_path(next), status_code=303)


@router.post("/logout", dependencies=[Depends(csrf_checked)])
def logout(request: Request) -> Response:
    request.session.clear()
    return RedirectResponse("/login", status_code=303)
