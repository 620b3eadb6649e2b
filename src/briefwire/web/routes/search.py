"""Full-text search over the clean passages."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from ..deps import Reader, StoreDep, render, settings_of
from ..text import fts_segments

router = APIRouter()
MAX_QUERY = 500


@router.get("/search")
def search(
    request: Request,
    *,
    q: str = "",
    page: int = 1,
    user: Reader,
    store: StoreDep,
) -> Response:
    q = q.strip()[:MAX_QUERY]
    size = settings_of(request).page_size
    page = max(1, page)
    hits = store.search_marked(q, limit=size + 1, offset=(page - 1) * size) if q else []
    more = len(hits) > size
    rows = [{**h, "segments": fts_segments(h["snippet"] or "")} for h in hits[:size]]
    return render(request, "search.html", user, q=q, rows=rows, page=page, more=more)
