"""The layout of a whole web page saved as text: where the article is, and what is around it.

A scraper or page store keeps everything a browser shows: menus, the masthead, teasers,
comments, the footer. Such text has one long run of prose (the article) inside many short
lines. The run is found by shape alone (line length, sentence punctuation, list markers), so
it works in any language: prose lines close to each other form clusters, the heaviest cluster
is the article, and clusters near it join it unless a section header of recirculation ("Most
read", "Related") or comments stands between them. Lines above the article, except the few
that hold its head (headline, byline, date, dek), are the page header; lines below it are
the page footer. Text that is not a page (a seed, a post, an extracted article) has no run
of furniture that long and is left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from briefwire.clean import shapes
from briefwire.clean.lexicon import Lexicon, phrase_key
from briefwire.clean.text import Line

LIST_MARKER = re.compile(r"^(?:[*+o•·▪‣◦–-]|\d{1,3}[.)])\s+")
_PROSE_WORDS = 10
_SENTENCE_MARK = re.compile(r"[.!?…。](?:[\"'”’»)\]]*)(?:\s|$)|[,;:]\s")
_CLUSTER_GAP = 6  # text lines: captions, an ad, a related link between paragraphs
_JOIN_GAP = 40  # a gallery or embed between two parts of one article
_JOIN_SHARE = 0.1
_MAIN_SHARE = 0.4  # of the heaviest cluster's words
_TEASER_RUN = 12  # lines under a section header before the next prose
_TEASER_WORDS = 20
_NEAR_HEADLINE_WORDS = 40
_TEASER_ITEMS = 3
_INLINE_RECIRCULATION = 8  # lines of related links an article carries between paragraphs
_BLURB_WORDS = 40
_META_WORDS = 5
_HEADLINE_WORDS = (4, 22)  # an article's first cluster under its headline holds this many  # a part far from the main one must hold this share of its words
HEAD_WINDOW = 12  # lines above the article that may hold its headline, byline and date
_MIN_OUTSIDE = 15  # short lines outside the article before the text counts as a page


@dataclass(frozen=True)
class Layout:
    """Line indexes (into the ``lines`` list) of the article and of its head window."""

    start: int  # first line of the article body
    end: int  # last line of the article body
    head_start: int  # first line of the head window
    headline: int | None = None  # the line the URL names, when the page prints it


def is_prose(line: Line) -> bool:
    """A line that reads as running text: long enough, with sentence punctuation, mostly
    lowercase words (a run of capitalised words is a headline or a menu)."""
    text = LIST_MARKER.sub("", line.text)
    words = text.split()
    if len(words) < _PROSE_WORDS or not _SENTENCE_MARK.search(text + " "):
        return False
    capitalised = sum(1 for w in words if w[:1].isupper())  # scripts without case count as lower
    return capitalised <= 0.65 * len(words)


def find_layout(
    lines: list[Line], reasons: dict[int, str], lex: Lexicon, url: str | None = None
) -> Layout | None:
    """The article's place in a page, or None when the text is not a whole page."""
    prose = [i for i, line in enumerate(lines) if i not in reasons and is_prose(line)]
    if len(prose) < 2:
        return None
    clusters = _clusters(lines, reasons, lex, prose)
    headline = slug_line(lines, reasons, url)
    main = _main_cluster(lines, reasons, clusters, headline)
    first, last = clusters[main][0], clusters[main][-1]
    total = _weight(lines, clusters[main])
    for k in range(main + 1, len(clusters)):  # later parts: stop at a recirculation header
        part = clusters[k]
        if not _joins(lines, reasons, lex, last, part[0], _weight(lines, part), total):
            break
        last, total = part[-1], total + _weight(lines, part)
    for k in range(main - 1, -1, -1):
        part = clusters[k]
        if not _joins(lines, reasons, lex, part[-1], first, _weight(lines, part), total):
            break
        first, total = part[0], total + _weight(lines, part)
    last = _list_tail(lines, reasons, lex, last)
    outside = sum(1 for i in range(len(lines)) if i not in reasons and not first <= i <= last)
    if outside < _MIN_OUTSIDE:
        return None
    head_start = first
    counted = 0
    while head_start > 0 and counted < HEAD_WINDOW:
        head_start -= 1
        counted += head_start not in reasons
    if headline is not None and not head_start <= headline < first:
        headline = None
    return Layout(first, last, head_start, headline)


