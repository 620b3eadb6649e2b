"""Numbers that count people without naming them: "killing 11 and wounding 15", "seven were
wounded", "24 dead, four of them children", "more than 70 of them were killed".

Reports of casualties, detentions and releases often drop the counted noun: the verb or the
state says what happened to whom. Read by surface patterns alone such a number looks like a bare
figure (and bare figures are not counts: see :mod:`.quantities`). The dependency parse tells
them apart: a number that is the subject or object of a verb, or that a state word ("dead",
"wounded") follows, counts the people the verb is about. The unit is that state ("killed",
"wounded", "released"), so two counts of one sentence stay apart.

English only: the Russian pipeline runs without a parser, and Russian states the counted noun
("погибли 11 человек") far more often.
"""

from __future__ import annotations

import bisect

from briefwire.nlp import Sentence, Token

__all__ = ["counted_by_role"]

_ROLES = {"nsubj", "nsubjpass", "dobj"}
# "two said they were beaten": who speaks is not what the report counts
_SPEECH = {"say", "tell", "add", "write", "report", "recall", "claim", "note", "explain", "ask", "think"}
# a state word right after the number: "24 dead", "11 killed" (the tagger reads it as the head)
_STATE_TAGS = {"JJ", "VBN", "VBD"}


def counted_by_role(sentence: Sentence, start: int, end: int, value: float) -> tuple[int, str] | None:
    """(end offset, unit) when the number at document offsets ``start:end`` counts people by
    its role in the parse, else None. "One" counts only as what was done to someone ("one was
    killed"), not as who did something or one picked out of a group ("one of them said")."""
    tokens = sentence.tokens
    at = bisect.bisect_left(tokens, start, key=lambda t: t.start)  # linear in numbers, not quadratic
    if at >= len(tokens) or tokens[at].start != start or tokens[at].head < 0:
        return None
    last = at
    while last + 1 < len(tokens) and tokens[last + 1].pos == "NUM" and tokens[last + 1].end <= end:
        last += 1  # "twenty one", "1.5 million": the head is read from the last word
    number = tokens[last]
    head = tokens[number.head] if 0 <= number.head < len(tokens) else number
    if head is number:
        return None
    if number.dep in _ROLES and head.pos == "VERB" and head.lemma.lower() not in _SPEECH:
        done_to = number.dep == "nsubjpass" and not _partitive(tokens, last)
        return (number.end, _state(head)) if value != 1 or done_to else None
    if number.dep == "nsubj" and head.pos == "NOUN" and head.start > number.end and value > 1:
        return number.end, head.text.lower()  # "four of them children"
    if number.dep == "nummod" and head.start == _next_start(tokens, last) and head.tag in _STATE_TAGS:
        return head.end, head.text.lower()  # "24 dead", "11 killed"
    return None


def _partitive(tokens: tuple[Token, ...] | list[Token], i: int) -> bool:
    """ "one of them": picks someone out of a group, it does not count them."""
    return i + 1 < len(tokens) and tokens[i + 1].text.lower() == "of"


def _next_start(tokens: tuple[Token, ...] | list[Token], i: int) -> int:
    return tokens[i + 1].start if i + 1 < len(tokens) else -1


def _state(verb: Token) -> str:
    """The verb as the state it leaves people in: "killing" -> "killed"."""
    if verb.tag in {"VBN", "VBD"}:
        return verb.text.lower()
    lemma = verb.lemma.lower()
    return lemma + ("d" if lemma.endswith("e") else "ed")
