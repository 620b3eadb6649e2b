"""How alike two claims read: sentence embeddings (all-MiniLM-L6-v2, packaged) or word overlap.

The model is the one :mod:`briefwire.nlp.embeddings` loads once per process (extraction uses it
too); without torch/the model the lexical measure (rapidfuzz token-set ratio) stands in.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from rapidfuzz import fuzz

from briefwire.nlp import embeddings


class Similarity(Protocol):
    name: str

    def matrix(self, texts: Sequence[str]) -> Any: ...


class _Lazy:
    """``sim[i, j]`` computed when asked: candidate pairs are few, all pairs are many."""

    def __init__(self, fn: Any) -> None:
        self._fn = fn

    def __getitem__(self, ij: tuple[int, int]) -> float:
        return float(self._fn(*ij))


class LexicalSimilarity:
    """Token-set ratio in [0, 1]: cheap, no model, weaker on paraphrase and across languages."""

    name = "lexical"

    def matrix(self, texts: Sequence[str]) -> Any:
        return _Lazy(lambda i, j: fuzz.token_set_ratio(texts[i], texts[j]) / 100)


class EmbeddingSimilarity:
    """Cosine similarity of sentence embeddings of all-MiniLM-L6-v2."""

    name = "minilm"

    def matrix(self, texts: Sequence[str]) -> Any:
        if not texts:
            return _Lazy(lambda i, j: 0.0)
        vectors = embeddings.embed(texts)
        return _Lazy(lambda i, j: vectors[i] @ vectors[j])


def default_similarity(use_embeddings: bool = True) -> Similarity:
    if use_embeddings:
        return EmbeddingSimilarity() if embeddings.available() else LexicalSimilarity()
    return LexicalSimilarity()
