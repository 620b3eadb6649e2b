"""How well linking merges one happening across outlets and keeps look-alikes apart.

Each set (:mod:`.link_sets`) is ingested into a fresh ledger and linked; then every annotated
happening of a document is found among the document's extracted happenings, and the events
those land in are compared with the annotation:

- ``link_pair_{precision,recall,f1}``: labelled pairs (Telegram: *same* when a happening of
  each post of the pair's type family is in one event) or every pair of annotated happenings
  of two documents (documents) predicted *same* when both are in one event;
- ``link_bcubed_{precision,recall,f1}`` over the same items;
- ``link_multi_merged``: the share of happenings reported by two or more outlets whose reports
  all ended in one event, with no look-alike inside (``link_multi_other_inside`` counts
  the events that swallowed one);
- ``link_sources_exact``: the share of annotated multi-outlet happenings whose event (the one
  most of their reports are in) counts the independent sources an editor counts: for the
  documents the annotated count (``clusters-b.json``) plus one for each other outlet an A
  document of the same happening (``crossref-b-a.json``) adds; for the Telegram pairs the
  channels of the happening's posts, a post and its labelled copy counted once;
  ``link_sources_exact_merged``: the same share among those whose reports all ended in one
  event, which tells counting apart from merging.

A happening the extraction did not produce counts as not merged (never skipped);
``link_items_found`` is the share of items extraction produced at all, the ceiling of recall.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from briefwire.link.families import related

from .link_sets import DocSet, TgSet
from .merge import bcubed, pairwise
from .metrics import file_key, salient

Rows = Mapping[str, Sequence[dict[str, Any]]]


def doc_happenings(claims: Sequence[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """File name -> its happenings, each {key, type, event, words, n} (events by majority)."""
    groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for c in claims:
        groups[(file_key(c["origin"]), c.get("happening_id") or c["claim_id"])].append(c)
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for (name, key), members in groups.items():
        events = Counter(c.get("event_id") for c in members)
        words: set[str] = set()
        for c in members:
            words |= salient(" ".join(str(x) for x in (c.get("quote"), c.get("summary")) if x))
        out[name].append(
            {
                "key": key,
                "type": members[0]["type"],
                "event": events.most_common(1)[0][0],
                "words": words,
                "n": len(members),
                "first": min(c.get("start") or 0 for c in members),
            }
        )
    return out


def _pick(found: Sequence[dict[str, Any]], types: set[str], words: set[str]) -> dict[str, Any] | None:
    """The extracted happening that best matches an annotated one (type family, shared words)."""
    best: tuple[float, dict[str, Any]] | None = None
    for h in found:
        overlap = len(words & h["words"])
        in_family = any(related(h["type"], t) for t in types)
        if not overlap and not in_family:
            continue
        value = 2.0 * in_family + (h["type"] in types) + overlap + 0.01 * h["n"]
        if best is None or value > best[0]:
            best = (value, h)
    return best[1] if best else None


def score_tg(
    s: TgSet, claims: Sequence[dict[str, Any]], events: Sequence[dict[str, Any]] = ()
) -> dict[str, float]:
    found = doc_happenings(claims)
    cluster_of: dict[str, str] = {}
    type_of: dict[str, str] = {}
    for p in s.pairs:
        for k in ("a", "b"):
            type_of.setdefault(p[k], p["type"])
            if p["cluster"]:
                cluster_of[p[k]] = p["cluster"]
                type_of[p[k]] = p["type"]

    def event(post: str, type_: str) -> str | None:
        h = _pick(found.get(post, []), {type_}, set())
        h = h or max(found.get(post, []), key=lambda x: (x["n"], -x["first"]), default=None)
        return str(h["event"]) if h and h["event"] else None

    def events_of(post: str, type_: str) -> set[str]:
        """The events of the post's happenings of the pair's type family (a tally post may
        tell several regions' attacks as several happenings)."""
        hs = [h for h in found.get(post, []) if related(h["type"], type_)] or found.get(post, [])
        return {str(h["event"]) for h in hs if h["event"]}

    judged = [
        (bool(p["same"]), bool(events_of(p["a"], p["type"]) & events_of(p["b"], p["type"]))) for p in s.pairs
    ]
    pred = {post: event(post, t) or f"none:{post}" for post, t in type_of.items()}
    gold = {post: cluster_of.get(post, f"alone:{post}") for post in type_of}
    multi, inside = _multi_merged(gold, pred, _tg_lookalikes(s), _tg_channels(s))
    scores = _prefixed("link_pair", pairwise(judged)) | _prefixed("link_bcubed", bcubed(gold, pred))
    found_share = sum(not e.startswith("none:") for e in pred.values()) / len(pred) if pred else 1.0
    return scores | {
        "link_multi_merged": multi,
        "link_multi_other_inside": float(inside),
        "link_items_found": found_share,
        **_sources_scores(_tg_sources(s), gold, pred, events),
    }


def _tg_sources(s: TgSet) -> dict[str, int]:
    """Cluster id -> independent sources of its posts: channels, a post and its copy once."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    channel = _tg_channels(s)
    posts = {p[k]: p["cluster"] for p in s.pairs if p["cluster"] for k in ("a", "b")}
    for post, g in posts.items():
        # a channel is one source within each happening: a copy labelled in one happening
        # joins two channels there only (a global channel node made every later happening of
        # two channels that once copied each other count as one source)
        parent[root(post)] = root(f"channel:{g}:{channel[post]}")
    for p in s.pairs:
        if p["kind"] == "copy":
            parent[root(p["a"])] = root(p["b"])
    units: dict[str, set[str]] = defaultdict(set)
    for post, g in posts.items():
        units[g].add(root(post))
    return {g: len(us) for g, us in units.items() if len({channel[p] for p in posts if posts[p] == g}) > 1}


def _tg_channels(s: TgSet) -> dict[str, str]:
    return {post: post.split("_")[0] for p in s.pairs for post in (p["a"], p["b"])}


def _tg_lookalikes(s: TgSet) -> dict[str, set[str]]:
    """Cluster id -> posts of look-alikes paired with one of its posts."""
    cluster_of = {p[k]: p["cluster"] for p in s.pairs if p["cluster"] for k in ("a", "b")}
    out: dict[str, set[str]] = defaultdict(set)
    for p in s.pairs:
        if p["kind"] == "lookalike":
            for here, there in ((p["a"], p["b"]), (p["b"], p["a"])):
                if here in cluster_of:
                    out[cluster_of[here]].add(there)
    return out


def _multi_merged(
    gold: Mapping[str, str],
    pred: Mapping[str, str],
    lookalikes: Mapping[str, set[str]],
    outlet: Mapping[str, str],
) -> tuple[float, int]:
    """Share of gold happenings of 2+ outlets all in one event with no look-alike inside."""
    members: dict[str, list[str]] = defaultdict(list)
    for item, g in gold.items():
        members[g].append(item)
    multi = {g: items for g, items in members.items() if len({outlet[i] for i in items}) > 1}
    merged = inside = 0
    for g, items in multi.items():
        events = {pred[i] for i in items}
        if len(events) != 1:
            continue
        ev = next(iter(events))
        others = [i for i in lookalikes.get(g, ()) if pred.get(i) == ev]
        others += [i for i, e in pred.items() if e == ev and gold[i] != g]
        inside += bool(others)
        merged += not others
    return (merged / len(multi) if multi else 1.0), inside


def score_docs(
    s: DocSet, claims: Sequence[dict[str, Any]], events: Sequence[dict[str, Any]]
) -> dict[str, float]:
    gold, pred, outlet = doc_items(s, claims)
    judged = [
        (gold[x] == gold[y], pred[x] == pred[y])
        for x in gold
        for y in gold
        if x < y and x.split("#")[0] != y.split("#")[0]
    ]
    looks = {
        g: {i for i in gold if gold[i] in set(c.get("lookalike_happenings") or [])}
        for g, c in s.clusters.items()
    }
    multi, inside = _multi_merged(gold, pred, looks, outlet)
    scores = _prefixed("link_pair", pairwise(judged)) | _prefixed("link_bcubed", bcubed(gold, pred))
    scores |= {"link_multi_merged": multi, "link_multi_other_inside": float(inside)}
    found_share = sum(not e.startswith("none:") for e in pred.values()) / len(pred) if pred else 1.0
    # a set with no annotated source counts (``link-NAME``) is scored for merging only
    sources = _sources_scores(_doc_sources(s, gold), gold, pred, events) if s.clusters else {}
    return scores | {"link_items_found": found_share, **sources}


def _doc_sources(s: DocSet, gold: Mapping[str, str]) -> dict[str, int]:
    """Annotated cluster -> the independent sources of every report of its happening: the
    annotated count of its B documents, plus the other outlets of the A documents that
    report the same happening (crossref)."""
    out = {}
    for g, c in s.clusters.items():
        docs = set(c.get("docs") or [])
        outlets = {s.outlets.get(d, d) for d in docs}
        reports = {i.split("#")[0] for i in gold if gold[i] == g}
        extra = {s.outlets.get(d, d) for d in reports - docs}
        out[g] = int(c.get("independent_sources") or 0) + len(extra - outlets)
    return out


def doc_items(
    s: DocSet, claims: Sequence[dict[str, Any]]
) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """Items (a document's extracted happening) with gold happening, predicted event, outlet.

    Several annotated happenings found in one extracted happening are one item, labelled with
    the one most documents report: how finely a document is cut is extraction's score, not
    linking's. An annotated happening not found is an item of its own, in no event.
    """
    found = doc_happenings(claims)
    spread = Counter(e.get("happening") for evs in s.events.values() for e in evs)
    labels: dict[str, list[str]] = defaultdict(list)
    events_of: dict[str, str] = {}
    for name, evs in s.events.items():
        for i, e in enumerate(evs):
            types = {e["type"], *(e.get("alt_types") or [])}
            words = salient(" ".join(str(e.get(k) or "") for k in ("who", "where", "summary")))
            h = _pick(found.get(name, []), types, words)
            label = str(e.get("happening") or f"{name}#{i}")
            item = f"{name}#{h['key']}" if h and h["event"] else f"{name}#none{i}"
            labels[item].append(label)
            events_of[item] = str(h["event"]) if h and h["event"] else f"none:{item}"
    gold = {item: max(ls, key=lambda g: spread[g]) for item, ls in labels.items()}
    outlet = {item: s.outlets.get(item.split("#")[0], item) for item in gold}
    return gold, events_of, outlet


def _sources_scores(
    expected: Mapping[str, int],
    gold: Mapping[str, str],
    pred: Mapping[str, str],
    events: Sequence[dict[str, Any]],
) -> dict[str, float]:
    """``link_sources_exact`` and ``link_sources_exact_merged`` (see the module's notes)."""
    count = {e["event_id"]: e.get("independent_sources") for e in events}
    right = merged = right_merged = 0
    for g, n in expected.items():
        evs = Counter(pred[i] for i in gold if gold[i] == g)
        if not evs:
            continue
        ev = evs.most_common(1)[0][0]
        exact = count.get(ev) == n
        right += exact
        if len(evs) == 1 and not ev.startswith("none:"):
            merged += 1
            right_merged += exact
    return {
        "link_sources_exact": right / len(expected) if expected else 1.0,
        "link_sources_exact_merged": right_merged / merged if merged else 1.0,
    }


def _prefixed(prefix: str, scores: Mapping[str, float]) -> dict[str, float]:
    return {f"{prefix}_{k}": v for k, v in scores.items()}
