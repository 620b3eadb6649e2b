"""A learned judge of whether a whole post is about the profile's story.

The topic gate of the lexicon (a topic word and a context word, see
``Taxonomy.document_on_topic``) lets through what merely names the war: a market forecast that
lists peace talks among its factors, a game review, strikes in another country's war, an
election abroad. Telegram channels post these beside their war news, and every number in them
became a claim. The shapes are too many for word lists, so a model that has read labelled
posts judges the document as a whole.

Features are the document's lemmas hashed into buckets (as the sentence typer hashes them) and
the mean of its sentences' dense vectors (natasha's navec for Russian). A binary logistic
regression over them gives the probability that the document is on-topic. It is trained by
``python -m briefwire.extract.typing.train_topic`` on our own labels of real posts
(``eval/topic/``: keys and labels only, the texts are read from the shared corpus) and ships as
``profiles/mobilization/topic_<language>.npz`` with the two thresholds chosen on the dev set.
The verdict is one of three:

- ``ON``: the lexicon let the document through and the model does not object (probability at
  ``veto`` or above), or the model is sure on its own (at ``admit`` or above);
- ``OFF``: the lexicon turned it away and the model is not sure either way; single sentences
  that name the story on their own still make claims, as they always did;
- ``BARRED``: the model is confident it is not the story (below ``veto``): no sentence of it
  makes a claim, since a post about something else gave false claims sentence by sentence.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

import numpy as np

from briefwire.extract.mentions.places import sentence_places
from briefwire.extract.typing.classifier import profile_arrays
from briefwire.extract.typing.lexicon import load_taxonomy
from briefwire.models import CleanDocument
from briefwire.nlp import Analysis
from briefwire.nlp.gazetteer import Gazetteer

__all__ = [
    "BARRED",
    "BUCKETS",
    "OFF",
    "ON",
    "Topic",
    "TopicModel",
    "document_features",
    "document_topic",
    "lexicon_on_topic",
    "load_topic_model",
]

Topic = Literal["on", "off", "barred"]
ON: Topic = "on"
OFF: Topic = "off"
BARRED: Topic = "barred"
BUCKETS = 1 << 14
_HEAD_CHARS = 200  # the top of a text, where a dateline stands
_SKIP_POS = frozenset({"PUNCT", "DET", "ADP", "CCONJ", "SCONJ", "PART", "SPACE", "SYM", "X", "NUM"})


def _bucket(key: str) -> int:
    return zlib.crc32(key.encode("utf-8")) % BUCKETS


def document_features(analysis: Analysis) -> tuple[dict[int, float], Any]:
    """(hashed lemma features, mean sentence vector or None) of one analysed document.

    A lemma counts once per document: a post that repeats a word is not more on-topic for it.
    """
    lemmas = {
        tok.lemma.lower()
        for s in analysis.sentences
        for tok in s.tokens
        if tok.pos not in _SKIP_POS and any(ch.isalpha() for ch in tok.text)
    }
    sparse: dict[int, float] = {}
    for lemma in lemmas:
        b = _bucket(lemma)
        sparse[b] = sparse.get(b, 0.0) + 1.0
    norm = float(np.sqrt(sum(v * v for v in sparse.values()))) or 1.0
    vectors = [s.vector for s in analysis.sentences if s.vector is not None]
    dense = np.mean(np.vstack(vectors), axis=0) if vectors else None
    return {k: v / norm for k, v in sparse.items()}, dense


@dataclass(frozen=True)
class TopicModel:
    """Weights of the binary logistic regression and the thresholds the gate applies."""

    sparse: Any  # (BUCKETS,)
    dense: Any  # (vector dimension,)
    intercept: float
    scale: float  # one scale for the whole dense vector
    veto: float  # below: off-topic whatever the lexicon says
    admit: float  # at or above: on-topic whatever the lexicon says

    def probability(self, analysis: Analysis) -> float:
        """The probability that the analysed document is on-topic."""
        sparse, dense = document_features(analysis)
        logit = self.intercept
        if sparse:
            idx = np.fromiter(sparse.keys(), dtype=np.int64)
            val = np.fromiter(sparse.values(), dtype=np.float64)
            logit += float(self.sparse[idx] @ val)
        if dense is not None and len(dense) == len(self.dense):
            logit += float(self.dense @ (np.asarray(dense, dtype=np.float64) / self.scale))
        return float(1.0 / (1.0 + np.exp(-logit)))

    def judge(self, analysis: Analysis, lexicon_says: bool) -> Topic:
        """The gate: the lexicon's verdict, overruled where the model is confident."""
        p = self.probability(analysis)
        if p < self.veto:
            return BARRED
        return ON if lexicon_says or p >= self.admit else OFF

    def save(self, path: Any) -> None:
        np.savez_compressed(
            path,
            sparse=self.sparse.astype(np.float16),
            dense=self.dense.astype(np.float32),
            params=np.array([self.intercept, self.scale, self.veto, self.admit], dtype=np.float64),
        )


@lru_cache(maxsize=4)
def load_topic_model(language: str) -> TopicModel | None:
    """The shipped model for ``language``, or None when the profile has none."""
    data = profile_arrays(f"topic_{language}.npz")
    if data is None:
        return None
    intercept, scale, veto, admit = (float(x) for x in data["params"])
    return TopicModel(
        data["sparse"].astype(np.float64), data["dense"].astype(np.float64), intercept, scale, veto, admit
    )


def lexicon_on_topic(doc: CleanDocument, analysis: Analysis, language: str) -> bool:
    """The lexicon's verdict on the whole document (headline and text)."""
    local = any(h.location.country in {"RU", "UA"} for s in analysis.sentences for h in sentence_places(s))
    # a short report's headline or dateline ("KURSK, March 3 -") may be all that names its place
    head = f"{doc.title or ''}\n{doc.text[:_HEAD_CHARS]}"
    local = local or any(m.place.country in {"RU", "UA"} for m in Gazetteer.load().find(head, capitals=True))
    return load_taxonomy(language).document_on_topic(
        f"{doc.title or ''}\n{doc.text}", local_places=local, strict=language == "en"
    )


def document_topic(doc: CleanDocument, analysis: Analysis, language: str) -> Topic:
    """Is ``doc`` about the profile's story: the lexicon's verdict, and the model's where it has one."""
    lexicon = lexicon_on_topic(doc, analysis, language)
    model = load_topic_model(language)
    if model is None:
        return ON if lexicon else OFF
    return model.judge(analysis, lexicon)
