"""The event queue: every event with filters, sorting and paging."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import Response

from briefwire.store import EventFilter

from ..deps import DeskStore, Reader, StoreDep, page_param, render, settings_of, text_param
from ..vocab import REVIEW_STATES, STATUSES, event_types, theme_names

router = APIRouter()
FILTERS = ("theme", "type", "region", "since", "until", "source", "status", "review_state", "query")


def _filter_from(request: Request) -> EventFilter:
    q = request.query_params
    values: dict[str, Any] = {k: text_param(q.get(k)) or None for k in FILTERS}
    values["sort"] = "corroboration" if q.get("sort") == "corroboration" else "first_reported"
    return EventFilter(**values)


def pairs(values: Iterable[str]) -> list[tuple[str, str]]:
    return [(v, v) for v in values]


def _options(store: DeskStore) -> dict[str, list[tuple[str, str]]]:
    """Choices for the filter form: the profile's vocabulary plus what the ledger holds."""
    rows, _ = store.events()
    regions: dict[str, str] = {}
    sources: set[str] = set()
    for r in rows:
        loc = r.get("location") or {}
        code, name = loc.get("admin1_code"), loc.get("admin1")
        if code or name:
            regions[str(code or name)] = str(name or code)
        sources.update(str(s) for s in r.get("sources") or [])
    return {
        "theme": pairs(theme_names()),
        "type": pairs(event_types()),
        "status": pairs(STATUSES),
        "review_state": pairs(REVIEW_STATES),
        "region": sorted(regions.items(), key=lambda kv: kv[1]),
        "source": pairs(sorted(sources)),
    }


@router.get("/")
def queue(request: Request, *, user: Reader, store: StoreDep) -> Response:
    flt = _filter_from(request)
    size = settings_of(request).page_size
    page = page_param(request.query_params.get("page"))
    rows, total = store.events(flt, limit=size, offset=(page - 1) * size)
    kept = {k: v for k, v in asdict(flt).items() if v}
    pages = max(1, -(-total // size))

    def link(n: int) -> str:
        return "/?" + urlencode({**kept, "page": n})

    return render(
        request,
        "queue.html",
        user,
        rows=rows,
        total=total,
        page=page,
        pages=pages,
        flt=flt,
        options=_options(store),
        prev_link=link(page - 1) if page > 1 else None,
        next_link=link(page + 1) if page < pages else None,
    )