def _main_cluster(
    lines: list[Line], reasons: dict[int, str], clusters: list[list[int]], headline: int | None
) -> int:
    """The article: the first real cluster right below the headline that the URL names;
    without one, the first heavy cluster (comments or teasers below an article can
    outweigh it)."""
    weights = [_weight(lines, c) for c in clusters]
    if headline is not None:
        for k, cluster in enumerate(clusters):
            if cluster[0] <= headline:  # a cluster across the headline is the page above it
                continue
            between = sum(1 for j in range(headline + 1, cluster[0]) if j not in reasons)
            if between > HEAD_WINDOW + _JOIN_GAP:
                break
            if weights[k] >= _NEAR_HEADLINE_WORDS:
                return k
    return next(k for k, w in enumerate(weights) if w >= _MAIN_SHARE * max(weights))


_SLUG_WORD = re.compile(r"[^\W_]+")


def slug_words(url: str | None) -> set[str]:
    """The words of a URL's path ("/2019/11/18/new-plan-for-x/" -> new, plan, for, x)."""
    if not url:
        return set()
    path = urlsplit(url).path
    words = {w.casefold() for w in _SLUG_WORD.findall(path) if not w.isdigit()}
    return {w for w in words if len(w) > 1 and w not in {"html", "htm", "php", "aspx", "index"}}


def slug_share(text: str, slug: set[str]) -> float:
    """Share of a line's words that the URL's path carries."""
    words = [w.casefold() for w in _SLUG_WORD.findall(text)]
    if not words or not slug:
        return 0.0
    return sum(w in slug for w in words) / len(words)


def slug_line(lines: list[Line], reasons: dict[int, str], url: str | None) -> int | None:
    """The line that shares most words with the URL path: the headline, when a page prints
    it (a masthead, a menu or a slogan shares none)."""
    slug = slug_words(url)
    if len(slug) < 3:
        return None
    best: tuple[float, int] | None = None
    for i, line in enumerate(lines):
        if i in reasons or not is_headline_shaped(line):
            continue
        share = slug_share(line.text, slug)
        hits = len({w.casefold() for w in _SLUG_WORD.findall(line.text)} & slug)
        # slugs are often shortened headlines: how much of the slug the line covers counts
        # first; the first line of the best, since a caption or teaser repeats the headline
        score = round(hits / len(slug), 2)
        if hits >= 3 and max(share, hits / len(slug)) >= 0.5 and (best is None or score > best[0]):
            best = (score, i)
    return best[1] if best else None


_ITEM = re.compile(r"^(?:\d{1,3}[.)]\s|\(?\d{1,2}\)\s|\w{3,9}\.?\s\d{1,2}\b)")


def _list_tail(lines: list[Line], reasons: dict[int, str], lex: Lexicon, last: int) -> int:
    """A numbered or dated list that closes the article ("1) …", "June 9 – …") belongs to it;
    a line between two items (a link, a note) too."""
    end, gap = last, 0
    for i in range(last + 1, len(lines)):
        if i in reasons:
            continue
        line = lines[i]
        if is_section_break(line, lex):
            break
        if line.words >= 3 and (_ITEM.match(line.text) or _ITEM.match(LIST_MARKER.sub("", line.text))):
            end, gap = i, 0
        elif end == last and gap == 0 and line.words <= 8:  # the list's own header
            gap = 1
        elif (gap := gap + 1) > 1:
            break
    return end


def mark_recirculation(lines: list[Line], reasons: dict[int, str], lex: Lexicon) -> None:
    """A section header ("Related news") and the teaser headlines under it, up to the next
    line of prose: inside an article they interrupt it, below it they open the footer."""
    i = 0
    while i < len(lines):
        if i in reasons or not is_section_break(lines[i], lex):
            i += 1
            continue
        run = [i]
        j = i + 1
        while j < len(lines) and len(run) <= _TEASER_RUN:
            if j not in reasons:
                if is_prose(lines[j]) or lines[j].words > _TEASER_WORDS:
                    break
                run.append(j)
            j += 1
        if len(run) > 1:
            for k in run:
                reasons[k] = "recirculation"
        i = j


def mark_teaser_runs(lines: list[Line], reasons: dict[int, str]) -> None:
    """Runs of teasers without a header: a headline-shaped line, then at most a one-line
    blurb and a short line of meta (a time, an author), three times or more in a row. An
    article's subheadings head several paragraphs, or paragraphs longer than a blurb."""
    i = 0
    while i < len(lines):
        items, j = [], i
        while (item := _teaser_at(lines, reasons, j)) is not None:
            items.append(item)
            j = item[-1] + 1
        if len(items) >= _TEASER_ITEMS:
            for item in items:
                for k in item:
                    reasons[k] = "recirculation"
            i = j
        else:
            i += 1


