"""Page text without a page layout: the head and the tail a scraper keeps around a short article.

A short story saved from a page (a local news site, a wire story on a portal) carries too
little furniture for :mod:`.page` to find a layout, yet the same kinds stand in the same
places: a masthead, a slogan and a menu above the printed headline; a rubric, the author's
name, a reading time, counters and share buttons between the headline and the first
paragraph; teasers, counters, calls and a legal line after the last paragraph. Position
decides together with shape:

- above the printed headline, no line that is not prose belongs to the article;
- between the headline and the first paragraph only a dek does (a sentence, or a long line
  without the separators and figures of a byline row);
- below the last paragraph, calls and legal lines are the page's; on a text that shows it is
  a page (a masthead, a byline row, a widget), only lines that end a sentence, list items and
  records ("Name, 34, town") are the article's.

The rules of this module never touch a Telegram post, HTML (its reader took the article
out already) or a page with a layout.
"""

from __future__ import annotations

import re

from briefwire.clean import rows, shapes
from briefwire.clean.dates import find_dates
from briefwire.clean.lexicon import Lexicon, phrase_key
from briefwire.clean.lineshape import (
    LIST_MARKER,
    in_wrapped_paragraph,
    is_headline_shaped,
    is_prose,
    is_speaker_label,
)
from briefwire.clean.page import HEAD_WINDOW, is_byline_or_date, is_interface, page_title
from briefwire.clean.pagehead import line_date
from briefwire.clean.rules import section_headings
from briefwire.clean.teasers import is_comments_header
from briefwire.clean.text import Line

_HEAD_ROWS = 6  # lines between a headline and its first paragraph: more, and it is no head
_KICKER_WORDS = 3
_MENU_WORDS = 4
_LONG_HEADING = 12  # words of a digest's section heading that may look like a headline
_NAME_WORDS = (1, 5)
# where a masthead's name ends and its slogan or menu begins
_NAME_END = re.compile(r"\s+[—–|·•:/-]\s+|\s{2,}|[|·•]")
_ACRONYM = 2  # an all-caps word this short stays in capitals ("TV")
_ROW_WORDS = 8
_SEPARATORS = frozenset("|·•›»/")
_RECORD_COMMAS = 2
_LIST_ITEMS = 12  # items of a list that closes the article, under its colon
_ITEM_WORDS = 25
_PARAGRAPH_WORDS = 12  # a last paragraph without its full stop: longer than a teaser headline,
_PARAGRAPH_CAPITALS = 0.25  # and in lowercase words (a headline capitalises more of its words)
# removed lines that show the text is a saved page, not a written document
_PAGE_SIGNS = frozenset(
    {"masthead", "head_furniture", "share", "newsletter", "copyright", "cookie", "interface",
     "call", "legal", "donation", "recirculation", "read_more"}
)  # fmt: skip


def printed_headline(
    lines: list[Line], reasons: dict[int, str], lex: Lexicon, meta_title: str | None, url: str | None
) -> int | None:
    """The line that prints the headline among the text's first lines: the one equal to the
    title the metadata gives; else the headline-shaped line right above the byline or date
    (the headline may be long enough to read as prose); else the nearest one that the first
    paragraph follows within two lines. A masthead or a menu is followed by more furniture;
    hard-wrapped prose and a digest's section headings are no headline."""
    window = [i for i in range(len(lines)) if i not in reasons][: HEAD_WINDOW + _HEAD_ROWS]
    if meta_title is not None:
        key = phrase_key(meta_title)
        return next((i for i in window if _prints(lines[i], key, url)), None)
    first_prose = next((i for i in window if _running_text(lines, i)), None)
    if first_prose is None or first_prose == window[0]:
        return None
    head = window[: window.index(first_prose) + 1]
    headings = section_headings(lines)  # a digest's first section heading is never its headline
    candidates = [
        (pos, i) for pos, i in enumerate(head) if i not in headings and _headline_candidate(lines, i, lex)
    ]
    # a byline or a date anchors the headline: the nearest candidate above it (a banner may
    # carry today's date above the masthead's menu: the next anchor down is the story's)
    for pos, j in enumerate(window):
        if j > first_prose + _HEAD_ROWS or not is_byline_or_date(lines[j], lex):
            continue
        above = [i for p, i in candidates if pos - 3 < p < pos]
        if above:
            return above[-1]
    # else the nearest one above the first paragraph (a masthead's name and slogan stand
    # higher), unless it reads as the first of a digest's long section headings
    led = [
        i
        for pos, i in candidates
        if i != first_prose and any(is_prose(lines[j]) for j in window[pos + 1 : pos + 3])
    ]
    long_headings = section_headings(lines, _LONG_HEADING)
    plain = [i for i in led if i not in long_headings]
    return plain[-1] if plain else (led[0] if led else None)


