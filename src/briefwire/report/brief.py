"""The brief as plain data: sections by theme, items with citations.

``build_brief`` takes rows the store returns (passages, claims, events, persons) and decides
what the period's items are; the renderers in ``markdown.py`` and ``html.py`` only lay it out.
Items are events when linking has produced them, else passages (the foundation brief).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

THEMES = (
    "Authorities and Legislation",
    "Army Recruitment and Draft",
    "Mobilized Soldiers, Volunteers and Contract Soldiers",
    "Relatives and Public Response",
    "Sentences, Legal Proceedings and Incidents",
    "Society and Economy",
)
OTHER = "Other"
ItemKind = Literal["passage", "event"]


@dataclass(frozen=True)
class Citation:
    doc_id: str
    outlet: str | None
    title: str | None
    url: str | None
    date: str | None
    origin: str


@dataclass(frozen=True)
class BriefItem:
    kind: ItemKind
    key: str
    text: str
    theme: str
    citations: tuple[Citation, ...]
    attribution: str | None = None
    stance: str | None = None
    date: str | None = None
    place: str | None = None
    quantity: str | None = None
    status: str | None = None
    independent_sources: int = 1
    new: bool = False
    type: str | None = None
    region: str | None = None
    date_precision: str | None = None
    outlets: tuple[str, ...] = ()


@dataclass(frozen=True)
class BriefSection:
    title: str
    items: tuple[BriefItem, ...]
    developing: bool = False


@dataclass(frozen=True)
class Brief:
    since: str | None
    until: str | None
    sections: tuple[BriefSection, ...]
    casualties: tuple[dict[str, Any], ...] = ()
    key_numbers: tuple[tuple[str, str], ...] = ()
    figures: tuple[tuple[str, str], ...] = ()  # (a quantity, what it counts and who says so)
    events_per_day: dict[str, dict[str, int]] = field(default_factory=dict)
    casualties_by_region: dict[str, int] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    @property
    def n_items(self) -> int:
        return sum(len(s.items) for s in self.sections)


@dataclass(frozen=True)
class BriefInput:
    """What the store returns for a period; plain rows."""

    passages: Sequence[Mapping[str, Any]]
    documents: Mapping[str, Mapping[str, Any]]
    events: Sequence[Mapping[str, Any]] = ()
    claims: Sequence[Mapping[str, Any]] = ()
    persons: Sequence[Mapping[str, Any]] = ()
    previous_keys: frozenset[str] = frozenset()
    undated_documents: int = 0


def build_brief(
    data: BriefInput,
    since: str | None,
    until: str | None,
    items: Literal["auto", "passages", "events"] = "auto",
    *,
    reviewed: bool = False,
) -> Brief:
    """The brief for a period.

    ``reviewed``: the events were chosen and ordered by an editor (the review desk): their order
    inside a theme is kept, each reads as the summary the editor saw, and no developing-story
    section is drawn out of them.
    """
    use_events = items == "events" or (items == "auto" and bool(data.events))
    made = _unique(_event_items(data, reviewed) if use_events else _passage_items(data), keep_order=reviewed)
    if since is None:  # no previous brief to be new against
        made = [replace(i, new=False) for i in made]
    developing, rest = (None, made) if reviewed else _developing_story(made)
    sections = ((developing,) if developing else ()) + _sections(rest, keep_order=reviewed)
    notes = []
    if not made:
        notes.append("Nothing in the ledger for this period: ingest documents first, or widen --from/--to.")
    if data.undated_documents:
        notes.append(
            f"{data.undated_documents} document(s) without a known publication date are not in this period."
        )
    persons = tuple(dict(p) for p in data.persons)
    return Brief(
        since,
        until,
        sections,
        casualties=persons,
        key_numbers=_key_numbers(data, made),
        figures=_figures(made),
        events_per_day=_per_day(made),
        casualties_by_region=_by_region(persons),
        notes=tuple(notes),
    )


def citation(doc: Mapping[str, Any]) -> Citation:
    date = doc.get("published")
    return Citation(
        doc["doc_id"],
        doc.get("outlet"),
        doc.get("title"),
        doc.get("url"),
        date[:10] if isinstance(date, str) else None,
        doc["origin"],
    )


def _ordered_citations(doc_ids: Sequence[str], docs: Mapping[str, Mapping[str, Any]]) -> tuple[Citation, ...]:
    """Citations of the documents carrying an item, the earliest (the original) first."""
    cites = [citation(docs[d]) for d in dict.fromkeys(doc_ids) if d in docs]
    return tuple(sorted(cites, key=lambda c: (c.date or "9999", docs[c.doc_id].get("seq") or 0)))


def _passage_items(data: BriefInput) -> list[BriefItem]:
    """One item per passage with a theme; a re-used paragraph once, citing every copy."""
    groups: dict[Any, list[Mapping[str, Any]]] = defaultdict(list)
    for p in data.passages:
        if p.get("theme"):
            groups[p.get("reuse_group") or ("p", p["doc_id"], p["index"])].append(p)
    out = []
    for group in groups.values():
        members = sorted(
            group, key=lambda p: (p.get("reused_from") is not None, p.get("published") or "9999")
        )
        first = members[0]
        cites = _ordered_citations([m["doc_id"] for m in members], data.documents)
        key = f"{first['doc_id']}:{first['index']}"
        out.append(
            BriefItem(
                "passage",
                key,
                first["text"],
                first["theme"],
                cites,
                date=cites[0].date if cites else None,
                new=key not in data.previous_keys,
            )
        )
    return out


def _event_items(data: BriefInput, reviewed: bool = False) -> list[BriefItem]:
    by_event: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for c in data.claims:
        if c.get("event_id"):
            by_event[c["event_id"]].append(c)
    out = []
    for ev in data.events:
        if ev.get("review_state") == "rejected":
            continue
        claims = by_event.get(ev["event_id"], [])
        asserting = [c for c in claims if c.get("stance") != "denied"] or claims
        stances = {c.get("stance") for c in asserting} - {"asserted", "reported", None}
        loc = ev.get("location") or {}
        edited = reviewed or "summary" in (ev.get("edited_fields") or [])
        out.append(
            BriefItem(
                "event",
                ev["event_id"],
                ev["summary"] if edited else clearest_wording(claims, ev["summary"]),
                ev["theme"],
                _ordered_citations(ev.get("doc_ids") or [], data.documents),
                attribution=primary_claimants(asserting, data.documents),
                stance=next(iter(stances)) if len(stances) == 1 else None,
                date=date_text(ev.get("date"), ev.get("date_precision")),
                place=loc.get("name"),
                quantity=_quantity_text(
                    ev.get("quantity")
                    if "quantity" in (ev.get("edited_fields") or [])
                    else (clearest_claim(claims) or {}).get("quantity") or ev.get("quantity")
                ),
                status=ev.get("status"),
                independent_sources=ev.get("independent_sources") or 1,
                new=ev["event_id"] not in data.previous_keys,
                type=ev.get("type"),
                region=loc.get("admin1") or None,
                date_precision=ev.get("date_precision"),
                outlets=tuple(dict.fromkeys(s for s in ev.get("sources") or [] if s)),
            )
        )
    return out


# Openings that lean on an earlier sentence ("He said", "Hours earlier") make a poor brief line.
_LEANING = re.compile(
    r"^[\"“«']?(he|she|they|it|this|that|these|those|his|her|their|its|but|and|also|however|meanwhile|"
    r"earlier|later|hours earlier|days earlier|the next day|then|there|such|он|она|они|это|но|и|ранее)\b",
    re.IGNORECASE,
)
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


def clearest_wording(claims: Sequence[Mapping[str, Any]], fallback: str) -> str:
    """The claim sentence that reads best on its own: whole, not leaning on context, in the
    language most of the event's sources use, neither a fragment nor a paragraph."""
    best = clearest_claim(claims)
    return " ".join((best.get("quote") or fallback).split()) if best else fallback


