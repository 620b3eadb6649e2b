"""The candidate index of an incremental link: old happenings are ruled out only when no score
could merge them with a new one, so a crowded week costs what can merge, with the same result."""

from __future__ import annotations

import random
from typing import Any

import pytest

import briefwire.link as link_module
from briefwire.link import LinkInput, LinkOptions, link
from briefwire.link.entities import org_profile, resolve_people
from briefwire.link.evidence import WEIGHTS, score
from briefwire.link.happening import happening_infos
from briefwire.link.index import BOUNDED, could_merge, sketches
from briefwire.link.merge import claim_infos
from briefwire.link.similarity import LexicalSimilarity

from .linkrows import claim, region

PLACES = [region("RU-BEL", "Belgorod Oblast"), region("RU-ROS", "Rostov Oblast"), None]
SETTLED = {
    "name": "Shebekino",
    "admin1": "Belgorod Oblast",
    "admin1_code": "RU-BEL",
    "precision": "settlement",
}
OTHER = [
    "queues",
    "buses",
    "fuel",
    "exemption",
    "students",
    "deferment",
    "lawyers",
    "appeal",
    "court",
    "hearing",
]
WORDS = [
    "drafted",
    "men",
    "sent",
    "home",
    "mistake",
    "recruitment",
    "office",
    "training",
    "camp",
    "protest",
    "wives",
    "governor",
]


def test_link_index_bounds_every_feature_that_raises_a_score() -> None:
    # a new feature with a positive weight must be bounded too, or the index could drop a merge
    assert {k for k, w in WEIGHTS.items() if w > 0} == BOUNDED


def _random_claims(n: int, seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        quote = " ".join(rng.sample(WORDS, rng.randint(3, 9))).capitalize() + f" in Valuyki {i % 4}."
        out.append(
            claim(
                f"d{i // 2}",
                quote,
                rng.choice(["wrongful_mobilization", "release_or_return", "protest_or_appeal"]),
                date=f"2024-03-{rng.randint(1, 20):02d}" if rng.random() < 0.7 else None,
                date_basis=rng.choice(["explicit", "publication", "relative"]),
                date_precision=rng.choice(["day", "day", "week"]),
                published=f"2024-03-{rng.randint(1, 20):02d}",
                location=SETTLED if rng.random() < 0.2 else rng.choice(PLACES),
                quantity={"value": float(rng.choice([10, 40, 41])), "unit": "men"}
                if rng.random() < 0.4
                else None,
                actors=[{"name": "Ivan Petrov", "role": "victim"}] if rng.random() < 0.2 else [],
                claimed_by=["governor"] if rng.random() < 0.3 else [],
                facet="figure" if rng.random() < 0.1 else None,
            )
        )
    return out


@pytest.mark.parametrize("seed", range(4))
def test_link_index_never_rules_out_a_pair_that_merges(seed: int) -> None:
    claims = _random_claims(80, seed)
    people = resolve_people(claims, [])
    hs = happening_infos(claims, claim_infos(claims, people, {}, org_profile()))
    sketch = {s.key: s for s in sketches(claims, {})}
    sim = LexicalSimilarity().matrix([c["quote"] for c in claims])
    merging = [(x, y) for x in hs for y in hs if x.doc_id != y.doc_id and score(x, y, sim).merge]
    assert merging  # the property is tested on pairs that do merge
    assert all(could_merge(x, sketch[y.key], sim) for x, y in merging)


def test_link_adding_one_post_to_a_crowded_week_scores_only_pairs_that_could_merge(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rng = random.Random(15)
    # a busy week of call-ups told in other words, from other regions
    old = [
        claim(
            f"old{i}",
            f"{' '.join(rng.sample(OTHER, 5)).capitalize()} reported officials of district {i}.",
            "wrongful_mobilization",
            location=region(f"RU-X{i % 30:02d}", f"Region {i % 30}"),
            event_id=f"e{i}",
        )
        for i in range(60)
    ]
    story = "Forty men drafted by mistake in Shebekino were sent home from the training camp on Monday."
    old.append(claim("old-twin", story, "wrongful_mobilization", location=SETTLED, event_id="e-twin"))
    new = claim("new", story.replace("Monday", "Monday evening"), "release_or_return", location=SETTLED)
    scored: list[tuple[str, str]] = []

    def counted(x: Any, y: Any, sim: Any) -> Any:
        scored.append((x.key, y.key))
        return score(x, y, sim)

    monkeypatch.setattr(link_module, "score", counted)
    claims = [*old, new]
    options = LinkOptions(embeddings=False)
    result = link(LinkInput(claims=claims, new_claims=frozenset({new["claim_id"]})), options)
    # 61 old happenings share the new one's week and family; only its twin could merge with it
    assert len(scored) == 1
    assert set(result.scope_claim_keys or ()) == {new["claim_id"], old[-1]["claim_id"]}
    full = link(LinkInput(claims=claims), options)
    joined = next(e for e in full.events if new["claim_id"] in e.claim_keys)
    assert set(joined.claim_keys) == set(result.scope_claim_keys or ())
