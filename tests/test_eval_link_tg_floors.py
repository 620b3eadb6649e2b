"""The real Telegram pairs keep their linking floors (eval/baseline.json), dev and test; a file
apart from the document clusters' (test_eval_link_floors.py) so the two go to both workers."""

from __future__ import annotations

import pytest

from .test_eval_link_floors import FLOORS, LINK_SETS, hold_floors


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(n for n in LINK_SETS if n in FLOORS and "-tg-" in n))
def test_eval_link_set_scores_hold_their_floors(name: str) -> None:
    hold_floors(name)
