"""Watched sources: each one's health, last poll and last error; editors pause and resume them."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from briefwire import api

from ..deps import Editor, Reader, StoreDep, flash, render

router = APIRouter()
HEALTH_ORDER = ("failing", "paused", "stale", "new", "ok")


@router.get("/sources")
def sources(request: Request, *, user: Reader, store: StoreDep) -> Response:
    rows = api.sources_list(api.Workspace(store.path, store=store))
    rows.sort(key=lambda r: (HEALTH_ORDER.index(r["health"]), r["name"]))
    counts = {h: sum(1 for r in rows if r["health"] == h) for h in HEALTH_ORDER}
    return render(request, "sources.html", user, rows=rows, counts=counts)


@router.post("/sources/{name}/pause")
def pause(request: Request, *, name: str, user: Editor, store: StoreDep) -> Response:
    action = request.state.form.get("action", "pause")
    ws = api.Workspace(store.path, store=store)
    try:
        if action == "resume":
            api.sources_pause(ws, name, paused=False)
        else:
            api.sources_pause(ws, name, f"paused by {user.name} on the desk")
    except LookupError as exc:
        raise HTTPException(404, str(exc)) from None
    flash(request, f"{'Resumed' if action == 'resume' else 'Paused'} {name}.")
    return RedirectResponse("/sources", status_code=303)
