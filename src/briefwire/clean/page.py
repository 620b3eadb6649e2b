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

from briefwire.clean import shapes
from briefwire.clean.dates import find_dates
from briefwire.clean.itemlists import announced_tail, card_tail, list_tail, list_under_headline
from briefwire.clean.lexicon import Lexicon
from briefwire.clean.lineshape import LIST_MARKER, is_headline_shaped, is_prose, is_prose_or_sentence
from briefwire.clean.rows import is_call
from briefwire.clean.slugs import folded_words, slug_share, slug_words
from briefwire.clean.teasers import is_comments_header, is_section_break
from briefwire.clean.text import Line

_CLUSTER_GAP = 6  # text lines: captions, an ad, a related link between paragraphs
_CLUSTER_SPAN = 20  # lines of any kind, removed ones too (a menu is never in an article)
_JOIN_GAP = 40  # a gallery or embed between two parts of one article
_JOIN_SHARE = 0.1  # a part far from the main one must hold this share of its words
_HEAVY_PART = 0.5
_MENU_WORDS = 3  # a menu item or a button
_MENU_RUN = 3
_MENU_ITEM_WORDS = 7
# removed lines that an article carries inside it: they do not open the footer
_IN_ARTICLE = frozenset({"caption", "credit", "image_id", "ad", "ad_inline", "punctuation", "share"})
_NEAR_HEADLINE_WORDS = 40  # an article's first cluster under its headline holds this many
_OUTWEIGHED = 2  # times heavier: a cluster above a slug-named line is the article, not it
_ABOVE_COMMENTS_SHARE = 0.25  # an article above comments that outweigh it holds this much
_INLINE_RECIRCULATION = 8  # lines of related links an article carries between paragraphs
HEAD_WINDOW = 12  # lines above the article that may hold its headline, byline and date
_MIN_OUTSIDE = 15  # short lines outside the article before the text counts as a page


@dataclass(frozen=True)
class Layout:
    """Line indexes (into the ``lines`` list) of the article and of its head window."""

    start: int  # first line of the article body
    end: int  # last line of the article body
    head_start: int  # first line of the head window
    headline: int | None = None  # the line the URL names, when the page prints it
    footer: int | None = None  # where the page footer starts at the latest (a sidebar's prose)
    # (first, last) line of a list the article announces with a colon: its items read like a
    # menu's, so the learned line model does not judge them
    listed: tuple[int, int] | None = None


def find_layout(
    lines: list[Line], reasons: dict[int, str], lex: Lexicon, url: str | None = None
) -> Layout | None:
    """The article's place in a page, or None when the text is not a whole page."""
    named = slug_lines(lines, url)
    # a long headline can read as prose; it is the head, not the body
    prose = [i for i, line in enumerate(lines) if i not in reasons and i not in named and is_prose(line)]
    if len(prose) < 2:
        return None
    split_at_each = _clusters(lines, reasons, lex, prose, set(named))
    headline = _named_headline(lines, reasons, split_at_each, named)
    # subheadings may share the URL's words too: clusters break at the headline alone
    clusters = _clusters(lines, reasons, lex, prose, {headline} if headline is not None else set())
    if headline is not None:  # the headline the URL names wins over a block rule's guess
        reasons.pop(headline, None)
    main = _main_cluster(lines, reasons, lex, clusters, headline)
    first, last = clusters[main][0], clusters[main][-1]
    total = _weight(lines, clusters[main])
    for k in range(main + 1, len(clusters)):  # later parts: stop at a recirculation header
        part = clusters[k]
        if not _joins(lines, reasons, lex, (last, part[0]), _weight(lines, part) / total):
            break
        last, total = part[-1], total + _weight(lines, part)
    for k in range(main - 1, -1, -1):
        part = clusters[k]
        if headline is not None and part[-1] < headline < first:  # never across the headline
            break
        if not _joins(lines, reasons, lex, (part[-1], first), _weight(lines, part) / total):
            break
        first, total = part[0], total + _weight(lines, part)
    first, last, sidebar = _under_headline(lines, reasons, lex, headline, (first, last))
    last = list_tail(lines, reasons, lex, last)
    listed_end = announced_tail(lines, reasons, lex, last)
    listed = (last + 1, listed_end) if listed_end > last else None
    last = card_tail(lines, reasons, listed_end)
    outside = sum(1 for i in range(len(lines)) if not first <= i <= last)
    if outside < _MIN_OUTSIDE:
        return None
    head_start = first
    counted = 0
    while head_start > 0 and counted < HEAD_WINDOW:
        head_start -= 1
        counted += head_start not in reasons
    if (
        headline is not None
        and headline < first
        and _cluster_below(lines, reasons, clusters, headline) == main
    ):
        head_start = min(head_start, headline)  # the article follows it: the head starts there
    if headline is None or not head_start <= headline < first:
        headline = _window_headline(lines, reasons, lex, head_start, first)
    return Layout(first, last, head_start, headline, sidebar, listed)


