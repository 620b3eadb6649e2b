"""clean stage: boilerplate removal, head metadata and publication date.

Entry point: :func:`clean` turns a :class:`~briefwire.models.RawDocument` into a
:class:`~briefwire.models.CleanDocument`. Every character of the raw text either ends up
(normalised) in the clean text or in a :class:`~briefwire.models.RemovedSpan` with a reason;
nothing is dropped silently. :func:`line_hashes` gives the keys the pipeline counts per outlet
so that lines an outlet repeats across documents are learned as boilerplate.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace

from briefwire.clean.assemble import assemble, inline_cuts
from briefwire.clean.head import Head, read_head
from briefwire.clean.headline import choose_headline, slug_named
from briefwire.clean.headtail import mark_head_rows, mark_masthead, mark_tail, masthead_name, printed_headline
from briefwire.clean.lexicon import lexicon
from briefwire.clean.linemodel import is_learned, mark_learned_furniture
from briefwire.clean.page import (
    HEAD_WINDOW,
    Layout,
    find_layout,
    keep_prose_runs,
    mark_head_rest,
    mark_outside,
    page_title,
)
from briefwire.clean.pagehead import head_dateline
from briefwire.clean.pubdate import publication_date
from briefwire.clean.rules import context_reasons, learned_reasons, single_line_reason
from briefwire.clean.teasers import mark_comment_signatures, mark_recirculation, mark_teaser_runs
from briefwire.clean.text import Line, line_key, normalize_text, split_lines, text_hash
from briefwire.clean.urldate import year_of_url
from briefwire.models import CleanDocument, RawDocument, RemovedSpan

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z]")
_ADDRESS = re.compile(r"(?:https?://|www\.)[^\s)\]>]*|\]\([^)\s]*\)|@\w+")

__all__ = ["CleanOptions", "Marked", "clean", "line_hashes", "mark_lines", "normalize_text"]


@dataclass(frozen=True)
class CleanOptions:
    """Knobs of the clean stage.

    ``learned_min_docs``: how many other documents of the outlet must carry a line of at most
    4 words / at most 12 words / more, before it counts as the outlet's template.
    ``dek_in_body``: the dek becomes ``CleanDocument.dek`` and, when True, stays the first
    paragraph too: it usually states the article's central claim, and extraction needs it as
    evidence.
    ``line_model``: on a whole page, the learned line model (:mod:`briefwire.clean.linemodel`)
    removes what the rules left that reads as furniture by shape and position.
    """

    learned_min_docs: tuple[int, int, int] = (1, 2, 4)
    dek_in_body: bool = True
    detect_head: bool = True
    line_model: bool = True


def line_hashes(raw: RawDocument) -> list[str]:
    """Keys of the document's distinct non-blank lines, in order of first appearance."""
    seen: dict[str, None] = {}
    for line in split_lines(raw.text):
        seen.setdefault(line_key(line.text), None)
    return list(seen)


@dataclass
class Marked:
    """The rules' verdict on a document before assembly: its lines, the reason of each removed
    line (index -> reason), the page layout when the text is a whole page, and its head."""

    lines: list[Line]
    reasons: dict[int, str]
    layout: Layout | None
    head: Head | None


def clean(
    raw: RawDocument,
    learned: Mapping[str, int] | None = None,
    options: CleanOptions | None = None,
) -> CleanDocument:
    """Clean one document; ``learned`` maps line keys to how many other documents of the same
    outlet carry that line (see :func:`line_hashes`)."""
    opts = options or CleanOptions()
    lex = lexicon()
    marked = mark_lines(raw, learned, opts)
    lines, reasons, head = marked.lines, marked.reasons, marked.head
    if marked.layout is not None and opts.line_model:
        mark_learned_furniture(lines, reasons, marked.layout, raw.url, learned)
    cuts = inline_cuts(lines, reasons, lex)
    text, paragraphs, removed = assemble(lines, reasons, cuts)
    published = publication_date(
        raw.published,
        head.dateline if head else None,
        (p.text for p in paragraphs),
        removed,
        url=raw.url,
        title=head.title if head else raw.title,
    )
    if raw.outlet is None and (named := masthead_name(lines, reasons, lex)) is not None:
        raw = replace(raw, outlet=named)  # no sidecar, no address: the page names itself
    return CleanDocument(
        raw=raw,
        doc_id=_doc_id(raw, lines, reasons, cuts),
        text=text,
        paragraphs=paragraphs,
        removed=tuple(_in_order(removed)),
        title=head.title if head else raw.title,
        dek=head.dek if head else None,
        published=published,
        language=detect_language(text or raw.text),
    )


