"""What an editor does to an event: accept, reject, edit, merge, split a claim off."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from briefwire import api

from ..deps import Editor, StoreDep, flash, render
from ..forms import FormError, event_edits
from .events import event_context, load_event

router = APIRouter()
REVIEW_ACTIONS = {"accept": "accepted", "reject": "rejected", "reset": "reset to the machine's values"}


def _event_holding(store: StoreDep, claim_key: str) -> str | None:
    """After a re-link events may have new keys: the one that now holds this claim."""
    rows = store.claims_by_key([claim_key])
    return rows[0].get("event_id") if rows else None


def _back(key: str) -> Response:
    return RedirectResponse(f"/events/{key}", status_code=303)


@router.post("/events/{key}/review")
def review(
    request: Request,
    *,
    key: str,
    action: Annotated[str, Form()],
    user: Editor,
    store: StoreDep,
) -> Response:
    if action not in REVIEW_ACTIONS:
        raise HTTPException(400, f"Unknown review action {action!r}.")
    event = load_event(store, key)
    store.add_decision("event", event["event_id"], action, user.name)
    flash(request, f"Event {REVIEW_ACTIONS[action]}.")
    return _back(event["event_id"])


@router.post("/events/{key}/edit")
def edit(request: Request, *, key: str, user: Editor, store: StoreDep) -> Response:
    form: dict[str, str] = request.state.form
    event = load_event(store, key)
    try:
        changes = event_edits(form, event)
    except FormError as exc:
        context = event_context(store, key)
        context["errors"] = [str(exc)]
        return render(request, "event.html", user, status=400, **context)
    for name, value in changes.items():
        store.add_decision("event", event["event_id"], "edit", user.name, field=name, value=value)
    flash(request, f"Saved {len(changes)} change(s)." if changes else "Nothing changed.")
    return _back(event["event_id"])


@router.post("/events/{key}/merge")
def merge(
    request: Request,
    *,
    key: str,
    other: Annotated[str, Form()],
    user: Editor,
    store: StoreDep,
) -> Response:
    event = load_event(store, key)
    partner = store.event(other.strip())
    if partner is None:
        raise HTTPException(400, f"No event with key {other.strip()!r} to merge with.")
    if partner["event_id"] == event["event_id"]:
        raise HTTPException(400, "An event cannot be merged with itself.")
    # Recorded as a must-link constraint, honoured by every later link; re-linked at once, but
    # only the two events and what they can touch (a whole re-link took seconds).
    store.add_decision("event", event["event_id"], "merge", user.name, value=partner["event_id"])
    api.relink_claims(api.Workspace(store.path, store=store), [*event["claims"], *partner["claims"]])
    flash(request, f"Merged with {partner['event_id'][:8]}; events re-linked.")
    return _back(_event_holding(store, event["claims"][0]) or event["event_id"])


@router.post("/events/{key}/split")
def split(
    request: Request,
    *,
    key: str,
    claim: Annotated[str, Form()],
    user: Editor,
    store: StoreDep,
) -> Response:
    event = load_event(store, key)
    if claim not in event["claims"]:
        raise HTTPException(400, f"Claim {claim!r} is not part of this event.")
    # A cannot-link constraint between the claim and this event, honoured at the next re-link.
    store.add_decision("claim", claim, "split", user.name, value=event["event_id"])
    api.relink_claims(api.Workspace(store.path, store=store), event["claims"])
    flash(request, f"Claim {claim[:8]} split off; events re-linked.")
    rest = [c for c in event["claims"] if c != claim]
    return _back(_event_holding(store, rest[0] if rest else claim) or event["event_id"])