def _under_headline(
    lines: list[Line], reasons: dict[int, str], lex: Lexicon, headline: int | None, span: tuple[int, int]
) -> tuple[int, int, int | None]:
    """The article's (first, last) line with a list under its headline, and where the page's
    sidebar starts when that list is the whole article (the prose found is far below it)."""
    first, last = span
    listed = list_under_headline(lines, reasons, lex, headline, first) if headline is not None else None
    if listed is None or headline is None or headline >= first:
        return first, last, None
    if listed[1] is None:
        return listed[0], last, None
    return listed[0], listed[1], first


_RUBRIC = re.compile(r"^(?:[^|]{1,25}\|\s+)(?=\S)|(?<=\S)\s+\|[^|]{1,25}$")


def page_title(text: str, url: str | None = None) -> str:
    """The headline as printed, without a list marker or a rubric glued with a pipe
    ("Business | …", "… | Opinion"); a part the URL's slug names is the headline's own."""
    text = LIST_MARKER.sub("", text)
    slug = slug_words(url)
    rubrics = [m.group(0) for m in _RUBRIC.finditer(text)]
    if any(slug_share(r, slug) >= 0.5 for r in rubrics):
        return text
    stripped = _RUBRIC.sub("", text).strip()
    return stripped if len(stripped.split()) >= 3 else text


def _window_headline(
    lines: list[Line], reasons: dict[int, str], lex: Lexicon, start: int, end: int
) -> int | None:
    """Without the URL's help, the headline is the headline-shaped line of the head window
    that a dek, byline, date or the article itself follows closely; interface residue
    ("Continue reading the main story"), captions and bylines are never it."""
    window = [i for i in range(start, end) if i not in reasons]
    best: tuple[int, int] | None = None
    for pos, i in enumerate(window):
        line = lines[i]
        if not is_headline_shaped(line) or LIST_MARKER.match(line.text) or is_interface(line, lex):
            continue
        if is_byline_or_date(line, lex):
            continue
        after = [lines[j] for j in window[pos + 1 : pos + 3]] or [lines[end]]
        score = 2 * any(is_prose(a) or is_byline_or_date(a, lex) for a in after)
        score += line.words >= 6
        if best is None or score >= best[0]:
            best = (score, i)
    return best[1] if best and best[0] >= 2 else None


def is_interface(line: Line, lex: Lexicon) -> bool:
    return lex.is_line("interface", line.text) or shapes.is_caption(line.text, lex)


def is_byline_or_date(line: Line, lex: Lexicon) -> bool:
    return shapes.is_byline(line.text, lex) or (bool(find_dates(line.text)) and line.words <= 12)


def _named_headline(
    lines: list[Line], reasons: dict[int, str], clusters: list[list[int]], named: dict[int, float]
) -> int | None:
    """Of the lines the URL names, the one the article follows: the first one with real
    prose right below it (a tag line or a subheading sharing the URL's words comes later),
    and of those that the same prose follows, the nearest (a menu copy or a breadcrumb is
    further up)."""
    best: tuple[int, int] | None = None  # (cluster below, line)
    for i in sorted(named):
        below = _cluster_below(lines, reasons, clusters, i)
        if below is None:
            continue
        if best is None or below <= best[0]:  # sorted: the same prose keeps the nearest
            best = (below, i)
    return best[1] if best else None


def _cluster_below(
    lines: list[Line], reasons: dict[int, str], clusters: list[list[int]], headline: int
) -> int | None:
    """The first real cluster right below a headline."""
    for k, cluster in enumerate(clusters):
        if cluster[0] <= headline:  # a cluster across the headline is the page above it
            continue
        between = sum(1 for j in range(headline + 1, cluster[0]) if j not in reasons)
        if between > HEAD_WINDOW + _JOIN_GAP:
            return None
        if _weight(lines, cluster) >= _NEAR_HEADLINE_WORDS:
            return k
    return None


