"""The seeds' linking expectations (eval/merge_expectations.json) and the merge pair set."""

from __future__ import annotations

import json
from pathlib import Path

from briefwire import api
from briefwire.evaluate.merge import bcubed, load_pairs, pairwise, score_ledger
from briefwire.link import LinkOptions
from briefwire.pipeline import PipelineOptions

from .conftest import REPO

EVAL = REPO / "eval"


def test_seeds_martynov_and_the_moscow_resignations_link_as_expected(shared: Path, tmp_path: Path) -> None:
    expectations = json.loads((EVAL / "merge_expectations.json").read_text(encoding="utf-8"))["expectations"]
    # The re-used "mass exodus" quote is now evidence inside a document happening rather than a
    # claim of its own; the pair set is claim-level, so only these two are held here.
    expectations = [e for e in expectations if e["happening"] in {"martynov_death", "moscow_resignations"}]
    pairs = load_pairs(EVAL / "merge_pairs.jsonl")
    with api.Workspace(tmp_path / "seeds.db") as ws:
        api.ingest(ws, [shared / "seeds"], PipelineOptions(link_options=LinkOptions(embeddings=False)))
        scores = score_ledger(ws, [p for p in pairs if p["a"]["file"].startswith("seeds/")], expectations)
        martynov = [p for p in ws.store.persons() if "Martynov" in p["name"]]
    assert scores["merge_seed_expectations_met"] == 1.0
    assert len(martynov) == 1 and len(martynov[0]["doc_ids"]) == 2
    assert martynov[0]["independent_sources"] == 1  # the second article re-uses the first


def test_seeds_pair_set_is_large_honest_and_well_formed() -> None:
    pairs = load_pairs(EVAL / "merge_pairs.jsonl")
    assert len(pairs) >= 150
    negatives = [p for p in pairs if not p["same"]]
    positives = [p for p in pairs if p["same"]]
    assert len(negatives) > 50 and len(positives) > 50
    # hard positives across outlets and scripts, hard negatives within one type
    assert any(p["a"]["file"] != p["b"]["file"] for p in positives)
    assert any(any("\u0400" <= ch <= "\u04ff" for ch in p["b"]["quote"]) for p in positives)
    assert sum(p["a"]["type"] == p["b"]["type"] for p in negatives) > 50
    for p in pairs:
        assert p["reason"] and p["a"]["quote"] and p["b"]["quote"]


def test_seeds_scores_are_computed_as_defined() -> None:
    assert pairwise([(True, True), (True, False), (False, True), (False, False)]) == {
        "precision": 0.5,
        "recall": 0.5,
        "f1": 0.5,
    }
    perfect = bcubed({"a": "x", "b": "x", "c": "y"}, {"a": "1", "b": "1", "c": "2"})
    assert perfect == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    lumped = bcubed({"a": "x", "b": "y"}, {"a": "1", "b": "1"})
    assert lumped["precision"] == 0.5 and lumped["recall"] == 1.0
