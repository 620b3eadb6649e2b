"""Full-text search over the clean passages."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from ..deps import Page, Reader, StoreDep, render, settings_of, text_param
from ..text import fts_segments

router = APIRouter()


@router.get("/search")
def search(
    request: Request,
    *,
    q: str = "",
    page: Page = 1,
    user: Reader,
    store: StoreDep,
) -> Response:
    q = text_param(q)
    size = settings_of(request).page_size
    hits = store.search_marked(q, limit=size + 1, offset=(page - 1) * size) if q else []
    more = len(hits) > size
    rows = [{**h, "segments": fts_segments(h["snippet"] or "")} for h in hits[:size]]
    return render(request, "search.html", user, q=q, rows=rows, page=page, more=more)
