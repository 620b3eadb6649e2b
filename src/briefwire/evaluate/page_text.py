"""Scoring the clean stage on real page text: web pages rendered to plain text with all furniture.

The 181 pages of the article-extraction benchmark come with a human-checked article body and
the page URL. :func:`render` turns a page into the text a scraper or page store keeps
(inscriptis, see :func:`render`); every rendered line is labelled body or furniture by
aligning it with the gold body (:func:`body_labels`). A system is then scored line by line:
the share of furniture lines it removed, the share of body lines of 8+ words it lost, whether
its title is the page's headline and whether its publication date is within a day of the
date the page's markup states. The markup's headline and date are the gold for those two; the
text path never sees the markup, only the rendered text and the URL.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from briefwire.clean.urldate import from_url
from briefwire.evaluate.markup_date import stated_days

_WORD = re.compile(r"\w+")
_SHORT_LINE = 4  # tokens: a shorter line is body only when it is a whole gold paragraph
BODY_WORDS = 8  # the body lines whose loss is scored have at least this many words
_MAX_OCCURRENCES = 6
_TITLE_SEPARATORS = re.compile(r"\s+[|–—•:-]{1,2}\s+")
_LIST_MARKER = re.compile(r"^\s*(?:[*+o•·-]|\d{1,3}[.)])\s+")
_MIXED_RUN = 8  # tokens of gold text inside a line that is not all gold: a table row, mixed


def tokens(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def token_key(text: str) -> str:
    return " ".join(tokens(text))


def render(markup: str) -> str:
    """The page as plain text with every block on its own line, as a page store keeps it.

    inscriptis rather than html2text: it renders what a browser shows (block layout, tables
    as aligned cells, no markup syntax), which is what scrapers and reader apps store;
    html2text writes Markdown, a second markup language the clean stage would have to read.
    Defaults as a scraper would leave them: no image alt texts, no link targets.
    """
    from inscriptis import get_text  # noqa: PLC0415 - a dev dependency, only the bench needs it

    return str(get_text(markup))


def body_labels(lines: Sequence[str], gold: str) -> list[bool | None]:
    """For each line: True body, False furniture, None no text to score (bullets, rules).

    A line is body when its words occur in the gold body (a short line only as a whole gold
    paragraph) at a place that keeps the document order: of several copies of a paragraph
    (a pull quote, a teaser of the article itself) only the one in sequence is body.
    """
    flat = " " + token_key(gold) + " "
    paragraphs = {token_key(p) for p in gold.splitlines() if p.strip()}
    keys = [token_key(line) for line in lines]
    candidates: list[tuple[int, int, int]] = []  # (gold position, line index, weight)
    mixed: set[int] = set()
    for i, line in enumerate(lines):
        # a list marker the renderer printed ("* ", "3. ") is not in the gold text
        for key in dict.fromkeys((keys[i], token_key(_LIST_MARKER.sub("", line)))):
            if not key or (len(key.split()) < _SHORT_LINE and key not in paragraphs):
                continue
            for position in _occurrences(flat, f" {key} "):
                candidates.append((position, i, len(key.split())))
        if not any(c[1] == i for c in candidates[-_MAX_OCCURRENCES * 2 :]) and _has_gold_run(keys[i], flat):
            mixed.add(i)
    on_chain = _heaviest_chain(candidates)
    return [None if not key or i in mixed else i in on_chain for i, key in enumerate(keys)]


def _has_gold_run(key: str, flat: str) -> bool:
    """The line holds a run of gold words though not all of it is gold (cells of a table
    row printed side by side): neither body nor furniture, it is not scored."""
    words = key.split()
    for start in range(0, max(0, len(words) - _MIXED_RUN) + 1, 2):
        if " " + " ".join(words[start : start + _MIXED_RUN]) + " " in flat:
            return True
    return False


def _occurrences(haystack: str, needle: str) -> list[int]:
    found: list[int] = []
    start = haystack.find(needle)
    while start >= 0 and len(found) < _MAX_OCCURRENCES:
        found.append(start)
        start = haystack.find(needle, start + 1)
    return found


def _heaviest_chain(candidates: list[tuple[int, int, int]]) -> set[int]:
    """Line indexes of the heaviest chain increasing in both line order and gold position."""
    items = sorted(candidates, key=lambda c: (c[1], c[0]))
    best: list[int] = []
    back: list[int] = []
    for j, (pos, line, weight) in enumerate(items):
        score, prev = weight, -1
        for k in range(j):
            if items[k][1] < line and items[k][0] < pos and best[k] + weight > score:
                score, prev = best[k] + weight, k
        best.append(score)
        back.append(prev)
    if not items:
        return set()
    j = max(range(len(items)), key=best.__getitem__)
    chain: set[int] = set()
    while j >= 0:
        chain.add(items[j][1])
        j = back[j]
    return chain


def kept_by_text(lines: Sequence[str], output: str) -> list[bool]:
    """Which lines a system's output text still holds (for systems that give no offsets).

    A line of 4+ words is kept when its words occur in the output; a shorter one only when
    it is a whole output line (a short label's words occur in any text).
    """
    flat = " " + token_key(output) + " "
    whole = {token_key(line) for line in output.splitlines()}
    kept = []
    for line in lines:
        key = token_key(line)
        kept.append(f" {key} " in flat if len(key.split()) >= _SHORT_LINE else key in whole)
    return kept


def gold_headline(markup: str, rendered_lines: Iterable[str]) -> str | None:
    """The headline as the page's markup gives it: the <h1> that agrees with the page's
    og:title or <title>; else that title without its site-name part, when printed as a line."""
    import lxml.html  # noqa: PLC0415 - trafilatura's dependency, needed only here

    try:
        tree = lxml.html.fromstring(markup)
    except (ValueError, lxml.etree.ParserError):
        return None
    titles = [
        " ".join(t.split())
        for t in [
            *tree.xpath("//meta[@property='og:title']/@content"),
            *tree.xpath("//meta[@name='twitter:title']/@content"),
            *tree.xpath("//title/text()"),
        ]
        if t.strip()
    ]
    h1s = [" ".join(" ".join(h.itertext()).split()) for h in tree.xpath("//h1")]
    for h1 in h1s:
        if h1 and any(_agrees(h1, t) for t in titles):
            return h1
    printed = {token_key(line) for line in rendered_lines}
    for title in titles:
        for part in sorted(_TITLE_SEPARATORS.split(title), key=len, reverse=True):
            if token_key(part) in printed and len(tokens(part)) >= 3:
                return part.strip()
    return None


def _agrees(h1: str, title: str) -> bool:
    a, b = token_key(h1), token_key(title)
    if not a or not b:
        return False
    if a in b or b in a:
        return min(len(a), len(b)) >= 0.5 * max(len(a), len(b))
    sa, sb = set(a.split()), set(b.split())
    return len(sa & sb) >= 0.7 * len(sa | sb)


def gold_date(markup: str, url: str | None = None) -> str | None:
    """The publication date the page's markup states (htmldate on metadata only, no text
    search, no URL): the text path has to find it from the text and the URL.

    Without date fields htmldate takes any date it meets (a file photo's caption, a stock
    image's folder, a cited source): when the page's own address names another day and no
    date field of the markup states htmldate's, there is no gold, not a gold to score against.
    """
    from htmldate import find_date  # noqa: PLC0415 - trafilatura's dependency

    found: Any = find_date(markup, extensive_search=False, original_date=True)
    if not found:
        return None
    day = dt.date.fromisoformat(str(found)[:10])
    in_url = from_url(url)
    if in_url is None or in_url.precision != "day" or in_url.date is None:
        return str(found)
    if abs((dt.date.fromisoformat(in_url.date) - day).days) <= 1 or day in stated_days(markup):
        return str(found)
    return None


@dataclass(frozen=True)
class Output:
    """What one system made of one page."""

    kept: list[bool]  # per rendered line
    title: str | None
    date: str | None
    precision: str = "day"


@dataclass
class Tally:
    """Line, title and date counts of one system over a set of pages."""

    furniture: int = 0
    furniture_removed: int = 0
    body: int = 0
    body_lost: int = 0
    pages: int = 0
    titles_right: int = 0
    titled_pages: int = 0  # pages whose markup gives a headline
    dates: dict[str, int] = field(default_factory=dict)

    def add(self, labels: Sequence[bool | None], lines: Sequence[str], out: Output, gold: Gold) -> None:
        self.pages += 1
        for label, line, kept in zip(labels, lines, out.kept, strict=True):
            if label is False:
                self.furniture += 1
                self.furniture_removed += not kept
            elif label and len(line.split()) >= BODY_WORDS:
                self.body += 1
                self.body_lost += not kept
        if gold.headline is not None:
            self.titled_pages += 1
            self.titles_right += token_key(out.title or "") == token_key(gold.headline)
        verdict = date_verdict(out.date, out.precision, gold.date)
        self.dates[verdict] = self.dates.get(verdict, 0) + 1

    def scores(self) -> dict[str, float]:
        dated = sum(n for v, n in self.dates.items() if v != "no gold")
        return {
            "furniture_removed": self.furniture_removed / self.furniture if self.furniture else 0.0,
            "body_lost": self.body_lost / self.body if self.body else 0.0,
            "title_right": self.titles_right / self.titled_pages if self.titled_pages else 0.0,
            "date_within_1d": self.dates.get("within a day", 0) / dated if dated else 0.0,
            "date_wrong": float(self.dates.get("wrong", 0)),
        }


@dataclass(frozen=True)
class Gold:
    headline: str | None
    date: str | None


def date_verdict(date: str | None, precision: str, gold: str | None) -> str:
    """within a day / coarse (right month or year) / wrong / unknown / no gold."""
    if gold is None:
        return "no gold" if date is None else "no gold, date given"
    if date is None:
        return "unknown"
    want, got = dt.date.fromisoformat(gold[:10]), dt.date.fromisoformat(date[:10])
    if precision == "day":
        return "within a day" if abs((got - want).days) <= 1 else "wrong"
    same = got.year == want.year and (precision == "year" or got.month == want.month)
    return "coarse" if same else "wrong"
