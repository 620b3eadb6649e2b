"""The quality floors in eval/baseline.json hold: a change that drops below one fails here.

Every annotated set of eval/sets.json with floors is scored (dev and test sets alike; only
``make eval`` and this test read the test sets). Lowering a floor is an explicit, reviewed edit
of eval/baseline.json.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefwire.evaluate import CEILINGS, PAGE_TEXT_SETS, check_floors, evaluate
from briefwire.evaluate.merge import merge_scores
from briefwire.evaluate.sets import load_sets, materialised

from .conftest import REPO, SHARED
from .test_eval_link_floors import LINK_SETS

BASELINE = REPO / "eval" / "baseline.json"
FLOORS = json.loads(BASELINE.read_text(encoding="utf-8"))
SETS = {s.name: s for s in load_sets(REPO / "eval" / "sets.json", REPO, SHARED)}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(n for n in SETS if n in FLOORS and SETS[n].split == "dev"))
def test_eval_set_scores_hold_their_floors(name: str) -> None:
    assert below_floors(name) == []


def below_floors(name: str) -> list[str]:
    """Score one annotated set and say which of its floors it falls below (skips without its data)."""
    eval_set = SETS[name]
    reason = eval_set.missing()
    if reason:
        pytest.skip(f"{name} cannot be scored here: {reason}")
    with materialised(eval_set) as folder:
        scores = evaluate(folder, eval_set.documents())
    return check_floors(scores, FLOORS[name])


@pytest.mark.slow
def test_eval_merge_pairs_hold_their_floors(shared: Path) -> None:
    pairs = REPO / "eval" / "merge_pairs.jsonl"
    scores = merge_scores(
        [REPO / "examples", shared / "seeds"], pairs, pairs.with_name("merge_expectations.json")
    )
    assert check_floors(scores, FLOORS["merge-examples"]) == []


def test_eval_every_set_with_floors_is_listed() -> None:
    floored = {k for k, v in FLOORS.items() if isinstance(v, dict)} - {
        "merge-examples",
        *PAGE_TEXT_SETS,
        *LINK_SETS,
    }
    assert floored <= set(SETS), f"floors for unknown sets: {floored - set(SETS)}"


def test_eval_floor_check_reports_a_drop_and_a_rise() -> None:
    floors = {"event_f1": 0.75, "pubdate_wrong": 0}
    assert check_floors({"event_f1": 0.80, "pubdate_wrong": 0}, floors) == []
    problems = check_floors({"event_f1": 0.70, "pubdate_wrong": 1}, floors)
    assert len(problems) == 2 and "pubdate_wrong" in CEILINGS
    assert check_floors({}, {"event_f1": 0.5}) == ["event_f1: not measured"]
