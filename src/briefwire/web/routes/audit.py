"""The audit log: every human decision, who made it and when, newest first."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from ..deps import Page, Reader, StoreDep, render, settings_of, text_param

router = APIRouter()
KINDS = ("event", "person", "claim", "brief")


@router.get("/audit")
def audit(
    request: Request,
    *,
    kind: str = "",
    who: str = "",
    page: Page = 1,
    user: Reader,
    store: StoreDep,
) -> Response:
    kind, who = text_param(kind), text_param(who)
    rows = store.decisions(kind if kind in KINDS else None)  # type: ignore[arg-type]
    if who:
        rows = [r for r in rows if r["user"] == who]
    rows.reverse()
    size = settings_of(request).page_size * 2
    pages = max(1, -(-len(rows) // size))
    return render(
        request,
        "audit.html",
        user,
        rows=rows[(page - 1) * size : page * size],
        total=len(rows),
        page=page,
        pages=pages,
        kind=kind,
        who=who,
        kinds=KINDS,
    )
