"""The held-out test sets of eval/sets.json keep their floors (eval/baseline.json).

A file of its own so that the test sets are scored beside the dev sets, on the other worker.
Nothing here looks at what a test set misses: only its totals are compared with the floors.
"""

from __future__ import annotations

import pytest

from .test_eval_floors import FLOORS, SETS, below_floors


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(n for n in SETS if n in FLOORS and SETS[n].split == "test"))
def test_eval_test_set_scores_hold_their_floors(name: str) -> None:
    assert below_floors(name) == []


def test_every_test_set_has_floors() -> None:
    held_out = sorted(n for n, s in SETS.items() if s.split == "test")
    assert held_out and all(n in FLOORS for n in held_out), held_out
