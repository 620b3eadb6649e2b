"""Items from events: one line per happening, in its clearest wording, with its sources.

An event is read through the happenings of its claims (extraction's unit): the lead sentence of
the happening that reads best is the item's wording, a facet sentence of the same happening adds
the count, denial or outcome the lead lacks. Two events that share a happening are one item.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from .model import BriefInput, BriefItem, Citation, citation
from .numbers import key_number, what_it_counts
from .wording import (
    attribution,
    best,
    leans,
    norm,
    stance_shown,
    unlinked,
    whole,
    with_facet,
    wording_penalty,
)

FACET_KINDS = ("count", "repression_or_prosecution", "release_or_return", "detention_of_refusers")
SHORT_LEAD = 60  # a lead this short ("The Kremlin has acknowledged problems.") wants its next sentence


def ordered_citations(doc_ids: Sequence[str], docs: Mapping[str, Mapping[str, Any]]) -> tuple[Citation, ...]:
    """Citations of the documents carrying an item, each once, the earliest (the original) first."""
    cites = [citation(docs[d]) for d in dict.fromkeys(doc_ids) if d in docs]
    return tuple(sorted(cites, key=lambda c: (c.date or "9999", docs[c.doc_id].get("seq") or 0)))


def event_items(data: BriefInput, latin: bool) -> list[BriefItem]:
    claims_of: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for c in data.claims:
        if c.get("event_id"):
            claims_of[c["event_id"]].append(c)
    happenings = {h["happening_id"]: h for h in data.happenings}
    mentions_of: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for m in data.mentions:
        if m.get("happening_id"):
            mentions_of[m["happening_id"]].append(m)
    ctx = _Context(happenings, mentions_of, data, latin)
    made = [
        _item(ev, claims_of.get(ev["event_id"], []), ctx)
        for ev in data.events
        if ev.get("review_state") != "rejected"
    ]
    return attach_continuations(merge_shared(made))


@dataclass(frozen=True)
class _Context:
    happenings: Mapping[str, Mapping[str, Any]]
    mentions_of: Mapping[str, Sequence[Mapping[str, Any]]]
    data: BriefInput
    latin: bool


def _item(ev: Mapping[str, Any], claims: Sequence[Mapping[str, Any]], ctx: _Context) -> BriefItem:
    happenings, data, latin = ctx.happenings, ctx.data, ctx.latin
    keys = dict.fromkeys(str(c.get("happening_id")) for c in claims if c.get("happening_id"))
    own = [happenings[k] for k in keys if k in happenings]
    edited = "summary" in (ev.get("edited_fields") or [])
    lead, text, own_line = _wording(ev, claims, own, latin)
    number = None if edited else _number(ev, lead, text, claims, ctx)
    if number is None and not edited and not own_line:
        # The count a reader needs may be in another document's telling of the same happening.
        # Only a telling of the same kind: an event linking stretched over two stories must not
        # trade its story for the other one's number.
        kind = (lead or {}).get("type") or ev.get("type")
        tellings = [h for h in own if h.get("type") == kind]
        for other in sorted(tellings, key=lambda h: wording_penalty(norm(h.get("quote") or ""), latin)):
            wording = with_facet(other.get("quote") or "", _facets(other, claims))
            found = _number(ev, other, wording, claims, ctx)
            if found is not None and wording_penalty(norm(other.get("quote") or ""), latin)[0] == 0:
                lead, text, number = other, wording, found
                break
    text = norm(ev["summary"]) if edited else unlinked(text)
    loc = ev.get("location") or {}
    cites = ordered_citations(ev.get("doc_ids") or [], data.documents)
    outlets = {str(c.outlet).lower() for c in cites if c.outlet}
    chains = [lead.get("claimed_by") or []] if lead and lead.get("claimed_by") else []
    # The lead's own claimant speaks for it; without one, the claims of the lead happening do.
    chains = chains or [
        c.get("claimed_by") or [] for c in claims if lead and c.get("happening_id") == lead["happening_id"]
    ]
    chains = chains or [c.get("claimed_by") or [] for c in claims]
    return BriefItem(
        "event",
        ev["event_id"],
        text,
        ev["theme"],
        cites,
        attribution=attribution(chains, text, outlets, latin=latin),
        stance=stance_shown(
            [lead.get("stance")] if lead else [c.get("stance") for c in claims], ev.get("status"), text
        ),
        date=date_text(ev.get("date"), ev.get("date_precision")),
        place=loc.get("name"),
        quantity=_number_text(ev, number),
        counts=what_it_counts(number, ev.get("type")) if number else None,
        status=ev.get("status"),
        independent_sources=ev.get("independent_sources") or 1,
        new=ev["event_id"] not in data.previous_keys,
        type=ev.get("type"),
        region=loc.get("admin1") or None,
        date_precision=ev.get("date_precision"),
        outlets=tuple(dict.fromkeys(s for s in ev.get("sources") or [] if s)),
        # A sentence shown for itself, not as its happening's lead, folds nothing into it.
        happenings=()
        if own_line
        else tuple(dict.fromkeys(h["happening_id"] for h in [*([lead] if lead else []), *own])),
        lead_doc=(lead or {}).get("doc_id") or (cites[0].doc_id if cites else None),
        lead_index=(lead or {}).get("index"),
    )


def _number(
    ev: Mapping[str, Any],
    lead: Mapping[str, Any] | None,
    text: str,
    claims: Sequence[Mapping[str, Any]],
    ctx: _Context,
) -> Mapping[str, Any] | None:
    """The key number of the wording shown, from the quantity mentions said in it or in its lead's
    other sentences (a number the item does not carry is not its number)."""
    if lead is None or "quantity" in (ev.get("edited_fields") or []):
        return None
    said = [c.get("quote") or "" for c in claims if c.get("happening_id") == lead["happening_id"]]
    evidence = " ".join(norm(q) for q in [text, *said])
    mentions = [
        m
        for m in ctx.mentions_of.get(lead["happening_id"], [])
        if norm(m.get("text") or "") and norm(m.get("text") or "") in evidence
    ]
    return key_number(mentions, ev.get("type"), text)


def _wording(
    ev: Mapping[str, Any], claims: Sequence[Mapping[str, Any]], own: list[Mapping[str, Any]], latin: bool
) -> tuple[Mapping[str, Any] | None, str, bool]:
    """The lead happening, the item's wording, and whether that wording is a sentence of its own.

    The event's anchor claim (the one its key names) says what the event is: its happening's lead
    sentence is the wording, the anchor added as a facet when it is another sentence, unless the
    anchor stands alone (a count the linker kept apart from the story it was told in). Another
    happening of the event is the lead only where the anchor's reads badly (leans, a lifted
    clause, the other script)."""
    anchor = next((c for c in claims if c.get("claim_id") == ev["event_id"]), None)
    by_key = {h["happening_id"]: h for h in own}
    lead = by_key.get((anchor or {}).get("happening_id") or "")
    if lead is not None and anchor is not None:
        said, opening = norm(anchor.get("quote") or ""), norm(lead.get("quote") or "")
        if said != opening and wording_penalty(said, latin)[0] == 0:
            return lead, said, True
        if wording_penalty(opening, latin)[0] > 0:
            lead = None
    if lead is None:
        lead = best([h for h in own if not leans(h.get("quote") or "")] or own, latin)
    if lead is None:
        chosen = norm((best(claims, latin) or {}).get("quote") or "")
        # A clause lifted out of its sentence reads worse than the event's summary.
        return None, chosen if whole(chosen) else norm(ev["summary"]), False
    return lead, with_facet(lead.get("quote") or ev["summary"], _facets(lead, claims)), False


def _facets(lead: Mapping[str, Any], claims: Sequence[Mapping[str, Any]]) -> list[str]:
    """Sentences of the lead's happening a reader needs beside it: a count, a denial, an outcome;
    any of its sentences when the lead alone is too short to say much."""
    opening = norm(lead.get("quote") or "")
    same = [
        c
        for c in claims
        if c.get("happening_id") == lead["happening_id"] and norm(c.get("quote") or "") != opening
    ]
    needed = [c for c in same if c.get("facet") in FACET_KINDS or c.get("stance") == "denied"]
    if len(opening) < SHORT_LEAD:
        needed += [c for c in same if c not in needed]
    return [c.get("quote") or "" for c in needed]


def _number_text(ev: Mapping[str, Any], number: Mapping[str, Any] | None) -> str | None:
    if number:
        return norm(number.get("text") or "") or None
    q = ev.get("quantity") if "quantity" in (ev.get("edited_fields") or []) else None
    if not q or q.get("value") is None:
        return None
    value = q["value"]  # an editor's number: as they typed it
    shown = f"{value:,.0f}" if float(value).is_integer() else f"{value:g}"
    return " ".join(x for x in (shown, q.get("unit") or "") if x)


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


def merge_shared(items: list[BriefItem]) -> list[BriefItem]:
    """Items that tell one happening (the same lead happening, or the same wording) become one:
    a reader never meets one sentence twice.

    Only the lead counts: a happening that extraction stretched over two stories must not fold
    a second story away."""
    out: list[BriefItem] = []
    owner: dict[str, int] = {}
    for item in sorted(items, key=lambda i: -i.independent_sources):
        keys = [*item.happenings[:1], "text:" + " ".join(item.text.lower().split())]
        hit = next((owner[k] for k in keys if k in owner), None)
        if hit is None:
            owner.update({k: len(out) for k in keys})
            out.append(item)
            continue
        out[hit] = absorb(out[hit], item)
        owner.update(dict.fromkeys(keys, hit))
    return out


def absorb(into: BriefItem, other: BriefItem) -> BriefItem:
    cites = {c.doc_id: c for c in (*into.citations, *other.citations)}
    ordered = tuple(sorted(cites.values(), key=lambda c: c.date or "9999"))
    return replace(
        into,
        citations=ordered,
        independent_sources=max(into.independent_sources, other.independent_sources),
        happenings=tuple(dict.fromkeys((*into.happenings, *other.happenings))),
        merged=(*into.merged, other.key),
        attribution=into.attribution or other.attribution,
    )


def attach_continuations(items: list[BriefItem]) -> list[BriefItem]:
    """A line that leans on the sentence before it joins the item its document told just before,
    as that item's facet. With no such item a mere linking word ("Earlier,") is dropped, or the
    document's title stands as its antecedent; with neither the line is left out."""
    out = [i for i in items if not leans(i.text)]
    for item in (i for i in items if leans(i.text)):
        earlier = [
            (n, o)
            for n, o in enumerate(out)
            if o.kind == "event"
            and o.lead_doc == item.lead_doc
            and (o.lead_index or 0) <= (item.lead_index or 0)
        ]
        if earlier:
            n, host = max(earlier, key=lambda no: no[1].lead_index or 0)
            out[n] = replace(absorb(host, item), text=with_facet(host.text, [item.text]))
            continue
        if not leans(unlinked(item.text)):
            out.append(replace(item, text=unlinked(item.text)))
            continue
        title = next((c.title for c in item.citations if c.doc_id == item.lead_doc and c.title), None)
        if title:
            out.append(replace(item, text=f"{norm(title)}: {item.text}"))
        # else: a continuation with nothing to lean on is left out; build_brief counts it in a note
    return out
