"""Pair features that decide merging: dates as intervals, one paragraph as one story."""

from __future__ import annotations

from datetime import date

from briefwire.link.features import ClaimInfo, days_apart, score_pair


def _info(key: str, **kw: object) -> ClaimInfo:
    base: dict[str, object] = {
        "key": key,
        "index": 0,
        "doc_id": "d",
        "paragraph": ("d", 0),
        "type": "casualty",
        "day": date(2023, 5, 7),
        "day_is_publication": False,
        "region": None,
        "country": None,
        "quantity": None,
        "people": frozenset(),
        "names": frozenset(),
        "reuse_groups": frozenset(),
        "published": "2023-05-09",
        "order": 0,
    }
    base.update(kw)
    return ClaimInfo(**base)  # type: ignore[arg-type]


def test_link_a_week_precision_date_covers_its_whole_week() -> None:
    weekend = _info("a", day=date(2023, 5, 1), span=7)  # "over the weekend": the week of 1 May
    sunday = _info("b", day=date(2023, 5, 7))
    assert days_apart(weekend, sunday) == 0
    assert days_apart(_info("c", day=date(2023, 5, 1)), sunday) == 6


def test_link_week_date_is_not_vetoed_as_days_apart() -> None:
    ps = score_pair(_info("a", day=date(2023, 5, 1), span=7), _info("b"), sim=0.4)
    assert ps.veto is None


def test_link_one_paragraph_of_a_digest_reads_as_one_story() -> None:
    a, b = _info("a", digest=True), _info("b", digest=True)
    same = score_pair(a, b, sim=0.3)
    apart = score_pair(a, _info("c", digest=True, paragraph=("d", 4)), sim=0.3)
    assert same.merge and same.features["same_digest"] == 0.0
    assert not apart.merge


def test_link_one_paragraph_still_keeps_different_people_apart() -> None:
    a = _info("a", people=frozenset({"person:ivanov"}))
    b = _info("b", people=frozenset({"person:petrov"}))
    assert score_pair(a, b, sim=0.9).veto == "different people"
