"""The quality floors in eval/baseline.json hold: a change that drops below one fails here.

Lowering a floor is an explicit, reviewed edit of eval/baseline.json.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefwire.evaluate import CEILINGS, check_floors, evaluate, seed_floors
from briefwire.evaluate.merge import merge_scores

from .conftest import REPO

BASELINE = REPO / "eval" / "baseline.json"


@pytest.mark.slow
def test_eval_seed_scores_hold_their_floors(shared: Path) -> None:
    floors = seed_floors(json.loads(BASELINE.read_text(encoding="utf-8")))
    scores = evaluate(shared / "seeds", shared / "gold" / "seeds.json")
    pairs = REPO / "eval" / "merge_pairs.jsonl"
    scores |= merge_scores(
        [REPO / "examples", shared / "seeds"], pairs, pairs.with_name("merge_expectations.json")
    )
    assert check_floors(scores, floors) == []


def test_eval_floor_check_reports_a_drop_and_a_rise() -> None:
    floors = {"event_f1": 0.75, "pubdate_wrong": 0}
    assert check_floors({"event_f1": 0.80, "pubdate_wrong": 0}, floors) == []
    problems = check_floors({"event_f1": 0.70, "pubdate_wrong": 1}, floors)
    assert len(problems) == 2 and "pubdate_wrong" in CEILINGS
    assert check_floors({}, {"event_f1": 0.5}) == ["event_f1: not measured"]
