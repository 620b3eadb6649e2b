"""Two happenings of different documents: the evidence for and against one event, and a score.

Evidence is compared as entities, not words: the same person (any spelling or script), the
same place (region code; a settlement by its spelling-neutral key), dates as the intervals
their precision covers, counts (compatible when their ranges or qualifiers overlap, or when
different claimants give them: a dispute, not two happenings), the same claimant, names the
sentences share, a re-published paragraph. How alike the sentences read counts only for the
*best-supported core pair*: the closest two sentences that state the happenings themselves
(facet sentences count at a discount), so many weak facet pairs never outvote one strong match.
Across languages the sentence model says little, and entities carry the decision; between two
Russian texts it says less than between two English ones (it is an English model), so there its
cosine is read lower and the stems the two share count more.

A *veto* keeps two happenings apart whatever the rest says, and says which evidence did it:
different named people, different regions or settlements, dates too far apart, one
document's separate happenings. A report with no date of its own needs stronger evidence.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any, Protocol

from .families import related
from .features import THRESHOLD, PairScore
from .happening import Count, HappeningInfo
from .places import areas

WEIGHTS = {
    "bias": -4.2,
    "same_type": 0.8,
    "similarity": 5.5,
    "same_person": 3.0,
    "reused_text": 5.0,
    "same_place": 2.2,
    "same_region": 1.5,
    "near_dates": 1.0,
    "near_publication": 1.0,
    "shared_words": 2.0,
    "same_quantity": 1.4,
    "quantity_dispute": 0.0,
    "other_quantity": -1.5,
    "unattributed_quantity": -0.75,
    "shared_names": 2.0,
    # between two Russian texts the content stems they share, on top of ``shared_words``
    "shared_stems": 2.0,
    "same_claimant": 0.8,
    "undated": -0.9,
    "no_date": -2.5,
    "far_dates": -1.0,
    "other_country": -1.5,
    # extraction already told the two apart; only strong evidence joins them again
    "same_document": -1.5,
    # one claimant's posts on different days, neither dated: its report of another night (the
    # ministry's nightly drone tally, the next village taken); on link-tg-dev it kept 4
    # look-alikes apart and no pair of one happening
    "next_day_report": -3.0,
}
# Across languages the sentence model (English MiniLM) is near chance: a neutral value instead.
_CROSS_LANGUAGE_SIMILARITY = 0.35
# Between two Russian sentences the English model's cosine runs high whatever they say: over
# the candidate pairs of real Telegram posts (link-tg-dev) it averaged 0.57 for reports of
# different happenings and 0.65 for reports of one. Read that much lower, a day's unrelated
# statements no longer score near the threshold on wording alone and glue into one event.
RUSSIAN_SIMILARITY_OFFSET = 0.15
# A date taken from the publication only bounds the happening; two exact dates may differ by
# this many days and still be one happening (a multi-day queue, a report the next day).
EXACT_GAP_DAYS = 3
# A report with no date of its own tells of something that happened on its publication day or
# this many days before.
REPORT_LAG_DAYS = 2
MAX_UNDATED_GAP_DAYS = 7
# Two channel posts that give no date of their own each tell of their publication day or the
# day before: published two or more days apart, they tell of different days (the same
# governor's nightly drone count, the ministry's daily captured village). On the real Telegram
# pairs of link-tg-dev 152 of 153 posts of one happening were published within a day of each
# other, and 48 of 65 look-alikes two or more days apart. Articles are not held to it (a
# paper's follow-up days later rarely dates what it tells again), nor posts that name the same
# settlement (a follow-up on the same town).
MAX_POSTS_GAP_DAYS = 1


def score(x: HappeningInfo, y: HappeningInfo, sim: Any) -> PairScore:
    f: dict[str, float] = {}
    f["same_type"] = float(x.type == y.type)
    f["similarity"] = round(sentence_similarity(x, y, sim), 3)
    f["same_person"] = float(bool(x.people & y.people))
    f["reused_text"] = float(bool(x.reuse_groups & y.reuse_groups))
    f["same_place"] = float(bool(x.settlements & y.settlements))
    f["same_region"] = float(bool(x.regions & y.regions))
    gap = days_apart(x, y)
    f |= date_features(x, y, gap)
    f |= quantity_features(x.counts, y.counts)
    f["shared_names"] = name_share(x.names, y.names)
    f["shared_words"] = word_share(x.words, y.words)
    f["shared_stems"] = f["shared_words"] if x.cyrillic and y.cyrillic else 0.0
    f["same_claimant"] = float(bool(x.claimants & y.claimants))
    f["other_country"] = float(
        bool(x.country and y.country and x.country != y.country and not f["same_person"])
    )
    f["same_document"] = float(x.doc_id == y.doc_id)
    f["next_day_report"] = float(bool(f["same_claimant"]) and _next_day_posts(x, y, gap))
    z = WEIGHTS["bias"] + _weighted(f)
    if gap is not None:
        f["days_apart"] = float(gap)
    veto = veto_of(x, y, gap, bool(f["reused_text"]))
    return PairScore(x.claims[0], y.claims[0], round(1 / (1 + math.exp(-z)), 4), f, veto)


def _next_day_posts(x: HappeningInfo, y: HappeningInfo, gap: int | None) -> bool:
    """Two channel posts with no date of their own, published on different days (and naming
    no settlement in common)."""
    return bool(x.post and y.post and not (x.dated or y.dated) and gap and not x.settlements & y.settlements)


def name_share(a: frozenset[str], b: frozenset[str]) -> float:
    """The names two happenings share, of all they name."""
    union = a | b
    return round(len(a & b) / len(union), 3) if union else 0.0


def word_share(a: frozenset[str], b: frozenset[str]) -> float:
    """The content words two happenings share, of the fewer one uses (three or more)."""
    fewer = min(len(a), len(b))
    return round(len(a & b) / fewer, 3) if fewer >= 3 else 0.0


def _weighted(f: dict[str, float]) -> float:
    """The weighted sum of the features, added in the features' order (a re-link scores tens of
    thousands of pairs: absent features, most of them, are skipped; adding 0.0 changes no sum)."""
    total = 0.0
    for k, v in f.items():
        if v:
            w = WEIGHTS.get(k)
            if w is not None:
                total += w * v
    return total


class Sentences(Protocol):
    """What the sentence similarity of two happenings reads (a ``HappeningInfo``, or the
    candidate index's cheaper sketch of one)."""

    @property
    def core(self) -> tuple[int, ...]: ...
    @property
    def rows(self) -> tuple[int, ...]: ...
    @property
    def cyrillic(self) -> bool: ...


def sentence_similarity(x: Sentences, y: Sentences, sim: Any) -> float:
    if x.cyrillic != y.cyrillic:
        return _CROSS_LANGUAGE_SIMILARITY
    core = max([float(sim[i, j]) for i in x.core for j in y.core])
    facets = max([float(sim[i, j]) for i in x.rows for j in y.rows])
    best = max(core, facets - 0.1)
    return max(0.0, best - RUSSIAN_SIMILARITY_OFFSET) if x.cyrillic else best


class Dated(Protocol):
    """When a happening was (a ``HappeningInfo``, or the candidate index's sketch of one)."""

    @property
    def day(self) -> date | None: ...
    @property
    def span(self) -> int: ...
    @property
    def dated(self) -> bool: ...
    @property
    def settlements(self) -> frozenset[str]: ...
    @property
    def post(self) -> bool: ...


def date_features(x: Dated, y: Dated, gap: int | None) -> dict[str, float]:
    """How near in time two happenings are, as features (``gap``: :func:`days_apart`)."""
    both, either = x.dated and y.dated, x.dated or y.dated
    return {
        "near_dates": float(gap is not None and gap <= 1 and both),
        # two reports dated only by publication: published within two days of each other; two
        # channel posts the same day (a day apart, half of the real Telegram pairs are the same
        # governor's or ministry's report of another night), unless they name one settlement
        "near_publication": float(gap is not None and not both and gap <= _near_publication(x, y, either)),
        "undated": float(not both),
        "no_date": float(x.day is None or y.day is None),  # not even a publication date bounds it
        "far_dates": float(gap is not None and gap > (1 if either else 3)),
    }


def _near_publication(x: Dated, y: Dated, either: bool) -> int:
    """How many days apart two reports dated by publication (``either``: one has a date of its
    own) can be published and still be near in time."""
    if either:
        return 1
    if not (x.post and y.post) or x.settlements & y.settlements:
        return 2
    return 0


def days_apart(x: Dated, y: Dated) -> int | None:
    """Days between the two happenings, each taken as the interval its date covers.

    A date of its own covers what its precision says (a week, a month); a report with only its
    publication date happened that day or in the ``REPORT_LAG_DAYS`` before it. Two reports
    with only publication dates are as far apart as their publication days."""
    if x.day is None or y.day is None:
        return None
    if not (x.dated or y.dated):
        return abs(x.day.toordinal() - y.day.toordinal())
    a, b = _interval(x), _interval(y)
    return max(0, b[0] - a[1], a[0] - b[1])


def _interval(h: Dated) -> tuple[int, int]:
    assert h.day is not None
    first = h.day.toordinal()
    if h.dated:
        return first, first + h.span - 1
    return first - REPORT_LAG_DAYS, first


def compatible_counts(a: Count, b: Count) -> bool:
    """One count could be the other: equal, ranges or approximate values that overlap."""
    lo_a, hi_a = _count_range(a)
    lo_b, hi_b = _count_range(b)
    return lo_a <= hi_b and lo_b <= hi_a


def _count_range(c: Count) -> tuple[float, float]:
    hi = c.value_max if c.value_max is not None else c.value
    slack = 0.15 if c.approx else 0.01
    return c.value * (1 - slack), hi * (1 + slack)


def quantity_features(xs: tuple[Count, ...], ys: tuple[Count, ...]) -> dict[str, float]:
    pairs = [(a, b) for a in xs for b in ys if a.unit == b.unit]
    if not pairs:
        return {}
    if any(compatible_counts(a, b) for a, b in pairs):
        return {"same_quantity": 1.0}
    # different claimants giving different numbers is a dispute about one happening
    if any(a.claimants and b.claimants and not (a.claimants & b.claimants) for a, b in pairs):
        return {"quantity_dispute": 1.0}
    if any(a.claimants & b.claimants for a, b in pairs):
        return {"other_quantity": 1.0}  # one claimant's two numbers: two happenings
    # no one stands behind one of them: a reporter's detail ("two bottles", "three bottles")
    # says less against one happening than one claimant's two numbers do
    return {"unattributed_quantity": 1.0}


def veto_of(x: HappeningInfo, y: HappeningInfo, gap: int | None, copied: bool) -> str | None:
    """What keeps the two apart, in words a reader can check (None: nothing does)."""
    if x.doc_id == y.doc_id and (x.digest or x.type != y.type):
        return "separate happenings of one document"
    if not related(x.type, y.type):
        return f"unrelated types ({x.type}, {y.type})"
    if x.people and y.people and not (x.people & y.people) and not (x.group or y.group):
        # two reports of a toll or a list each name whom they name of it ("among the dead was
        # Lt Col B.", "the list now includes S."): only two one-person stories are told apart
        return "different people named"
    if copied or x.people & y.people:
        return None  # a copy, or one person's story told from another place or day
    return _place_veto(x, y) or _time_veto(x, y, gap)


def _place_veto(x: HappeningInfo, y: HappeningInfo) -> str | None:
    here, there = areas(x.regions), areas(y.regions)
    named = bool(here & areas(y.regions_named) or there & areas(x.regions_named))
    if x.region and y.region and not (here & there) and not named:
        return f"different places ({x.region}, {y.region})"
    if x.settlements and y.settlements and not (x.settlements & y.settlements) and x.region == y.region:
        a, b = sorted(x.settlements)[0], sorted(y.settlements)[0]
        if not (_mentions(x, b) or _mentions(y, a)):
            return f"different settlements ({a}, {b})"
    return None


def _mentions(h: HappeningInfo, place: str) -> bool:
    return all(w in h.place_mentions for w in place.split())


def _time_veto(x: HappeningInfo, y: HappeningInfo, gap: int | None) -> str | None:
    if gap is None:
        return None
    if x.dated and y.dated:
        return f"{gap} days apart" if gap > EXACT_GAP_DAYS else None
    if x.dated != y.dated and gap > EXACT_GAP_DAYS:
        return f"{gap} days apart (one report dated only by its publication)"
    # neither dates it: only the publication days say when
    fresh_news = x.post and y.post and not x.settlements & y.settlements
    limit = MAX_POSTS_GAP_DAYS if fresh_news else MAX_UNDATED_GAP_DAYS
    return f"published {gap} days apart, neither dates it" if gap > limit else None


__all__ = ["THRESHOLD", "WEIGHTS", "compatible_counts", "days_apart", "score", "veto_of"]
