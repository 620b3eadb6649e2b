"""Link: claims about the same happening become events; casualty mentions become persons.

Entry point: ``link(claims, mentions, decisions) -> LinkResult``. It takes the rows the store
gives back (plain dicts in the export shape) and human decisions, and returns plain
``LinkedEvent`` / ``LinkedPerson`` records for the store to write.

This is the first linker (``link.single.v1``): one event per claim, a denial joined to the claim
it denies, and casualty mentions grouped by normalised name. Cross-document merging arrives
with the linking issue behind the same entry point.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from briefwire.models import Actor, DateValue, LinkedEvent, LinkedPerson, Location, Quantity

LINKER = "link.single.v1"
PERSON_FIELDS = (
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


@dataclass(frozen=True)
class LinkResult:
    events: tuple[LinkedEvent, ...]
    persons: tuple[LinkedPerson, ...]


def link(
    claims: Sequence[dict[str, Any]],
    mentions: Sequence[dict[str, Any]],
    decisions: Sequence[dict[str, Any]] = (),
) -> LinkResult:
    rejected = {d["target_key"] for d in decisions if d["target_kind"] == "claim" and d["action"] == "reject"}
    kept = [c for c in claims if c["claim_id"] not in rejected]
    return LinkResult(tuple(_events(kept)), tuple(_persons(mentions)))


def _events(claims: Sequence[dict[str, Any]]) -> list[LinkedEvent]:
    by_key = {c["claim_id"]: c for c in claims}
    groups: dict[str, list[dict[str, Any]]] = {}
    for c in claims:
        anchor = c["denies"] if c.get("denies") in by_key else c["claim_id"]
        groups.setdefault(anchor, []).append(c)
    return [_event(by_key[anchor], members) for anchor, members in groups.items()]


def _event(anchor: dict[str, Any], members: list[dict[str, Any]]) -> LinkedEvent:
    sources = list(dict.fromkeys(m.get("outlet") or m["origin"] for m in members))
    stances = {m["stance"] for m in members}
    status = "disputed" if "denied" in stances else "confirmed" if "confirmed" in stances else "reported"
    loc, qty = anchor.get("location"), anchor.get("quantity")
    return LinkedEvent(
        event_key=anchor["claim_id"],
        type=anchor["type"],
        theme=anchor["theme"],
        summary=anchor["summary"],
        date=DateValue(anchor["date"], anchor["date_precision"], anchor["date_basis"]),
        location=Location(**loc) if loc else None,
        actors=tuple(Actor(**a) for a in anchor.get("actors") or []),
        quantity=Quantity(**qty) if qty else None,
        status=status,
        first_reported=min((m["published"] for m in members if m.get("published")), default=None),
        independent_sources=len(sources),
        sources=tuple(sources),
        claim_keys=tuple(m["claim_id"] for m in members),
        explanation=(f"{LINKER}: one event per claim; {len(members) - 1} denial(s) attached",),
    )


def person_key_of(name: str) -> str:
    """Surname plus the first letters of the first name, folded: 'Aleksey Martynov' ~ 'Alexei Martynov'."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    for a, b in (("kh", "h"), ("yev", "ev"), ("iy", "y"), ("ei", "e"), ("ey", "e"), ("x", "ks")):
        folded = folded.replace(a, b)
    tokens = [t for t in re.findall(r"[a-z]+", folded) if len(t) > 1] or [name.lower()]
    first = tokens[0][:3] if len(tokens) > 1 else ""
    return f"{tokens[-1]}|{first}"


def _persons(mentions: Sequence[dict[str, Any]]) -> list[LinkedPerson]:
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for m in mentions:
        groups[person_key_of(m["name"])].append(m)
    out = []
    for members in groups.values():
        fields: dict[str, object] = {}
        for f in PERSON_FIELDS:
            values = [m[f] for m in members if m.get(f) not in (None, "", "unknown")]
            if values:
                fields[f] = values[0]
        names = list(dict.fromkeys(m["name"] for m in members))
        outlets = {m.get("outlet") or m["origin"] for m in members}
        out.append(
            LinkedPerson(
                person_key=members[0]["mention_key"],
                name=max(names, key=len),
                variants=tuple(names),
                mention_keys=tuple(m["mention_key"] for m in members),
                first_reported=min((m["published"] for m in members if m.get("published")), default=None),
                independent_sources=len(outlets),
                fields=fields,
            )
        )
    return out
