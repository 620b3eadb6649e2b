"""Happenings into events: clustering scored candidate pairs under reviewers' constraints.

Candidate pairs (:mod:`.pairs`) are scored on their evidence (:mod:`.evidence`); clusters grow
from the strongest pair down, joining two only when no pair between them is vetoed or held
apart by a reviewer and their scored pairs average ``THRESHOLD`` or more (so one broad
statement cannot glue two regional reports).

The result is in claims (every claim of a happening goes where its happening goes), so events,
sources and explanations are assembled from claims as before.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from .evidence import score
from .features import MAX_GAP_DAYS, THRESHOLD, PairScore
from .happening import HappeningInfo
from .merge import Clustering, Constraints, _pk
from .pairs import Pair, candidate_pairs


def cluster(
    hs: Sequence[HappeningInfo],
    sim: Any,
    constraints: Constraints,
    pairs: Sequence[Pair] | None = None,
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
