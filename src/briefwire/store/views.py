"""Views over the ledger for the people who open the SQLite file itself (Datasette, sqlite3).

- ``events_reviewed`` and ``casualties_reviewed``: events and named casualties with the desk's
  decisions applied (the latest edit of each field, the review state), as the review desk and
  the exports show them, and their place or home region as plain columns to facet on.
- ``claims_flat``: claims with their place, document date and outlet as plain columns.
- ``event_actors``, ``claim_actors``, ``event_sources``: the JSON lists people filter on, as
  rows that join back by ``event_key`` or ``claim_key``.
- ``review_states``, ``review_edits``: decisions after a target's last reset, the building
  blocks of the two reviewed views.

They are derived, not data, so they are not migrations: :func:`ensure_views` creates them when
missing or changed, and :func:`drop_views` takes them away before migrations run, so a
migration of another workstream may rebuild a table the views read.
"""

from __future__ import annotations

import sqlite3

from .db import transaction

# Fields the review desk edits (briefwire.web.forms), by target; objects are kept as JSON.
EVENT_EDITS = ("type", "theme", "summary", "status", "date", "date_precision")
EVENT_JSON_EDITS = ("location", "quantity")
PERSON_EDITS = (
    "name",
    "age",
    "born",
    "rank",
    "status",
    "home_region",
    "home_region_code",
    "home_town",
    "occupation",
    "unit",
    "date_of_death",
    "date_precision",
    "place_of_death",
)

_LIVE = """
CREATE VIEW decisions_live AS
SELECT d.* FROM decisions d
WHERE d.decision_id > COALESCE((
    SELECT MAX(r.decision_id) FROM decisions r
    WHERE r.target_kind = d.target_kind AND r.target_key = d.target_key AND r.action = 'reset'), 0)
"""
_STATES = """
CREATE VIEW review_states AS
SELECT target_kind, target_key,
       CASE WHEN verdict = 'reject' THEN 'rejected'
            WHEN edited THEN 'edited'
            WHEN verdict = 'accept' THEN 'accepted'
            ELSE 'unreviewed' END AS review_state
FROM (
    SELECT k.target_kind, k.target_key,
           (SELECT v.action FROM decisions_live v
            WHERE v.target_kind = k.target_kind AND v.target_key = k.target_key
              AND v.action IN ('accept', 'reject')
            ORDER BY v.decision_id DESC LIMIT 1) AS verdict,
           EXISTS (SELECT 1 FROM decisions_live e
                   WHERE e.target_kind = k.target_kind AND e.target_key = k.target_key
                     AND e.action = 'edit') AS edited
    FROM (SELECT DISTINCT target_kind, target_key FROM decisions) k
)
"""
_EDITS = """
CREATE VIEW review_edits AS
SELECT d.target_kind, d.target_key, d.field, d.value_json, d.user, d.at
FROM decisions_live d
WHERE d.action = 'edit' AND d.field IS NOT NULL AND d.decision_id = (
    SELECT MAX(x.decision_id) FROM decisions_live x
    WHERE x.target_kind = d.target_kind AND x.target_key = d.target_key
      AND x.field = d.field AND x.action = 'edit')
"""


def _pivot(kind: str, fields: tuple[str, ...], name: str) -> str:
    """One row per edited target: ``has_F`` (was F edited) and ``F_json`` (its value) per field."""
    cols = ",\n       ".join(
        f"MAX(field = '{f}') AS has_{f}, MAX(CASE WHEN field = '{f}' THEN value_json END) AS {f}_json"
        for f in fields
    )
    where = f"FROM review_edits WHERE target_kind = '{kind}' GROUP BY target_key"
    return f"CREATE VIEW {name} AS\nSELECT target_key,\n       {cols}\n{where}"


def _pick(alias: str, field: str, machine: str, as_json: bool = False) -> str:
    value = f"{alias}.{field}_json" if as_json else f"json_extract({alias}.{field}_json, '$')"
    return f"CASE WHEN {alias}.has_{field} THEN {value} ELSE {machine} END"


_PLACE = ("name", "admin1", "admin1_code", "country", "precision")


