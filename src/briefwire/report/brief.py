"""The brief as plain data: sections by theme, items with citations.

``build_brief`` takes rows the store returns for a period (events, their claims, happenings and
quantity mentions, documents, persons, the editor's decisions) and decides what the period's
items are; the templates in ``templates/`` only lay it out, for the CLI and the desk alike.
Items are events when linking has produced them, else passages (the foundation brief).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any, Literal

from .decisions import rank_of
from .grouping import developing_story, group_kinds, item_order, named_dead
from .items import date_text, event_items, ordered_citations
from .language import majority_language, mark, person_latin
from .model import Brief, BriefInput, BriefItem, BriefSection, Citation, Decisions, citation
from .wording import attribution

__all__ = [
    "OTHER",
    "THEMES",
    "Brief",
    "BriefInput",
    "BriefItem",
    "BriefSection",
    "Citation",
    "Decisions",
    "build_brief",
    "citation",
    "date_text",
    "primary_claimants",
]

THEMES = (
    "Authorities and Legislation",
    "Army Recruitment and Draft",
    "Mobilized Soldiers, Volunteers and Contract Soldiers",
    "Relatives and Public Response",
    "Sentences, Legal Proceedings and Incidents",
    "Society and Economy",
)
OTHER = "Other"


def build_brief(
    data: BriefInput,
    since: str | None,
    until: str | None,
    items: Literal["auto", "passages", "events"] = "auto",
) -> Brief:
    """The brief for a period, with the editor's decisions (``data.decisions``) applied."""
    language = data.language or majority_language(_period_languages(data, since, until))
    use_events = items == "events" or (items == "auto" and bool(data.events))
    events = [e for e in data.events if e["event_id"] not in data.decisions.excluded]
    data = replace(data, events=events)
    made = event_items(data, latin=language != "ru") if use_events else _passage_items(data)
    shown_events = [e for e in events if e.get("review_state") != "rejected"]
    left_out = len(shown_events) - len({k for i in made for k in i.event_keys}) if use_events else 0
    if since is None:  # no previous brief to be new against
        made = [replace(i, new=False) for i in made]
    developing, rest = developing_story(made)
    rest = group_kinds(named_dead(rest, data.persons, data.documents) if use_events else rest)
    rest = [mark(i, language, data.documents) for i in rest]
    if developing:
        developing = replace(
            developing, items=tuple(mark(i, language, data.documents) for i in developing.items)
        )
    sections = ((developing,) if developing else ()) + _sections(rest, data.decisions)
    persons = tuple(person_latin(p, language) for p in data.persons if p.get("review_state") != "rejected")
    shown = [i for s in sections for i in s.items]
    return Brief(
        since,
        until,
        sections,
        casualties=persons,
        key_numbers=_key_numbers(shown, persons),
        figures=_figures(shown),
        events_per_day=_per_day(shown, since, until),
        casualties_by_region=_by_region(persons),
        notes=_notes(made, data, left_out),
        language=language,
    )


def _period_languages(data: BriefInput, since: str | None, until: str | None) -> list[str | None]:
    def inside(d: Mapping[str, Any]) -> bool:
        day = str(d.get("published") or "")[:10]
        return bool(day) and (since is None or day >= since) and (until is None or day <= until)

    docs = [d for d in data.documents.values() if inside(d)] or list(data.documents.values())
    return [d.get("language") for d in docs]


def _notes(made: list[BriefItem], data: BriefInput, left_out: int = 0) -> tuple[str, ...]:
    notes = []
    if left_out > 0:
        notes.append(
            f"{left_out} event(s) whose only wording continues a sentence not in the ledger are left out;"
            " the review desk lists them."
        )
    if not made:
        notes.append("Nothing in the ledger for this period: ingest documents first, or widen --from/--to.")
    if data.undated_documents:
        notes.append(
            f"{data.undated_documents} document(s) without a known publication date are not in this period."
        )
    return tuple(notes)


