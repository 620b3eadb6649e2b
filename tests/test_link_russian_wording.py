"""Two Russian reports are not one happening on the English sentence model's likeness alone.

The model linking embeds with is English: between two Russian sentences its cosine runs high
whatever they say, and a day's unrelated statements of one type used to score over the
threshold on it and glue into one event. What two Russian reports of one happening share is
their content stems, names, places and numbers.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from briefwire.link.evidence import score
from briefwire.link.happening import HappeningInfo

DAY = date(2024, 11, 22)


def _statement(key: str, row: int, words: frozenset[str], cyrillic: bool = True) -> HappeningInfo:
    return HappeningInfo(
        key=key,
        claims=(f"c-{key}",),
        core=(row,),
        rows=(row,),
        doc_id=f"d-{key}",
        type="policy_or_statement",
        day=DAY,
        span=1,
        dated=False,  # Telegram posts: dated by their publication only
        published=DAY,
        region=None,
        regions=frozenset(),
        regions_named=frozenset(),
        settlements=frozenset(),
        country=None,
        people=frozenset(),
        claimants=frozenset(),
        counts=(),
        names=frozenset(),
        words=words,
        place_mentions=frozenset(),
        reuse_groups=frozenset(),
        digest=False,
        cyrillic=cyrillic,
        order=row,
    )


# what the English model gives two unrelated Russian statements of one day
ALIKE = {(0, 1): 0.62, (1, 0): 0.62}


def test_link_russian_statements_alike_only_to_the_sentence_model_stay_apart() -> None:
    x = _statement("a", 0, frozenset({"ракет", "испыт", "серий"}))
    y = _statement("b", 1, frozenset({"мобил", "песко", "власт"}))
    assert not score(x, y, ALIKE).merge


def test_link_russian_reports_sharing_their_content_stems_still_merge() -> None:
    x = _statement("a", 0, frozenset({"реест", "иноаг", "минюс", "включ"}))
    y = _statement("b", 1, frozenset({"реест", "иноаг", "минюс", "внесл"}))
    assert score(x, y, ALIKE).merge


def test_link_english_wording_is_read_as_before() -> None:
    x = _statement("a", 0, frozenset({"missi", "tests", "serial"}), cyrillic=False)
    y = replace(_statement("b", 1, frozenset({"mobil", "peskov", "power"})), cyrillic=False)
    assert score(x, y, ALIKE).features["similarity"] == 0.62
