"""Documents: the list, and one document's clean text beside what cleaning removed."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response

from ..deps import Page, Reader, StoreDep, render, settings_of
from ..text import removed_segments

router = APIRouter()


@router.get("/documents")
def documents(
    request: Request,
    *,
    page: Page = 1,
    user: Reader,
    store: StoreDep,
) -> Response:
    rows = list(reversed(store.documents()))  # newest ingested first
    size = settings_of(request).page_size
    pages = max(1, -(-len(rows) // size))
    return render(
        request,
        "documents.html",
        user,
        rows=rows[(page - 1) * size : page * size],
        total=len(rows),
        page=page,
        pages=pages,
    )


@router.get("/documents/{doc_id}")
def document(
    request: Request,
    *,
    doc_id: str,
    user: Reader,
    store: StoreDep,
) -> Response:
    doc = store.document(doc_id) if len(doc_id) >= 6 else None
    if doc is None:
        raise HTTPException(404, f"No single document with id {doc_id!r}.")
    claims = store.claims(doc_id=doc["doc_id"])
    return render(
        request,
        "document.html",
        user,
        doc=doc,
        claims=claims,
        raw_segments=removed_segments(doc["raw_text"], doc["removed"]),
    )
