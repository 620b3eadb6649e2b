"""How alike two claims read: sentence embeddings (all-MiniLM-L6-v2, packaged) or word overlap.

The model is the one :mod:`briefwire.nlp.embeddings` loads once per process (extraction uses it
too); without torch/the model the lexical measure (rapidfuzz token-set ratio) stands in.

Embedding is the costly part of linking (a Russian sentence is 100-250 word pieces for this
English vocabulary), so vectors are kept in a :class:`VectorCache` (the store's
``claim_vectors``) by model and text hash: a claim is embedded once, not each time its block
is re-linked.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any, Protocol

import numpy as np
from rapidfuzz import fuzz

from briefwire.nlp import embeddings

# Texts per encoder call (as ``embeddings.BATCH``). The encoder pads every text of a call to
# the longest one (up to 256 word pieces for a Russian sentence), and sentence-transformers
# sorts a call's texts by length: in small calls a text pads to a near neighbour, and the
# activations stay small enough for a busy core's caches. Measured on the 56 Russian claims
# linking compares in 300 Telegram posts (one thread, load 3): 4 per call 3.2 s, 2 per call
# 3.3 s, 1 per call 3.6 s, 16 per call 5.2 s (64 took twice 16's time); vectors differ by
# < 2e-7.
ENCODE_BATCH = embeddings.BATCH

#: Runs encoder calls (lists of at most ENCODE_BATCH texts): one array of vectors per call, in
#: order. :func:`encode_calls` runs them here; a worker pool can share them out (``engine``).
CallRunner = Callable[[Sequence[Sequence[str]]], list[Any]]


class VectorCache(Protocol):
    """Embeddings kept between runs: text hash -> float32 bytes, per model."""

    def vectors(self, model: str, keys: Sequence[str]) -> dict[str, bytes]: ...

    def keep_vectors(self, model: str, items: Mapping[str, bytes]) -> None: ...


class Similarity(Protocol):
    name: str

    def matrix(
        self, texts: Sequence[str], cache: VectorCache | None = None, needed: Collection[int] | None = None
    ) -> Any:
        """``sim[i, j]`` for the texts; only rows in ``needed`` are asked for (None: any)."""
        ...


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


class _Lazy:
    """``sim[i, j]`` computed when asked: candidate pairs are few, all pairs are many."""

    def __init__(self, fn: Any) -> None:
        self._fn = fn
        # a pair's core sentences are among its facet rows too: each value is asked for twice
        self._known: dict[tuple[int, int], float] = {}

    def __getitem__(self, ij: tuple[int, int]) -> float:
        value = self._known.get(ij)
        if value is None:
            value = self._known[ij] = float(self._fn(*ij))
        return value


class LexicalSimilarity:
    """Token-set ratio in [0, 1]: cheap, no model, weaker on paraphrase and across languages."""

    name = "lexical"

    def matrix(
        self, texts: Sequence[str], cache: VectorCache | None = None, needed: Collection[int] | None = None
    ) -> Any:
        return _Lazy(lambda i, j: fuzz.token_set_ratio(texts[i], texts[j]) / 100)


def vector_model() -> str:
    """The name the vectors :func:`encode` makes in this process are kept under: float32 ones
    under the name they always had, bfloat16 ones (``embeddings.embed_each``) under their own,
    so a ledger never compares vectors of the two kinds (old ones are made again once)."""
    if embeddings.link_precision() == "bfloat16":
        return "all-MiniLM-L6-v2/normalized/bfloat16-each"
    return "all-MiniLM-L6-v2/normalized/float32"


class EmbeddingSimilarity:
    """Cosine similarity of sentence embeddings of all-MiniLM-L6-v2."""

    name = "minilm"

    def __init__(self, run_calls: CallRunner | None = None) -> None:
        self._run_calls = run_calls  # None: in this process
        self.model = vector_model()

    def matrix(
        self, texts: Sequence[str], cache: VectorCache | None = None, needed: Collection[int] | None = None
    ) -> Any:
        # A claim with no candidate pair is never compared: embedding it would be wasted (a
        # Russian sentence costs 100-250 word pieces), so only the needed rows are embedded.
        rows = sorted(set(range(len(texts)) if needed is None else needed))
        if not rows:
            return _Lazy(lambda i, j: 0.0)
        vectors = dict(zip(rows, self.vectors([texts[i] for i in rows], cache), strict=True))
        return _Lazy(lambda i, j: vectors[i] @ vectors[j])

    def vectors(self, texts: Sequence[str], cache: VectorCache | None = None) -> Any:
        """One normalised vector per text; cached ones are read, the rest encoded (and kept)."""
        keys = [text_key(t) for t in texts]
        known = {
            k: np.frombuffer(v, dtype="<f4")
            for k, v in (cache.vectors(self.model, keys) if cache else {}).items()
        }
        missing = list(dict.fromkeys(k for k in keys if k not in known))
        if missing:
            text_of = dict(zip(keys, texts, strict=True))
            made = dict(zip(missing, encode([text_of[k] for k in missing], self._run_calls), strict=True))
            if cache is not None:
                cache.keep_vectors(self.model, {k: v.tobytes() for k, v in made.items()})
            known.update(made)
        return np.stack([known[k] for k in keys])

    def keyed(self, texts: Sequence[str]) -> dict[str, bytes]:
        """``text_key -> vector bytes`` for ``texts``, as :meth:`vectors` keeps them in a cache:
        what a worker process computes for the writer to keep (see ``engine.process``)."""
        unique = list(dict.fromkeys(texts))
        if not unique:
            return {}
        made = encode(unique, self._run_calls)
        return {text_key(t): v.tobytes() for t, v in zip(unique, made, strict=True)}


def encode(texts: Sequence[str], run_calls: CallRunner | None = None) -> Any:
    """Unit-length little-endian float32 MiniLM vectors, one row per text.

    The texts are sorted by length (longest first) and cut into calls of ENCODE_BATCH, each
    padded to its longest text; a vector depends only on the call it is in, so the same texts
    give the same vectors to the bit wherever the calls run (``run_calls``: here by default).
    """
    order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
    calls = [[texts[i] for i in order[s : s + ENCODE_BATCH]] for s in range(0, len(order), ENCODE_BATCH)]
    if not calls:
        return np.zeros((0, embeddings.DIMENSION), dtype="<f4")
    rows = np.concatenate((run_calls or encode_calls)(calls))
    out = np.empty_like(rows)
    out[order] = rows
    return out


def encode_calls(calls: Sequence[Sequence[str]]) -> list[Any]:
    """The vectors of each call (one encoder pass per call, or per text in bfloat16: see
    ``embeddings.embed_each``), in this process."""
    return [np.asarray(embeddings.embed_each(list(c)), dtype="<f4") for c in calls]


def default_similarity(use_embeddings: bool = True, run_calls: CallRunner | None = None) -> Similarity:
    """Embeddings when the model is installed (encoded through ``run_calls``, else here), else
    word overlap."""
    if use_embeddings:
        return EmbeddingSimilarity(run_calls) if embeddings.available() else LexicalSimilarity()
    return LexicalSimilarity()