def clearest_claim(claims: Sequence[Mapping[str, Any]]) -> Mapping[str, Any] | None:
    if not claims:
        return None
    latin = sum(1 for c in claims if not _CYRILLIC.search(c.get("quote") or "")) * 2 >= len(claims)

    def penalty(c: Mapping[str, Any]) -> tuple[int, int]:
        text = (c.get("quote") or "").strip()
        p = 0
        p += 3 if _LEANING.match(text) else 0
        p += 2 if len(text) < 60 else 0
        p += 1 if len(text) > 260 else 0
        p += 2 if latin and _CYRILLIC.search(text) else 0
        p += 1 if c.get("stance") == "denied" else 0
        return p, abs(len(text) - 160)

    return min(claims, key=penalty)


def primary_claimants(
    claims: Sequence[Mapping[str, Any]], documents: Mapping[str, Mapping[str, Any]], most: int = 3
) -> str | None:
    """Who asserts it: the first link of each claimed_by chain, each party once.

    A chain that only names the outlet carrying the claim says nothing beyond the citation.
    """
    seen: dict[str, str] = {}
    for c in claims:
        chain = c.get("claimed_by") or []
        if not chain:
            continue
        outlet = (documents.get(c.get("doc_id") or "") or {}).get("outlet")
        first = chain[0]
        if outlet and first.strip().lower() == str(outlet).strip().lower():
            continue
        key = _party_key(first)
        if key and key not in seen:
            seen[key] = first
    names = list(seen.values())
    if not names:
        return None
    return "; ".join(names[:most]) + (f" and {len(names) - most} more" if len(names) > most else "")


