"""The reading of one sentence: the event types it states, and whether it states them as happened.

Cues come from the profile's lexicons, weighed by clause (``clauses``); a type needs a summed
weight of :data:`MIN_SCORE` (one strong cue on the main predicate, or two weak ones). Ties go to
the more specific type. A type that subsumes the best one and is strongly cued wins ("tried to
burn the draft office and was detained" is an attack, not an arrest). A second type is kept
when it has a strong cue of its own. With no cue at all, a speech act or decision of someone
who speaks for an institution on the topic ("the governor told reporters", "the ministry
signed", "appointed") is a policy statement. A learned classifier (``classifier``) backs the
lexicon where its words run out. Finally the modality (``modality``) turns a plan into a policy
claim, a demand into an appeal, and a negated, hypothetical or generic sentence into none.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from briefwire.extract.casualties.cues import lexicon
from briefwire.extract.casualties.finder_ru import ru_lexicon
from briefwire.extract.typing.classifier import NONE, load_model
from briefwire.extract.typing.clauses import weight_at
from briefwire.extract.typing.lexicon import Taxonomy, load_taxonomy
from briefwire.extract.typing.modality import Modality, modality
from briefwire.nlp import Sentence

__all__ = ["MIN_SCORE", "PRIORITY", "Reading", "chosen_types", "event_types", "read_sentence"]

MIN_SCORE = 2.0
# More specific types win ties over broader ones; policy_or_statement is the catch-all.
PRIORITY = (
    "casualty",
    "attack_on_draft_office",
    "detention_of_refusers",
    "desertion_or_missing",
    "release_or_return",
    "wrongful_mobilization",
    "repression_or_prosecution",
    "draft_notice",
    "resignation",
    "flight_or_emigration",
    "conditions_complaint",  # a soldiers' appeal about their conditions is a complaint
    "protest_or_appeal",
    "aid_or_fundraising",
    "incident_or_crime",
    "training_or_deployment",
    "recruitment_or_advertising",
    "labor_or_economy",
    "policy_or_statement",
    "other",
)
Ranked = list[tuple[str, float]]
_NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP"})


@dataclass(frozen=True)
class Reading:
    """What one sentence states: its types (best first; empty when none) and their modality."""

    types: tuple[tuple[str, float], ...]
    modality: str = "happened"
    cue: tuple[int, int] | None = None  # span of the deciding cue within the sentence text
    source: str = "lexicon"  # lexicon, speech-act or classifier

    @property
    def type(self) -> str | None:
        return self.types[0][0] if self.types else None

    @property
    def score(self) -> float:
        return self.types[0][1] if self.types else 0.0


@lru_cache(maxsize=1)
def _settings() -> dict[str, Any]:
    path = resources.files("briefwire.profiles").joinpath("mobilization", "typer.json")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def read_sentence(
    sentence: Sentence,
    on_topic: bool,
    speaker: str | None,
    language: str = "en",
    *,
    last: bool = False,
    vector: Any = None,
    prior: str | None = None,
    context: str = "",
) -> Reading:
    """The reading of ``sentence`` in a document that is (or is not) on the profile's topic.

    ``vector`` is the sentence's dense vector for the learned typer (its MiniLM embedding for
    English; Russian reads the sentence's own navec vector); the typer is consulted only in
    on-topic documents. ``prior`` is the type the headline states: near the top of a story a
    weak cue of that type is enough. ``context`` is the text around the sentence (its paragraph
    and the headline), where a death may find the soldier it is about.
    """
    taxonomy = load_taxonomy(language)
    text = sentence.text
    hits = _cue_hits(sentence, taxonomy, on_topic or _anchored(taxonomy, text))
    ranked = _ranked(
        {t: s for t, (s, _, _) in hits.items()}, text, taxonomy, {t: m for t, (_, _, m) in hits.items()}
    )
    source = "lexicon"
    learned = _learned(sentence, language, vector) if on_topic else None
    if learned is not None:
        supported = bool(ranked) and hits.get(ranked[0][0], (0.0, None, 0.0))[2] >= MIN_SCORE
        ranked, source = _backed(ranked, learned, language, source, text, supported=supported)
    if not ranked and prior and hits.get(prior, (0.0, None, 0.0))[0] >= 1.0:
        ranked, source = [(prior, MIN_SCORE)], "headline"
    ranked = _deaths_of_soldiers(ranked, f"{context} {text}", language)
    if ranked and ranked[0][0] == "other" and on_topic and taxonomy.judges(sentence):
        ranked, source = [("policy_or_statement", ranked[0][1])], "speech-act"
    if not ranked and _speaks_for_institution(sentence, speaker, on_topic, taxonomy):
        ranked, source = [("policy_or_statement", MIN_SCORE)], "speech-act"
    cue = hits[ranked[0][0]][1] if ranked and ranked[0][0] in hits else None
    mood = modality(sentence, cue, last=last)
    catch_all = bool(ranked) and ranked[0][0] == "other"
    foreseen = mood.name == "hypothetical" or (mood.name == "planned" and catch_all)
    if foreseen and _speaks_for_institution(sentence, speaker, on_topic, taxonomy):
        # "strikes may bring a response, X warned": the warning is the news (a statement); what
        # it foresees has not happened, so it gives no type of its own
        mood, ranked, source = Modality("planned"), [("policy_or_statement", MIN_SCORE)], "speech-act"
    if not mood.claims:
        return Reading((), mood.name, cue, source)
    chosen = _chosen(ranked, text, taxonomy, dict(hits), sentence)
    topical = taxonomy.has_topic(text)
    if mood.name == "planned" and not chosen and topical:
        # a plan or legal provision on the topic with no other type is a policy claim; a cued one
        # keeps its type, with stance "planned" (it has not happened)
        chosen = [("policy_or_statement", MIN_SCORE)]
    if mood.name == "demanded" and (chosen or topical or on_topic):
        # an official's or an institution's call is a statement of policy; anyone else's, an appeal
        official = (speaker and taxonomy.is_official(speaker)) or taxonomy.states_or_decides(
            sentence, any_verb=True
        )
        kind = "policy_or_statement" if official else "protest_or_appeal"
        chosen = [(kind, max((s for _, s in chosen), default=MIN_SCORE))]
    return Reading(tuple(chosen), mood.name, cue, source)


Hits = dict[str, tuple[float, tuple[int, int] | None, float]]


def _cue_hits(sentence: Sentence, taxonomy: Taxonomy, anchored: bool) -> Hits:
    """The lexicon's cues on the sentence's words and on their lemmas, weighed by clause.

    A cue counts where it matches best: on the surface ("were detained") or on the dictionary
    forms ("задержать" for «задержанных», «задержали»; "flee" for "fled"). Spans of lemma
    matches are mapped back onto the sentence's text.
    """
    at = weight_at(sentence)
    surface = taxonomy.hits(sentence.text.lower().replace("ё", "е"), anchored, at)
    lemma_text, starts = _lemma_text(sentence)
    if not lemma_text:
        return surface

    lemma_starts = [a for a, _ in starts]

    def place(offset: int) -> int:
        """The sentence-text offset of the token a lemma-text offset falls in."""
        i = max(0, bisect_right(lemma_starts, offset) - 1)
        return starts[i][1]

    lemma_hits = taxonomy.hits(lemma_text, anchored, lambda o: at(place(o)))
    out = dict(surface)
    for t, (total, span, main) in lemma_hits.items():
        if total > out.get(t, (0.0, None, 0.0))[0]:
            mapped = (place(span[0]), place(span[1] - 1) + 1) if span else None
            out[t] = (total, mapped, main)
    return out


def _lemma_text(sentence: Sentence) -> tuple[str, list[tuple[int, int]]]:
    """The sentence's lemmas joined by spaces, with (lemma-text offset, sentence offset) per token."""
    parts, starts, pos = [], [], 0
    for tok in sentence.tokens:
        lemma = tok.lemma.lower().replace("ё", "е")
        if not lemma:
            continue
        starts.append((pos, tok.start - sentence.start))
        parts.append(lemma)
        pos += len(lemma) + 1
    return " ".join(parts), starts