def _headline_candidate(lines: list[Line], i: int, lex: Lexicon) -> bool:
    line = lines[i]
    if in_wrapped_paragraph(lines, i) or not is_headline_shaped(line) or LIST_MARKER.match(line.text):
        return False
    return not (is_interface(line, lex) or is_byline_or_date(line, lex) or _is_menu(line))


def _is_menu(line: Line) -> bool:
    """Menu items or a rubric path in a row: every word capitalised and none of the small words
    a headline has, or short parts between separators ("City news · Incidents")."""
    words = [w for w in line.text.split() if any(ch.isalpha() for ch in w)]
    if len(words) >= _MENU_WORDS and all(w[:1].isupper() for w in words):
        return True
    return line.words <= _ROW_WORDS and any(ch in _SEPARATORS for ch in line.text)


def _prints(line: Line, title_key: str, url: str | None) -> bool:
    """The line is the title as printed (a rubric glued with a pipe allowed)."""
    return title_key in {phrase_key(line.text), phrase_key(page_title(line.text, url))}


def mark_masthead(lines: list[Line], reasons: dict[int, str], lex: Lexicon, headline: int) -> None:
    """What stands above the printed headline is the page's: its name, slogan, menu, banners.
    Prose stays (a lead printed above its headline by a copy-paste); a label of a word or
    three right above the headline is its kicker; a dated line stays for the head reader
    when none is under the headline."""
    below = range(headline + 1, min(len(lines), headline + _HEAD_ROWS))
    dated_below = any(_dated(lines[j], lex) for j in below)
    above = [
        i
        for i in range(headline)
        if i not in reasons and not _running_text(lines, i) and (dated_below or not _dated(lines[i], lex))
    ]
    for i in above:
        line = lines[i]
        kicker = i == above[-1] and line.words <= _KICKER_WORDS and not shapes.ends_sentence(line.text)
        reasons[i] = "kicker" if kicker else "masthead"


def _dated(line: Line, lex: Lexicon) -> bool:
    return line.words <= _ROW_WORDS * 2 and line_date(line.text, lex, None) is not None


def mark_head_rows(lines: list[Line], reasons: dict[int, str], headline: int) -> None:
    """Rows between the headline and the first paragraph: the rubric, the author's name, the
    reading time, counters. A dek stays; a list or a record under the headline is the
    article's start, and so is everything when the rows run on longer than a head."""
    rows_found: list[int] = []
    headings = section_headings(lines)  # a digest's first section opens under its headline
    for i in range(headline + 1, len(lines)):
        if i in reasons:
            continue
        if _running_text(lines, i) or i in headings or _starts_body(lines, i):
            break
        if len(rows_found) >= _HEAD_ROWS:
            return
        rows_found.append(i)
    else:
        return  # no paragraph below: not a head
    for i in rows_found:
        if _is_row(lines[i]):
            reasons[i] = "head_furniture"


def mark_tail(lines: list[Line], reasons: dict[int, str], lex: Lexicon) -> None:
    """Below the last paragraph of a saved page: teaser headlines, widgets, calls, legal
    lines. A line that ends a sentence, a list item or a record stays unless its kind names
    it; nothing is touched unless the text shows it is a page."""
    kept = [i for i in range(len(lines)) if i not in reasons]
    last = next(
        (i for i in reversed(kept) if _running_text(lines, i) and not _is_tail_kind(lines[i], lex)), None
    )
    if last is None:
        return
    page = any(r in _PAGE_SIGNS for r in reasons.values())
    after = [i for i in kept if i > last]
    closing = _closing_lines(lines, after, last, lex)
    for i in after:
        line = lines[i]
        if _is_tail_kind(line, lex) or (page and _unfinished(line) and i not in closing):
            reasons[i] = "tail_furniture"


