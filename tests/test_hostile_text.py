"""Regression: one 900,000-character token stalled ingest for minutes (a quadratic e-mail
pattern in clean/shapes.py). Every cleaning and extraction function must finish on a
megabyte of one character, and on the other shapes that make a backtracking pattern slow.

Each shape runs in a subprocess with a generous timeout: a linear pattern takes seconds on a
megabyte, a quadratic one hours, so the budget tells them apart without timing anything
tightly on a shared machine.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import REPO
from tests.hostile.text_functions import SHAPES

BUDGET_SECONDS = 1200  # all shapes together; linear code needs two or three minutes


@pytest.mark.slow
def test_text_functions_finish_on_a_megabyte_of_hostile_text() -> None:
    try:
        done = subprocess.run(
            [sys.executable, "-m", "tests.hostile.text_functions", *SHAPES],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=BUDGET_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout.decode() if isinstance(exc.stdout, bytes) else exc.stdout or ""
        last = out.strip().splitlines()[-1:] or ["(nothing)"]
        pytest.fail(f"not finished in {BUDGET_SECONDS} s; the last function that finished: {last[0]}")
    last = done.stdout.strip().splitlines()[-1:] or ["(nothing)"]
    assert done.returncode == 0, f"after {last[0]}:\n{done.stderr[-3000:]}"