def _party_key(name: str) -> str:
    """Folds "Rostov governor Vasily Golubev" and "Governor Vasily Golubev" together: the last
    capitalised word (a surname, an organisation's head noun) stands for the party."""
    caps = [w for w in re.findall(r"[\w'-]+", name) if w[:1].isupper()]
    return (caps[-1] if caps else name).lower()


def date_text(day: str | None, precision: str | None) -> str | None:
    """A date as precise as it is known: 2022-09-29, the week of 2022-09-26, 2022-09, 2022."""
    if not day:
        return None
    if precision == "year":
        return day[:4]
    if precision == "month":
        return day[:7]
    if precision == "week":
        return f"week of {day[:10]}"
    return day[:10]


def _unique(items: list[BriefItem], keep_order: bool = False) -> list[BriefItem]:
    """One line per wording and set of sources: two claims typed differently on one sentence read as one."""
    seen: set[tuple[str, tuple[str, ...]]] = set()
    out = []
    for item in items if keep_order else sorted(items, key=lambda i: -i.independent_sources):
        key = (" ".join(item.text.lower().split()), tuple(sorted(c.doc_id for c in item.citations)))
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def _quantity_text(q: Mapping[str, Any] | None) -> str | None:
    if not q or q.get("value") is None:
        return None
    value = q["value"]
    shown = f"{value:,.0f}" if float(value).is_integer() else f"{value:g}"
    return " ".join(x for x in ("about" if q.get("approx") else "", shown, q.get("unit") or "") if x)


def _sections(items: list[BriefItem], keep_order: bool = False) -> tuple[BriefSection, ...]:
    by_theme: dict[str, list[BriefItem]] = defaultdict(list)
    for item in items:
        by_theme[item.theme if item.theme in THEMES else OTHER].append(item)
    order = [*THEMES, OTHER]
    return tuple(
        BriefSection(t, tuple(by_theme[t] if keep_order else sorted(by_theme[t], key=_item_order)))
        for t in order
        if by_theme.get(t)
    )


def _item_order(item: BriefItem) -> tuple[int, str]:
    return (-item.independent_sources, item.date or "9999")