def _deaths_of_soldiers(ranked: Ranked, text: str, language: str) -> Ranked:
    """A casualty is a soldier's death: a death with no soldier in the sentence or around it ("two
    passers-by were killed in the strike") is the strike's, another type or ``other``."""
    if not ranked or ranked[0][0] != "casualty":
        return ranked
    soldier = (lexicon() if language == "en" else ru_lexicon()).soldier
    if soldier.search(text.lower()):
        return ranked
    rest = [r for r in ranked if r[0] != "casualty"]
    return rest or [("other", ranked[0][1])]


def _learned(sentence: Sentence, language: str, vector: Any) -> dict[str, float] | None:
    settings = _settings().get(language)
    model = load_model(language)
    if model is None or settings is None or len(sentence.tokens) < settings["min_tokens"]:
        return None
    return model.probabilities(sentence, vector)


_DEATH_WORD = re.compile(
    r"\b(?:kill\w*|died|dies|dead|death|deaths|perish\w*|fell|fallen|funeral\w*|buried|burial|"
    r"laid to rest|lost (?:his|their) li(?:fe|ves)|obituar\w*|posthumous\w*)\b|"
    r"(?<!\w)(?:погиб\w*|гибел\w*|убит\w*|скончал\w*|умер\w*|смерт\w*|похорон\w*|прощани\w*|простил\w*|пал\b|павш\w*)",
    re.I,
)


