"""Every cleaning and extraction function that reads document text, run on one hostile text.

Run as ``python -m tests.hostile.text_functions [SHAPE ...]``; the test runs it in a subprocess
with a generous timeout, so a pattern that is quadratic on a shape never finishes in time
while a linear one takes seconds. Each function gets the whole text at once (not the nlp
stage's 20,000-character blocks): a later change to how text is cut must not be what keeps a
pattern safe. Each function has a generous budget of its own
(a linear one needs a few seconds even on a loaded machine); the whole run has another.
"""

from __future__ import annotations

import itertools
import re
import signal
import sys
import time
from collections.abc import Callable, Iterator

from briefwire import clean as clean_stage
from briefwire.clean import dates, head, pubdate, rules, shapes, text
from briefwire.clean.assemble import inline_cuts
from briefwire.clean.lexicon import lexicon as boilerplate_lexicon
from briefwire.extract import attribution, claims, themes
from briefwire.extract.casualties import finder as casualties
from briefwire.extract.casualties.names_ru import nominative
from briefwire.extract.document import extract_document
from briefwire.extract.mentions import places, quantities, sentence_mentions
from briefwire.extract.mentions import time as when
from briefwire.extract.mentions.when import sentence_dates
from briefwire.extract.typing import decide
from briefwire.extract.typing.modality import modality
from briefwire.ingest import feed
from briefwire.models import CleanDocument, DateValue, Paragraph, RawDocument, RemovedSpan
from briefwire.nlp import Analysis, Sentence, Span, Token

# One shape per kind of trouble: one character repeated (the attack), runs of what patterns
# skip (spaces, punctuation, openers without closers), and cue words repeated without end, so
# the gated rules (dates, quantities, attribution, deaths) really run on it.
SHAPES: dict[str, str] = {
    "letter": "a",
    "cyrillic": "ж",
    "digit": "7",
    "space": " ",
    "dot": ".",
    "at": "@",
    "underscore": "_",
    "open_quote": "“",
    "guillemet": "«",
    "bracket": "(",
    "letter_dot": "a.",
    "letter_quote": "“a",
    "letter_at": "a@",
    "words": "mobilized men said ",
    "cue_words": "According to officials 12 reservists were killed on 3 October in Belgorod, ",
    "ru_cue_words": "По данным властей, 12 мобилизованных погибли 3 октября в Белгороде, ",
    "names": "Private Ivan Petrov ",
    "address_words": "a.b@c.d ",
}
# Cleaning removes a line without a letter ("punctuation") and collapses whitespace before
# extraction ever reads it; these shapes go through the clean stage only (their mixes with
# letters, above, go through extraction).
CLEAN_ONLY = frozenset({"space", "dot", "at", "underscore", "open_quote", "guillemet", "bracket"})
PUBLISHED = DateValue("2022-10-07", "day", "metadata")
_WORD = re.compile(r"\S+")


