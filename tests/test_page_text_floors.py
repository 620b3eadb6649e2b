"""The page-text benchmark holds its floors: bench/page_text.py on the rendered pages of the
article-extraction benchmark, dev and test split apart (eval/page_text_split.json).

Lowering a floor is an explicit, reviewed edit of eval/baseline.json.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from briefwire.evaluate import PAGE_TEXT_SETS, check_floors

from .conftest import REPO, SHARED

CORPUS = SHARED / "corpora" / "article-extraction-benchmark" / "ground-truth.json"


@pytest.mark.slow
def test_page_text_benchmark_holds_its_floors(tmp_path: Path) -> None:
    if not CORPUS.exists():
        pytest.skip(f"needs the article-extraction benchmark at {CORPUS.parent}, which is absent")
    pytest.importorskip("inscriptis", reason="the page-text benchmark renders pages with inscriptis")
    out = tmp_path / "scores.json"
    subprocess.run(
        # the floors hold briefwire on page text: the HTML path and trafilatura beside it are not run
        [sys.executable, str(REPO / "bench" / "page_text.py"), "--json", str(out), "--page-text-only"],
        check=True,
        capture_output=True,
        timeout=1800,
    )
    scores = json.loads(out.read_text(encoding="utf-8"))
    baseline = json.loads((REPO / "eval" / "baseline.json").read_text(encoding="utf-8"))
    for section in PAGE_TEXT_SETS:
        assert check_floors(scores[section], baseline[section]) == [], section


def test_page_text_split_is_disjoint_and_covers_every_page() -> None:
    split = json.loads((REPO / "eval" / "page_text_split.json").read_text(encoding="utf-8"))
    dev, test = set(split["dev"]), set(split["test"])
    assert not dev & test
    assert len(dev | test) == 181
    assert set(split["redrawn"]["moved_to_dev"]) <= dev