def _teaser_at(lines: list[Line], reasons: dict[int, str], i: int) -> list[int] | None:
    """Line indexes of one teaser starting at line ``i`` (skipping removed lines), or None."""
    order = [j for j in range(i, min(len(lines), i + 8)) if j not in reasons]
    if not order or not is_headline_shaped(lines[order[0]]):
        return None
    item = [order[0]]
    rest = order[1:]
    if rest and is_prose(lines[rest[0]]) and lines[rest[0]].words <= _BLURB_WORDS:
        item.append(rest.pop(0))
    if rest and _is_meta(lines[rest[0]]):
        item.append(rest.pop(0))
    if len(item) == 1:  # a bare list of headline-shaped lines may be the article's own list
        return None
    nxt = rest[0] if rest else None
    # the next line must start another teaser (or end the text), not continue an article
    if nxt is not None and not is_headline_shaped(lines[nxt]):
        return None
    return item


def _is_meta(line: Line) -> bool:
    """A teaser's meta line: a time, a date, an author, a count (not a link)."""
    if line.words > _META_WORDS or is_headline_shaped(line) or shapes.has_contact_address(line.text):
        return False
    return any(ch.isdigit() for ch in line.text) or line.text[:1].isupper()


def is_headline_shaped(line: Line) -> bool:
    """A headline: a few words to a couple of dozen, no sentence end (a question mark and
    quotes allowed), not a bare label."""
    text = LIST_MARKER.sub("", line.text)
    words = len(text.split())
    if not _HEADLINE_WORDS[0] <= words <= _HEADLINE_WORDS[1] or shapes.has_contact_address(text):
        return False
    return text.rstrip("\"'”’»)")[-1:] not in ".:;,!…"


def _clusters(lines: list[Line], reasons: dict[int, str], lex: Lexicon, prose: list[int]) -> list[list[int]]:
    """Runs of prose lines with short gaps and no section header between them."""
    clusters: list[list[int]] = [[prose[0]]]
    for i in prose[1:]:
        between = [j for j in range(clusters[-1][-1] + 1, i) if j not in reasons]
        if len(between) <= _CLUSTER_GAP and not _blocked(lines, reasons, lex, clusters[-1][-1], i):
            clusters[-1].append(i)
        else:
            clusters.append([i])
    return clusters


def _weight(lines: list[Line], cluster: list[int]) -> int:
    return sum(lines[i].words for i in cluster)


def _joins(
    lines: list[Line], reasons: dict[int, str], lex: Lexicon, a: int, b: int, words: int, total: int
) -> bool:
    """Does the prose part starting (or ending) across the gap between lines ``a`` and ``b``
    belong to the article? Near and heavy enough, with no section header between."""
    between = [j for j in range(a + 1, b) if j not in reasons]
    if len(between) > _JOIN_GAP or words < _JOIN_SHARE * total:
        return False
    return not _blocked(lines, reasons, lex, a, b)


def _blocked(lines: list[Line], reasons: dict[int, str], lex: Lexicon, a: int, b: int) -> bool:
    """Comments, or more recirculation than an article carries inline ("Related" and two
    links), between lines ``a`` and ``b``."""
    recirculation = 0
    for j in range(a + 1, b):
        if j not in reasons and is_section_break(lines[j], lex):
            if is_comments_header(lines[j], lex):
                return True
            recirculation += 1
        recirculation += reasons.get(j) == "recirculation"
    return recirculation > _INLINE_RECIRCULATION


def is_section_break(line: Line, lex: Lexicon) -> bool:
    """A header that opens recirculation or comments below an article ("More from …")."""
    text = LIST_MARKER.sub("", line.text).rstrip(":")
    if line.words > 8 or (shapes.ends_sentence(text) and not text.endswith(")")):
        return False
    key = phrase_key(re.sub(r"^\(?\d+\)?\s+|\s+\(?\d+\)?$", "", text))  # "12 Comments", "Comments (3)"
    if key in lex.keys.get("section_break", frozenset()):
        return True
    if is_comments_header(line, lex):
        return True
    return any(key.startswith(cue + " ") for cue in lex.keys.get("section_break_start", ()))


def is_comments_header(line: Line, lex: Lexicon) -> bool:
    words = lex.keys.get("section_break_word", frozenset())
    return line.words <= 5 and any(w in words for w in phrase_key(line.text).split())


def mark_outside(lines: list[Line], reasons: dict[int, str], layout: Layout) -> None:
    """Everything above the head window is the page header, everything below the article
    the page footer."""
    for i in range(len(lines)):
        if i in reasons:
            continue
        if i < layout.head_start:
            reasons[i] = "page_header"
        elif i > layout.end:
            reasons[i] = "page_footer"


def mark_head_rest(lines: list[Line], reasons: dict[int, str], layout: Layout) -> None:
    """What the head reader left in the head window is furniture unless it reads as prose
    (a dek, a standfirst): a rubric, a masthead slogan, share buttons."""
    for i in range(layout.head_start, layout.start):
        if i not in reasons and not is_prose(lines[i]):
            reasons[i] = "page_header"
