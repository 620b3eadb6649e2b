"""The candidate index of an incremental link: which old happenings of a block could merge
with a new one, known before their evidence is gathered.

Gathering a happening's evidence (``merge.claim_infos``, ``happening``: resolved people and
claimants, places, names of regions in its sentences) is most of what a re-link costs, and a
busy week holds hundreds of happenings a new one is compared with (494 when one post joined
the 20k bench ledger's November) of which a handful can merge. So each old happening is first
*sketched* from what is cheap to read of its claims (the sentences compared and how alike they
read, its date, the content words and names they use, regions, re-used paragraphs, settlements,
counts, and whether it names a victim at all), and its score with each new happening is
bounded from above: a feature the sketch cannot compute counts at its full weight, the other
features that can only lower the score and every veto count as absent. Only a happening whose
bound reaches the merge threshold with some new one has its evidence gathered and its pair
scored; for the others no score could merge, so the pairs that merge, and the result, are the
same.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from .evidence import (
    WEIGHTS,
    date_features,
    days_apart,
    name_share,
    quantity_features,
    sentence_similarity,
    word_share,
)
from .families import related
from .features import THRESHOLD, name_skeletons
from .happening import (
    Count,
    HappeningInfo,
    content_words,
    counts_of,
    happening_groups,
    main_type,
    sentence_rows,
    settlements_of,
    told,
    when,
)
from .names import has_cyrillic

# Every feature with a positive weight, bounded by ``_bound`` below (a test holds the two in
# step); of those that lower a score only the dates' are counted, exactly.
BOUNDED = frozenset(
    {
        "same_type",
        "similarity",
        "near_dates",
        "near_publication",
        "same_person",
        "reused_text",
        "same_place",
        "same_region",
        "shared_words",
        "shared_stems",
        "shared_names",
        "same_quantity",
        "same_claimant",
    }
)
# Features are rounded (to 0.001) and summed in another order by ``evidence.score``: a bound this
# much higher can never fall below the score it bounds.
_MARGIN = 0.05


@dataclass(frozen=True)
class Sketch:
    """What is cheap to know of a happening, by the claims' positions in the block."""

    key: str
    type: str  # as ``HappeningInfo.type``
    positions: tuple[int, ...]  # every claim of the happening
    core: tuple[int, ...]  # similarity rows, as ``HappeningInfo.core``
    rows: tuple[int, ...]  # as ``HappeningInfo.rows``
    cyrillic: bool
    words: frozenset[str]
    names: frozenset[str]
    regions: frozenset[str]
    reuse_groups: frozenset[int]
    victims: bool  # a claim names a victim or subject (who could be a person of the other)
    settlements: frozenset[str]
    counts: tuple[Count, ...]  # without their claimants (who says a number cannot raise a score)
    day: date | None
    span: int
    dated: bool
    post: bool = False  # as ``HappeningInfo.post``


def sketches(
    claims: Sequence[dict[str, Any]],
    reuse: dict[tuple[str, int], int],
    alone: Collection[str] = (),
    posts: Collection[str] = (),
) -> list[Sketch]:
    out = [_sketch(key, at, claims, reuse) for key, at in happening_groups(claims, alone).items()]
    return [replace(s, post=True) if claims[s.positions[0]]["doc_id"] in posts else s for s in out]


def _sketch(
    key: str, at: list[int], claims: Sequence[dict[str, Any]], reuse: dict[tuple[str, int], int]
) -> Sketch:
    telling = [at[n] for n in told([claims[i] for i in at])]
    cs = [claims[i] for i in telling]
    core, rows = sentence_rows(cs)
    w = when(cs, core, telling)
    quotes = [c.get("quote") or "" for c in cs]
    places = [c.get("location") or {} for c in cs]
    return Sketch(
        key=key,
        type=main_type(cs),
        positions=tuple(at),
        core=tuple(telling[n] for n in core[:4]),
        rows=tuple(telling[n] for n in rows[:8]),
        cyrillic=has_cyrillic(" ".join(quotes[:3])),
        words=content_words(" ".join(quotes[:8])),
        names=frozenset().union(*(name_skeletons(q) for q in quotes)),
        regions=frozenset(r for p in places if "-" in (r := p.get("admin1_code") or "")),
        reuse_groups=frozenset(
            reuse[k] for c in cs if (k := (c["doc_id"], c.get("paragraph_index"))) in reuse
        ),
        victims=any(a.get("role") in ("victim", "subject") for c in cs for a in c.get("actors") or []),
        settlements=frozenset(settlements_of(cs)),
        counts=tuple(counts_of(cs, [frozenset()] * len(cs))),
        day=w.day,
        span=w.span,
        dated=w.dated,
    )


def could_merge(x: HappeningInfo, y: Sketch, sim: Any) -> bool:
    """Whether any score of ``x`` with the happening ``y`` sketches could merge them."""
    z = _bound(x, y, sim) + _MARGIN
    return 1 / (1 + math.exp(-z)) >= THRESHOLD


def _bound(x: HappeningInfo, y: Sketch, sim: Any) -> float:
    w = WEIGHTS
    z = w["bias"] + w["same_type"]
    # dates are known exactly: how near they are counts as it will, for and against
    z += sum(w[k] * v for k, v in date_features(x, y, days_apart(x, y)).items())
    z += w["similarity"] * sentence_similarity(x, y, sim)
    z += w["same_person"] * (bool(x.people) and y.victims)
    z += w["reused_text"] * bool(x.reuse_groups & y.reuse_groups)
    z += w["same_place"] * bool(x.settlements & y.settlements)
    z += w["same_region"] * bool(x.regions & y.regions)
    words = word_share(x.words, y.words)
    z += w["shared_words"] * words + w["shared_stems"] * words * (x.cyrillic and y.cyrillic)
    z += w["shared_names"] * name_share(x.names, y.names)
    z += w["same_quantity"] * quantity_features(x.counts, y.counts).get("same_quantity", 0.0)
    return z + w["same_claimant"] * bool(x.claimants)


def comparable(sketched: Sequence[Sketch], fresh: Collection[str]) -> list[Sketch]:
    """The old happenings a new one (of ``fresh``) could be compared with at all: of a related
    type (any other pair is vetoed)."""
    new = [s for s in sketched if s.key in fresh]
    return [s for s in sketched if s.key not in fresh and any(related(n.type, s.type) for n in new)]


def similarity_rows(fresh: Sequence[Sketch], old: Sequence[Sketch]) -> set[int]:
    """The claims whose sentences are compared: none when a new happening meets no other (its
    sentence need not be embedded)."""
    if not old and len(fresh) < 2:
        return set()
    return {i for s in (*fresh, *old) for i in (*s.core, *s.rows)}