def _key_numbers(data: BriefInput, items: list[BriefItem]) -> tuple[tuple[str, str], ...]:
    docs = {c.doc_id for i in items for c in i.citations}
    nums = [("items", str(len(items))), ("documents cited", str(len(docs)))]
    outlets = {c.outlet for i in items for c in i.citations if c.outlet}
    nums.append(("outlets", str(len(outlets))))
    if data.persons:
        nums.append(("named deaths", str(len(data.persons))))
    return tuple(nums)


def _per_day(items: list[BriefItem]) -> dict[str, dict[str, int]]:
    out: dict[str, Counter[str]] = defaultdict(Counter)
    for i in items:
        if i.date and len(i.date) >= 10 and i.date_precision in (None, "day"):
            out[i.date[:10]][i.theme] += 1
    return {d: dict(c) for d, c in sorted(out.items())}


def _by_region(persons: Sequence[Mapping[str, Any]]) -> dict[str, int]:
    c = Counter(p.get("home_region") or "unknown" for p in persons)
    return dict(c.most_common())


# How an editor would title a story dominated by one kind of event.
STORY_NOUNS = {
    "protest_or_appeal": "Protests",
    "attack_on_draft_office": "Attacks on draft offices",
    "repression_or_prosecution": "Arrests and prosecutions",
    "flight_or_emigration": "Flight from the draft",
    "draft_notice": "Round-ups and draft notices",
    "casualty": "Deaths",
    "incident_or_crime": "Incidents",
    "wrongful_mobilization": "Wrongful call-ups",
    "release_or_return": "Releases of wrongly mobilized men",
}
STORY_MIN_ITEMS = 6
STORY_MIN_OUTLETS = 3
STORY_MIN_SHARE = 0.25
STORY_DOMINANCE = 3.0


def _developing_story(items: list[BriefItem]) -> tuple[BriefSection | None, list[BriefItem]]:
    """A region carrying far more of the period's events than any other, from several outlets.

    "Far more" means at least STORY_MIN_ITEMS events and STORY_DOMINANCE times the average of the
    other regions with events; its items move from the standing sections into a section of their own.
    """
    by_region: dict[str, list[BriefItem]] = defaultdict(list)
    for item in items:
        if item.region:
            by_region[item.region].append(item)
    if not by_region:
        return None, items
    region, members = max(by_region.items(), key=lambda kv: len(kv[1]))
    others = [len(v) for k, v in by_region.items() if k != region]
    usual = sum(others) / len(others) if others else 1.0
    outlets = {o for i in members for o in (i.outlets or tuple(c.outlet or c.origin for c in i.citations))}
    if (
        len(members) < STORY_MIN_ITEMS
        or len(members) < STORY_DOMINANCE * usual
        or len(members) < STORY_MIN_SHARE * len(items)
        or len(outlets) < STORY_MIN_OUTLETS
    ):
        return None, items
    types = Counter(i.type for i in members if i.type)
    top, n = types.most_common(1)[0] if types else (None, 0)
    noun = STORY_NOUNS.get(top or "") if n * 2 >= len(members) else None
    title = f"{noun} in {region}" if noun else region
    section = BriefSection(title, tuple(sorted(members, key=_item_order)), developing=True)
    chosen = {id(i) for i in members}
    return section, [i for i in items if id(i) not in chosen]


def _figures(items: list[BriefItem], most: int = 6) -> tuple[tuple[str, str], ...]:
    """The period's key numbers: quantities of the best-corroborated events."""
    with_numbers = sorted(
        (i for i in items if i.quantity), key=lambda i: (-i.independent_sources, i.date or "")
    )
    out = []
    for i in with_numbers[:most]:
        who = f" ({i.attribution})" if i.attribution else ""
        context = i.text if len(i.text) <= 110 else i.text[:109].rsplit(" ", 1)[0] + "…"
        out.append((i.quantity or "", context + who))
    return tuple(out)
