"""Independent sources, primary claimants, status and contradictions of one event.

Sources are counted as *independent units*, as an editor counts them: documents of one outlet
(by masthead, else web host; see ``outlets``) are one unit; a forwarded Telegram post belongs to
the channel it was forwarded from; documents whose claim paragraphs re-use the same text (a
reprint, a copied paragraph) are one unit; documents crediting one wire ("(Northwire)",
"provided by ...") or crediting another's outlet are one unit; a claim that names another
source of the event as its claimant ("according to Open Window") joins that source's unit.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .entities import _VAGUE, OrgProfile, PersonIndex, person_surfaces
from .outlets import credits, credits_outlet, outlet_key, outlet_name


@dataclass
class Corroboration:
    sources: list[str]
    units: list[list[str]]
    claimants: list[str]
    status: str
    reason: str
    values: list[dict[str, Any]] = field(default_factory=list)
    denials: list[dict[str, Any]] = field(default_factory=list)

    @property
    def independent(self) -> int:
        return len(self.units)

    def as_dict(self) -> dict[str, Any]:
        return {
            "sources": self.sources,
            "units": self.units,
            "independent_sources": self.independent,
            "claimants": self.claimants,
            "status": self.status,
            "status_reason": self.reason,
            "values": self.values,
            "denials": self.denials,
        }


def source_name(doc: Mapping[str, Any]) -> str:
    return outlet_name(doc)


def corroborate(
    claims: Sequence[dict[str, Any]],
    documents: Mapping[str, Mapping[str, Any]],
    reuse: Mapping[tuple[str, int], int],
    people: PersonIndex,
    orgs: OrgProfile,
) -> Corroboration:
    docs = list(dict.fromkeys(c["doc_id"] for c in claims))
    unit_of = {d: outlet_key(documents.get(d, {"doc_id": d})) for d in docs}
    parent = {u: u for u in unit_of.values()}

    def find(u: str) -> str:
        while parent[u] != u:
            parent[u] = parent[parent[u]]
            u = parent[u]
        return u

    def union(a: str, b: str) -> None:
        parent[find(a)] = find(b)

    by_group: dict[int, str] = {}
    names = {u: source_name(documents.get(d, {"doc_id": d})) for d, u in unit_of.items()}
    for c in claims:
        unit = unit_of[c["doc_id"]]
        at = c.get("paragraph_index")
        group = reuse.get((c["doc_id"], -1 if at is None else at))  # a first paragraph is 0
        if group is not None:
            union(unit, by_group.setdefault(group, unit))
        for who in c.get("claimed_by") or []:
            for other, name in names.items():
                if other != unit and name.casefold() in who.casefold():
                    union(unit, other)
    _union_credits(docs, documents, unit_of, union)
    _union_copies(claims, unit_of, union)
    units: dict[str, list[str]] = {}
    for d in docs:
        units.setdefault(find(unit_of[d]), [])
        name = source_name(documents.get(d, {"doc_id": d}))
        if name not in units[find(unit_of[d])]:
            units[find(unit_of[d])].append(name)
    sources = list(dict.fromkeys(n for members in units.values() for n in members))
    claimants = _claimants(claims, documents, people, orgs)
    values = _values(claims, documents)
    denials = [
        {
            "claim_id": c["claim_id"],
            "source": source_name(documents.get(c["doc_id"], {"doc_id": c["doc_id"]})),
            "quote": c.get("quote"),
        }
        for c in claims
        if c.get("stance") == "denied"
    ]
    status, reason = _status(claims, list(units.values()), values, denials, orgs)
    return Corroboration(sources, list(units.values()), claimants, status, reason, values, denials)


def _union_credits(
    docs: list[str],
    documents: Mapping[str, Mapping[str, Any]],
    unit_of: Mapping[str, str],
    union: Callable[[str, str], None],
) -> None:
    """A wire story is one source however many outlets print it: documents crediting one wire,
    or one crediting another's outlet, join one unit."""
    meta = {d: documents.get(d, {"doc_id": d}) for d in docs}
    by_credit: dict[str, str] = {}
    for d in docs:
        for name in credits(meta[d]):
            union(unit_of[d], by_credit.setdefault(name, unit_of[d]))
        for other in docs:
            if other != d and unit_of[other] != unit_of[d] and credits_outlet(meta[d], meta[other]):
                union(unit_of[d], unit_of[other])


