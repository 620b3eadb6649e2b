"""The casualty register: one row per person, with edits and review beside the machine's values."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from briefwire.report import FIELDS as EXPORT_FIELDS

from ..deps import DeskStore, Editor, Reader, StoreDep, flash, render
from ..forms import FormError, person_edits
from ..text import attribution, evidence
from ..vocab import PERSON_STATUSES

router = APIRouter()
_NOT_PERSON_FIELDS = {
    "person_id",
    "name_variants",
    "first_reported",
    "doc_ids",
    "origins",
    "independent_sources",
}
# The register's own fields, in the export's order (provenance and counts are not edited here).
FIELDS = tuple(f for f in EXPORT_FIELDS["casualties"] if f not in _NOT_PERSON_FIELDS)
REVIEW_ACTIONS = {"accept": "accepted", "reject": "rejected", "reset": "reset to the machine's values"}


def _person(store: DeskStore, key: str) -> dict[str, Any]:
    person = next((p for p in store.persons() if p["person_key"] == key), None)
    if person is None:
        raise HTTPException(404, f"No person with key {key!r} in the register.")
    return person


def _mentions(store: DeskStore, person: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for m in store.casualty_mentions():
        if m["person_id"] != person["person_id"]:
            continue
        doc = store.document(m["doc_id"])
        out.append(
            {
                **m,
                "attribution": attribution(m["claimed_by"]),
                "evidence": evidence(doc, m["start"], m["end"], m["quote"]) if doc else None,
            }
        )
    return out


def _context(store: DeskStore, key: str) -> dict[str, Any]:
    person = _person(store, key)
    machine = person["machine"]
    fields = [
        {
            "name": f,
            "value": person.get(f),
            "edited": f in person["edited_fields"],
            "machine": machine.get(f, person.get(f)),
        }
        for f in FIELDS
    ]
    return {
        "person": person,
        "fields": fields,
        "mentions": _mentions(store, person),
        "history": store.decisions("person", key),
        "statuses": PERSON_STATUSES,
        "errors": [],
    }


@router.get("/casualties")
def register(request: Request, *, user: Reader, store: StoreDep) -> Response:
    return render(request, "casualties.html", user, rows=store.persons())


@router.get("/casualties/{key}")
def person_page(request: Request, *, key: str, user: Reader, store: StoreDep) -> Response:
    return render(request, "person.html", user, **_context(store, key))


@router.post("/casualties/{key}/edit")
def edit_person(request: Request, *, key: str, user: Editor, store: StoreDep) -> Response:
    person = _person(store, key)
    try:
        changes = person_edits(request.state.form, person)
    except FormError as exc:
        context = _context(store, key)
        context["errors"] = [str(exc)]
        return render(request, "person.html", user, status=400, **context)
    for name, value in changes.items():
        store.add_decision("person", key, "edit", user.name, field=name, value=value)
    flash(request, f"Saved {len(changes)} change(s)." if changes else "Nothing changed.")
    return RedirectResponse(f"/casualties/{key}", status_code=303)


@router.post("/casualties/{key}/review")
def review_person(
    request: Request,
    *,
    key: str,
    action: Annotated[str, Form()],
    user: Editor,
    store: StoreDep,
) -> Response:
    if action not in REVIEW_ACTIONS:
        raise HTTPException(400, f"Unknown review action {action!r}.")
    _person(store, key)
    store.add_decision("person", key, action, user.name)
    flash(request, f"Person {REVIEW_ACTIONS[action]}.")
    return RedirectResponse(f"/casualties/{key}", status_code=303)
