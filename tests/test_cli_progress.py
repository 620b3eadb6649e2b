"""`briefwire ingest` shows one progress display over every stage, not only file reading
(issue 12, item 17: model loading, extraction and linking showed nothing)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ARTICLE = REPO / "examples" / "articles" / "northern-ledger-2022-09-29-governors-release.txt"


def test_cli_ingest_progress_shows_every_stage_in_order(tmp_path: Path) -> None:
    # As on a terminal: rich draws its display only there.
    env = {**os.environ, "FORCE_COLOR": "1", "TTY_COMPATIBLE": "1", "COLUMNS": "120"}
    env.pop("NO_COLOR", None)
    done = subprocess.run(
        [sys.executable, "-m", "briefwire", "ingest", str(ARTICLE), "--db", str(tmp_path / "p.db")],
        env=env, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    shown = done.stderr
    places = [shown.find(name) for name in ("reading files", "loading models", "extracting", "linking")]
    assert -1 not in places, shown
    assert places == sorted(places), shown  # one line per stage, in the order they ran
    assert "1/1" in shown  # the file count, and the finished stages
