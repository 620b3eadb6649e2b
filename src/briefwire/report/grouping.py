"""Grouping as an editor groups: the named dead in one paragraph, reports of one kind as one item,
and a developing story drawn out when one region dominates the period."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from .items import ordered_citations
from .model import BriefItem, BriefSection
from .profile import brief_profile

DEAD_THEME = "Mobilized Soldiers, Volunteers and Contract Soldiers"
GROUP_MAX_SOURCES = 2  # a report carried by more independent sources keeps its own line
STORY_MIN_ITEMS = 6
STORY_MIN_OUTLETS = 3
STORY_MIN_SHARE = 0.25
STORY_DOMINANCE = 3.0


def item_order(item: BriefItem) -> tuple[int, str]:
    return (-item.independent_sources, item.date or "9999")


def named_dead(
    items: list[BriefItem], persons: Sequence[Mapping[str, Any]], documents: Mapping[str, Mapping[str, Any]]
) -> list[BriefItem]:
    """The period's named dead as one paragraph (name, age, home, date); their death reports leave."""
    people = [p for p in persons if p.get("review_state") != "rejected"]
    if not people:
        return items
    parts = tuple(_person_part(p, documents) for p in people)
    docs = {d for p in people for d in p.get("doc_ids") or []}
    stems = {s for p in people for s in _surname_stems(p)}
    kept = [i for i in items if not _about_the_dead(i, stems, docs)]
    cites = ordered_citations([c.doc_id for p in parts for c in p.citations], documents)
    group = BriefItem(
        "group", "named-dead", "", DEAD_THEME, cites, heading="Named dead", parts=parts,
        independent_sources=max(p.independent_sources for p in parts), type="casualty",
        merged=tuple(k for i in items if i not in kept for k in i.event_keys),
    )  # fmt: skip
    return [group, *kept]


def _person_part(p: Mapping[str, Any], documents: Mapping[str, Mapping[str, Any]]) -> BriefItem:
    home = ", ".join(str(x) for x in (p.get("home_town"), p.get("home_region")) if x)
    bits = [str(p["name"])]
    if p.get("age") is not None:
        bits.append(str(p["age"]))
    bits += [str(x) for x in (p.get("rank"), p.get("status")) if x and x != "unknown"]
    if home:
        bits.append(f"from {home}")
    text = ", ".join(bits)
    if p.get("date_of_death"):
        text += f", died {str(p['date_of_death'])[:10]}"
    if p.get("place_of_death"):
        text += f" in {p['place_of_death']}"
    return BriefItem(
        "person", str(p.get("person_id") or p["name"]), text, DEAD_THEME,
        ordered_citations(p.get("doc_ids") or [], documents),
        independent_sources=p.get("independent_sources") or 1, type="casualty",
    )  # fmt: skip


def _surname_stems(p: Mapping[str, Any]) -> set[str]:
    names = [p.get("name") or "", *(p.get("name_variants") or [])]
    # Russian inflects surnames ("Воронина", "Воронину"): the first five letters stand for them.
    return {n.split()[-1].lower()[:5] for n in names if n.split() and len(n.split()[-1]) > 2}


def _about_the_dead(item: BriefItem, stems: set[str], docs: set[str]) -> bool:
    words = {w.lower()[:5] for w in re.findall(r"\w+", item.text)}
    from_their_reports = {c.doc_id for c in item.citations} <= docs
    if item.type == "casualty":
        return bool(words & stems) or from_their_reports
    return bool(words & stems) and from_their_reports


def group_kinds(items: list[BriefItem]) -> list[BriefItem]:
    """Several single-outlet reports of one kind (aid drives, regions' call-ups) as one item."""
    headings: dict[str, str] = brief_profile()["groups"]
    by_type: dict[str, list[BriefItem]] = defaultdict(list)
    for i in items:
        # Reports of one kind from different places; a report placed nowhere stays a line.
        if (
            i.kind == "event"
            and i.type in headings
            and i.independent_sources <= GROUP_MAX_SOURCES
            and i.place
        ):
            by_type[i.type or ""].append(i)
    out: list[BriefItem] = []
    for i in items:
        members = by_type.get(i.type or "", [])
        if len(members) < 2 or i not in members:
            out.append(i)
        elif i is members[0]:
            out.append(_group(headings[i.type or ""], members))
    return out


def _group(heading: str, members: list[BriefItem]) -> BriefItem:
    first = members[0]
    cites = tuple({c.doc_id: c for m in members for c in m.citations}.values())
    return BriefItem(
        "group", f"group:{first.type}:{first.key}", "", first.theme, cites, heading=heading,
        parts=tuple(members), independent_sources=max(m.independent_sources for m in members),
        type=first.type, date=min((m.date for m in members if m.date), default=None),
        new=any(m.new for m in members),
    )  # fmt: skip


def developing_story(items: list[BriefItem]) -> tuple[BriefSection | None, list[BriefItem]]:
    """A region carrying far more of the period's items than any other, from several outlets.

    "Far more": at least STORY_MIN_ITEMS items and STORY_DOMINANCE times the average of the other
    regions with items; its items move from the standing sections into a section of their own.
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
    noun = brief_profile()["story_nouns"].get(top or "") if n * 2 >= len(members) else None
    title = f"{noun} in {region}" if noun else region
    section = BriefSection(title, tuple(sorted(members, key=item_order)), developing=True)
    chosen = {id(i) for i in members}
    return section, [replace(i) for i in items if id(i) not in chosen]