def _closing_lines(lines: list[Line], after: list[int], last: int, lex: Lexicon) -> set[int]:
    """Lines below the last paragraph that still end the article without ending a sentence:
    the items of a list its last paragraph opens with a colon, or a last paragraph that lost
    its full stop (a long line in lowercase words that no teaser follows)."""
    opener = last if lines[last].text.rstrip().endswith(":") else None
    if opener is None and after and lines[after[0]].text.rstrip().endswith(":"):
        opener = after[0]  # a short heading of the list ("The dead:")
    if opener is not None and not _is_tail_kind(lines[opener], lex):
        items: set[int] = {opener} if opener != last else set()
        previous = opener
        for i in [j for j in after if j > opener][:_LIST_ITEMS]:
            if i != previous + 1 or _is_tail_kind(lines[i], lex) or lines[i].words > _ITEM_WORDS:
                break  # removed furniture between, or the list ended
            if find_dates(lines[i].text):
                break  # a dated line under the colon is the page's ("Published …")
            items.add(i)
            previous = i
            if shapes.ends_sentence(lines[i].text) and not lines[i].text.rstrip().endswith((";", ",")):
                break  # the full stop closes the list
        return items
    if not after or not _lost_full_stop(lines[after[0]]):
        return set()
    following = after[1:2]
    if following and _unfinished(lines[following[0]]) and not _is_tail_kind(lines[following[0]], lex):
        return set()  # a run of unfinished lines: teasers
    return {after[0]}


def _lost_full_stop(line: Line) -> bool:
    words = line.text.split()
    capitalised = sum(1 for w in words if w[:1].isupper())
    return len(words) >= _PARAGRAPH_WORDS and capitalised <= _PARAGRAPH_CAPITALS * len(words)


def _running_text(lines: list[Line], i: int) -> bool:
    """Prose, or a line of a hard-wrapped paragraph (its pieces may be short or unpunctuated)."""
    return is_prose(lines[i]) or in_wrapped_paragraph(lines, i)


def _is_tail_kind(line: Line, lex: Lexicon) -> bool:
    text = line.text
    return (
        rows.is_call(text, lex, anywhere=True)
        or rows.is_legal_line(text, lex, rating=True)
        or is_comments_header(line, lex)  # "Comments (14)" over nothing, or over the comments
    )


def _unfinished(line: Line) -> bool:
    """No sentence, list item or record: a teaser headline, a widget, a menu."""
    return not shapes.ends_sentence(line.text) and not _is_record(line) and not LIST_MARKER.match(line.text)


def _starts_body(lines: list[Line], i: int) -> bool:
    line = lines[i]
    return bool(LIST_MARKER.match(line.text)) or _is_record(line) or is_speaker_label(lines, i)


def _is_record(line: Line) -> bool:
    """A line of a list of people or places: "Name Surname, 34, Town"."""
    return line.text.count(",") >= _RECORD_COMMAS and not shapes.ends_sentence(line.text)


def _is_row(line: Line) -> bool:
    """A byline or widget row, not a dek: short, or set with separators or figures; a line
    that ends a sentence of five words or more is a dek."""
    text = line.text
    if shapes.ends_sentence(text) and line.words >= 5:
        return False
    return line.words <= _ROW_WORDS or any(ch in _SEPARATORS or ch.isdigit() for ch in text)


def masthead_name(lines: list[Line], reasons: dict[int, str], lex: Lexicon) -> str | None:
    """The outlet a saved page names in its masthead: the first masthead line up to its slogan
    or menu ("NORTH TODAY — news of the region" -> "North Today"), in capitals only where the
    page set it in mixed case. None when the first masthead line is a menu, a date or a button."""
    first = next((i for i, r in sorted(reasons.items()) if r == "masthead"), None)
    if first is None or first > HEAD_WINDOW:
        return None
    name = _NAME_END.split(lines[first].raw.strip(), maxsplit=1)[0].strip()
    words = name.split()
    if not _NAME_WORDS[0] <= len(words) <= _NAME_WORDS[1] or not shapes.has_letters(name):
        return None
    if any(ch.isdigit() for ch in name) or lex.is_line("interface", name) or lex.is_line("share", name):
        return None
    if not all(w[:1].isupper() or not w[:1].isalpha() for w in words):
        return None  # a slogan or a phrase, not a name
    if name.isupper():  # a name set in capitals is written as its words are
        words = [w.capitalize() if len(w) > _ACRONYM else w for w in words]
    return " ".join(words)
