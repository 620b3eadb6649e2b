"""The casualty register: one row per person, merged across documents and spellings.

Mentions resolved to one person entity become one ``LinkedPerson``; each field takes the most
specific value reported (a day-precise date over a month, a region code over none, the most
frequent value when sources agree), and values that disagree stay visible in ``fields``
under ``conflicts``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from briefwire.models import LinkedPerson

from .corroborate import source_name
from .entities import PersonIndex
from .names import has_cyrillic

PERSON_FIELDS = (
    "age", "born", "rank", "status", "home_region", "home_region_code", "home_town",
    "occupation", "unit", "date_of_death", "date_precision", "place_of_death",
)  # fmt: skip
_PRECISION = {"day": 4, "week": 3, "month": 2, "year": 1, "unknown": 0}


def persons(
    mentions: Sequence[dict[str, Any]],
    people: PersonIndex,
    documents: Mapping[str, Mapping[str, Any]],
    reuse: Mapping[tuple[str, int], int] | None = None,
) -> list[LinkedPerson]:
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for m in mentions:
        key = people.resolve(m["doc_id"], m["name"]) or f"mention:{m['mention_key']}"
        groups[key].append(m)
    units = reprint_units(reuse or {})
    return [_person(key, members, people, documents, units) for key, members in groups.items()]


def reprint_units(reuse: Mapping[tuple[str, int], int]) -> dict[str, str]:
    """doc_id -> the first document it shares re-used text with (documents copying one another)."""
    first: dict[int, str] = {}
    out: dict[str, str] = {}
    for (doc_id, _), group in sorted(reuse.items(), key=lambda kv: kv[1]):
        root = first.setdefault(group, out.get(doc_id, doc_id))
        out.setdefault(doc_id, root)
    return out


def person_details(
    p: LinkedPerson, mentions: Sequence[dict[str, Any]], documents: Mapping[str, Mapping[str, Any]]
) -> dict[str, Any]:
    mine = [m for m in mentions if m["mention_key"] in set(p.mention_keys)]
    sources = list(dict.fromkeys(source_name(documents.get(m["doc_id"], m)) for m in mine))
    return {"sources": sources, "conflicts": p.fields.get("conflicts", {}), "variants": list(p.variants)}


def _person(
    key: str,
    members: list[dict[str, Any]],
    people: PersonIndex,
    documents: Mapping[str, Mapping[str, Any]],
    reuse_units: Mapping[str, str],
) -> LinkedPerson:
    members = sorted(members, key=lambda m: (m.get("published") or "9999", m.get("seq") or 0))
    names = list(dict.fromkeys(m["name"] for m in members))
    latin_full = [n for n in names if not has_cyrillic(n) and len(n.split()) > 1]
    name = max(latin_full or names, key=len)
    fields, conflicts = _reconcile(members)
    if conflicts:
        fields["conflicts"] = conflicts
    units = {
        source_name(documents.get(reuse_units.get(m["doc_id"], m["doc_id"]), m))
        if m["doc_id"] in reuse_units
        else source_name(documents.get(m["doc_id"], m))
        for m in members
    }
    return LinkedPerson(
        person_key=members[0]["mention_key"],
        name=name
        if key.startswith("mention:")
        else people.name(key)
        if len(people.name(key).split()) > 1
        else name,
        variants=tuple(names),
        mention_keys=tuple(m["mention_key"] for m in members),
        first_reported=min((m["published"] for m in members if m.get("published")), default=None),
        independent_sources=len(units),
        fields=fields,
    )


def _reconcile(members: list[dict[str, Any]]) -> tuple[dict[str, object], dict[str, list[object]]]:
    fields: dict[str, object] = {}
    conflicts: dict[str, list[object]] = {}
    for f in PERSON_FIELDS:
        if f == "date_precision":
            continue
        values = [m[f] for m in members if m.get(f) not in (None, "", "unknown")]
        if not values:
            continue
        if f == "date_of_death":
            best = max(
                members,
                key=lambda m: (m.get(f) is not None, _PRECISION.get(m.get("date_precision") or "unknown", 0)),
            )
            fields[f], fields["date_precision"] = best[f], best.get("date_precision") or "unknown"
        elif isinstance(values[0], str):
            # the longest agrees with the others when it contains them ("Miass" < "Miass, Chelyabinsk region")
            counts = Counter(values)
            fields[f] = max(values, key=lambda v: (counts[v], len(str(v))))
        else:
            fields[f] = Counter(values).most_common(1)[0][0]
        distinct = list(dict.fromkeys(values))
        if len(distinct) > 1 and not _nested(distinct):
            conflicts[f] = distinct
    return fields, conflicts


def _nested(values: list[Any]) -> bool:
    """Values that only differ in detail ("Luhansk", "Luhansk region") are not a conflict."""
    if not all(isinstance(v, str) for v in values):
        return False
    longest = max(values, key=len).casefold()
    return all(str(v).casefold() in longest for v in values)