def _backed(
    ranked: Ranked,
    learned: dict[str, float],
    language: str,
    source: str,
    text: str = "",
    *,
    supported: bool = False,
) -> tuple[Ranked, str]:
    """The lexicon's ranking, backed by the learned typer (see ``profiles/.../typer.json``)."""
    settings = _settings()[language]
    best, p = max(((t, q) for t, q in learned.items() if t != NONE), key=lambda kv: kv[1])
    if best == "casualty" and not _DEATH_WORD.search(text):
        return ranked, source  # a death needs a word of death: "wounded" reads too much like "killed"
    if not ranked:
        needed = settings["other_threshold"] if best == "other" else settings["threshold"]
        return ([(best, MIN_SCORE)], "classifier") if p >= needed else (ranked, source)
    if (
        best != ranked[0][0]
        and p >= settings["override"]
        and learned.get(ranked[0][0], 0.0) < settings["doubt"]
    ):
        return [(best, MIN_SCORE), *ranked], "classifier"
    return ranked, source


def _anchored(taxonomy: Taxonomy, text: str) -> bool:
    low = text.lower()
    return taxonomy.has_topic(low) or (taxonomy.has_anchor(low) and taxonomy.context.search(low) is not None)


def _speaks_for_institution(
    sentence: Sentence, speaker: str | None, on_topic: bool, taxonomy: Taxonomy
) -> bool:
    """An official's or an institution's word on the topic: a statement even without a cue."""
    text = sentence.text
    anchored = on_topic or taxonomy.has_topic(text)
    quoted = text.lstrip()[:1] in {'"', "“", "«"}
    if not anchored or quoted:
        return False
    if speaker and (taxonomy.is_official(speaker) or _named(speaker, sentence)):
        return True
    return taxonomy.states_or_decides(sentence)


def _named(speaker: str, sentence: Sentence) -> bool:
    """Is the speaker someone by name (a person, an organisation, a country), not "a resident"?

    The entity tagger misses many lone surnames at the start of a post, so a short capitalised
    speaker counts too.
    """
    if any(speaker in e.text or e.text in speaker for e in sentence.entities if e.label in _NAMED):
        return True
    words = speaker.split()
    return 0 < len(words) <= 4 and words[-1][:1].isupper()


