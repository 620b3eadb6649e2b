"""Whether a sentence states that something happened, and if not, what it does state.

Irrealis is never a happened event: a plan or a legal provision ("reservists will need a
permit") is a policy claim with stance ``planned``; a demand ("relatives demanded that the men
be brought home") is an appeal, whatever it demands; a hypothetical ("if a new wave is
announced, ...") states nothing. Negated events ("nobody was detained"), questions, generic
statements without a name, place or number ("such raids now happen weekly") and a cut-off last
sentence give no claim at all.

English reads the parse (a ``neg`` dependent of the cue's verb, a "no one" subject); Russian
reads patterns (a «не» right before the verb, «никто», «никого»).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefwire.nlp import Sentence, Token

__all__ = ["Modality", "modality"]

_FUTURE = re.compile(
    r"\b(?:will|shall|plans? to|planned to|planning to|intends? to|intended to|is going to|are going to|"
    r"is expected to|are expected to|is set to|are set to|would have to|will have to|is to be|are to be|"
    r"proposed|proposes|proposal|draft law|bill (?:that )?would|could soon|may soon|"
    r"must|should|ought to|need to|needs to|have to|has to)\b",
    re.I,
)
_RU_FUTURE = re.compile(
    r"(?<!\w)(?:будет|будут|буду|планиру\w*|намерен\w*|собира\w*ся|предлага\w*|предложил\w*|"
    r"законопроект\w*|планах|собираются|готовят|готовится|должн\w+|нужно|необходимо|может|могут)(?!\w)",
    re.I,
)
_HYPOTHETICAL = re.compile(
    r"^\W*(?:if|should|unless|in case|suppose|imagine)\b|\b(?:would|could|might) (?!have to)", re.I
)
_RU_HYPOTHETICAL = re.compile(
    r"^\W*(?:если|в случае|допустим)\b|(?<!\w)(?:бы|может|могут|могли бы)(?!\w)", re.I
)
_DEMAND_LEMMAS = frozenset(
    {"demand", "urge", "ask", "appeal", "petition", "request", "plead", "beg", "implore", "call"}
)
_RU_DEMAND = re.compile(
    r"(?<!\w)(?:требу\w*|потребовал\w*|просят|просил\w*|призвал\w*|призыва\w*|обратил\w*ся|обратились)(?!\w)",
    re.I,
)
# a newsroom's own steps: asking for comment is no happening
_NEWSROOM = re.compile(
    r"\b(?:for (?:a )?comment|did not (?:immediately )?(?:respond|reply|answer)|declined to comment|"
    r"could not be reached|has contacted|have contacted|reached out to)\b|"
    r"(?<!\w)(?:не ответил\w*|отказал\w* от комментари\w*|направил\w* запрос)",
    re.I,
)
_GENERIC = re.compile(
    r"\b(?:such (?:cases|incidents|reports|stories|raids|attacks)|often|usually|regularly|increasingly|"
    r"routinely|every (?:day|week|month)|each (?:day|week)|weekly|in general|typically|as a rule|"
    r"more and more|time and again|constantly)\b|(?<!\w)(?:часто|обычно|регулярно|всё чаще|все чаще|"
    r"как правило|постоянно|каждую неделю|каждый день)(?!\w)",
    re.I,
)
_NOBODY = re.compile(
    r"\b(?:no one|nobody|none of (?:them|the)|not a single|"
    r"no (?:man|men|soldiers?|cases?|deaths?|casualties|injuries|arrests?))\b",
    re.I,
)
_RU_NOBODY = re.compile(r"(?<!\w)(?:никто|никого|ни одного|ни один|не было|нет данных о)(?!\w)", re.I)
_RU_NEGATED_VERB = re.compile(
    r"(?<!\w)не\s+(?:был[аио]?\s+)?[а-яё]+(?:ли|л|ла|ло|н|на|ны|ен|ено)(?!\w)", re.I
)
_OWN_NEGATION = re.compile(r"\b(?:not|never|no|without|n't|lack)\b|(?<!\w)(?:не|без|нет)(?!\w)", re.I)
_TERMINAL = re.compile(r"[.!?…»”\"')\]]\s*$")


# a word that cannot end a sentence: a cut-off text stops on it ("the governor said that the")
_OPEN_ENDED = frozenset({"ADP", "CCONJ", "SCONJ", "DET", "PART"})
_MARKUP = re.compile(r"[\s*_~`|]+$")


def _cut_off(sentence: Sentence) -> bool:
    """Is this last sentence cut off mid-way (no claim), rather than a headline-style line?

    A Telegram post or a headline ends without a full stop and is complete; a text cut by a
    paywall or a length limit stops on an ellipsis, a comma or a word that needs a next one.
    """
    text = _MARKUP.sub("", sentence.text)
    if len(text.split()) <= 6 or (_TERMINAL.search(text) and not text.endswith(("…", "..."))):
        return False
    if text.endswith(("…", "...", ",", ":", ";", "-", "—", "–")):
        return True
    words = [t for t in sentence.tokens if t.pos != "PUNCT" and t.text.strip("*_~`|")]
    return bool(words) and words[-1].pos in _OPEN_ENDED


@dataclass(frozen=True)
class Modality:
    """``happened`` (a claim of what the cues say), ``planned``, ``demanded``, or one of
    ``negated``, ``hypothetical``, ``generic``, ``background``, ``question``, ``truncated`` (no claim)."""

    name: str

    @property
    def claims(self) -> bool:
        return self.name in {"happened", "planned", "demanded"}


def modality(sentence: Sentence, cue: tuple[int, int] | None, *, last: bool = False) -> Modality:
    """The modality of ``sentence``; ``cue`` is the span (within the sentence text) of the cue that
    decided its type, or None. A cue that holds its own negation ("never returned", "without
    training") states the event; negation elsewhere on its verb denies it."""
    text = sentence.text.strip()
    russian = _cyrillic(text)
    checks = (  # in order: the first that holds names the modality
        ("question", lambda: text.endswith("?")),
        ("truncated", lambda: last and _cut_off(sentence)),
        ("demanded", lambda: _demands(sentence, russian)),
        (
            "hypothetical",
            lambda: (_RU_HYPOTHETICAL if russian else _HYPOTHETICAL).search(text) and not _specific(sentence),
        ),
        ("negated", lambda: _negated(sentence, cue, russian)),
        ("background", lambda: _NEWSROOM.search(text) is not None),
        ("generic", lambda: _GENERIC.search(text) and not _specific(sentence)),
        ("planned", lambda: (_RU_FUTURE if russian else _FUTURE).search(text)),
    )
    return Modality(next((name for name, holds in checks if holds()), "happened"))


def _cyrillic(text: str) -> bool:
    return sum("а" <= ch.lower() <= "я" for ch in text[:200]) > 10


def _specific(sentence: Sentence) -> bool:
    """Does the sentence name someone or somewhere, or give a date or number?"""
    return any(
        e.label in {"PERSON", "GPE", "LOC", "DATE", "CARDINAL", "ORG", "MONEY"} for e in sentence.entities
    ) or any(ch.isdigit() for ch in sentence.text)


def _root(tokens: tuple[Token, ...]) -> int | None:
    return next((i for i, t in enumerate(tokens) if t.dep == "ROOT"), None)


_LEGAL_SUBJECT = re.compile(r"\b(?:prosecut\w*|court|judge|investigat\w*|defen[cs]e)\b")
_RU_LEGAL = re.compile(
    r"(?<!\w)(?:прокур\w*|обвинени\w*|гособвинител\w*|следстви\w*|следовател\w*|суд\w*)", re.I
)


def _demands(sentence: Sentence, russian: bool) -> bool:
    if russian:  # a prosecutor "demanding" a term is the prosecution, not an appeal
        return _RU_DEMAND.search(sentence.text) is not None and not _RU_LEGAL.search(sentence.text)
    tokens = sentence.tokens
    root = _root(tokens)
    if root is None:
        return False
    lemma = tokens[root].lemma.lower()
    subject = " ".join(t.text.lower() for t in tokens if t.head == root and t.dep in {"nsubj", "nsubjpass"})
    if _LEGAL_SUBJECT.search(subject):
        return False  # "the prosecutor asked for six years" is the prosecution, not an appeal
    if lemma == "call":  # "called for", "called on": a call is a demand, "called up" is not
        return any(t.head == root and t.text.lower() in {"for", "on"} for t in tokens)
    return lemma in _DEMAND_LEMMAS


def _negated(sentence: Sentence, cue: tuple[int, int] | None, russian: bool) -> bool:
    if cue is not None and _OWN_NEGATION.search(sentence.text[cue[0] : cue[1]]):
        return False
    cue_offset = cue[0] if cue else None
    if russian:
        if _RU_NOBODY.search(sentence.text):
            return True
        window = (
            sentence.text if cue_offset is None else sentence.text[max(0, cue_offset - 12) : cue_offset + 30]
        )
        return _RU_NEGATED_VERB.search(window) is not None and cue_offset is not None
    if _NOBODY.search(sentence.text):
        return True
    verb = _verb_of(sentence, cue_offset)
    if verb is None:
        return False
    tokens = sentence.tokens
    # "were not detained", or "no" on the verb's subject or object ("no mobilized men were detained")
    return any(t.head == verb and t.dep == "neg" for t in tokens) or any(
        t.text.lower() == "no"
        and t.dep == "det"
        and 0 <= t.head < len(tokens)
        and tokens[t.head].head == verb
        and tokens[t.head].dep in {"nsubj", "nsubjpass", "dobj"}
        for t in tokens
    )


def _verb_of(sentence: Sentence, cue_offset: int | None) -> int | None:
    """The verb governing the cue (the root when no cue position is known)."""
    tokens = sentence.tokens
    if cue_offset is None:
        return _root(tokens)
    absolute = sentence.start + cue_offset
    i = next((k for k, t in enumerate(tokens) if t.start <= absolute < t.end), None)
    steps = 0
    while i is not None and 0 <= i < len(tokens) and steps < len(tokens):
        if tokens[i].pos == "VERB" or (tokens[i].pos == "AUX" and tokens[i].head in (i, -1)):
            return i
        if tokens[i].head == i or tokens[i].head < 0:
            return i
        i = tokens[i].head
        steps += 1
    return None
