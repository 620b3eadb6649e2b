"""Which claim pairs are worth scoring: same or compatible types a few days apart, or the same
re-used paragraph; all of them for a full link, or only those with a new claim (found from the
new claims' side) for an incremental one."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterator, Sequence
from itertools import combinations
from typing import Any

from .features import COMPATIBLE, MAX_GAP_DAYS, ClaimInfo


def candidate_pairs(
    infos: Sequence[ClaimInfo], touching: frozenset[str] | None = None
) -> list[tuple[ClaimInfo, ClaimInfo]]:
    """Pairs worth scoring: same or compatible types, or the same re-used paragraph.

    With ``touching``, only the pairs with a claim of it, found from those claims' side: the
    cost follows the new claims and their windows, not the pairs of a whole busy block.
    """
    if touching is not None:
        return _touching_pairs(infos, touching)
    by_type: dict[str, list[ClaimInfo]] = defaultdict(list)
    for info in infos:
        by_type[info.type].append(info)
    pairs: list[tuple[ClaimInfo, ClaimInfo]] = []
    for group in by_type.values():
        pairs.extend(_in_window(group, group))
    for pair in COMPATIBLE:
        a, b = sorted(pair)
        pairs.extend(_in_window(by_type.get(a, []), by_type.get(b, [])))
    seen = {frozenset((x.key, y.key)) for x, y in pairs}
    for group in _by_reuse(infos).values():
        for x, y in combinations(group, 2):
            if frozenset((x.key, y.key)) not in seen:
                pairs.append((x, y))
    return pairs


def _touching_pairs(
    infos: Sequence[ClaimInfo], touching: frozenset[str]
) -> list[tuple[ClaimInfo, ClaimInfo]]:
    """:func:`candidate_pairs` restricted to pairs with a claim of ``touching``, in the same
    orientation (within a type, the earlier claim first; across compatible types, the type
    that sorts first), each pair once."""
    by_type: dict[str, list[ClaimInfo]] = defaultdict(list)
    for info in infos:
        by_type[info.type].append(info)
    rank = {info.key: (info.day is None, info.day, info.order) for info in infos}
    pairs: dict[frozenset[str], tuple[ClaimInfo, ClaimInfo]] = {}

    def add(x: ClaimInfo, y: ClaimInfo) -> None:
        if x is not y:
            pairs.setdefault(frozenset((x.key, y.key)), (x, y))

    for group in by_type.values():
        new = [x for x in group if x.key in touching]
        for x, y in _in_window(new, group):
            add(*((x, y) if _first_in_type(x, y, rank) else (y, x)))
    for pair in COMPATIBLE:
        a, b = sorted(pair)
        left, right = by_type.get(a, []), by_type.get(b, [])
        for x, y in _in_window([x for x in left if x.key in touching], right):
            add(x, y)
        for y, x in _in_window([y for y in right if y.key in touching], left):
            add(x, y)
    for group in _by_reuse(infos).values():
        for x, y in combinations(group, 2):
            if x.key in touching or y.key in touching:
                add(x, y)
    return list(pairs.values())


def _first_in_type(x: ClaimInfo, y: ClaimInfo, rank: dict[str, Any]) -> bool:
    """Whether the full enumeration yields (x, y) rather than (y, x) for two claims of one type."""
    if x.day is None or y.day is None:
        return x.day is None and (y.day is not None or x.order < y.order)
    return bool(rank[x.key] < rank[y.key])


def _by_reuse(infos: Sequence[ClaimInfo]) -> dict[int, list[ClaimInfo]]:
    by_reuse: dict[int, list[ClaimInfo]] = defaultdict(list)
    for info in infos:
        for g in info.reuse_groups:
            by_reuse[g].append(info)
    return by_reuse


def _in_window(
    left: Sequence[ClaimInfo], right: Sequence[ClaimInfo], days: int = MAX_GAP_DAYS
) -> Iterator[tuple[ClaimInfo, ClaimInfo]]:
    """Pairs (each once) whose dates are at most ``days`` apart, or where one is undated.

    Both sides sorted by date, a window slides along ``right``: the cost grows with the pairs
    inside the window, not with all pairs.
    """
    same = left is right
    undated_right = [y for y in right if y.day is None]
    dated_right = sorted((y for y in right if y.day is not None), key=lambda y: (y.day, y.order))
    days_right = [y.day.toordinal() for y in dated_right if y.day is not None]
    for x in left:
        if x.day is None:
            yield from (
                (x, y) for y in right if y is not x and not (same and y.day is None and y.order < x.order)
            )
            continue
        if not same:
            yield from ((x, y) for y in undated_right)
        lo = bisect_left(days_right, x.day.toordinal() - days)
        hi = bisect_right(days_right, x.day.toordinal() + days)
        for y in dated_right[lo:hi]:
            if not same or (y.day, y.order) > (x.day, x.order):
                yield x, y
