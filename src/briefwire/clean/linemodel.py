"""The learned line model: furniture the rules left on a page, found by shape and position.

Rules describe the pages they were written against; on pages of other outlets they leave
furniture that looks like none of them (a caption in a new shape, a teaser headline inside the
article, a sidebar's blurb). A logistic regression over the shape and position features of
:mod:`briefwire.clean.linefeatures` gives each line the rules kept a probability of being
furniture; a line above the model's threshold is removed, its reason naming the model and the
probability ("learned furniture (p=0.99)") so the removal can be audited like any rule's.

The threshold is strict on purpose: an article line lost costs far more than a furniture line
kept, and cross-validation across outlets (``python -m briefwire.clean.train_lines``, which
trains the model on the page-text benchmark's dev pages only) chose it so that the article
lines the model takes stay a handful. The model runs on whole pages only (text with a
layout); posts, seeds and HTML already read by a reader are left to the rules.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from briefwire.clean.linefeatures import FEATURES, line_features
from briefwire.clean.page import Layout
from briefwire.clean.text import Line

__all__ = [
    "LEARNED_FURNITURE",
    "MODEL_FILE",
    "LineModel",
    "is_learned",
    "line_model",
    "mark_learned_furniture",
]

MODEL_FILE = Path(__file__).resolve().parents[1] / "profiles" / "boilerplate" / "line_model.json"
LEARNED_FURNITURE = "learned furniture"


@dataclass(frozen=True)
class LineModel:
    """Weights of the logistic regression over standardised features, and its threshold."""

    mean: Any
    scale: Any
    coef: Any
    intercept: float
    threshold: float

    def probabilities(self, x: Any) -> Any:
        z = ((x - self.mean) / self.scale) @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-z))


@lru_cache(maxsize=1)
def line_model() -> LineModel:
    """The shipped model; its feature list must be the one :mod:`linefeatures` computes."""
    path = resources.files("briefwire.profiles").joinpath("boilerplate", "line_model.json")
    weights = json.loads(path.read_text("utf-8"))
    if tuple(weights["features"]) != FEATURES:
        msg = "line_model.json was trained on other features: run python -m briefwire.clean.train_lines"
        raise ValueError(msg)
    return LineModel(
        np.array(weights["mean"]),
        np.array(weights["scale"]),
        np.array(weights["coef"]),
        float(weights["intercept"]),
        float(weights["threshold"]),
    )


def mark_learned_furniture(
    lines: list[Line],
    reasons: dict[int, str],
    layout: Layout,
    url: str | None,
    learned: Mapping[str, int] | None,
) -> None:
    """Add the lines the rules kept and the model reads as furniture to ``reasons``."""
    listed = range(layout.listed[0], layout.listed[1] + 1) if layout.listed else range(0)
    kept = [i for i in range(len(lines)) if i not in reasons and i not in listed]
    if not kept:
        return
    model = line_model()
    # every line's features are read before any is removed: one decision does not feed the next
    p = model.probabilities(line_features(lines, reasons, layout, url, learned)[kept])
    for i, prob in zip(kept, p, strict=True):
        if prob >= model.threshold:
            reasons[i] = f"{LEARNED_FURNITURE} (p={prob:.2f})"


def is_learned(reason: str) -> bool:
    """The model, not a rule, removed the line."""
    return reason.startswith(LEARNED_FURNITURE)
