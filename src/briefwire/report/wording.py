"""How an item reads: the sentence that states the happening, who says so, the stance worth showing.

A brief line must stand on its own. A sentence that leans on the one before it ("He did not say
how many.", "The driver was detained.") never opens an item; it may follow the lead sentence it
continues, as the facet a reader needs (the count, the denial, the outcome).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from .language import transliterate
from .profile import brief_profile

_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
SHOWN_STANCES = ("denied", "disputed", "planned")  # the others are plain: the sentence says it
FACET_MAX = 340  # lead + facet longer than this reads as a paragraph, not a line


@cache
def _leaning() -> re.Pattern[str]:
    prof = brief_profile()
    words = sorted(prof["leaning_openings"], key=len, reverse=True)
    nouns = "|".join(re.escape(n) for n in prof["back_reference_nouns"])
    return re.compile(
        r"^[\"“«'(\s]*(?:(?:" + "|".join(re.escape(w) for w in words) + r")\b|the\s+(?:" + nouns + r")\b)",
        re.IGNORECASE,
    )


_PERSONAL = re.compile(r"\b(he|she|him|her|his|hers|он|она|его|её|ему|ей)\b", re.IGNORECASE)
_NAMED = re.compile(r"\b[A-ZА-ЯЁ][\w'-]+")


def leans(text: str) -> bool:
    """True when a sentence needs an earlier one: it opens on a bare pronoun or "the man", or
    speaks of "her" or "his" before naming anyone ("The district office told her to appeal")."""
    text = text.strip()
    if _leaning().match(text):
        return True
    pronoun = _PERSONAL.search(text)
    if not pronoun:
        return False
    first = re.match(r"\W*\w+", text)
    names = list(_NAMED.finditer(text, first.end() if first else 0, pronoun.start()))
    return not names


@cache
def _discourse() -> re.Pattern[str]:
    words = sorted(brief_profile()["discourse_openings"], key=len, reverse=True)
    alt = "|".join(re.escape(w) for w in words)
    cyr = "|".join(re.escape(w) for w in words if is_cyrillic(w))
    # "Earlier, X said" loses its link; "Earlier in the week X said" keeps it (it dates the news).
    # Russian sets the adverb off without a comma ("Ранее о возвращении заявил ...").
    return re.compile(rf"^[\"“«']?(?:(?:{alt}),\s*|(?:{cyr})\s+)", re.IGNORECASE)


def unlinked(text: str) -> str:
    """A sentence without the linking word that only ties it to the one before ("Earlier, X said")."""
    rest = _discourse().sub("", text, count=1)
    if rest == text or not rest:
        return text
    return rest[0].upper() + rest[1:]


def norm(text: str) -> str:
    return " ".join(text.split())


def is_cyrillic(text: str) -> bool:
    return len(_CYRILLIC.findall(text)) * 3 > len(re.findall(r"\w", text))


def whole(text: str) -> bool:
    """A sentence, not a clause lifted out of one: it opens on a capital or a digit."""
    first = next((ch for ch in text if ch.isalnum()), "")
    return first.isupper() or first.isdigit()


def wording_penalty(text: str, latin: bool) -> tuple[int, int]:
    """Lower reads better: whole, standing alone, in the brief's script, neither fragment nor paragraph."""
    p = 4 if leans(text) else 0
    p += 3 if not whole(text) else 0
    p += 2 if len(text) < 50 else 0
    p += 1 if len(text) > 280 else 0
    p += 3 if latin == is_cyrillic(text) else 0
    return p, abs(len(text) - 160)


def with_facet(lead: str, facets: Sequence[str]) -> str:
    """The lead sentence and, when it fits, the first facet sentence it lacks."""
    lead = norm(lead)
    for sentence in (norm(f) for f in facets):
        if sentence and sentence not in lead and len(lead) + len(sentence) < FACET_MAX:
            return f"{lead} {sentence}"
    return lead


def attribution(
    chains: Sequence[Sequence[str]], text: str, outlets: set[str], most: int = 2, latin: bool = True
) -> str | None:
    """Who says so, as an editor writes it: "the governor", "Verstka, citing government sources".

    A party the sentence already names is not repeated; the outlet carrying the sentence is the
    citation, not a claimant; fragments the attribution finder caught ("which the police") are dropped.
    """
    seen: dict[str, str] = {}
    low = text.lower()
    for chain in chains:
        links = [_script(c, latin) for c in chain if _is_party(c) and c.strip().lower() not in outlets]
        if not links:
            continue
        key = party_key(links[0])
        if not key or key in seen or key in low:
            continue
        seen[key] = f"{links[1]}, citing {links[0]}" if len(links) > 1 else links[0]
    names = list(seen.values())[:most]
    return "; ".join(names) if names else None


def _script(name: str, latin: bool) -> str:
    """A Cyrillic claimant in a Latin-script brief is transliterated, so it is neither mixed in
    nor missed when the sentence already names the same person in Latin letters."""
    if latin and is_cyrillic(name):
        return transliterate(name)
    return name


def _is_party(name: str) -> bool:
    words = name.strip().lower().split()
    if not words or len(words) > 9:
        return False
    stop = brief_profile()["not_claimants"]
    return not (name.strip().lower() in stop or words[0] in stop or " ".join(words[:2]) in stop)


def party_key(name: str) -> str:
    """Folds "Rostov governor Vasily Golubev" and "Governor Vasily Golubev" together: the last
    capitalised word (a surname, an organisation's head noun) stands for the party."""
    caps = [w for w in re.findall(r"[\w'-]+", name) if w[:1].isupper()]
    return (caps[-1] if caps else name.rsplit(maxsplit=1)[-1] if name.split() else "").lower()


def stance_shown(stances: Sequence[str | None], status: str | None, text: str = "") -> str | None:
    """One stance word, and only one that the sentence does not make plain; "planned" only on a
    sentence that speaks of a plan (extraction's mark on a told happening would mislead)."""
    for word in SHOWN_STANCES:
        if word == "planned" and not _plan_cue().search(text):
            continue
        if word in stances or status == word:
            return word
    return None


@cache
def _plan_cue() -> re.Pattern[str]:
    cues = brief_profile()["plan_cues"]
    return re.compile(r"\b(?:" + "|".join(re.escape(c) for c in cues) + ")", re.IGNORECASE)


def best(rows: Sequence[Mapping[str, Any]], latin: bool) -> Mapping[str, Any] | None:
    """The row (a happening or a claim) whose quote reads best on its own."""
    if not rows:
        return None
    return min(rows, key=lambda r: wording_penalty(norm(r.get("quote") or ""), latin))