def hostile_text(shape: str, size: int) -> str:
    unit = SHAPES[shape]
    return (unit * (size // len(unit) + 1))[:size]


def sentence_of(body: str) -> Sentence:
    """The whole text as one sentence, its words as tokens, its capitalised pairs as people."""
    tokens = tuple(
        Token(m.start(), m.end(), m.group(), m.group().lower(), "NOUN", "NN", "")
        for m in _WORD.finditer(body)
    )
    people = tuple(
        Span(a.start, b.end, body[a.start : b.end], "PERSON")
        for a, b in itertools.pairwise(tokens)
        if a.text[:1].isupper() and b.text[:1].isupper()
    )[:200]
    return Sentence(0, len(body), body, tokens, people)


def document_of(body: str, language: str) -> CleanDocument:
    raw = RawDocument(origin="mem://hostile", text=body, format="text", title=body[:200])
    paragraph = Paragraph(0, 0, len(body), body)
    return CleanDocument(raw, "hostile", body, (paragraph,), (), None, None, PUBLISHED, language)


def functions(body: str, *, extraction: bool = True) -> Iterator[tuple[str, Callable[[], object]]]:
    """(name, call) for every function that runs patterns on document text."""
    lex = boilerplate_lexicon()
    raw = RawDocument(origin="mem://hostile", text=body, format="text", outlet="Outlet")
    post = RawDocument(origin="mem://hostile#1", text=body, format="telegram", source_kind="telegram")
    [line] = text.split_lines(body.replace("\n", " ")) or [text.Line(1, 0, 1, "x", "x", 0)]
    yield "feed.entry_author", lambda: feed._entry_author({"author": body})
    yield "clean.clean", lambda: clean_stage.clean(raw)
    yield "clean.clean (post)", lambda: clean_stage.clean(post)
    yield "clean.line_hashes", lambda: clean_stage.line_hashes(raw)
    yield "clean.detect_language", lambda: clean_stage.detect_language(body)
    yield "text.split_lines", lambda: text.split_lines(body)
    yield "text.normalize_text", lambda: text.normalize_text(body)
    plain = (
        shapes.has_contact_address,
        shapes.only_address,
        shapes.is_image_id,
        shapes.is_hashtags,
        shapes.without_links,
        shapes.is_all_caps_label,
        shapes.ends_sentence,
        shapes.has_letters,
    )
    for predicate in plain:
        yield f"shapes.{predicate.__name__}", lambda f=predicate: f(body)
    for with_lex in (shapes.is_credit, shapes.credit_tail, shapes.is_caption, shapes.is_byline):
        yield f"shapes.{with_lex.__name__}", lambda f=with_lex: f(body, lex)
    yield "shapes.is_bio", lambda: (shapes.is_bio(body, lex), shapes.is_bio(body, lex, need_cue=False))
    for reason, holds in rules._LINE_RULES:
        yield f"rules.{reason}", lambda h=holds: h(line, lex)
    yield "rules.context_reasons", lambda: rules.context_reasons(text.split_lines(body), {}, lex)
    yield "assemble.inline_cuts", lambda: inline_cuts([line], {}, lex)
    for section in lex.patterns:
        yield f"lexicon.{section}", lambda s=section: (lex.count(s, body), lex.has(s, body))
    yield "head.read_head", lambda: head.read_head([line], {}, lex, None)
    yield "dates.find_dates", lambda: dates.find_dates(body, compact=True)
    yield "pubdate.parse_dateline", lambda: pubdate.parse_dateline(body, lex)
    yield "pubdate.from_metadata", lambda: pubdate.from_metadata(body)
    caption = RemovedSpan(0, len(body), "Photo 2022-10-05 " + body, "caption")
    yield "pubdate.publication_date", lambda: pubdate.publication_date(None, None, [body], [caption])
    if extraction:
        yield from _extraction(body)


def _extraction(body: str) -> Iterator[tuple[str, Callable[[], object]]]:
    sentence = sentence_of(body)
    found = attribution.attribute(sentence)
    yield "attribution.attribute", lambda: attribution.attribute(sentence)
    yield "attribution.stance", lambda: attribution.stance(body, found)
    yield "attribution.is_denial", lambda: attribution.is_denial(body)
    for language in ("en", "ru"):
        yield f"decide.event_types.{language}", lambda g=language: decide.event_types(body, True, g)
        yield f"decide.chosen_types.{language}", lambda g=language: decide.chosen_types(body, True, "x", g)
        yield (
            f"decide.read_sentence.{language}",
            lambda g=language: decide.read_sentence(sentence, True, None, g),
        )
        yield f"themes.passage_theme.{language}", lambda g=language: themes.passage_theme(body, False, g)
        doc = document_of(body, language)
        analysis = Analysis(language, body, (sentence,))
        yield f"extract_document.{language}", lambda d=doc, a=analysis: extract_document(d, a)
    yield "claims.summarise", lambda: claims.summarise(body)
    yield "claims.claimable_quantities", lambda: claims.claimable_quantities(sentence)
    yield "modality.modality", lambda: modality(sentence, None)
    yield "mentions.sentence_mentions", lambda: sentence_mentions(sentence, PUBLISHED, 0, [], [])
    yield "when.sentence_dates", lambda: sentence_dates(sentence, PUBLISHED)
    yield "claims.claim_actors", lambda: claims.claim_actors(sentence, found)
    yield "quantities.find_quantities", lambda: quantities.find_quantities(sentence)
    yield "time.find_dates", lambda: when.find_dates(sentence, PUBLISHED)
    yield "time.resolve_date", lambda: when.resolve_date(body, PUBLISHED, body)
    yield "places.find_places", lambda: places.find_places(body)
    yield "places.sentence_places", lambda: places.sentence_places(sentence)
    yield "casualties.died_in", lambda: casualties.died_in(sentence, [sentence], set(), body)
    yield "casualties_ru.nominative", lambda: nominative(body)


MEGABYTE = 1_000_000
# The attack's shapes get a megabyte and a minute of CPU per function. The others get an eighth
# of one and a quarter of that budget: a quadratic pattern costs a quarter as much on half the
# text, so what takes over a minute on a quarter of a megabyte (the earlier size and budget)
# still fails, in half the run; a linear function needs under two seconds on an eighth.
FULL_SIZE = frozenset({"letter", "cyrillic"})
PART_SIZE = MEGABYTE // 8
FUNCTION_BUDGET_SECONDS = {MEGABYTE: 60, PART_SIZE: 15}
# Loads what every function loads on its first call (the lexicons, the gazetteer, the MiniLM
# model: seconds of imports) before any clock runs: a budget times a function, not a warm-up.
_WARM_UP = SHAPES["cue_words"] + SHAPES["ru_cue_words"]


def warm_up() -> None:
    for _, call in functions(_WARM_UP):
        call()


def run(shape: str) -> None:
    size = MEGABYTE if shape in FULL_SIZE else PART_SIZE
    body = hostile_text(shape, size)
    for name, call in functions(body, extraction=shape not in CLEAN_ONLY):
        # CPU time, not wall time: on a shared machine waiting for a core must not count.
        signal.setitimer(signal.ITIMER_VIRTUAL, FUNCTION_BUDGET_SECONDS[size])
        start = time.perf_counter()
        call()
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        sys.stdout.write(f"{time.perf_counter() - start:8.3f}s {shape} {name}\n")
        sys.stdout.flush()


def _over_budget(signum: int, frame: object) -> None:
    raise TimeoutError("a function used more than its budget of CPU time (FUNCTION_BUDGET_SECONDS)")


if __name__ == "__main__":
    signal.signal(signal.SIGVTALRM, _over_budget)
    warm_up()
    for chosen in sys.argv[1:] or SHAPES:
        run(chosen)
