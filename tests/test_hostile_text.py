"""Regression: one 900,000-character token stalled ingest for minutes (a quadratic e-mail
pattern in clean/shapes.py). Every cleaning and extraction function must finish on a
megabyte of one character, and on the other shapes that make a backtracking pattern slow.

Each shape runs in a subprocess with a generous budget of CPU time: a linear pattern takes
seconds on a megabyte, a quadratic one hours, so the budget tells them apart without timing
anything tightly on a shared machine. The budget is CPU time, not wall time: on two cores
shared by many jobs the same linear run took over 20 minutes of wall time.

The shapes run in two children, this file's and test_hostile_text_mixes.py's: `pytest --dist
loadfile` gives each file to one worker, and all shapes in one file were the longest path of a
CI run (250-830 s).
"""

from __future__ import annotations

import signal
import subprocess
import sys

import pytest

from tests.conftest import REPO
from tests.hostile.text_functions import CLEAN_ONLY, FULL_SIZE, SHAPES

BUDGET_SECONDS = 600  # CPU time, each half of the shapes; linear code needs a minute or two
HANG_SECONDS = 4 * BUDGET_SECONDS  # wall time: only a process that hangs without using CPU hits it
# the child limits its own CPU time (the kernel stops it with SIGXCPU), then runs the functions
CHILD = (
    "import resource, runpy; "
    f"resource.setrlimit(resource.RLIMIT_CPU, ({BUDGET_SECONDS}, {BUDGET_SECONDS + 5})); "
    "runpy.run_module('tests.hostile.text_functions', run_name='__main__', alter_sys=True)"
)


# the attack's megabyte shapes and the shapes only cleaning reads here; the mixes in the other file
HERE = [s for s in SHAPES if s in FULL_SIZE or s in CLEAN_ONLY]
MIXES = [s for s in SHAPES if s not in HERE]


@pytest.mark.slow
def test_text_functions_finish_on_a_megabyte_of_hostile_text() -> None:
    finish_on(HERE)


def finish_on(shapes: list[str]) -> None:
    """Run every text function on each of ``shapes`` in a child under the CPU budget."""
    try:
        done = subprocess.run(
            [sys.executable, "-c", CHILD, *shapes],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=HANG_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout.decode() if isinstance(exc.stdout, bytes) else exc.stdout or ""
        last = out.strip().splitlines()[-1:] or ["(nothing)"]
        pytest.fail(f"hung: not finished in {HANG_SECONDS} s; the last function that finished: {last[0]}")
    last = done.stdout.strip().splitlines()[-1:] or ["(nothing)"]
    if done.returncode == -signal.SIGXCPU:
        pytest.fail(f"over {BUDGET_SECONDS} s of CPU time; the last function that finished: {last[0]}")
    assert done.returncode == 0, f"after {last[0]}:\n{done.stderr[-3000:]}"
