"""Articles whose body is, in part or whole, a list: what reads as no prose but is the article.

Four shapes, all by position against the prose the layout found:

- a list or table closing the article (numbered or dated items, lines of figures and units);
- a list the article's last paragraph announces with a colon (names, addresses, a line each);
- a list right under the headline that is the whole article (a season's calendar, a
  results table), with the page's sidebar prose further down;
- product cards of a buying guide: the product's name, a few feature bullets, its price
  alone on a line, a shop and a buy button. A shopping widget around an article lists names
  and prices without feature bullets; the bullets make a card the article's own.
"""

from __future__ import annotations

import re

from briefwire.clean.dates import find_dates
from briefwire.clean.lexicon import Lexicon, phrase_key
from briefwire.clean.lineshape import LIST_MARKER
from briefwire.clean.teasers import is_section_break
from briefwire.clean.text import Line

_FIGURES = re.compile(r"\d|[½¼¾⅓⅔]")
_ITEM_GAP = 3  # short lines in a row between two items
_ITEM_GAP_WORDS = 8
_ITEM = re.compile(r"^(?:\d{1,3}[.)]\s|\(?\d{1,2}\)\s|\w{3,9}\.?\s\d{1,2}\b)")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_HEAD_LINES = 6  # a dateline, a byline, share buttons, a rubric between headline and list
_LIST_ITEMS = 6  # items of a list that is a whole article
_APART = 6  # lines between a list and the prose below: the prose is not the article's
_CLOSERS = frozenset({"recirculation", "share", "tags", "comments", "newsletter", "copyright"})
# a price alone on its line: a currency sign or code before or after the amount
_PRICE = re.compile(
    r"^(?:[$€£¥₹]\s?\d[\d,]*(?:\.\d\d)?|\d[\d, ]*(?:[.,]\d\d)?\s?(?:[$€£₽]|USD|EUR|GBP|руб\.?))$"
)
_REACH = 16  # lines from the article's last paragraph to the first card's first bullet
_CARD_SPAN = 26  # lines from one card's price to the next card's price
_FEATURES = 2  # feature bullets of a card
_FEATURE_WORDS = 3
_CARDS = 2  # one card alone may be an ad
_ANNOUNCED_ITEMS = 12  # items of a list under the article's colon
_ANNOUNCED_WORDS = 25


def list_tail(lines: list[Line], reasons: dict[int, str], lex: Lexicon, last: int) -> int:
    """A list or table that closes the article belongs to it: numbered or dated items
    ("1) …", "June 9 – …") or lines of figures and units ("2 eggs, ½ cup …", "Serves: 4"),
    with a short line between two items (a sub-header, a link). A menu's items carry list
    markers and no figures; a section header ends it."""
    end, gap = last, 0
    for i in range(last + 1, len(lines)):
        if i in reasons:
            continue
        line = lines[i]
        if is_section_break(line, lex):
            break
        if is_item(line):
            end, gap = i, 0
        elif line.words <= _ITEM_GAP_WORDS and (gap := gap + 1) <= _ITEM_GAP:
            continue  # a sub-header or a note between items
        else:
            break
    return end


def announced_tail(lines: list[Line], reasons: dict[int, str], lex: Lexicon, last: int) -> int:
    """A list the article announces with a colon closes it, items of any shape ("The dead:",
    then a name a line): the last paragraph, or a short heading right under it, ends with a
    colon, and the items follow without furniture between them, up to a full stop."""
    opener = last
    if not lines[last].text.rstrip().endswith(":"):
        nxt = last + 1
        if nxt >= len(lines) or nxt in reasons or not lines[nxt].text.rstrip().endswith(":"):
            return last
        heading = lines[nxt]
        if heading.words > _ITEM_GAP_WORDS or is_section_break(heading, lex) or _labels_tags(heading, lex):
            return last
        opener = nxt
    end = opener
    for i in range(opener + 1, min(len(lines), opener + 1 + _ANNOUNCED_ITEMS)):
        line = lines[i]
        if i in reasons or line.words > _ANNOUNCED_WORDS or is_section_break(line, lex):
            break
        if find_dates(line.text):
            break  # a dated line under the colon is the page's ("Published …"), not an item
        end = i
        if line.text.rstrip().endswith((".", "!", "?")):
            break  # the full stop closes the list
    return end if end > opener else last


def _labels_tags(line: Line, lex: Lexicon) -> bool:
    """ "Topics:", "Теги:": the label of a tag line, not a list's heading."""
    key = phrase_key(line.text.rstrip(":"))
    return key in lex.keys.get("tags_start", frozenset())


def is_item(line: Line) -> bool:
    if line.words < 3:
        return False
    if _ITEM.match(line.text) or _ITEM.match(LIST_MARKER.sub("", line.text)):
        return True
    return not LIST_MARKER.match(line.text) and bool(_FIGURES.search(line.text))


def list_under_headline(
    lines: list[Line], reasons: dict[int, str], lex: Lexicon, headline: int, first: int
) -> tuple[int, int | None] | None:
    """A list of six items or more that opens a few head lines below the headline, above the
    prose the layout found: (its first line, None) when that prose follows closely (the
    article opens with the list), (first, last item) when the prose starts far below it or
    under a section header (the list is the article; the prose is the page's sidebar).
    Before the list, a line with a year is the head's (the dateline, a repeated headline),
    not an item: the items of a calendar or a table have none."""
    start, end, head, gap, items = None, headline, 0, 0, 0
    for i in range(headline + 1, first):
        if i in reasons:
            continue
        line = lines[i]
        if is_section_break(line, lex):
            break
        if is_item(line) and (start is not None or not _YEAR.search(line.text)):
            start = i if start is None else start
            end, gap, items = i, 0, items + 1
        elif start is None:
            if line.words > _ITEM_GAP_WORDS * 2 or (head := head + 1) > _HEAD_LINES:
                return None
        elif line.words > _ITEM_GAP_WORDS or (gap := gap + 1) > _ITEM_GAP:
            break
    if start is None or items < _LIST_ITEMS:
        return None
    between = range(end + 1, first)
    apart = sum(i not in reasons for i in between) > _APART
    apart = apart or any(reasons.get(i) in _CLOSERS or is_section_break(lines[i], lex) for i in between)
    return (start, end) if apart else (start, None)


def is_price(line: Line) -> bool:
    return _PRICE.match(line.text) is not None


def _is_feature(line: Line) -> bool:
    return LIST_MARKER.match(line.text) is not None and line.words > _FEATURE_WORDS


def card_tail(lines: list[Line], reasons: dict[int, str], last: int) -> int:
    """The last line (a price) of the product cards right below the article's last line
    ``last``, or ``last`` when fewer than two cards follow. Teaser marks that a shop widget's
    header put on the cards are taken back: the cards are the article's."""
    end, cards, since = last, 0, last
    for i in range(last + 1, len(lines)):
        if not is_price(lines[i]):
            continue
        features = [j for j in range(since + 1, i) if _is_feature(lines[j])]
        reach = _REACH if cards == 0 else _CARD_SPAN
        if len(features) < _FEATURES or features[0] - since > reach or i - since > reach + _CARD_SPAN:
            break
        cards, end, since = cards + 1, i, i
    if cards < _CARDS:
        return last
    for i in range(last + 1, end + 1):
        if reasons.get(i) == "recirculation":
            del reasons[i]
    return end