# A document whose claim sentences are mostly another's word for word is a copy of it (a channel
# re-posting another's post with an emoji or a word changed): this share of its word trigrams,
# of at least ``_COPY_MIN_TRIGRAMS``, are the other's.
_COPY_SHARE = 0.6
_COPY_MIN_TRIGRAMS = 5
_TOKEN = re.compile(r"[^\W_]+")


def _trigrams(text: str) -> set[tuple[str, ...]]:
    words = _TOKEN.findall(text.casefold())
    return {tuple(words[i : i + 3]) for i in range(len(words) - 2)}


def _union_copies(
    claims: Sequence[dict[str, Any]], unit_of: Mapping[str, str], union: Callable[[str, str], None]
) -> None:
    """Documents whose claim sentences one copies from the other are one unit, even when the
    copy is too short or too changed for the passage index to call it re-used text."""
    grams: dict[str, set[tuple[str, ...]]] = {}
    for c in claims:
        grams.setdefault(c["doc_id"], set()).update(_trigrams(c.get("quote") or ""))
    docs = [d for d, g in grams.items() if len(g) >= _COPY_MIN_TRIGRAMS]
    for i, a in enumerate(docs):
        for b in docs[i + 1 :]:
            if unit_of[a] == unit_of[b]:
                continue
            shorter, longer = sorted((grams[a], grams[b]), key=len)
            if len(shorter & longer) >= _COPY_SHARE * len(shorter):
                union(unit_of[a], unit_of[b])


def _claimants(
    claims: Sequence[dict[str, Any]],
    documents: Mapping[str, Mapping[str, Any]],
    people: PersonIndex,
    orgs: OrgProfile,
) -> list[str]:
    out: list[str] = []
    for c in claims:
        outlet = str((documents.get(c["doc_id"]) or {}).get("outlet") or "")
        found: list[str] = []
        for surface, role in person_surfaces(c):
            if role == "claimant":
                key = people.resolve(c["doc_id"], surface)
                found.append(people.name(key) if key else surface)
        for who in c.get("claimed_by") or []:
            org = orgs.find(who)
            if org is not None:
                found.append(org.name)
            elif (
                not found
                and not _VAGUE.match(who.strip())
                and (not outlet or outlet.casefold() not in who.casefold())
            ):
                found.append(who)
        out.extend(f for f in found if f not in out and f != outlet)
    return out


def _values(
    claims: Sequence[dict[str, Any]], documents: Mapping[str, Mapping[str, Any]]
) -> list[dict[str, Any]]:
    """Each distinct number the event's claims give, with its sources (only when they differ)."""
    seen: list[dict[str, Any]] = []
    for c in claims:
        q = c.get("quantity") or {}
        if q.get("value") is None:
            continue
        src = source_name(documents.get(c["doc_id"], {"doc_id": c["doc_id"]}))
        for v in seen:
            if math.isclose(v["value"], q["value"], rel_tol=0.01):
                if src not in v["sources"]:
                    v["sources"].append(src)
                v["docs"].add(c["doc_id"])
                break
        else:
            seen.append({"value": q["value"], "unit": q.get("unit"), "sources": [src], "docs": {c["doc_id"]}})
    if len(seen) < 2 or len(set().union(*(v["docs"] for v in seen))) < 2:
        return []
    return [{k: v for k, v in item.items() if k != "docs"} for item in seen]


def _status(
    claims: Sequence[dict[str, Any]],
    units: list[list[str]],
    values: list[dict[str, Any]],
    denials: list[dict[str, Any]],
    orgs: OrgProfile,
) -> tuple[str, str]:
    if denials:
        return "disputed", f"{len(denials)} claim(s) deny it"
    if values:
        shown = "; ".join(f"{v['value']:g} ({', '.join(v['sources'])})" for v in values)
        return "disputed", f"sources give different numbers: {shown}"
    official = [
        who
        for c in claims
        if c.get("stance") in ("reported", "asserted", "confirmed")
        for who in c.get("claimed_by") or []
        if orgs.is_official(who)
    ]
    if official:
        return "confirmed", f"asserted by an official body: {official[0]}"
    if len(units) >= 2:
        return "confirmed", f"{len(units)} independent sources"
    return "reported", "one independent source, no official body"
