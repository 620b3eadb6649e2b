"""The mobilization profile's taxonomy and trigger lexicons, compiled once.

The word lists live in ``profiles/mobilization/taxonomy.json`` (data, not code). Patterns are
regular expressions over lower-cased text with two conveniences: a space matches any run of
whitespace (`` ?`` an optional one) and ``~`` ends a word stem. Every pattern is anchored at word boundaries.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from briefwire.nlp import Sentence, Token

_PROFILE = "mobilization"


@dataclass(frozen=True)
class TypeLexicon:
    """The cues of one event type: weighted patterns and patterns that veto a match."""

    name: str
    patterns: tuple[tuple[re.Pattern[str], float], ...]
    negative: tuple[re.Pattern[str], ...]
    needs_anchor: bool
    any_cue: re.Pattern[str]  # all patterns in one: most sentences fail it in one search

    def weight(self, low: str, at: Callable[[int], float] | None = None) -> float:
        """Summed weight of the cues in lower-cased ``low`` (0 when a negative cue vetoes)."""
        return self.hit(low, at)[0]

    def hit(
        self, low: str, at: Callable[[int], float] | None = None
    ) -> tuple[float, tuple[int, int] | None, float]:
        """(summed weight, span of the heaviest cue, weight on the main clause alone) in lower-cased
        ``low``; (0, None, 0) when vetoed.

        ``at`` weighs a cue by where it stands (its clause, see ``typing.clauses``): each cue
        counts once, at the best-placed of its matches.
        """
        if not self.any_cue.search(low):
            return 0.0, None, 0.0
        total, best, span, main = 0.0, 0.0, None, 0.0
        for pat, w in self.patterns:
            placed = 0.0  # this cue's best-placed match
            for m in pat.finditer(low):
                got = w * (at(m.start()) if at else 1.0)
                placed = max(placed, got)
                if got > best:
                    best, span = got, m.span()
            total += placed
            main += placed if placed >= w else 0.0
        if total and any(neg.search(low) for neg in self.negative):
            return 0.0, None, 0.0
        return total, span, main


@dataclass(frozen=True)
class Taxonomy:
    themes: tuple[str, ...]
    theme_of: dict[str, str]
    types: tuple[TypeLexicon, ...]
    anchor: re.Pattern[str]
    official: re.Pattern[str]
    subsumes: dict[str, frozenset[str]]
    never_secondary: frozenset[str]
    topic: re.Pattern[str]
    context: re.Pattern[str]
    statement_lemmas: frozenset[str] = frozenset()
    judgement_lemmas: frozenset[str] = frozenset()

    def judges(self, sentence: Sentence) -> bool:
        """Does a verb of judgement ("condemned", «назвал … возмутительными») carry the sentence?

        Its object (a strike, a sentence) is what the speaker judges, not the news: the news is
        the statement.
        """
        return any(
            t.lemma.lower() in self.judgement_lemmas and t.pos == "VERB" and t.dep in {"", "ROOT"}
            for t in sentence.tokens
        )

    def document_on_topic(self, text: str, *, local_places: bool = False, strict: bool = True) -> bool:
        """Is a whole document about the profile's story (mobilization in Russia's war)?

        It needs a topic word and a context word or a Russian/Ukrainian place
        (``local_places``): a report on US troops in Afghanistan is not. Without ``strict``
        (languages whose texts rarely name the country) two different topic words also do.
        """
        low = _lower(text)
        topic = {m.group(0) for m in self.topic.finditer(low)}
        if not topic:
            return False
        if local_places or self.context.search(low) is not None:
            return True
        return not strict and len(topic) >= 2

    def score(
        self, text: str, anchored: bool | None = None, at: Callable[[int], float] | None = None
    ) -> dict[str, float]:
        """Sum of cue weights per event type found in ``text`` (vetoed types are left out).

        ``anchored`` says whether the text is known to be on-topic; None looks for an anchor
        word in the text itself. ``at`` weighs each cue by its clause (see ``TypeLexicon.weight``).
        """
        low = _lower(text)
        if anchored is None:  # on its own, a sentence needs a word of the story, or war + Russia
            anchored = self.topic.search(low) is not None or (
                self.anchor.search(low) is not None and self.context.search(low) is not None
            )
        return {name: total for name, (total, _, _) in self.hits(low, anchored, at).items()}

    def hits(
        self, low: str, anchored: bool, at: Callable[[int], float] | None = None
    ) -> dict[str, tuple[float, tuple[int, int] | None, float]]:
        """Per event type with cues in lower-cased ``low``: (summed weight, span of the heaviest cue,
        weight on the main clause alone)."""
        out: dict[str, tuple[float, tuple[int, int] | None, float]] = {}
        for lex in self.types:
            if lex.needs_anchor and not anchored:
                continue
            total, span, main = lex.hit(low, at)
            if total:
                out[lex.name] = (total, span, main)
        return out

    def strong(self, text: str, event_type: str) -> bool:
        """Does ``text`` carry a cue of weight 2 or more for ``event_type``?"""
        low = _lower(text)
        return any(
            w >= 2 and p.search(low) for lex in self.types if lex.name == event_type for p, w in lex.patterns
        )

    def is_official(self, speaker: str) -> bool:
        """Is the speaker an official body or office-holder (their word is a statement)?"""
        return self.official.search(speaker) is not None

    def has_topic(self, text: str) -> bool:
        """Does ``text`` name the story itself (the draft, mobilized men, soldiers ...)?"""
        return self.topic.search(_lower(text)) is not None

    def has_anchor(self, text: str) -> bool:
        return self.anchor.search(_lower(text)) is not None

    def states_or_decides(self, sentence: Sentence, *, any_verb: bool = False) -> bool:
        """Is the main predicate a speech act or decision verb whose subject speaks for someone?

        ``any_verb``: whatever the verb, does someone who speaks for an institution act (the subject
        of the main predicate is an official or an institution)?

        English reads the parse (the root verb and its subject); Russian, without a parse, any
        verb of the list in a sentence that names a person or an organisation.
        """
        tokens = sentence.tokens
        if any(t.head >= 0 for t in tokens):
            root = next((i for i, t in enumerate(tokens) if t.dep == "ROOT"), None)
            if root is None or (not any_verb and tokens[root].lemma.lower() not in self.statement_lemmas):
                return False
            subjects = [t for t in tokens if t.head == root and t.dep in {"nsubj", "nsubjpass"}]
            return any(
                t.ent in {"PERSON", "ORG", "GPE", "NORP"} or self.is_official(t.text) for t in subjects
            )
        if any_verb:
            return self.is_official(sentence.text[:60])
        verbs = [i for i, t in enumerate(tokens) if t.lemma in self.statement_lemmas and t.pos == "VERB"]
        named = any(e.label in {"PERSON", "ORG"} for e in sentence.entities)
        return bool(verbs) and (named or any(_noun_before(tokens, i) for i in verbs))


def _noun_before(tokens: tuple[Token, ...], verb: int) -> bool:
    """Does a noun stand right before the verb (its subject, in a language read without a parse:
    «Путин утвердил», «Власти объявили»)? The tagger misses many names at the start of a post."""
    j = verb - 1
    while j >= 0 and (tokens[j].pos in {"PUNCT", "ADV", "PART"} or not tokens[j].text.strip("*_")):
        j -= 1
    return j >= 0 and tokens[j].pos in {"NOUN", "PROPN"} and verb - j <= 4


def _lower(text: str) -> str:
    # Whitespace runs become one space: a pattern's space already matches any run, and a
    # pattern with two spaces around a "~" stem would otherwise try every split of a long run
    # (quadratic in its length). Only cue presence is read from this text, never offsets.
    return " ".join(text.lower().replace("ё", "е").split())


def _body(source: str) -> str:
    # " ?" is an optional space ("front ?line"); as two steps it would become a required one
    return source.replace("~", r"\w*").replace(" ?", r"\s*").replace(" ", r"\s+")


def compile_pattern(source: str) -> re.Pattern[str]:
    """Turn a lexicon pattern into a regex anchored at word boundaries."""
    return re.compile(rf"(?<!\w)(?:{_body(source)})(?![\w])")


def _compile_any(sources: list[str], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    body = "|".join(f"(?:{_body(s)})" for s in sources)
    return re.compile(rf"(?<!\w)(?:{body})(?![\w])", flags)


def _read(name: str) -> dict[str, Any]:
    path = resources.files("briefwire.profiles").joinpath(_PROFILE, name)
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=4)
def load_taxonomy(language: str = "en") -> Taxonomy:
    """The profile's taxonomy for a language (read once per process; English when the profile
    has no cues of that language). Themes and settings are shared; cues are per language."""
    data = _read("taxonomy.json")
    cues = data
    if language != "en":
        try:
            cues = _read(f"taxonomy_{language}.json")
        except FileNotFoundError:
            cues = data
    themes = tuple(t["name"] for t in data["themes"])
    theme_of = {typ: t["name"] for t in data["themes"] for typ in t["types"]}
    needs = set(data["needs_anchor"])
    types = tuple(
        TypeLexicon(
            name=name,
            patterns=tuple((compile_pattern(p), float(w)) for p, w in spec["patterns"]),
            negative=tuple(compile_pattern(p) for p in spec.get("negative", [])),
            needs_anchor=name in needs,
            any_cue=_compile_any([p for p, _ in spec["patterns"]], flags=0),
        )
        for name, spec in cues["types"].items()
    )
    return Taxonomy(
        themes,
        theme_of,
        types,
        _compile_any(cues["anchors"]),
        _compile_any(cues["official_speakers"]),
        {k: frozenset(v) for k, v in data.get("subsumes", {}).items()},
        frozenset(data.get("never_secondary", [])),
        _compile_any(cues["topic_anchors"]),
        _compile_any(cues["context_anchors"]),
        frozenset(cues.get("statement_lemmas", [])),
        frozenset(cues.get("judgement_lemmas", [])),
    )
