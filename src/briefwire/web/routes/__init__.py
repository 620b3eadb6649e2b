"""The desk's pages, one module per page."""

from fastapi import APIRouter

from . import audit, brief, casualties, documents, event_actions, events, login, queue, search, sources

ROUTERS: tuple[APIRouter, ...] = (
    login.router,
    queue.router,
    events.router,
    event_actions.router,
    documents.router,
    search.router,
    casualties.router,
    brief.router,
    audit.router,
    sources.router,
)
