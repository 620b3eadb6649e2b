"""``make eval``: run the whole pipeline on an annotated set and score every export.

``evaluate(inputs, gold_path)`` ingests the inputs into a fresh ledger, exports every dataset
and scores it against the annotation; ``check_floors`` compares the scores with the pinned
floors in ``eval/baseline.json`` (lowering a floor is an explicit, reviewed edit).
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from briefwire import api
from briefwire.pipeline import PipelineOptions

from . import metrics

# Metrics where lower is better; every other metric is a floor.
CEILINGS = {"article_lines_lost", "pubdate_wrong", "reuse_false_pairs"}
# Floors of bench/page_text.py (held by tests/test_page_text_floors.py), not of the seeds.
PAGE_TEXT = "page_text."


def is_ceiling(name: str) -> bool:
    return name in CEILINGS or name.endswith((".body_lost", ".date_wrong"))


def seed_floors(baseline: Mapping[str, Any]) -> dict[str, Any]:
    """The floors ``evaluate`` measures: all but the page-text benchmark's."""
    return {k: v for k, v in baseline.items() if not k.startswith(PAGE_TEXT)}


def evaluate(inputs: Path, gold_path: Path, workers: int = 1) -> dict[str, float]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))["documents"]
    texts = {k: (inputs / k).read_text(encoding="utf-8") for k in gold if (inputs / k).exists()}
    with tempfile.TemporaryDirectory() as tmp, api.Workspace(Path(tmp) / "eval.db") as ws:
        api.ingest(ws, [inputs], PipelineOptions(workers=workers))
        rows = {
            kind: list(api.export_rows(ws, kind))
            for kind in ("documents", "passages", "claims", "casualties")
        }
    scores: dict[str, float] = {}
    scores |= metrics.boilerplate_scores(rows["passages"], gold, texts)
    scores |= metrics.reuse_scores(rows["passages"], rows["documents"], gold, texts)
    scores |= metrics.pubdate_scores(rows["documents"], gold)
    scores |= metrics.event_type_scores(rows["claims"], gold)
    scores |= metrics.event_level_scores(rows["claims"], gold)
    scores |= metrics.casualty_scores(rows["casualties"], gold)
    scores |= metrics.numeric_scores(rows["claims"], gold)
    return scores


def check_floors(scores: Mapping[str, float], baseline: Mapping[str, Any]) -> list[str]:
    """Messages for every metric that fell below its floor (or rose above its ceiling)."""
    problems = []
    for name, bound in baseline.items():
        value = scores.get(name)
        if value is None:
            problems.append(f"{name}: not measured")
        elif is_ceiling(name) and value > bound + 1e-9:
            problems.append(f"{name}: {value:.3f} is above the ceiling {bound}")
        elif not is_ceiling(name) and value < bound - 1e-9:
            problems.append(f"{name}: {value:.3f} is below the floor {bound}")
    return problems
