"""``make eval``: run the whole pipeline on annotated sets and score every export.

``evaluate(inputs, gold)`` ingests the inputs into a fresh ledger, exports every dataset and
scores it against the annotation (documents keyed by file name, in the shape of
``gold/seeds.json``); ``check_floors`` compares the scores with the floors pinned per set in
``eval/baseline.json`` (lowering a floor is an explicit, reviewed edit). The sets and their
dev/test splits are listed in ``eval/sets.json`` (see :mod:`briefwire.evaluate.sets`).
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from briefwire import api
from briefwire.pipeline import PipelineOptions

from . import metrics

# Metrics where lower is better; every other metric is a floor.
CEILINGS = {
    "article_lines_lost",
    "pubdate_wrong",
    "reuse_false_pairs",
    "body_lost",
    "date_wrong",
    "link_multi_other_inside",
}
# Sections of eval/baseline.json that bench/page_text.py measures (tests/test_page_text_floors.py)
PAGE_TEXT_SETS = ("page-text-dev", "page-text-test")


Rows = dict[str, list[dict[str, Any]]]


def evaluate(inputs: Path, gold: Mapping[str, Mapping[str, Any]], workers: int = 1) -> dict[str, float]:
    """Scores of one folder of inputs against its annotated documents."""
    rows, texts = run(inputs, gold, workers)
    return score(rows, gold, texts)


def run(inputs: Path, gold: Mapping[str, Mapping[str, Any]], workers: int = 1) -> tuple[Rows, dict[str, str]]:
    """Ingest ``inputs`` into a fresh ledger; its exports and the annotated documents' texts."""
    texts = {k: (inputs / k).read_text(encoding="utf-8") for k in gold if (inputs / k).exists()}
    with tempfile.TemporaryDirectory() as tmp, api.Workspace(Path(tmp) / "eval.db") as ws:
        api.ingest(ws, [inputs], PipelineOptions(workers=workers))
        rows = {
            kind: list(api.export_rows(ws, kind))
            for kind in ("documents", "passages", "claims", "casualties")
        }
    return rows, texts


def score(rows: Rows, gold: Mapping[str, Mapping[str, Any]], texts: Mapping[str, str]) -> dict[str, float]:
    """Every metric of :mod:`briefwire.evaluate.metrics` on one ledger's exports."""
    scores: dict[str, float] = {}
    scores |= metrics.boilerplate_scores(rows["passages"], gold, texts)
    scores |= metrics.reuse_scores(rows["passages"], rows["documents"], gold, texts)
    scores |= metrics.pubdate_scores(rows["documents"], gold)
    scores |= metrics.event_type_scores(rows["claims"], gold)
    scores |= metrics.event_level_scores(rows["claims"], gold)
    scores |= metrics.casualty_scores(rows["casualties"], gold)
    scores |= metrics.numeric_scores(rows["claims"], gold)
    scores |= metrics.theme_scores(rows["passages"], gold, texts)
    return scores


def check_floors(scores: Mapping[str, float], baseline: Mapping[str, Any]) -> list[str]:
    """Messages for every metric that fell below its floor (or rose above its ceiling)."""
    problems = []
    for name, bound in baseline.items():
        value = scores.get(name)
        if value is None:
            problems.append(f"{name}: not measured")
        elif name in CEILINGS and value > bound + 1e-9:
            problems.append(f"{name}: {value:.3f} is above the ceiling {bound}")
        elif name not in CEILINGS and value < bound - 1e-9:
            problems.append(f"{name}: {value:.3f} is below the floor {bound}")
    return problems
