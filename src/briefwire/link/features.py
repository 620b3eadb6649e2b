"""What linking knows of one claim (:class:`ClaimInfo`), a scored pair (:class:`PairScore`),
and the shared limits: the merge threshold and the widest gap between two dates of one
happening. The evidence and score of a pair of happenings are in ``evidence``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from .names import stem

THRESHOLD = 0.5
MAX_GAP_DAYS = 14  # no two happenings further apart than this are one (see evidence.veto_of)


@dataclass(frozen=True)
class ClaimInfo:
    """What merging needs to know about one claim, computed once."""

    key: str
    index: int  # row in the similarity matrix
    doc_id: str
    type: str
    day: date | None
    day_is_publication: bool
    region: str | None  # ISO 3166-2 code when the place is a region or settlement in one
    country: str | None
    people: frozenset[str]  # person entity keys named as victim/subject
    names: frozenset[str]  # skeletons of capitalised words (places, people, organisations)
    reuse_groups: frozenset[int]
    order: int
    digest: bool = False  # the document is a digest of many happenings (see merge.digests)
    regions_named: frozenset[str] = frozenset()  # every region the sentence names
    claimants: frozenset[str] = frozenset()  # entity keys of who says so (people, organisations)
    span: int = 1  # days the date covers: 7 for a week ("over the weekend", "last week"), 31 a month


@dataclass(frozen=True)
class PairScore:
    a: str
    b: str
    score: float
    features: dict[str, float]
    veto: str | None

    @property
    def merge(self) -> bool:
        return self.veto is None and self.score >= THRESHOLD


_CAPS = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-ZА-ЯЁ][\w'’-]{2,})")
_COMMON_WORDS = """
the this that there they these those russian russia ukraine putin mobilization september october
november december january february march april may june july august monday tuesday wednesday
thursday friday saturday sunday telegram defence defense ministry minister governor region regional
president presidential police court army military district city republic oblast state officials
authorities
"""
_COMMON_CAPS = frozenset(_COMMON_WORDS.split())


_COMMON_SKELETONS = frozenset(stem(w) for w in _COMMON_CAPS)


def name_skeletons(quote: str) -> frozenset[str]:
    """Capitalised words inside a sentence (not its first word), spelling-neutral."""
    words = {stem(m.group(1)) for m in _CAPS.finditer(quote)}
    return frozenset(w for w in words if len(w) > 2 and w not in _COMMON_SKELETONS)


def parse_day(value: Any) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


# How many days a date of each precision covers, from its first day.
_SPANS = {"day": 1, "week": 7, "month": 31, "year": 366}
# Where a claim's date came from when it only says when the report was published.
PUBLICATION_BASES = ("publication", "metadata", "unknown")


# A coarse date (a month, a year) that ended more than this many days before the report was
# published is the story's background ("since February 2022", "mobilized in September"), not
# when what the report tells happened: such a claim is dated by its publication. (The store's
# ``claims.link_day`` follows the same rule, migration 0083.)
BACKGROUND_DAYS = 31


def background_date(c: dict[str, Any]) -> bool:
    """Whether a claim's own date is a coarse one long before its report (see BACKGROUND_DAYS)."""
    day, published = parse_day(c.get("date")), parse_day(c.get("published"))
    span = _SPANS.get(c.get("date_precision") or "", 1)
    if day is None or published is None or span <= 7:
        return False
    return published.toordinal() - (day.toordinal() + span - 1) > BACKGROUND_DAYS


def claim_day(c: dict[str, Any]) -> date | None:
    """A claim's day: its own date (unless it is background), else its document's publication."""
    own = None if background_date(c) else parse_day(c.get("date"))
    return own or parse_day(c.get("published"))


def claim_span(c: dict[str, Any]) -> int:
    """How many days a claim's own date covers (1 without one, or for a background date)."""
    if not c.get("date") or background_date(c):
        return 1
    return _SPANS.get(c.get("date_precision") or "", 1)
