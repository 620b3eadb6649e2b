"""Which pairs of happenings are worth scoring, for a full link or from new happenings' side.

Candidates are happenings of different documents whose types share a family
(``families.json``) and whose days lie at most ``MAX_GAP_DAYS`` apart; one with no date at all
is compared with those of its family sharing a region, a settlement, a person or a name; and
any two sharing a re-published paragraph. A full link enumerates them (a sliding window over
each family's dated happenings); an incremental one asks only for the pairs with a new
happening and finds them from that side (a window around each new one's day), so a busy
family's weeks cost what the new happenings meet in them, not the pairs among the old.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Collection, Iterator, Sequence
from itertools import combinations

from .families import family_names
from .features import MAX_GAP_DAYS
from .happening import HappeningInfo

Pair = tuple[HappeningInfo, HappeningInfo]


def candidate_pairs(hs: Sequence[HappeningInfo], touching: Collection[str] | None = None) -> list[Pair]:
    """Every candidate pair, each once with the earlier happening first; with ``touching``
    (happening keys) only the pairs with one of those, the same pairs a full enumeration keeps."""
    # a happening known only from figures (a post's numbers with no typed sentence) is a
    # candidate too: its sentences still name places, people and words to compare, and the
    # figures themselves are never counted as its counts (``happening.counts_of``)
    pairs = _Pairs()
    for block in _blocks(hs).values():
        found = _in_window(block) if touching is None else _around(block, touching)
        for x, y in found:
            pairs.add(x, y)
    by_reuse: dict[int, list[HappeningInfo]] = defaultdict(list)
    for h in hs:
        for g in h.reuse_groups:
            by_reuse[g].append(h)
    for group in by_reuse.values():
        for x, y in combinations(group, 2):
            if touching is None or x.key in touching or y.key in touching:
                pairs.add(x, y)
    return pairs.out


class _Pairs:
    """Pairs in the order found, each once, oriented by happening order; pairs within one
    document only for two happenings of one type outside a digest."""

    def __init__(self) -> None:
        self.seen: set[tuple[str, str]] = set()
        self.out: list[Pair] = []

    def add(self, x: HappeningInfo, y: HappeningInfo) -> None:
        if x.order > y.order:
            x, y = y, x
        k = (x.key, y.key)
        if k not in self.seen and (x.doc_id != y.doc_id or (x.type == y.type and not x.digest)):
            self.seen.add(k)
            self.out.append((x, y))


def _blocks(hs: Sequence[HappeningInfo]) -> dict[str, list[HappeningInfo]]:
    blocks: dict[str, list[HappeningInfo]] = defaultdict(list)
    for h in hs:
        for fam in family_names(h.type):
            blocks[fam].append(h)
    return blocks


def _in_window(block: Sequence[HappeningInfo]) -> Iterator[Pair]:
    """Pairs at most ``MAX_GAP_DAYS`` apart (a sliding window over the dated); a happening with
    no date at all only meets those that share a place, a person or a name with it."""
    dated, days = _dated(block)
    for i, x in enumerate(dated):
        assert x.day is not None
        hi = bisect_right(days, x.day.toordinal() + MAX_GAP_DAYS)
        for y in dated[i + 1 : hi]:
            yield x, y
    undated = [h for h in block if h.day is None]
    if not undated:
        return
    index = _anchor_index(block)
    for x in undated:
        for y in _met(x, index):
            if y.day is not None or y.order > x.order:  # two undated: once
                yield x, y


def _around(block: Sequence[HappeningInfo], touching: Collection[str]) -> Iterator[Pair]:
    """The pairs of :func:`_in_window` with a happening of ``touching``, found from its side."""
    new = [h for h in block if h.key in touching]
    if not new:
        return
    dated, days = _dated(block)
    undated_index = _anchor_index([h for h in block if h.day is None])
    whole_index = _anchor_index(block) if any(x.day is None for x in new) else {}
    for x in new:
        if x.day is None:
            yield from ((x, y) for y in _met(x, whole_index))
            continue
        lo = bisect_left(days, x.day.toordinal() - MAX_GAP_DAYS)
        hi = bisect_right(days, x.day.toordinal() + MAX_GAP_DAYS)
        yield from ((x, y) for y in dated[lo:hi] if y is not x)
        yield from ((x, y) for y in _met(x, undated_index))


def _dated(block: Sequence[HappeningInfo]) -> tuple[list[HappeningInfo], list[int]]:
    dated = sorted((h for h in block if h.day is not None), key=lambda h: (h.day, h.order))
    return dated, [h.day.toordinal() for h in dated if h.day is not None]


def _anchor_index(hs: Sequence[HappeningInfo]) -> dict[str, list[HappeningInfo]]:
    index: dict[str, list[HappeningInfo]] = defaultdict(list)
    for h in hs:
        for key in _anchors(h):
            index[key].append(h)
    return index


def _met(x: HappeningInfo, index: dict[str, list[HappeningInfo]]) -> list[HappeningInfo]:
    """The happenings of ``index`` sharing an anchor with ``x`` (each once, in index order)."""
    return list({id(y): y for key in _anchors(x) for y in index.get(key, ()) if y is not x}.values())


def _anchors(h: HappeningInfo) -> set[str]:
    """What an undated happening can be found by: its regions, settlements, people, names."""
    return {*h.regions, *(f"s:{p}" for p in h.settlements), *h.people, *(f"n:{n}" for n in h.names)}
