"""Happenings into events: candidate pairs by type family and date, scores, clustering.

Candidates are happenings of different documents whose types share a family
(``families.json``) and whose dates lie within ``MAX_GAP_DAYS`` (one with no date at all is
compared with those of its family sharing a region, a settlement, a person or a name), plus any
two sharing a re-published paragraph. Each pair is
scored on its evidence (:mod:`.evidence`); clusters grow from the strongest pair down, joining
two only when no pair between them is vetoed or held apart by a reviewer and their scored pairs
average ``THRESHOLD`` or more (so one broad statement cannot glue two regional reports).

The result is in claims (every claim of a happening goes where its happening goes), so events,
sources and explanations are assembled from claims as before.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator, Sequence
from itertools import combinations
from typing import Any

from .evidence import score
from .families import family_names
from .features import MAX_GAP_DAYS, THRESHOLD, PairScore
from .happening import HappeningInfo
from .merge import Clustering, Constraints, _pk


def candidate_pairs(hs: Sequence[HappeningInfo]) -> list[tuple[HappeningInfo, HappeningInfo]]:
    blocks: dict[str, list[HappeningInfo]] = defaultdict(list)
    for h in hs:
        for fam in family_names(h.type):
            blocks[fam].append(h)
    seen: set[tuple[str, str]] = set()
    out: list[tuple[HappeningInfo, HappeningInfo]] = []

    def add(x: HappeningInfo, y: HappeningInfo) -> None:
        k = _pk(x.key, y.key)
        if k not in seen and (x.doc_id != y.doc_id or (x.type == y.type and not x.digest)):
            seen.add(k)
            out.append((x, y) if x.order < y.order else (y, x))

    for block in blocks.values():
        for x, y in _in_window(block):
            add(x, y)
    by_reuse: dict[int, list[HappeningInfo]] = defaultdict(list)
    for h in hs:
        for g in h.reuse_groups:
            by_reuse[g].append(h)
    for group in by_reuse.values():
        for x, y in combinations(group, 2):
            add(x, y)
    return out


def _in_window(block: Sequence[HappeningInfo]) -> Iterator[tuple[HappeningInfo, HappeningInfo]]:
    """Pairs at most ``MAX_GAP_DAYS`` apart (a sliding window over the dated); a happening with
    no date at all only meets those that share a place, a person or a name with it."""
    dated = sorted((h for h in block if h.day is not None), key=lambda h: (h.day, h.order))
    days = [h.day.toordinal() for h in dated if h.day is not None]
    for i, x in enumerate(dated):
        assert x.day is not None
        hi = bisect_right(days, x.day.toordinal() + MAX_GAP_DAYS)
        for y in dated[i + 1 : hi]:
            yield x, y
    undated = [h for h in block if h.day is None]
    if not undated:
        return
    index: dict[str, list[HappeningInfo]] = defaultdict(list)
    for h in block:
        for key in _anchors(h):
            index[key].append(h)
    for x in undated:
        met = {id(y): y for key in _anchors(x) for y in index[key] if y is not x}
        for y in met.values():
            if y.day is not None or y.order > x.order:  # two undated: once
                yield x, y


def _anchors(h: HappeningInfo) -> set[str]:
    """What an undated happening can be found by: its regions, settlements, people, names."""
    return {*h.regions, *(f"s:{p}" for p in h.settlements), *h.people, *(f"n:{n}" for n in h.names)}


def cluster(
    hs: Sequence[HappeningInfo],
    sim: Any,
    constraints: Constraints,
    pairs: Sequence[tuple[HappeningInfo, HappeningInfo]] | None = None,
) -> Clustering:
    """``pairs``: the candidate pairs when the caller has them already."""
    pairs = candidate_pairs(hs) if pairs is None else pairs
    scores = {_pk(x.claims[0], y.claims[0]): score(x, y, sim) for x, y in pairs}
    by_lead = {h.claims[0]: h for h in hs}
    of_claim = {k: h.claims[0] for h in hs for k in h.claims}
    days = {h.claims[0]: h.day.toordinal() if h.day else None for h in hs}
    member = {h.claims[0]: i for i, h in enumerate(hs)}
    groups: dict[int, list[str]] = {i: [h.claims[0]] for i, h in enumerate(hs)}
    edges: dict[int, list[PairScore]] = defaultdict(list)

    def join(a: int, b: int, via: PairScore | None) -> None:
        for k in groups[b]:
            member[k] = a
        groups[a].extend(groups.pop(b))
        edges[a].extend(edges.pop(b, []))
        if via is not None:
            edges[a].append(via)

    for a_key, b_key in constraints.must_link:
        a, b = of_claim.get(a_key), of_claim.get(b_key)
        if a is not None and b is not None and member[a] != member[b]:
            join(member[a], member[b], None)
    alone = {k for k in constraints.alone if k in by_lead}  # split claims are their own happenings
    for ps in sorted(scores.values(), key=lambda p: -p.score):
        if not ps.merge or ps.a in alone or ps.b in alone:
            continue
        ga, gb = member[ps.a], member[ps.b]
        if ga != gb and _compatible(groups[ga], groups[gb], scores, days):
            join(ga, gb, ps)
    clusters = [[k for lead in leads for k in by_lead[lead].claims] for leads in groups.values()]
    return Clustering(clusters, scores, [edges.get(g, []) for g in groups])


def _compatible(
    a: list[str], b: list[str], scores: dict[tuple[str, str], PairScore], days: dict[str, int | None]
) -> bool:
    known = []
    for x in a:
        for y in b:
            ps = scores.get(_pk(x, y))
            if ps is None:
                dx, dy = days.get(x), days.get(y)
                if dx is not None and dy is not None and abs(dx - dy) > MAX_GAP_DAYS:
                    return False  # never scored because too far apart: as good as a veto
                continue
            if ps.veto is not None:
                return False
            known.append(ps.score)
    return bool(known) and sum(known) / len(known) >= THRESHOLD