def primary_claimants(
    claims: Sequence[Mapping[str, Any]], documents: Mapping[str, Mapping[str, Any]]
) -> str | None:
    """Who asserts it, each party once; the outlet carrying a claim is its citation, not a claimant."""
    outlets = {str((documents.get(c.get("doc_id") or "") or {}).get("outlet") or "").lower() for c in claims}
    return attribution([c.get("claimed_by") or [] for c in claims], "", outlets - {""}, most=3)


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
        cites = ordered_citations([m["doc_id"] for m in members], data.documents)
        key = f"{first['doc_id']}:{first['index']}"
        text = " ".join(first["text"].split())
        out.append(
            BriefItem(
                "passage",
                key,
                text,
                first["theme"],
                cites,
                date=cites[0].date if cites else None,
                new=key not in data.previous_keys,
                lead_doc=first["doc_id"],
            )
        )
    seen: set[str] = set()
    return [i for i in out if not (i.text.lower() in seen or seen.add(i.text.lower()))]  # type: ignore[func-returns-value]


def _sections(items: list[BriefItem], decisions: Decisions) -> tuple[BriefSection, ...]:
    by_theme: dict[str, list[BriefItem]] = defaultdict(list)
    for item in items:
        by_theme[item.theme if item.theme in THEMES else OTHER].append(item)

    def order(item: BriefItem) -> tuple[int, int, int, str]:
        dead_first = 0 if item.key == "named-dead" else 1
        return (rank_of(item.event_keys, decisions), dead_first, *item_order(item))

    return tuple(
        BriefSection(t, tuple(sorted(by_theme[t], key=order))) for t in (*THEMES, OTHER) if by_theme.get(t)
    )


def _key_numbers(items: list[BriefItem], persons: Sequence[Mapping[str, Any]]) -> tuple[tuple[str, str], ...]:
    flat = [p for i in items for p in (i.parts or (i,))]
    docs = {c.doc_id for i in flat for c in i.citations}
    outlets = {c.outlet for i in flat for c in i.citations if c.outlet}
    nums = [("items", str(len(items))), ("documents cited", str(len(docs))), ("outlets", str(len(outlets)))]
    if persons:
        nums.append(("named deaths", str(len(persons))))
    return tuple(nums)


def _figures(items: list[BriefItem], most: int = 6) -> tuple[tuple[str, str], ...]:
    """The period's key numbers, in the source's words, of the best-corroborated items."""
    flat = [p for i in items for p in (i.parts or (i,))]
    with_numbers = sorted(
        (i for i in flat if i.quantity), key=lambda i: (-i.independent_sources, i.date or "")
    )
    out = []
    for i in with_numbers[:most]:
        who = f" (according to {i.attribution})" if i.attribution else ""
        context = i.text if len(i.text) <= 110 else i.text[:109].rsplit(" ", 1)[0] + "…"
        label = (
            f"{i.quantity} ({i.counts})" if i.counts and i.counts not in (i.quantity or "") else i.quantity
        )
        out.append((label or "", context + who))
    return tuple(out)


def _per_day(items: list[BriefItem], since: str | None, until: str | None) -> dict[str, dict[str, int]]:
    """Items per day by theme, for days inside the period only (an item may tell of an older day)."""
    out: dict[str, Counter[str]] = defaultdict(Counter)
    for line in (p for i in items for p in (i.parts or (i,))):
        day = (line.date or "")[:10]
        if (
            len(day) == 10
            and line.date_precision in (None, "day")
            and (since or day) <= day <= (until or day)
        ):
            out[day][line.theme] += 1
    return {d: dict(c) for d, c in sorted(out.items())}


def _by_region(persons: Sequence[Mapping[str, Any]]) -> dict[str, int]:
    c = Counter(p.get("home_region") or "unknown" for p in persons)
    return dict(c.most_common())
