"""Russian backend on natasha (razdel segmentation + slovnet NER).

natasha's morphology tagger is left out (it cuts throughput by about two thirds); lemmas and
coarse parts of speech come from pymorphy3's dictionary instead, one lookup per distinct word
form (cached), which typing needs to match cues on lemmas in a language where one verb has
dozens of forms. natasha's labels are mapped onto the spaCy names the stages already read
(PER -> PERSON, LOC -> GPE, ORG -> ORG).

Speed (``bench/ingest.py`` prints it beside bare natasha): every text is tokenized once, by
razdel, paragraph by paragraph (a sentence never crosses a paragraph break), and the NER model
gets those words directly, where natasha's ``Doc`` would tokenize the text a second time inside
slovnet. The NER runs on whole documents (long ones cut at paragraph breaks into pieces of at
most ``PIECE_WORDS`` words), several at once: the texts of one call are sorted by length and
sent in batches of ``NER_BATCH``, so padding stays small. Calling it once per paragraph, as
before, cost about 1.4 times as much.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import Any

import numpy as np
import pymorphy3
from razdel import sentenize, tokenize
from slovnet.bio import bio_spans

from briefwire.lifetime import keep_forever
from briefwire.nlp import Analysis, Sentence, Span, Token, split_blocks

LABELS = {"PER": "PERSON", "LOC": "GPE", "ORG": "ORG"}
# Pictographs and their joiners are no part of a word: razdel keeps "⚡️Name" as one token,
# which hides the name from the NER and the verb after it from its subject. Each is one
# character and becomes one space, so offsets stay those of the text.
_SYMBOLS = re.compile(
    "[\u2190-\u21ff\u2300-\u23ff\u25a0-\u27bf\u2b00-\u2bff\ufe0e\ufe0f\u200d\u20e3"
    "\U0001f000-\U0001faff\U000e0000-\U000e007f]"
)
PIECE_WORDS = 2_000
NER_BATCH = 8


@dataclass(frozen=True)
class _Word:
    """A razdel token with offsets into the whole text (what slovnet's ``bio_spans`` reads)."""

    start: int
    stop: int
    text: str


@dataclass(frozen=True)
class _Block:
    """One paragraph: its sentences as (start, end) and its words, offsets into the text."""

    sentences: tuple[tuple[int, int], ...]
    words: tuple[_Word, ...]


class NatashaRussian:
    """The Russian backend (``nlp.natasha_ru.v1``)."""

    name = "nlp.natasha_ru.v1"
    language = "ru"
    #: what runs (what a fair bare-natasha baseline must run too)
    components = ("razdel.sentenize", "razdel.tokenize", "slovnet.NewsNERTagger", "pymorphy3", "navec means")

    def __init__(self) -> None:
        self._ner: Any = None
        self._embedding: Any = None
        self._vector: Callable[[str], Any] | None = None

    @property
    def ner(self) -> Any:
        """natasha's news NER tagger, loaded on first use."""
        if self._ner is None:
            from natasha import NewsEmbedding, NewsNERTagger  # noqa: PLC0415 - loads the model

            self._embedding = NewsEmbedding()
            self._ner = NewsNERTagger(self._embedding)
            # navec rebuilds a word's vector from its codes on every lookup, and a news corpus
            # says the same words again and again: each word's row is rebuilt once
            self._vector = lru_cache(maxsize=100_000)(self._embedding.get)
            keep_forever()
        return self._ner

    def analyse(self, texts: Iterable[str], batch_size: int = 32) -> Iterator[Analysis]:
        """Analyse texts in order; the NER sees up to ``batch_size`` texts at a time."""
        iterator = iter(texts)
        while group := list(islice(iterator, max(1, batch_size))):
            yield from self._analyse_group(group)

    def _analyse_group(self, texts: list[str]) -> Iterator[Analysis]:
        blocks = [[_segment(text, s, e) for s, e in split_blocks(text)] for text in texts]
        pieces: list[list[_Word]] = []
        owner: list[int] = []  # the text each piece comes from
        for i, doc in enumerate(blocks):
            for piece in _pieces(doc):
                pieces.append(piece)
                owner.append(i)
        entities: list[list[Span]] = [[] for _ in texts]
        for n, spans in enumerate(self._entities(texts, owner, pieces)):
            entities[owner[n]].extend(spans)
        for text, doc, ents in zip(texts, blocks, entities, strict=True):
            yield Analysis(self.language, text, tuple(_sentences(text, doc, ents, self._vector)))

    def _entities(
        self, texts: list[str], owner: list[int], pieces: list[list[_Word]]
    ) -> Iterator[list[Span]]:
        """Entity spans of each piece, in piece order (the NER runs on them sorted by length)."""
        order = sorted(range(len(pieces)), key=lambda i: len(pieces[i]))
        found: dict[int, list[Span]] = {}
        words = [[w.text for w in pieces[i]] for i in order if pieces[i]]
        tagged = iter(self._tags(words))
        for i in order:
            if not pieces[i]:
                found[i] = []
                continue
            text = texts[owner[i]]
            found[i] = [_span(text, s.start, s.stop, s.type) for s in bio_spans(pieces[i], next(tagged))]
        for i in range(len(pieces)):
            yield found[i]

    def _tags(self, words: list[list[str]]) -> Iterator[list[str]]:
        """BIO tags per word: slovnet's NER inference without its own tokenizing step."""
        infer = self.ner.infer
        infer.encoder.batch_size = NER_BATCH
        yield from infer.decoder(infer.process(infer.encoder(words)))


def _span(text: str, start: int, stop: int, label: str) -> Span:
    """An entity span; one that runs over a paragraph break (a piece holds several) ends there."""
    cut = text.find("\n", start, stop)
    if cut != -1:
        stop = len(text[start:cut].rstrip()) + start
    return Span(start, stop, text[start:stop], LABELS.get(label, label))


def _segment(text: str, start: int, end: int) -> _Block:
    block = text[start:end]
    sentences = tuple((start + s.start, start + s.stop) for s in sentenize(block))
    words = tuple(_Word(start + t.start, start + t.stop, t.text) for t in tokenize(_SYMBOLS.sub(" ", block)))
    return _Block(sentences, words)


def _pieces(blocks: Sequence[_Block]) -> Iterator[list[_Word]]:
    """The document's words in pieces of whole paragraphs, at most PIECE_WORDS each (a longer
    paragraph is a piece alone)."""
    piece: list[_Word] = []
    for block in blocks:
        if piece and len(piece) + len(block.words) > PIECE_WORDS:
            yield piece
            piece = []
        piece.extend(block.words)
    yield piece


def _sentences(
    text: str, blocks: Sequence[_Block], entities: list[Span], vector_of: Callable[[str], Any] | None
) -> Iterator[Sentence]:
    entities.sort(key=lambda e: e.start)
    starts = [e.start for e in entities]
    for block in blocks:
        words = iter(block.words)
        word = next(words, None)
        for s_start, s_end in block.sentences:
            ents = tuple(entities[bisect_left(starts, s_start) : bisect_left(starts, s_end)])
            tokens = []
            while word is not None and word.start < s_end:
                if word.start >= s_start:
                    label = _entity_at(ents, word.start)
                    lemma, pos = lemma_and_pos(word.text)
                    tokens.append(Token(word.start, word.stop, word.text, lemma, pos, "", label))
                word = next(words, None)
            vector = _mean_vector(vector_of, tokens)
            yield Sentence(s_start, s_end, text[s_start:s_end], tuple(tokens), ents, vector)


def _entity_at(entities: tuple[Span, ...], position: int) -> str:
    for ent in entities:
        if ent.start <= position < ent.end:
            return ent.label
    return ""


def _mean_vector(vector_of: Callable[[str], Any] | None, tokens: Sequence[Token]) -> Any:
    """The mean navec vector of the sentence's words (lemma first, then the form), or None."""
    rows = []
    for tok in tokens:
        for word in (tok.lemma, tok.text.lower()):
            row = vector_of(word) if vector_of is not None else None
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


@lru_cache(maxsize=50_000)
def grammemes(word: str) -> frozenset[str]:
    """pymorphy3's grammemes of a Russian word form's most likely parse ("datv", "sing", "VERB" ...);
    empty for a word with no Cyrillic letter."""
    low = word.lower()
    if not any("а" <= ch <= "я" or ch == "ё" for ch in low):
        return frozenset()
    return frozenset(str(g) for g in morph().parse(low)[0].tag.grammemes)


def is_dative(word: str) -> bool:
    return "datv" in grammemes(word)


def is_finite_singular(word: str) -> bool:
    """A finite verb in the singular ("публикует", "сообщил"): what a bare number before it is
    the subject of is a name (a channel called "112"), not a count of people."""
    tags = grammemes(word)
    return "VERB" in tags and "sing" in tags