def _events_reviewed() -> str:
    picks = [f"{_pick('x', f, 'e.' + f)} AS {f}" for f in EVENT_EDITS]
    picks += [f"{_pick('x', f, f'e.{f}_json', as_json=True)} AS {f}_json" for f in EVENT_JSON_EDITS]
    return f"""
CREATE VIEW events_reviewed AS
SELECT event_id, event_key, type, theme, summary, date, date_precision,
       json_extract(location_json, '$.name') AS place,
       json_extract(location_json, '$.admin1') AS admin1,
       json_extract(location_json, '$.admin1_code') AS admin1_code,
       json_extract(location_json, '$.country') AS country,
       json_extract(location_json, '$.precision') AS place_precision,
       json_extract(quantity_json, '$.value') AS quantity_value,
       json_extract(quantity_json, '$.unit') AS quantity_unit,
       status, review_state, first_reported, independent_sources, n_claims,
       location_json, quantity_json, actors_json, sources_json
FROM (
    SELECT e.event_id, e.event_key, {", ".join(picks)},
           COALESCE(s.review_state, 'unreviewed') AS review_state,
           e.first_reported, e.independent_sources, e.actors_json, e.sources_json,
           (SELECT COUNT(*) FROM claims c WHERE c.event_id = e.event_id) AS n_claims
    FROM events e
    LEFT JOIN review_states s ON s.target_kind = 'event' AND s.target_key = e.event_key
    LEFT JOIN event_edits x ON x.target_key = e.event_key
)
"""


def _casualties_reviewed() -> str:
    picks = ", ".join(f"{_pick('x', f, 'p.' + f)} AS {f}" for f in PERSON_EDITS)
    return f"""
CREATE VIEW casualties_reviewed AS
SELECT p.person_id, p.person_key, {picks},
       COALESCE(s.review_state, 'unreviewed') AS review_state,
       p.first_reported, p.independent_sources, p.variants_json AS name_variants_json,
       (SELECT COUNT(DISTINCT m.doc_id) FROM casualty_mentions m
        WHERE m.person_id = p.person_id) AS n_documents
FROM persons p
LEFT JOIN review_states s ON s.target_kind = 'person' AND s.target_key = p.person_key
LEFT JOIN person_edits x ON x.target_key = p.person_key
"""


_PLACE_COLUMNS = ", ".join(
    f"json_extract(c.location_json, '$.{f}') AS {'place' if f == 'name' else f}" for f in _PLACE
)
_CLAIMS_FLAT = f"""
CREATE VIEW claims_flat AS
SELECT c.claim_id, c.claim_key, c.doc_id, c.event_id, e.event_key, c.type, c.theme, c.summary,
       c.date, c.date_precision, c.date_basis,
       {_PLACE_COLUMNS},
       json_extract(c.quantity_json, '$.value') AS quantity_value,
       json_extract(c.quantity_json, '$.unit') AS quantity_unit,
       c.stance, json_extract(c.claimed_by_json, '$[0]') AS claimed_by, c.quote, c.extractor,
       c.confidence, d.published, s.name AS outlet, d.origin
FROM claims c
JOIN documents d USING (doc_id)
LEFT JOIN sources s USING (source_id)
LEFT JOIN events e ON e.event_id = c.event_id
"""
_ACTORS = """
CREATE VIEW {name} AS
SELECT t.{key}, json_extract(a.value, '$.name') AS name, json_extract(a.value, '$.role') AS role
FROM {table} t, json_each(t.actors_json) a
"""
_EVENT_SOURCES = """
CREATE VIEW event_sources AS
SELECT e.event_key, s.value AS source FROM events e, json_each(e.sources_json) s
"""

VIEWS: dict[str, str] = {
    "decisions_live": _LIVE,
    "review_states": _STATES,
    "review_edits": _EDITS,
    "event_edits": _pivot("event", EVENT_EDITS + EVENT_JSON_EDITS, "event_edits"),
    "person_edits": _pivot("person", PERSON_EDITS, "person_edits"),
    "events_reviewed": _events_reviewed(),
    "casualties_reviewed": _casualties_reviewed(),
    "claims_flat": _CLAIMS_FLAT,
    "event_actors": _ACTORS.format(name="event_actors", key="event_key", table="events"),
    "claim_actors": _ACTORS.format(name="claim_actors", key="claim_key", table="claims"),
    "event_sources": _EVENT_SOURCES,
}


def _normal(sql: str) -> str:
    return " ".join(sql.split())


def drop_views(conn: sqlite3.Connection) -> None:
    """Drop briefwire's views (before migrations change the tables they read)."""
    with transaction(conn):
        for name in reversed(VIEWS):
            conn.execute(f"DROP VIEW IF EXISTS {name}")


def ensure_views(conn: sqlite3.Connection) -> bool:
    """Create the views that are missing or whose SQL changed; True when anything changed.

    Reads sqlite_master first, so a ledger whose views are current is not written to (an open
    review desk and an ingest may open the file at once).
    """
    have = {r[0]: r[1] for r in conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'view'")}
    if all(_normal(have.get(name) or "") == _normal(sql) for name, sql in VIEWS.items()):
        return False
    drop_views(conn)
    with transaction(conn):
        for sql in VIEWS.values():
            conn.execute(sql.strip())
    return True
