"""The brief for a period: choose items, order them, export Markdown and HTML."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from briefwire import api, report

from ..brief_doc import sections
from ..deps import DeskStore, Editor, Reader, StoreDep, flash, render
from ..forms import FormError, parse_date

router = APIRouter()
# The export is a document to keep and mail: its own styles inline, still no script at all.
EXPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'"


def _period(since: str, until: str) -> tuple[str | None, str | None]:
    try:
        lo, _ = parse_date(since.strip(), "since")
        hi, _ = parse_date(until.strip(), "until")
        period = (since.strip() or None) and lo, (until.strip() or None) and hi
        api.check_period(*period)
    except (FormError, api.PeriodError) as exc:
        raise HTTPException(400, str(exc)) from exc
    return period


def period_key(since: str | None, until: str | None) -> str:
    return report.decisions.period_key(since, until)


def brief_items(store: DeskStore, since: str | None, until: str | None) -> list[dict[str, Any]]:
    """The period's events that are not rejected, in the brief's order, each with ``included``.

    The selection (first reported in the period) and the decisions are the ones
    ``briefwire brief`` applies, so what is chosen here is what the CLI writes."""
    events, _ = api.brief_events(api.Workspace(store.path, store=store), since, until)
    rows = [r for r in events if r["review_state"] != "rejected"]
    chosen = report.decisions.from_rows(store.decisions("brief", period_key(since, until)))
    ordered = [ev for _, items in sections(report.decisions.ordered(rows, chosen)) for ev in items]
    return [{**ev, "included": ev["event_id"] not in chosen.excluded} for ev in ordered]


def _back(since: str | None, until: str | None) -> Response:
    query = urlencode({"since": since or "", "until": until or ""})
    return RedirectResponse(f"/brief?{query}", status_code=303)


@router.get("/brief")
def brief(
    request: Request,
    *,
    since: str = "",
    until: str = "",
    user: Reader,
    store: StoreDep,
) -> Response:
    lo, hi = _period(since, until)
    items = brief_items(store, lo, hi)
    query = urlencode({"since": lo or "", "until": hi or ""})
    try:
        made = api.brief(api.Workspace(store.path, store=store), lo, hi)
        problem = None
    except api.PeriodError as exc:  # shown on the page: the editor is choosing a period
        made, problem = None, str(exc)
    return render(
        request,
        "brief.html",
        user,
        since=lo or "",
        until=hi or "",
        query=query,
        sections=sections(items),
        n_included=sum(i["included"] for i in items),
        wording=_wording(made),
        n_lines=made.n_items if made else 0,
        problem=problem,
    )


def _wording(made: report.Brief | None) -> dict[str, str]:
    """Each event's line as the exported brief words it (a grouped event: its paragraph's heading)."""
    out: dict[str, str] = {}
    for item in made.items() if made else []:
        for part in item.parts or (item,):
            for key in part.event_keys:
                out.setdefault(key, f"{item.heading}: {part.text}" if item.heading else part.text)
        for key in item.merged:
            out.setdefault(key, f"{item.heading} (paragraph)" if item.heading else f"with: {item.text}")
    return out


@router.post("/brief/include")
def include(
    request: Request,
    *,
    event: Annotated[str, Form()],
    action: Annotated[str, Form()],
    since: Annotated[str, Form()] = "",
    until: Annotated[str, Form()] = "",
    user: Editor,
    store: StoreDep,
) -> Response:
    lo, hi = _period(since, until)
    if action not in ("include", "exclude"):
        raise HTTPException(400, f"Unknown brief action {action!r}.")
    if store.event(event) is None:
        raise HTTPException(400, f"No event with key {event!r}.")
    store.add_decision("brief", period_key(lo, hi), action, user.name, value=event)
    flash(request, f"Item {event[:8]} {action}d.")
    return _back(lo, hi)


@router.post("/brief/move")
def move(
    request: Request,
    *,
    event: Annotated[str, Form()],
    direction: Annotated[str, Form()],
    since: Annotated[str, Form()] = "",
    until: Annotated[str, Form()] = "",
    user: Editor,
    store: StoreDep,
) -> Response:
    lo, hi = _period(since, until)
    items = brief_items(store, lo, hi)
    keys = [i["event_id"] for i in items]
    if event not in keys or direction not in ("up", "down"):
        raise HTTPException(400, "Move an item of this brief up or down.")
    i = keys.index(event)
    j = i - 1 if direction == "up" else i + 1
    # Items move within their theme: the sections keep the brief's standing order.
    if 0 <= j < len(keys) and items[j]["theme"] == items[i]["theme"]:
        keys[i], keys[j] = keys[j], keys[i]
        store.add_decision("brief", period_key(lo, hi), "order", user.name, value=keys)
    return _back(lo, hi)


@router.get("/brief/export.{fmt}")
def export(
    request: Request,
    *,
    fmt: str,
    since: str = "",
    until: str = "",
    download: bool = False,
    user: Reader,
    store: StoreDep,
) -> Response:
    if fmt not in ("md", "html"):
        raise HTTPException(404, "Export as .md or .html.")
    lo, hi = _period(since, until)
    try:  # the CLI's brief: same selection, same decisions, same renderer
        made = api.brief(api.Workspace(store.path, store=store), lo, hi)
    except api.PeriodError as exc:
        raise HTTPException(400, str(exc)) from exc
    body = report.render_markdown(made) if fmt == "md" else report.render_html(made)
    name = f"brief-{lo or 'start'}-{hi or 'now'}.{fmt}"
    media = "text/markdown; charset=utf-8" if fmt == "md" else "text/html; charset=utf-8"
    disposition = "attachment" if download else "inline"
    headers = {"Content-Disposition": f'{disposition}; filename="{name}"'}
    if fmt == "html":
        headers["Content-Security-Policy"] = EXPORT_CSP
    return Response(body, media_type=media, headers=headers)
