"""The multi-outlet document clusters keep their linking floors (eval/baseline.json), dev and
test (see briefwire.evaluate.link_sets); the Telegram pairs are in test_eval_link_tg_floors.py.

Files of their own, apart from tests/test_eval_floors.py: `pytest --dist loadfile` gives a file
to one worker, and the four link-set ingests beside the dev sets' made that one file the
longest path of a CI run. Lowering a floor is an explicit, reviewed edit of eval/baseline.json.
"""

from __future__ import annotations

import json

import pytest

from briefwire.evaluate import check_floors
from briefwire.evaluate.link_eval import link_scores
from briefwire.evaluate.link_sets import DocSet, TgSet, doc_set, gold_doc_set, tg_set
from briefwire.evaluate.sets import load_sets

from .conftest import REPO, SHARED

FLOORS = json.loads((REPO / "eval" / "baseline.json").read_text(encoding="utf-8"))
# the sets of documents whose annotation shares happenings between documents (link-NAME)
GOLD_LINK_SETS = {
    f"link-{s.name}": s for s in load_sets(REPO / "eval" / "sets.json", REPO, SHARED) if s.folder is not None
}
LINK_SETS = {f"link-{kind}-{split}" for kind in ("tg", "docs") for split in ("dev", "test")} | set(
    GOLD_LINK_SETS
)


def _link_set(name: str) -> TgSet | DocSet | None:
    if name in GOLD_LINK_SETS:
        return gold_doc_set(REPO, GOLD_LINK_SETS[name])
    _, kind, split = name.split("-")
    return tg_set(REPO, split) if kind == "tg" else doc_set(REPO, split)


def hold_floors(name: str) -> None:
    """Score one linking set and compare it with its floors (skips without its data)."""
    link_set = _link_set(name)
    if link_set is None:
        pytest.skip(f"{name} shares no happening between documents here")
    reason = link_set.missing()
    if reason:
        pytest.skip(f"{name} cannot be scored here: {reason}")
    assert check_floors(link_scores(link_set), FLOORS[name]) == []


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(n for n in LINK_SETS if n in FLOORS and "-tg-" not in n))
def test_eval_link_set_scores_hold_their_floors(name: str) -> None:
    hold_floors(name)
