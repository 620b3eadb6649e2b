"""The days a page's markup states as its own dates: the gold of the page-text benchmark.

htmldate, even without its extensive search, falls back on any date it meets in the markup
when the metadata gives none (or gives a placeholder such as year 1): the date of a file
photo in a caption, the folder of a stock image, a cited source's date. Those are not the
page's date, and scoring against them counts a right answer as wrong. The date fields are a
``<meta>`` field named for a date or time, a JSON-LD date, a ``<time>`` element or an
``itemprop`` date; ``page_text.gold_date`` asks them when htmldate and the URL disagree.
"""

from __future__ import annotations

import datetime as dt
import re

from briefwire.clean.pubdate import from_metadata

_ATTR = r"""(\w[\w:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')"""
_TAG = re.compile(r"<(meta|time|span|div|p|abbr)\b([^>]*)>", re.IGNORECASE)
_DATE_NAME = re.compile(r"date|time|publish|issued|created", re.IGNORECASE)
_NAMING = ("name", "property", "itemprop", "http-equiv")
_JSON_LD = re.compile(r'"date(?:Published|Created|Modified)"\s*:\s*"([^"]{6,40})"')
_EARLIEST = dt.date(1995, 1, 1)  # before any web page: a placeholder, not a date


def stated_days(markup: str) -> set[dt.date]:
    """Every day the markup's date fields (see the module doc) state."""
    values = [m.group(1) for m in _JSON_LD.finditer(markup)]
    for tag in _TAG.finditer(markup):
        attrs = {m.group(1).lower(): m.group(2) or m.group(3) or "" for m in re.finditer(_ATTR, tag.group(2))}
        if tag.group(1).lower() == "time" and "datetime" in attrs:
            values.append(attrs["datetime"])
        named = any(_DATE_NAME.search(attrs.get(k, "")) for k in _NAMING)
        if named:
            values += [attrs[k] for k in ("content", "datetime") if k in attrs]
    return {day for value in values if (day := _day(value)) is not None}


def _day(value: str) -> dt.date | None:
    # the reader of metadata strings: ISO, else dateparser on a short span
    found = from_metadata(value.strip()[:40])
    if found is None or found.date is None or found.precision != "day":
        return None
    day = dt.date.fromisoformat(found.date)
    return day if day >= _EARLIEST else None
