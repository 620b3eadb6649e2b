"""Merge decisions in words, for ``briefwire why`` and the events' explanation lines."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .corroborate import source_name
from .features import THRESHOLD, PairScore


def _who(
    key: str, by_key: Mapping[str, Mapping[str, Any]], documents: Mapping[str, Mapping[str, Any]]
) -> str:
    c = by_key.get(key)
    if c is None:
        return f"claim {key}"
    doc = documents.get(c["doc_id"], {"doc_id": c["doc_id"]})
    day = (c.get("published") or c.get("date") or "")[:10]
    return f"{source_name(doc)}{' ' + day if day else ''} ({c['type']})"


# Binary features and how a reader would put them.
_PHRASES = (
    ("same_person", "the same person"),
    ("reused_text", "the same re-published paragraph"),
    ("continuation", "the next sentence carries on the story"),
    ("same_region", "the same region"),
    ("same_quantity", "the same number"),
    ("other_quantity", "different numbers"),
    ("same_claimant", "the same claimant"),
    ("same_article", "both in one article"),
    ("same_digest", "both in one digest of many happenings"),
    ("other_country", "different countries"),
    ("next_day_report", "the same claimant's posts of different days (another night's report)"),
)


def reasons(features: Mapping[str, float], veto: str | None = None) -> list[str]:
    """The features of a pair as phrases a reader can check."""
    out = [phrase for key, phrase in _PHRASES if features.get(key)]
    if "days_apart" in features:
        gap = int(features["days_apart"])
        out.append("the same day" if gap == 0 else f"{gap} day(s) apart")
    out.append(f"sentence similarity {features.get('similarity', 0):.2f}")
    if features.get("shared_names"):
        out.append(f"shared names {features['shared_names']:.2f}")
    if not features.get("same_type"):
        out.append("compatible types")
    if veto:
        out.append(f"kept apart: {veto}")
    return out


def describe_pair(
    p: PairScore, by_key: Mapping[str, Mapping[str, Any]], documents: Mapping[str, Mapping[str, Any]]
) -> str:
    verdict = "joined" if p.merge else "not joined"
    return (
        f"{verdict}: {_who(p.a, by_key, documents)} + {_who(p.b, by_key, documents)}; "
        f"score {p.score:.2f} (threshold {THRESHOLD}): " + ", ".join(reasons(p.features, p.veto))
    )


def describe_row(row: Mapping[str, Any], label: Mapping[str, str]) -> str:
    """One stored pair (``link_pairs`` row) in words; ``label`` names each claim."""
    verdict = "joined" if row.get("merged") else "not joined"
    a, b = label.get(row["claim_a"], row["claim_a"]), label.get(row["claim_b"], row["claim_b"])
    return f"{verdict}: {a} + {b}; score {row['score']:.2f} (threshold {THRESHOLD}): " + ", ".join(
        reasons(row["features"], row.get("veto"))
    )