def _main_cluster(
    lines: list[Line],
    reasons: dict[int, str],
    lex: Lexicon,
    clusters: list[list[int]],
    headline: int | None,
) -> int:
    """The article: the first real cluster right below the headline that the URL names;
    without one, the heaviest cluster, unless it sits under a comments header with a real
    cluster above (comments can outweigh the article they discuss)."""
    weights = [_weight(lines, c) for c in clusters]
    heaviest = max(range(len(clusters)), key=weights.__getitem__)
    if headline is not None and (below := _cluster_below(lines, reasons, clusters, headline)) is not None:
        # a tag line or a "previous post" link may share the slug too: when a cluster above it
        # far outweighs what follows it (an author's bio, comments), the article is up there
        above = clusters[heaviest][-1] < headline
        if not above or weights[below] * _OUTWEIGHED >= weights[heaviest]:
            return below
    # comments below an article can outweigh it: the heaviest cluster above the first
    # comments header, when one holds a real paragraph or two
    start = clusters[heaviest][0]
    opened = [i for i in range(start) if is_comments_header(lines[i], lex)]
    before = [k for k, c in enumerate(clusters) if opened and c[-1] < opened[-1]]
    if before:  # the heaviest text sits under a comments header: the article is above it
        best = max(before, key=weights.__getitem__)
        if weights[best] >= _ABOVE_COMMENTS_SHARE * weights[heaviest]:
            return best
    return heaviest


def slug_lines(lines: list[Line], url: str | None) -> dict[int, float]:
    """Headline-shaped lines that share enough words with the URL path, with the share of the
    path's words they cover: the headline is one of them when the page prints it (a
    masthead, a menu or a slogan shares none)."""
    slug = slug_words(url)
    found: dict[int, float] = {}
    if len(slug) < 3:
        return found
    for i, line in enumerate(lines):
        if not is_headline_shaped(line):
            continue
        share = slug_share(line.text, slug)
        hits = len(set(folded_words(line.text)) & slug)
        # slugs are often shortened headlines: how much of the slug the line covers counts
        if hits >= 3 and max(share, hits / len(slug)) >= 0.5:
            found[i] = round(hits / len(slug), 2)
    return found


def _clusters(
    lines: list[Line], reasons: dict[int, str], lex: Lexicon, prose: list[int], headlines: set[int]
) -> list[list[int]]:
    """Runs of prose lines with short gaps and no section header or headline between them."""
    clusters: list[list[int]] = [[prose[0]]]
    for i in prose[1:]:
        previous = clusters[-1][-1]
        between = [j for j in range(previous + 1, i) if j not in reasons]
        near = len(between) <= _CLUSTER_GAP and i - previous - 1 <= _CLUSTER_SPAN
        near = near and not any(previous < h < i for h in headlines)
        if near and not _blocked(lines, reasons, lex, clusters[-1][-1], i):
            clusters[-1].append(i)
        else:
            clusters.append([i])
    return clusters


def _weight(lines: list[Line], cluster: list[int]) -> int:
    return sum(lines[i].words for i in cluster)


def _joins(
    lines: list[Line], reasons: dict[int, str], lex: Lexicon, gap: tuple[int, int], share: float
) -> bool:
    """Does a prose part across the ``gap`` (last line before, first line after) belong to
    the article? Near, holding ``share`` of its words, with no comments header between."""
    a, b = gap
    # every line counts here, removed or not: a menu stays far from the article; a part as
    # heavy as half the article may sit across a long gallery or embed
    widest = _JOIN_GAP * (3 if share >= _HEAVY_PART else 1)
    if b - a - 1 > widest or share < _JOIN_SHARE:
        return False
    return not _blocked(lines, reasons, lex, a, b, heavy=share >= _HEAVY_PART)


def _blocked(
    lines: list[Line], reasons: dict[int, str], lex: Lexicon, a: int, b: int, *, heavy: bool = False
) -> bool:
    """Comments, or more recirculation than an article carries inline ("Related" and two
    links), between lines ``a`` and ``b``; only comments stop a ``heavy`` part (one as long
    as half the article: teasers come with one-line blurbs, not with paragraphs)."""
    recirculation = 0
    for j in range(a + 1, b):
        if reasons.get(j) == "comments":
            return True
        if j in reasons and reasons[j] != "recirculation":
            continue
        if is_comments_header(lines[j], lex):
            return True
        recirculation += reasons.get(j) == "recirculation" or is_section_break(lines[j], lex)
    return not heavy and recirculation > _INLINE_RECIRCULATION