def mark_lines(
    raw: RawDocument,
    learned: Mapping[str, int] | None = None,
    options: CleanOptions | None = None,
) -> Marked:
    """Every rule's reasons, the layout and the head: what the learned line model reads (its
    training script calls this too, so it learns on exactly what it sees at run time)."""
    opts = options or CleanOptions()
    lex = lexicon()
    lines = split_lines(raw.text)
    reasons: dict[int, str] = {}
    post = _is_post(raw)
    for i, line in enumerate(lines):
        reason = single_line_reason(line, lex, post=post)
        if reason is not None:
            reasons[i] = reason
    context_reasons(lines, reasons, lex)
    if learned:
        learned_reasons(lines, reasons, learned, opts.learned_min_docs)
    # an HTML reader already took the article out of its page; a post is no page
    layout = None
    if not post and raw.format != "html":
        mark_comment_signatures(lines, reasons, lex)
        mark_recirculation(lines, reasons, lex)
        mark_teaser_runs(lines, reasons)
        layout = find_layout(lines, reasons, lex, raw.url)
    if layout is not None:
        mark_outside(lines, reasons, lex, layout)
    head = _head(raw, lines, reasons, layout=layout, learned=learned, opts=opts)
    if layout is not None:
        keep_prose_runs(lines, reasons, lex)
    if _keep_some_body(reasons, len(lines)) and head is not None:
        head.title = raw.title  # its only sentence is the text: no headline to repeat it
    return Marked(lines, reasons, layout, head)


def _head(
    raw: RawDocument,
    lines: list[Line],
    reasons: dict[int, str],
    *,
    layout: Layout | None,
    learned: Mapping[str, int] | None,
    opts: CleanOptions,
) -> Head | None:
    """Title, dek and dateline; on a page, its headline and byline timestamp."""
    lex = lexicon()
    post = _is_post(raw)
    meta_title = raw.title
    if layout is not None and meta_title is None:
        headline = choose_headline(lines, reasons, lex, layout, url=raw.url, learned=learned)
        layout = replace(layout, headline=headline)
        if headline is not None:
            meta_title = page_title(lines[headline].text, raw.url)
    elif meta_title is None and not post and (named := slug_named(lines, reasons, raw.url, HEAD_WINDOW)):
        meta_title = lines[named].text  # the URL names it: a banner above it is no title
    year = year_of_url(raw.url) or _year_in(raw.title)  # completes a dateline without one
    if not opts.detect_head:
        return None
    # a short story saved from a page: no layout, but a masthead above its printed headline
    printed = printed_headline(lines, reasons, lex, meta_title, raw.url) if _plain_page(raw, layout) else None
    if printed is not None:
        mark_masthead(lines, reasons, lex, printed)
        meta_title = meta_title or lines[printed].text
    head = read_head(lines, reasons, lex, meta_title, post=post, year=year)
    if printed is not None:
        mark_head_rows(lines, reasons, printed)
    if layout is not None and meta_title is None:
        head.title = None  # a page without a headline of its own: no menu item is one
    if layout is not None:
        if layout.headline is not None and head.title == meta_title:
            reasons[layout.headline] = "title"
        mark_head_rest(lines, reasons, layout, lex)
    # on a page, its own byline timestamp beats a date the head reader met first (a banner);
    # in other text, a timestamp may sit anywhere in the first dozen lines
    if not post and (layout is not None or head.dateline is None):
        stated = head_dateline(lines, reasons, layout, lex, year=year, learned=learned, headline=printed)
        head.dateline = stated or head.dateline
    if head.dek_index is not None and not opts.dek_in_body:
        reasons[head.dek_index] = "dek"
    if _plain_page(raw, layout):
        mark_tail(lines, reasons, lex)
    return head


def _plain_page(raw: RawDocument, layout: Layout | None) -> bool:
    """Text a scraper or a copy-paste left, too short for a page layout to be found."""
    return layout is None and not _is_post(raw) and raw.format != "html"


_HEAD_REASONS = ("title", "kicker", "dek")


def _keep_some_body(reasons: dict[int, str], n_lines: int) -> bool:
    """A text whose every line went to its head (a one-sentence post read as a headline, a
    kicker and a quote) is all news: its head lines go back to the body. True if any did."""
    if len(reasons) < n_lines:
        return False
    head = [i for i, r in reasons.items() if r in _HEAD_REASONS]
    for i in head:
        del reasons[i]
    return bool(head)


def _doc_id(
    raw: RawDocument,
    lines: list[Line],
    reasons: dict[int, str],
    cuts: dict[int, tuple[int, int, str]],
) -> str:
    """Hash of the clean text as the rules alone leave it.

    Lines removed only because the outlet repeats them elsewhere, or by the learned line model
    (which reads those counts too), are put back first: what
    has been learned changes as documents arrive, and the same article read twice must get
    the same id.
    """
    by_rules = {i: r for i, r in reasons.items() if r != "learned" and not is_learned(r)}
    text = assemble(lines, by_rules, cuts)[0]
    return text_hash(normalize_text(text) or normalize_text(raw.text))


_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def _year_in(title: str | None) -> int | None:
    """The one year a title names ("… in 2023"), or None."""
    years = set(_YEAR.findall(title or ""))
    return int(years.pop()) if len(years) == 1 else None


def _is_post(raw: RawDocument) -> bool:
    """A Telegram post has no headline: its first line is already the news."""
    return raw.source_kind == "telegram" or raw.format.startswith("telegram")


def _in_order(removed: list[RemovedSpan]) -> list[RemovedSpan]:
    return sorted(removed, key=lambda s: (s.start, s.end))


def detect_language(text: str) -> str:
    """ "ru" when Cyrillic letters outnumber Latin ones, else "en".

    Addresses are not language: a Russian digest whose every line links to an article has more
    Latin letters in its URLs than Cyrillic ones in its words.
    """
    words = _ADDRESS.sub(" ", text)
    cyrillic = len(_CYRILLIC.findall(words))
    return "ru" if cyrillic > len(_LATIN.findall(words)) else "en"
