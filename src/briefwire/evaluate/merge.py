"""Scores of event merging on a labelled set of claim pairs (``eval/merge_pairs.jsonl``).

Each pair names its two claims by input file and a quote substring (and the claim type when one
sentence carries two), so the set survives re-ingesting. ``merge_scores`` ingests the inputs into
a fresh ledger, links them, finds each labelled claim, and reports pairwise precision/recall/F1
(a pair is predicted *same* when both claims ended in one event), B-cubed precision/recall/F1 of
the clusters over the labelled claims, how many labelled claims could not be found (extraction
made no such claim), the seed expectations, and the time linking took.
"""

from __future__ import annotations

import json
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from briefwire import api
from briefwire.pipeline import Pipeline, PipelineOptions


def load_pairs(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def find_claim(side: Mapping[str, Any], claims: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    """The claim a pair side names: its file ends the origin, its quote holds the substring.

    The labelled type picks among claims of one sentence; when extraction now types the
    sentence differently, the sentence's claim still stands for the happening.
    """
    hits = [
        c
        for c in claims
        if c["origin"].split("#", 1)[0].endswith(side["file"]) and side["quote"] in c["quote"]
    ]
    typed = [c for c in hits if c["type"] == side.get("type")]
    chosen = typed or hits
    return chosen[0] if chosen else None


def pairwise(pairs: Iterable[tuple[bool, bool]]) -> dict[str, float]:
    """Precision, recall, F1 of predicted-same against labelled-same."""
    tp = fp = fn = 0
    for gold, predicted in pairs:
        tp += gold and predicted
        fp += predicted and not gold
        fn += gold and not predicted
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def bcubed(gold: Mapping[str, str], predicted: Mapping[str, str]) -> dict[str, float]:
    """B-cubed precision/recall/F1 over the items both mappings (item -> cluster) share."""
    items = [i for i in gold if i in predicted]
    if not items:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    g_members: dict[str, set[str]] = defaultdict(set)
    p_members: dict[str, set[str]] = defaultdict(set)
    for i in items:
        g_members[gold[i]].add(i)
        p_members[predicted[i]].add(i)
    precision = recall = 0.0
    for i in items:
        g, p = g_members[gold[i]], p_members[predicted[i]]
        both = len(g & p)
        precision += both / len(p)
        recall += both / len(g)
    precision, recall = precision / len(items), recall / len(items)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def score_ledger(
    ws: api.Workspace, pairs: Sequence[dict[str, Any]], expectations: Sequence[dict[str, Any]] = ()
) -> dict[str, float]:
    claims = ws.store.claims()
    judged: list[tuple[bool, bool]] = []
    gold: dict[str, str] = {}
    predicted: dict[str, str] = {}
    unresolved: set[tuple[str, str]] = set()
    for pair in pairs:
        a, b = find_claim(pair["a"], claims), find_claim(pair["b"], claims)
        for side, c in ((pair["a"], a), (pair["b"], b)):
            if c is None:
                unresolved.add((side["file"], side["quote"]))
            else:
                gold[c["claim_id"]] = side["happening"]
                predicted[c["claim_id"]] = c.get("event_id") or c["claim_id"]
        if a is not None and b is not None:
            judged.append(
                (bool(pair["same"]), a.get("event_id") is not None and a["event_id"] == b["event_id"])
            )
    pw, b3 = pairwise(judged), bcubed(gold, predicted)
    scores = {f"merge_pair_{k}": v for k, v in pw.items()}
    scores |= {f"merge_bcubed_{k}": v for k, v in b3.items()}
    scores["merge_pairs_judged"] = float(len(judged))
    scores["merge_pairs_unresolved"] = float(len(pairs) - len(judged))
    scores["merge_claims_unresolved"] = float(len(unresolved))
    if expectations:
        met = [expectation_met(ws, e, claims, gold) for e in expectations]
        scores["merge_seed_expectations_met"] = sum(met) / len(met)
    return scores


def expectation_met(
    ws: api.Workspace, exp: Mapping[str, Any], claims: Sequence[dict[str, Any]], gold: Mapping[str, str]
) -> bool:
    mine = [c for c in claims if gold.get(c["claim_id"]) == exp["happening"]]
    events = {c.get("event_id") for c in mine}
    if not mine or None in events or (exp.get("one_event") and len(events) != 1):
        return False
    event = ws.store.event(str(next(iter(events))))
    if event is None:
        return False
    members = [c for c in claims if c.get("event_id") == event["event_id"]]
    if any(gold.get(c["claim_id"], exp["happening"]) != exp["happening"] for c in members):
        return False  # the event swallowed a claim of another labelled happening
    details = ws.store.link_details("event", event["event_id"]) or {}
    checks = [
        "independent_sources" not in exp or event["independent_sources"] == exp["independent_sources"],
        "documents" not in exp or len({c["doc_id"] for c in members}) == exp["documents"],
        "min_claimants" not in exp or len(details.get("claimants", [])) >= exp["min_claimants"],
    ]
    return all(checks)


def merge_scores(
    inputs: Sequence[Path], pairs_path: Path, expectations_path: Path | None = None, workers: int = 1
) -> dict[str, float]:
    """Ingest ``inputs`` into a fresh ledger, link, and score merging on the pair set."""
    pairs = load_pairs(pairs_path)
    expectations = []
    if expectations_path is not None and expectations_path.exists():
        expectations = json.loads(expectations_path.read_text(encoding="utf-8"))["expectations"]
    with tempfile.TemporaryDirectory() as tmp, api.Workspace(Path(tmp) / "merge.db") as ws:
        api.ingest(ws, [p for p in inputs if p.exists()], PipelineOptions(workers=workers, link=False))
        start = time.perf_counter()
        Pipeline(ws.store).link()
        took = time.perf_counter() - start
        scores = score_ledger(ws, pairs, expectations)
    scores["merge_link_seconds"] = took
    return scores
