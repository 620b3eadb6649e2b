"""nlp stage: sentences, tokens and named entities, one backend per language.

Every backend returns the same plain data: an :class:`Analysis` of one whole text, whose
sentences, tokens and entity spans carry character offsets into *that* text (the
``CleanDocument.text`` the caller passed), so later stages can cite evidence spans in the
document's clean text directly. Backends may process a long text piece by piece (the spaCy
backend works paragraph by paragraph, as a sentence never crosses a paragraph break), but the
offsets they return always index the whole text.

Backends are registered by language under versioned names (``nlp.spacy_en.v1``) and load their
models lazily, on first use; :func:`get_backend` keeps one instance per language per process.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol


@dataclass(frozen=True)
class Span:
    """A labelled stretch of text; ``start``/``end`` index the analysed text."""

    start: int
    end: int
    text: str
    label: str


@dataclass(frozen=True)
class Token:
    """One token; ``ent`` is the label of the entity it belongs to, or ``""``.

    ``dep`` and ``head`` come from a dependency parse where the backend has one: the relation to
    the head token and the head's index among the sentence's tokens (-1 when there is no parse;
    the root is its own head).
    """

    start: int
    end: int
    text: str
    lemma: str
    pos: str
    tag: str
    ent: str
    dep: str = ""
    head: int = -1


@dataclass(frozen=True)
class Sentence:
    """One sentence with its tokens and the entities inside it (offsets index the text).

    ``vector`` is the mean of the backend's token vectors over the sentence (a numpy array:
    spaCy's contextual tok2vec output for English, natasha's navec word vectors for Russian),
    or None; the learned typer reads it. It takes no part in equality or hashing.
    """

    start: int
    end: int
    text: str
    tokens: tuple[Token, ...]
    entities: tuple[Span, ...]
    vector: Any = field(default=None, compare=False, hash=False, repr=False)


@dataclass(frozen=True)
class Analysis:
    """The analysis of one whole text."""

    language: str
    text: str
    sentences: tuple[Sentence, ...]

    @property
    def entities(self) -> tuple[Span, ...]:
        """Every entity of the text, in order."""
        return tuple(ent for sentence in self.sentences for ent in sentence.entities)


class Backend(Protocol):
    """What every language backend offers."""

    name: str
    language: str

    def analyse(self, texts: Iterable[str], batch_size: int = 32) -> Iterator[Analysis]:
        """Analyse texts in order, streaming; one :class:`Analysis` per input text."""
        ...


BackendFactory = Callable[[], Backend]


def _spacy_en() -> Backend:
    # Imported here so that importing briefwire.nlp does not load spaCy or natasha.
    from briefwire.nlp.spacy_en import SpacyEnglish  # noqa: PLC0415

    return SpacyEnglish()


def _natasha_ru() -> Backend:
    from briefwire.nlp.natasha_ru import NatashaRussian  # noqa: PLC0415

    return NatashaRussian()


_FACTORIES: dict[str, BackendFactory] = {"en": _spacy_en, "ru": _natasha_ru}
_INSTANCES: dict[str, Backend] = {}
DEFAULT_LANGUAGE = "en"


def available_languages() -> tuple[str, ...]:
    """Languages with a backend of their own (anything else falls back to English)."""
    return tuple(sorted(_FACTORIES))


def get_backend(language: str | None) -> Backend:
    """The backend for ``language`` (``"en"``, ``"ru"``, ``"en-US"`` ...).

    Unknown or missing languages get the English backend. Instances are cached per process, so
    the model loads once; the model itself loads on the first call to ``analyse``.
    """
    code = (language or DEFAULT_LANGUAGE).lower().replace("_", "-").split("-")[0]
    if code not in _FACTORIES:
        code = DEFAULT_LANGUAGE
    if code not in _INSTANCES:
        _INSTANCES[code] = _FACTORIES[code]()
    return _INSTANCES[code]


def split_blocks(text: str, max_chars: int = 20_000) -> list[tuple[int, int]]:
    """Cut ``text`` into (start, end) blocks at line breaks, for piecewise analysis.

    A block is one line (paragraphs in clean text are lines), with surrounding whitespace left
    out. A line longer than ``max_chars`` is cut further at the last space before the limit so
    no single call sees an unbounded text. Blank lines produce no block.
    """
    blocks: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        while end - start > max_chars:
            cut = text.rfind(" ", start + 1, start + max_chars)
            cut = cut if cut > start else start + max_chars
            blocks.append((start, cut))
            start = cut
            while start < end and text[start].isspace():
                start += 1
        if end > start:
            blocks.append((start, end))
    return blocks