def event_types(text: str, on_topic: bool, language: str = "en") -> Ranked:
    """Event types whose (unweighted) cues in ``text`` reach the threshold, best first."""
    taxonomy = load_taxonomy(language)
    return _ranked(taxonomy.score(text, anchored=True if on_topic else None), text, taxonomy)


def chosen_types(text: str, on_topic: bool, speaker: str | None, language: str = "en") -> Ranked:
    """The one or two types ``text`` states, by its cues alone (no parse, no modality)."""
    taxonomy = load_taxonomy(language)
    ranked = event_types(text, on_topic, language)
    if not ranked:
        anchored = on_topic or taxonomy.has_topic(text)
        quoted = text.lstrip()[:1] in {'"', "“", "«"}
        if speaker and anchored and not quoted and taxonomy.is_official(speaker):
            return [("policy_or_statement", MIN_SCORE)]
        return []
    return _chosen(ranked, text, taxonomy)


def _ranked(
    scores: dict[str, float], text: str, taxonomy: Taxonomy, main: dict[str, float] | None = None
) -> Ranked:
    """Types at or above the threshold, best first. A type cued on the main clause comes before one
    cued only in background clauses, whatever their sums ("a nurse who had collected parcels for
    soldiers was detained" is a detention)."""
    kept = [(t, s) for t, s in scores.items() if s >= MIN_SCORE - 1e-9]
    on_main = {t for t, m in (main or {}).items() if m >= MIN_SCORE - 1e-9}

    def rank(ts: tuple[str, float]) -> tuple[bool, float, bool, int]:
        # equal weight: a type named by one strong cue beats one pieced together from weak cues
        order = PRIORITY.index(ts[0]) if ts[0] in PRIORITY else len(PRIORITY)
        return (bool(on_main) and ts[0] not in on_main, -ts[1], not taxonomy.strong(text, ts[0]), order)

    return _implying_first(sorted(kept, key=rank), text, taxonomy)


def _implying_first(ranked: Ranked, text: str, taxonomy: Taxonomy) -> Ranked:
    """Put first a strongly cued type that implies the best one.

    A sentence that states a later stage of a story also names the earlier one ("called up by
    mistake ... came home" is a release; "tried to burn the draft office and was detained" is
    an attack): the type that subsumes the other is the event, whatever the cue count.
    """
    if len(ranked) < 2:
        return ranked
    best = ranked[0][0]
    for i, (event_type, _) in enumerate(ranked[1:], start=1):
        if best in taxonomy.subsumes.get(event_type, frozenset()) and taxonomy.strong(text, event_type):
            return [ranked[i], *ranked[:i], *ranked[i + 1 :]]
    return ranked


def _chosen(
    ranked: Ranked,
    text: str,
    taxonomy: Taxonomy,
    hits: dict[str, tuple[float, tuple[int, int] | None, float]] | None = None,
    sentence: Sentence | None = None,
) -> Ranked:
    """The best type, and a second one when it has a strong cue of its own on a verb of the main
    clause (someone "fled Russia and police raided her home" states two events; "fined
    participants of the protest" states one, the protest only names who was fined)."""
    chosen = ranked[:1]
    for event_type, score in ranked[1:2]:
        implied = taxonomy.subsumes.get(chosen[0][0], frozenset())
        if (
            event_type not in taxonomy.never_secondary
            and event_type not in implied
            and taxonomy.strong(text, event_type)
            and (hits is None or sentence is None or _verbal(sentence, hits.get(event_type)))
        ):
            chosen.append((event_type, score))
    return chosen


def _verbal(sentence: Sentence, hit: tuple[float, tuple[int, int] | None, float] | None) -> bool:
    """Is the cue a predicate (a verb, or any word where there is no parse) of weight 2 or more?"""
    if hit is None or hit[1] is None or hit[2] < MIN_SCORE:
        return False  # a second type needs cues of its own on the main clause
    start, end = hit[1]
    tokens = [t for t in sentence.tokens if start <= t.start - sentence.start < end]
    if not tokens or all(t.head < 0 for t in sentence.tokens):
        return True
    return any(t.pos in {"VERB", "AUX"} for t in tokens)
