"""Russian backend on natasha (razdel segmentation + slovnet NER).

natasha's morphology tagger is left out (it cuts throughput by about two thirds); lemmas and
coarse parts of speech come from pymorphy3's dictionary instead, one lookup per distinct word
form (cached), which typing needs to match cues on lemmas in a language where one verb has
dozens of forms. natasha's labels are mapped onto the spaCy names the stages already read
(PER -> PERSON, LOC -> GPE, ORG -> ORG).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

import numpy as np
import pymorphy3
from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

from briefwire.nlp import Analysis, Sentence, Span, Token, split_blocks

LABELS = {"PER": "PERSON", "LOC": "GPE", "ORG": "ORG"}


class NatashaRussian:
    """The Russian backend (``nlp.natasha_ru.v1``)."""

    name = "nlp.natasha_ru.v1"
    language = "ru"

    def __init__(self) -> None:
        self._models: tuple[Any, Any] | None = None
        self._embedding: Any = None

    def _load(self) -> tuple[Any, Any]:
        if self._models is None:
            self._embedding = NewsEmbedding()
            self._models = (Segmenter(), NewsNERTagger(self._embedding))
        return self._models

    def analyse(self, texts: Iterable[str], batch_size: int = 32) -> Iterator[Analysis]:
        """Analyse texts one by one (natasha has no batching of its own)."""
        for text in texts:
            sentences: list[Sentence] = []
            for start, end in split_blocks(text):
                sentences.extend(self._block(text, start, end))
            yield Analysis(self.language, text, tuple(sentences))

    def _block(self, text: str, offset: int, end: int) -> list[Sentence]:
        segmenter, ner = self._load()
        doc = Doc(text[offset:end])
        doc.segment(segmenter)
        doc.tag_ner(ner)
        entities = [
            Span(offset + s.start, offset + s.stop, s.text, LABELS.get(s.type, s.type)) for s in doc.spans
        ]
        result: list[Sentence] = []
        for sent in doc.sents:
            s_start, s_end = offset + sent.start, offset + sent.stop
            ents = tuple(e for e in entities if s_start <= e.start < s_end)
            tokens = tuple(
                Token(
                    offset + tok.start,
                    offset + tok.stop,
                    tok.text,
                    *lemma_and_pos(tok.text),
                    "",
                    _entity_at(ents, offset + tok.start),
                )
                for tok in sent.tokens
            )
            vector = _mean_vector(self._embedding, tokens)
            result.append(Sentence(s_start, s_end, text[s_start:s_end], tokens, ents, vector))
        return result


def _entity_at(entities: tuple[Span, ...], position: int) -> str:
    for ent in entities:
        if ent.start <= position < ent.end:
            return ent.label
    return ""


def _mean_vector(embedding: Any, tokens: tuple[Token, ...]) -> Any:
    """The mean navec vector of the sentence's words (lemma first, then the form), or None."""
    rows = []
    for tok in tokens:
        for word in (tok.lemma, tok.text.lower()):
            row = embedding.get(word) if embedding is not None else None
            if row is not None:
                rows.append(row)
                break
    return np.mean(rows, axis=0) if rows else None


# pymorphy3's parts of speech onto the universal tags the English backend gives.
_POS = {
    "NOUN": "NOUN", "ADJF": "ADJ", "ADJS": "ADJ", "COMP": "ADJ", "VERB": "VERB", "INFN": "VERB",
    "PRTF": "VERB", "PRTS": "VERB", "GRND": "VERB", "NUMR": "NUM", "ADVB": "ADV", "NPRO": "PRON",
    "PRED": "ADV", "PREP": "ADP", "CONJ": "CCONJ", "PRCL": "PART", "INTJ": "INTJ",
}  # fmt: skip


@lru_cache(maxsize=1)
def morph() -> Any:
    """The process's one pymorphy3 analyser (its dictionaries take a second to load)."""
    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=200_000)
def lemma_and_pos(word: str) -> tuple[str, str]:
    """The dictionary form and coarse part of speech of a Russian word form (its most likely parse)."""
    low = word.lower()
    if not any("а" <= ch <= "я" or ch == "ё" for ch in low):
        return low, "NUM" if low.isdigit() else ("PUNCT" if not low.isalnum() else "X")
    parse = morph().parse(low)[0]
    return parse.normal_form.replace("ё", "е"), _POS.get(str(parse.tag.POS), "X")
