"""Real Telegram posts of one happening are linked; the same report of another day stays apart.

Texts written for these tests (places and people are real names used as examples only).
"""

from __future__ import annotations

from typing import Any

from briefwire.link import LinkInput, LinkOptions, LinkResult, link
from briefwire.models import LinkedEvent

from .linkrows import claim, document

FAST = LinkOptions(embeddings=False)
BRY = {
    "name": "Брянская область",
    "admin1": "Брянская область",
    "admin1_code": "RU-BRY",
    "country": "RU",
    "precision": "region",
}
KLINTSY = {**BRY, "name": "Клинцы", "precision": "settlement"}


def _link(claims: list[dict[str, Any]], kind: str = "telegram") -> LinkResult:
    """Link ``claims``; their documents are a channel's posts (``kind``: the source's kind)."""
    docs = {c["doc_id"] for c in claims}
    documents = [document(d, f"outlet-{d}", source_kind=kind) for d in sorted(docs)]
    return link(LinkInput(claims=claims, documents=documents), FAST)


def _event_of(result: LinkResult, claim_key: str) -> LinkedEvent:
    return next(e for e in result.events if claim_key in e.claim_keys)


def _together(result: LinkResult, a: dict[str, Any], b: dict[str, Any]) -> bool:
    return b["claim_id"] in _event_of(result, a["claim_id"]).claim_keys


def _post(doc: str, quote: str, published: str, **kw: Any) -> dict[str, Any]:
    """A post dated only by its publication, as most Telegram news posts are."""
    return claim(
        doc,
        quote,
        "other",
        date=published,
        date_basis="publication",
        published=published,
        location=kw.pop("location", BRY),
        happening_id=f"h-{doc}",
        **kw,
    )


NIGHT = "Над Брянской областью ночью уничтожены беспилотники самолетного типа, пострадавших нет."
AGAIN = "Ночью над Брянской областью уничтожены беспилотники самолетного типа, пострадавших нет."


def test_link_posts_telling_the_same_night_merge() -> None:
    a, b = _post("tg-a", NIGHT, "2024-11-24"), _post("tg-b", AGAIN, "2024-11-24")
    assert _together(_link([a, b]), a, b)


def test_link_the_same_nightly_report_three_days_later_is_another_happening() -> None:
    # neither post dates what it tells: each tells of its own night
    a, b = _post("tg-a", NIGHT, "2024-11-24"), _post("tg-b", AGAIN, "2024-11-27")
    assert not _together(_link([a, b]), a, b)


def test_link_an_articles_follow_up_days_later_still_merges() -> None:
    # a paper's follow-up rarely dates what it tells again: articles keep a week
    a, b = _post("paper-a", NIGHT, "2024-11-24"), _post("paper-b", AGAIN, "2024-11-27")
    assert _together(_link([a, b], kind="news"), a, b)


def test_link_a_follow_up_naming_the_same_settlement_days_later_still_merges() -> None:
    a = _post("tg-a", NIGHT.replace("Брянской областью", "Клинцами"), "2024-11-24", location=KLINTSY)
    b = _post("tg-b", AGAIN.replace("Брянской областью", "Клинцами"), "2024-11-26", location=KLINTSY)
    assert _together(_link([a, b]), a, b)


def test_link_a_surname_in_the_genitive_is_the_person_named_in_the_nominative() -> None:
    # «обыски по делу Гельмана» and «галерист Гельман»: one person, not two people named
    a = claim(
        "tg-a",
        "В Перми прошли обыски по делу галериста Марата Гельмана.",
        "repression_or_prosecution",
        actors=[{"name": "Марата Гельмана", "role": "subject"}],
        happening_id="h-tg-a",
    )
    b = claim(
        "tg-b",
        "По делу галериста Марата Гельмана в Перми прошли обыски.",
        "repression_or_prosecution",
        actors=[{"name": "Марат Гельман", "role": "subject"}],
        happening_id="h-tg-b",
    )
    assert _together(_link([a, b]), a, b)


def _features(a: dict[str, Any], b: dict[str, Any]) -> dict[str, float]:
    return next(p.features for p in _link([a, b]).pairs if {p.a, p.b} == {a["claim_id"], b["claim_id"]})


def test_link_the_next_days_report_is_not_near_in_time_on_its_publication_alone() -> None:
    # half the real pairs of posts published a day apart are the same nightly report of
    # another night: only the same day counts as near
    a = _post("tg-a", NIGHT, "2024-11-24")
    assert _features(a, _post("tg-b", AGAIN, "2024-11-24")).get("near_publication") == 1.0
    assert not _features(a, _post("tg-c", AGAIN, "2024-11-25")).get("near_publication")
