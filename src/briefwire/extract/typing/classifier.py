"""A learned sentence typer that backs the lexicon where its words run out.

Real wording is wider than any cue list: a report of economic strain or of a deployment
often uses no word the lexicon lists. The model reads the lemmas of the sentence hashed into a
fixed number of buckets
(lemmas on the main clause and in background clauses apart, and the main predicate's lemma on
its own) and a dense sentence vector: the all-MiniLM-L6-v2 embedding for English (measured on
the bank's held-out part: 0.73 accuracy with it, 0.54 with lemmas alone, 0.31 with spaCy's own
token vectors instead), natasha's mean navec vector for Russian (MiniLM knows no Russian). A
multinomial logistic regression over these gives a probability per event type and for "no
event" (label ``none``).

It is trained by ``python -m briefwire.extract.typing.train`` on the labelled sentence bank
under ``eval/bank/`` (written for this project, its test part held out) and ships as
``profiles/mobilization/typer_<language>.npz``. Hashing is by CRC-32, so features are the same
in every process.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from briefwire.extract.typing.clauses import SECONDARY, token_weights
from briefwire.nlp import Sentence

__all__ = ["NONE", "TypeModel", "dense_vector", "features", "load_model", "profile_arrays"]

NONE = "none"
BUCKETS = 1 << 14
_SKIP_POS = frozenset({"PUNCT", "DET", "ADP", "CCONJ", "SCONJ", "PART", "SPACE", "SYM", "X"})


def _bucket(key: str) -> int:
    return zlib.crc32(key.encode("utf-8")) % BUCKETS


def dense_vector(sentence: Sentence, embedding: Any, language: str) -> Any:
    """The dense part of the features: the sentence embedding for English, navec for Russian."""
    return embedding if language == "en" else sentence.vector


def features(sentence: Sentence, vector: Any = None) -> tuple[dict[int, float], Any]:
    """(sparse hashed lemma features, dense sentence vector or None) of one sentence."""
    weights = token_weights(sentence)
    sparse: dict[int, float] = {}
    root = None
    for tok, w in zip(sentence.tokens, weights, strict=True):
        if tok.dep == "ROOT":
            root = tok
        if tok.pos in _SKIP_POS or not any(ch.isalpha() for ch in tok.text):
            continue
        lemma = tok.lemma.lower()
        where = "m" if w > SECONDARY else "s"
        for key in (f"{where}:{lemma}", f"l:{lemma}"):
            b = _bucket(key)
            sparse[b] = sparse.get(b, 0.0) + 1.0
    if root is not None:
        sparse[_bucket(f"root:{root.lemma.lower()}")] = 1.0
    norm = np.sqrt(sum(v * v for v in sparse.values())) or 1.0
    return {k: v / norm for k, v in sparse.items()}, vector


@dataclass(frozen=True)
class TypeModel:
    """Weights of the multinomial logistic regression: sparse part, dense part, intercepts."""

    labels: tuple[str, ...]
    sparse: Any  # (labels, BUCKETS)
    dense: Any  # (labels, vector dimension)
    intercept: Any  # (labels,)
    mean: Any  # centring of the dense vector
    scale: Any  # scaling of the dense vector

    def probabilities(self, sentence: Sentence, vector: Any = None) -> dict[str, float]:
        """Probability per label; ``vector`` is the sentence's dense vector (see :func:`dense_vector`)."""
        sparse, vector = features(sentence, vector)
        logits = np.array(self.intercept, dtype=np.float64)
        if sparse:
            idx = np.fromiter(sparse.keys(), dtype=np.int64)
            val = np.fromiter(sparse.values(), dtype=np.float64)
            logits += self.sparse[:, idx] @ val
        if vector is not None and self.dense.shape[1] == len(vector):
            logits += self.dense @ ((np.asarray(vector, dtype=np.float64) - self.mean) / self.scale)
        logits -= logits.max()
        p = np.exp(logits)
        p /= p.sum()
        return dict(zip(self.labels, (float(x) for x in p), strict=True))

    def save(self, path: Any) -> None:
        np.savez_compressed(
            path,
            labels=np.array(self.labels),
            sparse=self.sparse.astype(np.float16),
            dense=self.dense.astype(np.float32),
            intercept=self.intercept.astype(np.float32),
            mean=self.mean.astype(np.float32),
            scale=self.scale.astype(np.float32),
        )


def profile_arrays(name: str) -> dict[str, Any] | None:
    """The arrays of the profile's model file ``name`` (an .npz), or None when it has none."""
    ref = resources.files("briefwire.profiles").joinpath("mobilization", name)
    if not ref.is_file():
        return None
    with resources.as_file(ref) as path, np.load(path) as data:
        return {key: data[key] for key in data.files}


@lru_cache(maxsize=4)
def load_model(language: str) -> TypeModel | None:
    """The shipped model for ``language``, or None when the profile has none."""
    data = profile_arrays(f"typer_{language}.npz")
    if data is None:
        return None
    return TypeModel(
        tuple(str(x) for x in data["labels"]),
        data["sparse"].astype(np.float32),
        data["dense"].astype(np.float64),
        data["intercept"].astype(np.float64),
        data["mean"].astype(np.float64),
        data["scale"].astype(np.float64),
    )
