"""The review desk application: FastAPI, server-rendered pages, no third-party front end."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from urllib.parse import quote

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.sessions import SessionMiddleware

from briefwire.untrusted import without_bidi_controls

from .brief_doc import details
from .deps import LoginRequired
from .routes import ROUTERS
from .settings import WebSettings
from .text import attribution, safe_url

HERE = Path(__file__).parent
# No inline script or style anywhere, nothing from other origins, no framing.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def show(value: object) -> str:
    """A field value as a reviewer reads it: places and quantities in words, None as a dash."""
    if value is None or value in ("", []):
        return "—"
    if isinstance(value, dict):
        if "value" in value:
            return details({"quantity": value}) or "—"
        if "name" in value:
            return details({"location": value}) or "—"
    if isinstance(value, list):
        return "; ".join(show(v) for v in value)
    return str(value)


def shown(value: object) -> object:
    """Every value a template prints, without bidi controls: an unclosed right-to-left override
    in a document's title would otherwise reverse the desk's own labels after it."""
    if isinstance(value, str) and not isinstance(value, Markup):  # the desk prints no Markup of text
        return without_bidi_controls(value)
    return value


def templates() -> Environment:
    env = Environment(
        finalize=shown,
        loader=PackageLoader("briefwire.web", "templates"),
        autoescape=True,  # every template, whatever its name
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_url"] = safe_url
    env.filters["attribution"] = attribution
    env.filters["short"] = lambda key: str(key)[:8]
    env.filters["show"] = show
    return env


def create_app(db_path: Path, *, settings: WebSettings | None = None) -> FastAPI:
    """The desk over the ledger at ``db_path``."""
    settings = settings or WebSettings()
    app = FastAPI(title="briefwire review desk", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.db_path = Path(db_path)
    app.state.settings = settings
    app.state.templates = templates()
    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.secret_key,
        session_cookie="briefwire_session",
        max_age=settings.session_max_age,
        same_site="strict",
        https_only=settings.https_only,
    )

    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.exception_handler(LoginRequired)
    async def to_login(request: Request, exc: LoginRequired) -> Response:
        return RedirectResponse(f"/login?next={quote(exc.next_path)}", status_code=303)

    @app.exception_handler(StarletteHTTPException)
    async def error_page(request: Request, exc: StarletteHTTPException) -> Response:
        html = app.state.templates.get_template("error.html").render(
            status=exc.status_code, detail=str(exc.detail)
        )
        return HTMLResponse(html, status_code=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        # A page for people, not FastAPI's JSON: which parameter, and what it should be.
        detail = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ())[1:]) or 'request'}: {e.get('msg', 'invalid')}"
            for e in exc.errors()
        )
        html = app.state.templates.get_template("error.html").render(status=400, detail=detail)
        return HTMLResponse(html, status_code=400)

    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    for router in ROUTERS:
        app.include_router(router)
    return app