def mark_outside(lines: list[Line], reasons: dict[int, str], lex: Lexicon, layout: Layout) -> None:
    """Everything above the head window is the page header; below the article, the page
    footer starts at the first sign of furniture (a section header, removed furniture, a
    menu): lines between the last paragraph and that sign may still be the article's
    (a table, a product list, a closing note), and are kept."""
    footer = min(_footer_start(lines, reasons, lex, layout.end), layout.footer or len(lines))
    for i in range(len(lines)):
        if i in reasons:
            continue
        if i < layout.head_start:
            reasons[i] = "page_header"
        elif i >= footer:
            reasons[i] = "page_footer"


def _is_menu_item(line: Line) -> bool:
    """A button or a link of a menu: a word or three, or a short list item."""
    marked = LIST_MARKER.match(line.text) is not None
    return line.words <= _MENU_WORDS or (marked and line.words <= _MENU_ITEM_WORDS)


def _footer_start(lines: list[Line], reasons: dict[int, str], lex: Lexicon, end: int) -> int:
    menu = 0
    for i in range(end + 1, len(lines)):
        line = lines[i]
        if i in reasons:
            if reasons[i] in _IN_ARTICLE:
                continue
            return i
        if is_section_break(line, lex):
            return i
        menu = menu + 1 if _is_menu_item(line) else 0
        if menu >= _MENU_RUN:
            return i - menu + 1
    return len(lines)


_POSITIONAL = frozenset({"page_header", "page_footer"})
_RUN_LINES = 3  # paragraphs of running prose in a row
_RUN_WORDS = 120
_RUN_SUBHEAD_WORDS = 12  # a subheading between two paragraphs does not end the run


def keep_prose_runs(lines: list[Line], reasons: dict[int, str], lex: Lexicon) -> None:
    """Position alone is weak evidence against running text: a run of paragraphs that only
    their place outside the article found removed (a second part of the article beyond a
    long gallery, an article the layout did not take for the main one) stays in the text.
    Only prose lines go back; a kind a rule named (comments, recirculation, a legal notice)
    stays removed, and so does a subheading between the paragraphs; below a comments header
    nothing goes back (comments can be long prose)."""
    run: list[int] = []
    for i, line in enumerate([*lines, None]):
        if line is not None and (reasons.get(i) == "comments" or is_comments_header(line, lex)):
            line = None  # noqa: PLW2901 - the run ends here, and so does the search
        if line is None:
            _restore(lines, reasons, run)
            if i < len(lines):
                return
            continue
        if line is not None and reasons.get(i) in _POSITIONAL:
            if is_prose(line):
                run.append(i)
                continue
            if run and line.words <= _RUN_SUBHEAD_WORDS:
                continue
        _restore(lines, reasons, run)
        run = []


def _restore(lines: list[Line], reasons: dict[int, str], run: list[int]) -> None:
    if len(run) >= _RUN_LINES and sum(lines[j].words for j in run) >= _RUN_WORDS:
        for j in run:
            del reasons[j]


def mark_head_rest(lines: list[Line], reasons: dict[int, str], layout: Layout, lex: Lexicon) -> None:
    """What the head reader left in the head window is furniture unless it reads as prose
    (a dek, a standfirst): a rubric, a masthead slogan, share buttons. Short sentences right
    above the first paragraph open the article (a one-line lead, "He was 34.")."""
    lead = _short_lead(lines, reasons, layout, lex)
    for i in range(layout.head_start, layout.start):
        if i not in reasons and not is_prose(lines[i]) and i not in lead:
            reasons[i] = "page_header"


def _short_lead(lines: list[Line], reasons: dict[int, str], layout: Layout, lex: Lexicon) -> set[int]:
    """The unbroken run of sentences (a few words and a full stop each) that the head reader
    left right above the article's first paragraph. Not a list's items, a teaser cut short
    ("…"), a call or a question to the reader, or a highlight the article prints again below."""
    below = {line.text.strip() for line in lines[layout.start : layout.end + 1]}
    lead: set[int] = set()
    for i in range(layout.start - 1, layout.head_start - 1, -1):
        line = lines[i]
        text = line.text.rstrip()
        if i in reasons or not is_prose_or_sentence(line) or text.endswith((":", "..", "…")):
            break
        if LIST_MARKER.match(text) or text.strip() in below or is_call(text, lex) or "?" in text:
            break
        lead.add(i)
    return lead
