"""Knobs of the dedupe stage, and the LSH banding they imply."""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class DedupeOptions:
    """Thresholds for paragraph re-use and near-duplicate documents.

    Paragraphs are compared as sets of word ``shingle_size``-grams over normalised text.

    - ``candidate_threshold`` / ``candidate_recall``: the LSH bands are chosen so that a pair
      whose shingle Jaccard is ``candidate_threshold`` becomes a candidate with at least
      this probability. Real re-use with light edits measured Jaccard as low as ~0.4, so
      candidates start lower (0.3) and a confirmation step keeps precision.
    - A candidate is confirmed when at least ``confirm_containment`` of the smaller
      paragraph's shingles occur in the other one (the share of running text that was
      copied), AND the copied text is long enough not to be a stock phrase: at least
      ``min_shared_shingles`` shared shingles, or, for paragraphs too short for that, a
      Jaccard of at least ``short_match_jaccard`` (copied nearly whole).
    - ``near_duplicate_threshold``: estimated Jaccard of two whole documents' shingle sets
      from which the later one is a near duplicate of the earlier one. 0.8 is the usual
      choice for 5-gram MinHash deduplication of web text: a copy with its own headline,
      byline and a few edited words stays above it; a reprint that shares a handful of
      paragraphs with its source stays far below it (it is paragraph re-use instead).
    - ``max_candidates``: at most this many candidates per paragraph are confirmed, the
      ones sharing the most LSH bands first; ``max_bucket`` caps how many members of one
      LSH bucket are looked at (a boilerplate paragraph repeated thousands of times must
      not make every query slow). Both keep indexing time linear in the corpus size.
    """

    num_perm: int = 128
    seed: int = 1
    shingle_size: int = 5
    min_paragraph_words: int = 8
    candidate_threshold: float = 0.3
    candidate_recall: float = 0.98
    confirm_containment: float = 0.5
    min_shared_shingles: int = 8
    short_match_jaccard: float = 0.7
    near_duplicate_threshold: float = 0.8
    max_candidates: int = 32
    max_bucket: int = 32

    def __post_init__(self) -> None:
        for name in (
            "candidate_threshold",
            "confirm_containment",
            "short_match_jaccard",
            "near_duplicate_threshold",
        ):
            value = getattr(self, name)
            if not 0.0 < value <= 1.0:
                raise ValueError(f"DedupeOptions.{name} must be in (0, 1], got {value!r}")
        if not 0.0 < self.candidate_recall < 1.0:
            raise ValueError(
                f"DedupeOptions.candidate_recall must be in (0, 1), got {self.candidate_recall!r}"
            )
        for name in (
            "num_perm",
            "shingle_size",
            "min_paragraph_words",
            "min_shared_shingles",
            "max_candidates",
            "max_bucket",
        ):
            if getattr(self, name) < 1:
                raise ValueError(f"DedupeOptions.{name} must be at least 1, got {getattr(self, name)!r}")
        band_params(self.candidate_threshold, self.candidate_recall, self.num_perm)
        band_params(self.near_duplicate_threshold, self.candidate_recall, self.num_perm)


def band_params(threshold: float, recall: float, num_perm: int) -> tuple[int, int]:
    """LSH ``(bands, rows)`` so that a pair at ``threshold`` is found with ``recall``.

    A pair with Jaccard ``s`` shares at least one band with probability
    ``1 - (1 - s**r)**b``. Wider bands (larger ``r``) give fewer false candidates, so
    take the widest band for which enough bands fit into ``num_perm``, and no more bands
    than needed (each band costs memory per indexed item).
    """
    best: tuple[int, int] | None = None
    for rows in range(1, num_perm + 1):
        hit = threshold**rows
        # More rows per band need more bands for the same recall, so stop at the first misfit.
        bands = 1 if hit >= 1.0 else math.ceil(math.log1p(-recall) / math.log1p(-hit))
        if bands * rows > num_perm:
            break
        best = (bands, rows)
    if best is None:
        raise ValueError(
            f"no LSH banding of {num_perm} permutations finds Jaccard {threshold} with probability {recall}"
        )
    return best
