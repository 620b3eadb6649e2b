"""Turning edit forms into field values, with a clear message for each bad input."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from .vocab import PERSON_STATUSES, STATUSES, event_types, theme_of

MAX_TEXT = 2000
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
PERSON_TEXT_FIELDS = (
    "name",
    "rank",
    "home_region",
    "home_region_code",
    "home_town",
    "occupation",
    "unit",
    "place_of_death",
)
PERSON_INT_FIELDS = ("age", "born")


class FormError(ValueError):
    """An edit that cannot be stored; the message names the field and the reason."""


def _text(form: Mapping[str, str], name: str, *, required: bool = False) -> str | None:
    value = " ".join((form.get(name) or "").split())
    if len(value) > MAX_TEXT:
        raise FormError(f"{name}: at most {MAX_TEXT} characters")
    if required and not value:
        raise FormError(f"{name}: must not be empty")
    return value or None


def parse_date(value: str | None, name: str = "date") -> tuple[str | None, str]:
    """'2024-03-05' -> day precision, '2024-03' -> month, '2024' -> year; '' -> unknown."""
    if not value:
        return None, "unknown"
    m = _DATE.match(value.strip())
    if not m:
        raise FormError(f"{name}: write YYYY-MM-DD, YYYY-MM or YYYY, not {value!r}")
    year, month, day = int(m[1]), int(m[2] or 1), int(m[3] or 1)
    try:
        first = date(year, month, day)
    except ValueError as exc:
        raise FormError(f"{name}: {value!r} is not a real date ({exc})") from exc
    precision = "day" if m[3] else "month" if m[2] else "year"
    return first.isoformat(), precision


def _quantity(form: Mapping[str, str]) -> dict[str, Any] | None:
    raw = (form.get("quantity_value") or "").replace(",", "").replace(" ", "")
    if not raw:
        return None
    try:
        value = float(raw)
    except ValueError as exc:
        raise FormError(f"quantity: {raw!r} is not a number") from exc
    return {"value": value, "unit": _text(form, "quantity_unit"), "approx": False, "value_max": None}


def _location(form: Mapping[str, str]) -> dict[str, Any] | None:
    name, region = _text(form, "location_name"), _text(form, "location_region")
    code = _text(form, "location_code")
    if not (name or region or code):
        return None
    precision = "settlement" if name and name != region else "region" if region or code else "unknown"
    return {
        "name": name or region or code,
        "admin1": region,
        "admin1_code": code.upper() if code else None,
        "country": None,
        "precision": precision,
    }


def event_edits(form: Mapping[str, str], current: Mapping[str, Any]) -> dict[str, Any]:
    """The fields of an event edit form that differ from the event's current values."""
    new: dict[str, Any] = {"summary": _text(form, "summary", required=True)}
    kind = form.get("type") or current.get("type")
    if kind not in event_types():
        raise FormError(f"type: {kind!r} is not an event type of this profile")
    new["type"] = kind
    new["theme"] = theme_of(str(kind)) or current.get("theme")
    status = form.get("status") or current.get("status")
    if status not in STATUSES:
        raise FormError(f"status: {status!r} is not one of {', '.join(STATUSES)}")
    new["status"] = status
    new["date"], new["date_precision"] = parse_date(form.get("date"))
    new["location"] = _location(form)
    new["quantity"] = _quantity(form)
    if new["quantity"] and current.get("quantity"):
        # Keep what the machine knew about approximation unless the number itself changed.
        old = current["quantity"]
        if old.get("value") == new["quantity"]["value"]:
            new["quantity"]["approx"] = bool(old.get("approx"))
            new["quantity"]["value_max"] = old.get("value_max")
    old_loc = current.get("location")
    if new["location"] and old_loc:
        same = ("name", "admin1", "admin1_code")
        if all(new["location"][k] == (old_loc.get(k) or None) for k in same):
            new["location"] = old_loc  # untouched: keep country and precision as they were
        elif old_loc.get("admin1_code") == new["location"]["admin1_code"]:
            new["location"]["country"] = old_loc.get("country")
    return {k: v for k, v in new.items() if v != current.get(k)}


def person_edits(form: Mapping[str, str], current: Mapping[str, Any]) -> dict[str, Any]:
    """The fields of a casualty edit form that differ from the person's current values."""
    new: dict[str, Any] = {f: _text(form, f) for f in PERSON_TEXT_FIELDS}
    if not new["name"]:
        raise FormError("name: must not be empty")
    for f in PERSON_INT_FIELDS:
        raw = (form.get(f) or "").strip()
        if raw and not raw.isdigit():
            raise FormError(f"{f}: {raw!r} is not a whole number")
        new[f] = int(raw) if raw else None
    status = form.get("status") or "unknown"
    if status not in PERSON_STATUSES:
        raise FormError(f"status: {status!r} is not one of {', '.join(PERSON_STATUSES)}")
    new["status"] = status
    new["date_of_death"], new["date_precision"] = parse_date(form.get("date_of_death"), "date_of_death")
    return {k: v for k, v in new.items() if v != current.get(k)}
