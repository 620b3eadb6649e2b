"""Incremental linking scores from the new claims' side the same pairs a full enumeration keeps."""

from __future__ import annotations

import random
from datetime import date, timedelta

from briefwire.link.features import ClaimInfo
from briefwire.link.pairs import candidate_pairs

TYPES = ["wrongful_mobilization", "release_or_return", "casualty", "protest_or_appeal"]


def _claims(n: int, seed: int) -> list[ClaimInfo]:
    rng = random.Random(seed)
    start = date(2024, 3, 1)
    return [
        ClaimInfo(
            key=f"c{i:03d}",
            index=i,
            doc_id=f"d{i // 3}",
            paragraph=(f"d{i // 3}", i % 3),
            type=rng.choice(TYPES),
            day=None if rng.random() < 0.15 else start + timedelta(days=rng.randint(0, 20)),
            day_is_publication=False,
            region=None,
            country=None,
            quantity=None,
            people=frozenset(),
            names=frozenset(),
            reuse_groups=frozenset({rng.randint(0, 9)}) if rng.random() < 0.2 else frozenset(),
            published=None,
            order=i,
        )
        for i in range(n)
    ]


def test_pairs_of_new_claims_are_the_full_enumerations_pairs_that_have_a_new_claim() -> None:
    for seed in range(5):
        infos = _claims(120, seed)
        new = frozenset(info.key for info in random.Random(seed).sample(infos, 7))
        full = [(x.key, y.key) for x, y in candidate_pairs(infos) if x.key in new or y.key in new]
        found = [(x.key, y.key) for x, y in candidate_pairs(infos, new)]
        assert sorted(found) == sorted(full)  # same pairs, same orientation, each once
        assert full, "no pair with a new claim: the comparison says nothing"
