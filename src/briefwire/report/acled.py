"""Events as one flat row each, in the shape conflict-event coders know from ACLED.

One row per event, with the desk's decisions applied (edited fields as the editor left them;
rejected events are left out). Columns mirror ACLED's where the concept is the same
(``event_date``, ``time_precision`` 1 day / 2 week / 3 month or vaguer, ``admin1``,
``location``, ``geo_precision`` 1 settlement / 2 near a place / 3 region or country, actors,
``fatalities``, ``source``, ``notes``) and keep briefwire's own words beside them
(``date_precision``, the ISO 3166-2 ``admin1_code``, status, review state, independent
sources). ``fatalities`` is a number only where a casualty count is known: a ``casualty`` event
whose claims give a count (the lowest figure of a range, ``fatalities_approx`` when the sources
say "about"); otherwise it is empty, never 0 by default. docs/exports.md documents every column.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

from .export import csv_cell

COLUMNS = (
    "event_id",
    "event_date",
    "year",
    "time_precision",
    "date_precision",
    "event_type",
    "theme",
    "country",
    "admin1",
    "admin1_code",
    "location",
    "geo_precision",
    "actor1",
    "actor1_role",
    "actor2",
    "actor2_role",
    "assoc_actors",
    "fatalities",
    "fatalities_approx",
    "source",
    "independent_sources",
    "status",
    "review_state",
    "notes",
    "first_reported",
    "claims",
    "doc_ids",
)
_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
_GEO_PRECISION = {"settlement": 1, "near": 2, "region": 3, "country": 3}
_COUNTRY_NAMES = {"RU": "Russia", "UA": "Ukraine"}


def acled_row(event: Mapping[str, Any]) -> dict[str, Any]:
    """One event (an ``events`` export row plus its ``sources``) as a flat ACLED-style row."""
    loc = event.get("location") or {}
    actors = [a for a in event.get("actors") or [] if a.get("name")]
    first, second = [*actors, {}, {}][:2]
    date = event.get("date") or None
    country = loc.get("country")
    fatalities, approx = _fatalities(event)
    return {
        "event_id": event["event_id"],
        "event_date": date,
        "year": int(date[:4]) if date and date[:4].isdigit() else None,
        "time_precision": _TIME_PRECISION.get(event.get("date_precision") or "") if date else None,
        "date_precision": event.get("date_precision") or "unknown",
        "event_type": event.get("type"),
        "theme": event.get("theme"),
        "country": _COUNTRY_NAMES.get(country or "", country),
        "admin1": loc.get("admin1"),
        "admin1_code": loc.get("admin1_code"),
        "location": loc.get("name"),
        "geo_precision": _GEO_PRECISION.get(loc.get("precision") or "") if loc else None,
        "actor1": first.get("name"),
        "actor1_role": first.get("role"),
        "actor2": second.get("name"),
        "actor2_role": second.get("role"),
        "assoc_actors": "; ".join(a["name"] for a in actors[2:]) or None,
        "fatalities": fatalities,
        "fatalities_approx": approx,
        "source": "; ".join(event.get("sources") or []) or None,
        "independent_sources": event.get("independent_sources"),
        "status": event.get("status"),
        "review_state": event.get("review_state"),
        "notes": event.get("summary"),
        "first_reported": event.get("first_reported"),
        "claims": len(event.get("claims") or []),
        "doc_ids": "; ".join(event.get("doc_ids") or []) or None,
    }


def _fatalities(event: Mapping[str, Any]) -> tuple[int | None, bool | None]:
    quantity = event.get("quantity")
    if event.get("type") != "casualty" or not quantity or quantity.get("value") is None:
        return None, None
    return int(quantity["value"]), bool(quantity.get("approx"))


def write_acled(events: Iterable[Mapping[str, Any]], out: TextIO) -> int:
    """Write the events the desk has not rejected as ACLED-style CSV; returns the row count."""
    writer = csv.DictWriter(out, fieldnames=list(COLUMNS))
    writer.writeheader()
    n = 0
    for event in events:
        if event.get("review_state") == "rejected":
            continue
        # Summaries, places and actors are text from the sources: no cell may run as a formula.
        writer.writerow({k: csv_cell(v) for k, v in acled_row(event).items()})
        n += 1
    return n
