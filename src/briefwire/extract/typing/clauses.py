"""Which words of a sentence belong to its main predicate, and which to background clauses.

"A teacher who had knitted socks for the front was fined for a post" reports a fine, not aid:
the cue "knitted" sits in a relative clause that only says who the teacher is. Cues count in
full on the main clause; in relative, adverbial, "amid", "after" and motive clauses they count
at :data:`SECONDARY` of their weight, so they can add a facet but rarely decide the type.

English reads spaCy's dependency parse: a token is secondary when it or one of its heads is a
relative or adverbial clause (``relcl``, ``acl``, ``advcl``) or sits under a background
preposition ("amid", "despite", "after", "over", "following"). The complement of a reporting
verb ("the governor said that ...") is the content, so it stays main. Russian has no parse
here: clauses are cut at commas and dashes, and one that opens with a relative pronoun or a
subordinator («который», «после того как», «на фоне», «из-за», «чтобы») is secondary up to
the next clause boundary.
"""

from __future__ import annotations

import bisect
import itertools
import re
from bisect import bisect_right
from collections.abc import Callable

from briefwire.nlp import Sentence, Token

__all__ = ["SECONDARY", "token_weights", "weight_at"]

SECONDARY = 0.4
_SECONDARY_DEPS = frozenset({"relcl", "acl", "advcl"})
_BACKGROUND_PREPS = frozenset({"amid", "despite", "after", "following", "over", "before", "since"})
_RU_SUBORDINATE = re.compile(
    r"^\s*(?:котор\w+|после того,? как|на фоне|из-за|чтобы|поскольку|так как|хотя|несмотря на|"
    r"в связи с|за то,? что|когда)\b",
    re.I,
)
_RU_BOUNDARY = re.compile(r"[,;:()—–]|\s-\s")
_CLAUSE_HEAD = 40  # a subordinating word opens its clause: only the clause's head is read


def token_weights(sentence: Sentence) -> list[float]:
    """One weight per token of ``sentence``: 1.0 on the main clause, :data:`SECONDARY` elsewhere."""
    tokens = sentence.tokens
    if tokens and all(t.head >= 0 for t in tokens):
        return [_parse_weight(sentence, i) for i in range(len(tokens))]
    return _comma_clause_weights(sentence)


def weight_at(sentence: Sentence) -> Callable[[int], float]:
    """A function from a character offset within ``sentence.text`` to its token's weight."""
    weights = token_weights(sentence)
    starts = [t.start - sentence.start for t in sentence.tokens]

    def at(offset: int) -> float:
        i = bisect_right(starts, offset) - 1
        return weights[i] if 0 <= i < len(weights) else 1.0

    return at


def _parse_weight(sentence: Sentence, i: int) -> float:
    tokens = sentence.tokens
    seen = 0
    while seen <= len(tokens):
        token = tokens[i]
        if token.dep in _SECONDARY_DEPS and not _content_clause(tokens, i):
            return SECONDARY
        head = token.head
        if (
            token.dep == "pobj"
            and 0 <= head < len(tokens)
            and tokens[head].lemma.lower() in _BACKGROUND_PREPS
        ):
            return SECONDARY
        if head == i or head < 0:
            return 1.0
        i = head
        seen += 1
    return 1.0


def _content_clause(tokens: tuple[Token, ...], i: int) -> bool:
    """A clause opened by "that" as a complementiser ("complained that they had been sent") is
    what was said, even where the small parser hangs it on a noun as a relative clause."""
    if tokens[i].dep != "relcl":
        return False
    return any(t.head == i and t.dep == "mark" for t in tokens)


def _comma_clause_weights(sentence: Sentence) -> list[float]:
    """Weights from comma-delimited clauses (no parse): subordinate ones are secondary."""
    text = sentence.text
    cuts = [0, *(m.end() for m in _RU_BOUNDARY.finditer(text)), len(text) + 1]
    weights = [
        SECONDARY if _RU_SUBORDINATE.match(text[a : min(b, a + _CLAUSE_HEAD)]) else 1.0
        for a, b in itertools.pairwise(cuts)
    ]
    out = []
    for token in sentence.tokens:
        clause = bisect.bisect_right(cuts, token.start - sentence.start) - 1  # the clause it opens in
        out.append(weights[clause] if 0 <= clause < len(weights) else 1.0)
    return out
