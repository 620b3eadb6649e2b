"""Incremental linking finds from the new happenings' side the same pairs a full enumeration keeps."""

from __future__ import annotations

import random
from datetime import date, timedelta

from briefwire.link.happening import HappeningInfo
from briefwire.link.pairs import candidate_pairs

# two of one family (a call-up and the men's return), one of another, one in none
TYPES = ["wrongful_mobilization", "release_or_return", "casualty", "protest_or_appeal"]
PLACES = ["RU-BEL", "RU-ROS", "RU-IRK"]


def _happenings(n: int, seed: int) -> list[HappeningInfo]:
    rng = random.Random(seed)
    start = date(2024, 3, 1)
    out = []
    for i in range(n):
        region = rng.choice(PLACES) if rng.random() < 0.6 else None
        out.append(
            HappeningInfo(
                key=f"h{i:03d}",
                claims=(f"c{i:03d}",),
                core=(i,),
                rows=(i,),
                doc_id=f"d{i // 3}",
                type=rng.choice(TYPES),
                day=None if rng.random() < 0.15 else start + timedelta(days=rng.randint(0, 40)),
                span=1,
                dated=True,
                published=None,
                region=region,
                regions=frozenset({region}) if region else frozenset(),
                regions_named=frozenset(),
                settlements=frozenset(),
                country=None,
                people=frozenset({f"person:{rng.randint(0, 5)}"}) if rng.random() < 0.2 else frozenset(),
                claimants=frozenset(),
                counts=(),
                names=frozenset(),
                words=frozenset(),
                place_mentions=frozenset(),
                reuse_groups=frozenset({rng.randint(0, 9)}) if rng.random() < 0.2 else frozenset(),
                digest=rng.random() < 0.1,
                cyrillic=False,
                order=i,
            )
        )
    return out


def test_link_pairs_of_new_happenings_are_the_full_enumerations_pairs_that_have_a_new_one() -> None:
    for seed in range(6):
        hs = _happenings(150, seed)
        new = frozenset(h.key for h in random.Random(seed).sample(hs, 8))
        full = [(x.key, y.key) for x, y in candidate_pairs(hs) if x.key in new or y.key in new]
        found = [(x.key, y.key) for x, y in candidate_pairs(hs, new)]
        assert sorted(found) == sorted(full)  # same pairs, same orientation, each once
        assert len(set(found)) == len(found)
        assert any(x.day is None or y.day is None for x, y in candidate_pairs(hs, new)), (
            "no undated pair: the comparison says nothing of them"
        )
