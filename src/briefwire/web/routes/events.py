"""The event page: claims with highlighted evidence, attribution, merge explanation, edits."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response

from briefwire.store import EventFilter

from ..deps import DeskStore, Reader, StoreDep, render
from ..text import attribution, evidence
from ..vocab import STATUSES, event_types

router = APIRouter()
# Fields an editor may change, in the order the page shows them.
EDITABLE = ("summary", "type", "theme", "date", "date_precision", "location", "quantity", "status")
MERGE_CANDIDATES = 8


def load_event(store: DeskStore, key: str) -> dict[str, Any]:
    event = store.event(key)
    if event is None:
        raise HTTPException(404, f"No event with key {key!r}.")
    return event


def _claims(store: DeskStore, event: dict[str, Any]) -> list[dict[str, Any]]:
    docs: dict[str, dict[str, Any] | None] = {}
    splits = {d["target_key"]: d for d in store.decisions("claim") if d["action"] == "split"}
    out = []
    for claim in store.claims(event_id=event["event_rowid"]):
        doc_id = claim["doc_id"]
        if doc_id not in docs:
            docs[doc_id] = store.document(doc_id)
        doc = docs[doc_id]
        out.append(
            {
                **claim,
                "attribution": attribution(claim["claimed_by"]),
                "evidence": evidence(doc, claim["start"], claim["end"], claim["quote"]) if doc else None,
                "split": splits.get(claim["claim_id"]),
            }
        )
    return out


def _merges(store: DeskStore, key: str) -> list[dict[str, Any]]:
    """Merge decisions naming this event on either side, oldest first."""
    return [
        d for d in store.decisions("event") if d["action"] == "merge" and key in (d["target_key"], d["value"])
    ]


def _candidates(store: DeskStore, event: dict[str, Any]) -> list[dict[str, Any]]:
    """Events of the same type, nearest in time first: the likely merge partners."""
    rows, _ = store.events(EventFilter(type=event["type"]))
    when = event.get("date") or event.get("first_reported") or ""

    def distance(r: dict[str, Any]) -> tuple[int, str]:
        other = r.get("date") or r.get("first_reported") or ""
        same_prefix = len(_common_prefix(when, other))
        return (-same_prefix, other)

    others = [r for r in rows if r["event_id"] != event["event_id"]]
    return sorted(others, key=distance)[:MERGE_CANDIDATES]


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def event_context(store: DeskStore, key: str) -> dict[str, Any]:
    event = load_event(store, key)
    machine = event["machine"]
    fields = [
        {"name": f, "value": event.get(f), "machine": machine.get(f), "edited": f in event["edited_fields"]}
        for f in EDITABLE
    ]
    return {
        "event": event,
        "fields": fields,
        "claims": _claims(store, event),
        "merges": _merges(store, event["event_id"]),
        "candidates": _candidates(store, event),
        "history": store.decisions("event", event["event_id"]),
        "types": event_types(),
        "statuses": STATUSES,
        "errors": [],
    }


@router.get("/events/{key}")
def event_page(request: Request, *, key: str, user: Reader, store: StoreDep) -> Response:
    return render(request, "event.html", user, **event_context(store, key))
