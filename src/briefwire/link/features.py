"""Pair features of two claims and the merge score computed from them.

Every feature is something a reader would check: is it the same person, the same region, the
same days, the same number, the same re-published paragraph, do the sentences say the same
thing. The score is a logistic combination with hand-set weights (documented below and checked
against ``eval/merge_pairs.jsonl``); a *veto* (two different named people, two different
regions, dates a week apart) keeps two claims apart whatever the rest says.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from .names import stem

# Types that describe one happening from two angles (a wrongful call-up and the men's return;
# an arson and the criminal case over it). Any other two types are different happenings.
COMPATIBLE = frozenset(
    {
        frozenset({"wrongful_mobilization", "release_or_return"}),
        frozenset({"attack_on_draft_office", "repression_or_prosecution"}),
        frozenset({"protest_or_appeal", "repression_or_prosecution"}),
        frozenset({"flight_or_emigration", "policy_or_statement"}),
        frozenset({"detention_of_refusers", "training_or_deployment"}),
        frozenset({"desertion_or_missing", "training_or_deployment"}),
    }
)
THRESHOLD = 0.5
MAX_GAP_DAYS = 14  # no two claims further apart than this are one happening (see _time_veto)
# Weights of the logistic score; a positive weight pulls two claims together.
WEIGHTS = {
    "bias": -4.0,
    "same_type": 1.0,
    "same_person": 4.5,
    "reused_text": 4.0,
    "same_region": 1.4,
    "near_dates": 0.9,
    "same_quantity": 1.6,
    "other_quantity": -1.8,
    "similarity": 5.0,
    "shared_names": 1.5,
    "same_digest": -2.0,
    "same_article": 0.3,
    "same_claimant": 1.5,
    "no_dates": -0.8,
    "far_dates": -1.2,
    "other_country": -1.0,
    "paragraphs_apart": -0.6,
    "continuation": 5.0,
    # one paragraph, one type: a paragraph tells one story, in an article or a digest alike
    # (different people or places in it are still vetoed below)
    "same_paragraph": 2.5,
}


@dataclass(frozen=True)
class ClaimInfo:
    """What merging needs to know about one claim, computed once."""

    key: str
    index: int  # row in the similarity matrix
    doc_id: str
    paragraph: tuple[str, int] | None
    type: str
    day: date | None
    day_is_publication: bool
    region: str | None  # ISO 3166-2 code when the place is a region or settlement in one
    country: str | None
    quantity: float | None
    people: frozenset[str]  # person entity keys named as victim/subject
    names: frozenset[str]  # skeletons of capitalised words (places, people, organisations)
    reuse_groups: frozenset[int]
    published: str | None
    order: int
    digest: bool = False  # the document is a digest of many happenings (see merge.digests)
    regions_named: frozenset[str] = frozenset()  # every region the sentence names
    previous_same_type: str | None = None  # the claim of this type just before, same document
    anaphoric: bool = False  # the sentence opens with "He", "They", "The suspect" ...
    claimants: frozenset[str] = frozenset()  # entity keys of who says so (people, organisations)
    span: int = 1  # days the date covers: 7 for a week ("over the weekend", "last week"), 31 a month
    happening: str | None = None  # the document event (extraction's happening) the claim is evidence of


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


def type_relation(a: str, b: str) -> str:
    if a == b:
        return "same"
    return "compatible" if frozenset({a, b}) in COMPATIBLE else "different"


def score_pair(x: ClaimInfo, y: ClaimInfo, sim: float) -> PairScore:
    f: dict[str, float] = {}
    rel = type_relation(x.type, y.type)
    f["same_type"] = 1.0 if rel == "same" else 0.0
    shared_people = x.people & y.people
    f["same_person"] = 1.0 if shared_people else 0.0
    f["reused_text"] = 1.0 if x.reuse_groups & y.reuse_groups else 0.0
    f["same_region"] = 1.0 if x.region and x.region == y.region else 0.0
    gap = days_apart(x, y)
    f["near_dates"] = 1.0 if gap is not None and gap <= 1 else 0.0
    qx, qy = x.quantity, y.quantity
    same_q = qx is not None and qy is not None and math.isclose(qx, qy, rel_tol=0.01)
    f["same_quantity"] = 1.0 if same_q else 0.0
    f["other_quantity"] = 1.0 if qx is not None and qy is not None and not same_q else 0.0
    f["similarity"] = round(float(sim), 3)
    union = x.names | y.names
    f["shared_names"] = round(len(x.names & y.names) / len(union), 3) if union else 0.0
    same_doc = x.doc_id == y.doc_id
    # a digest's separate paragraphs are separate stories; within one paragraph it is one story
    f["same_digest"] = 1.0 if same_doc and x.digest and x.paragraph != y.paragraph else 0.0
    f["same_article"] = 1.0 if same_doc and not x.digest else 0.0
    f["same_claimant"] = 1.0 if x.claimants & y.claimants else 0.0
    f["no_dates"] = 1.0 if gap is None else 0.0
    exact_dates = not (x.day_is_publication or y.day_is_publication)
    f["far_dates"] = 1.0 if gap is not None and gap > 3 and exact_dates else 0.0
    f["continuation"] = 1.0 if continues(x, y) or continues(y, x) else 0.0
    f["other_country"] = 1.0 if x.country and y.country and x.country != y.country else 0.0
    f["same_paragraph"] = (
        1.0 if x.paragraph is not None and x.paragraph == y.paragraph and rel == "same" else 0.0
    )
    if same_doc and x.digest and x.paragraph and y.paragraph:
        f["paragraphs_apart"] = float(min(abs(x.paragraph[1] - y.paragraph[1]), 3))
    z = WEIGHTS["bias"] + sum(WEIGHTS[k] * v for k, v in f.items() if k in WEIGHTS)
    score = 1 / (1 + math.exp(-z))
    if gap is not None:
        f["days_apart"] = float(gap)
    veto = _veto(x, y, rel, gap, bool(shared_people) or bool(f["continuation"]))
    return PairScore(x.key, y.key, round(score, 4), f, veto)


def days_apart(x: ClaimInfo, y: ClaimInfo) -> int | None:
    """Days between the two dates, each taken as the interval its precision covers."""
    if x.day is None or y.day is None:
        return None
    a0, b0 = x.day.toordinal(), y.day.toordinal()
    a1, b1 = a0 + x.span - 1, b0 + y.span - 1
    return max(0, b0 - a1, a0 - b1)


def continues(x: ClaimInfo, y: ClaimInfo) -> bool:
    """``y`` carries on the story of ``x``: the next sentence of its type, opening with "He" ..."""
    return y.previous_same_type == x.key and y.anaphoric


def _veto(x: ClaimInfo, y: ClaimInfo, rel: str, gap: int | None, same_story: bool) -> str | None:
    if rel == "different":
        return f"different types ({x.type}, {y.type})"
    if x.people and y.people and not (x.people & y.people):
        return "different people"
    if same_story:
        return None
    return _place_veto(x, y) or _time_veto(x, y, gap) or _digest_veto(x, y)


def _place_veto(x: ClaimInfo, y: ClaimInfo) -> str | None:
    # a sentence naming both regions ("Moscow and Samara billboards") is not a different place
    named = (x.region or "") in y.regions_named or (y.region or "") in x.regions_named
    if x.region and y.region and x.region != y.region and not named:
        return f"different places ({x.region}, {y.region})"
    return None


def _time_veto(x: ClaimInfo, y: ClaimInfo, gap: int | None) -> str | None:
    # a date taken from the publication is only a bound: the happening may be days older
    limit = MAX_GAP_DAYS if (x.day_is_publication or y.day_is_publication) else 3
    return f"{gap} days apart" if gap is not None and gap > limit else None


def _digest_veto(x: ClaimInfo, y: ClaimInfo) -> str | None:
    # a digest lists separate happenings in separate paragraphs
    if x.doc_id == y.doc_id and x.paragraph != y.paragraph and x.digest:
        return "separate paragraphs of a digest"
    return None


_ANAPHORIC = re.compile(
    r"^[\"“«]?(?:he|she|they|his|her|their|it|its|this|these|now|there|"
    r"the (?:suspect|man|woman|driver|soldier|men|women|serviceman|servicemen)|"
    r"он|она|они|его|её|ее|их|сейчас|теперь)\b",
    re.IGNORECASE,
)


def anaphoric(quote: str) -> bool:
    return bool(_ANAPHORIC.match(quote.strip()))


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
