"""A brief has one language; an item from a document in another is marked, never silently mixed.

A marked item keeps its document's original title and wording (briefwire does not translate),
with the names in it transliterated (iuliia's Wikipedia scheme) where a name is the point.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

import iuliia

from .model import BriefItem

DEFAULT_LANGUAGE = "en"
# Two or three capitalised Cyrillic words in a row: a person's name ("Алексей Воронин").
_NAME = re.compile(r"[А-ЯЁ][а-яё]+(?:[ -][А-ЯЁ][а-яё]+){1,2}")


def majority_language(languages: Iterable[str | None]) -> str:
    counts = Counter(x for x in languages if x)
    if not counts:
        return DEFAULT_LANGUAGE
    top = max(counts.values())
    return min(lang for lang, n in counts.items() if n == top)  # a tie: the same answer every time


def transliterate(text: str) -> str:
    return str(iuliia.WIKIPEDIA.translate(text))


def names_latin(text: str) -> str | None:
    """The Cyrillic names in a text, transliterated; the first word of a sentence is not a name
    unless the next one is too (it is often a rank or title: "Рядовой Алексей Воронин")."""
    found = []
    for m in _NAME.finditer(text):
        words = m.group().split()
        if m.start() == 0 and len(words) == 3:
            words = words[1:]
        found.append(transliterate(" ".join(words)))
    return ", ".join(dict.fromkeys(found)) or None


def mark(item: BriefItem, language: str, documents: Mapping[str, Mapping[str, Any]]) -> BriefItem:
    """The item as the brief shows it: marked with its document's language when that differs."""
    if item.parts:
        return replace(item, parts=tuple(mark(p, language, documents) for p in item.parts))
    doc = documents.get(item.lead_doc or "") or {}
    lang = doc.get("language")
    if not lang or lang == language:
        return item
    latin = names_latin(item.text) if lang == "ru" and language != "ru" else None
    return replace(item, language=lang, original_title=doc.get("title"), name_latin=latin)


def person_latin(person: Mapping[str, Any], language: str) -> dict[str, Any]:
    """A casualty row whose name is in Cyrillic gains its transliteration in a Latin-script brief."""
    row = dict(person)
    name = str(row.get("name") or "")
    if language != "ru" and re.search(r"[А-Яа-яЁё]", name):
        row["name"] = f"{transliterate(name)} ({name})"
    return row
