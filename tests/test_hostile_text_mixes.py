"""Regression: every cleaning and extraction function finishes on hostile text (see
test_hostile_text.py); this file's half of the shapes: letters mixed with what patterns skip,
cue words and names repeated without end. A file of its own so the halves run side by side."""

from __future__ import annotations

import pytest

from tests.test_hostile_text import MIXES, finish_on


@pytest.mark.slow
def test_text_functions_finish_on_hostile_mixes_and_repeated_cue_words() -> None:
    finish_on(MIXES)
