"""Incremental linking reads only what new claims can touch, and stores what reading everything stored."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from briefwire import api
from briefwire.link import LinkInput, LinkOptions, link
from briefwire.pipeline import Pipeline, PipelineOptions
from briefwire.store import Store

from .conftest import REPO

OPTIONS = PipelineOptions(link_options=LinkOptions(embeddings=False))
FIRST = ["articles", "html", "ru"]
LATER = ["telegram", "jsonl", "feeds", "summaries"]


def _link_reading_everything(store: Store) -> None:
    """The incremental link as it was: every claim, mention and passage read, then scoped."""
    new = frozenset(c["claim_id"] for c in store.claims() if not c.get("event_id"))
    inp = LinkInput(
        claims=store.claims(),
        mentions=store.casualty_mentions(),
        decisions=store.decisions(),
        passages=store.passages(),
        documents=store.link_documents(),
        new_claims=new,
    )
    result = link(inp, OPTIONS.link_options)
    store.replace_links(result.events, result.persons, scope_claim_keys=result.scope_claim_keys)
    store.save_link_output(
        result.entities, result.pairs, result.details, result.person_details, result.scope_claim_keys
    )


def _state(store: Store) -> dict[str, Any]:
    def rows(sql: str) -> list[tuple[Any, ...]]:
        return sorted(tuple(r) for r in store.conn.execute(sql))

    def members(sql: str) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for key, member in rows(sql):
            out.setdefault(key, []).append(member)
        return out

    return {
        "events": members("SELECT e.event_key, c.claim_key FROM events e JOIN claims c USING (event_id)"),
        "event_rows": rows("SELECT event_key, status, independent_sources, summary FROM events"),
        "persons": members(
            "SELECT p.person_key, m.mention_key FROM persons p JOIN casualty_mentions m USING (person_id)"
        ),
        "person_rows": rows("SELECT person_key, name, status, independent_sources, home_region FROM persons"),
        "entity_mentions": rows(
            "SELECT e.entity_key, e.name, m.surface, m.role, m.claim_key, m.mention_key "
            "FROM entities e JOIN entity_mentions m USING (entity_id)"
        ),
        "entities": rows("SELECT entity_key, kind, name FROM entities"),
        "details": rows("SELECT kind, target_key, details_json FROM link_details"),
    }


@pytest.fixture(scope="module")
def ledgers(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    tmp = tmp_path_factory.mktemp("relink")
    first = [REPO / "examples" / name for name in FIRST]
    later = [REPO / "examples" / name for name in LATER]
    with api.Workspace(tmp / "reads-new.db") as ws:
        api.ingest(ws, first, OPTIONS)
    shutil.copy(tmp / "reads-new.db", tmp / "reads-all.db")
    shutil.copy(tmp / "reads-new.db", tmp / "relink-all.db")
    with api.Workspace(tmp / "reads-new.db") as ws:
        api.ingest(ws, later, OPTIONS)
        new = _state(ws.store)
    with api.Workspace(tmp / "reads-all.db") as ws:
        api.ingest(ws, later, PipelineOptions(link=False))
        _link_reading_everything(ws.store)
        everything = _state(ws.store)
    with api.Workspace(tmp / "relink-all.db") as ws:
        api.ingest(ws, later, PipelineOptions(link=False))
        Pipeline(ws.store, OPTIONS).link(incremental=False)
        relinked = _state(ws.store)
    return new, everything, relinked


@pytest.mark.slow
@pytest.mark.parametrize(
    "table", ["events", "event_rows", "persons", "entity_mentions", "entities", "details"]
)
def test_relink_reading_what_new_claims_touch_stores_what_reading_everything_stores(
    ledgers: tuple[dict[str, Any], dict[str, Any], dict[str, Any]], table: str
) -> None:
    new, everything, _ = ledgers
    assert new[table] == everything[table]
    assert new[table], f"the example corpus leaves {table} empty: the comparison says nothing"


@pytest.mark.slow
def test_relink_of_what_new_claims_touch_groups_claims_as_linking_everything_again(
    ledgers: tuple[dict[str, Any], dict[str, Any], dict[str, Any]],
) -> None:
    new, _, relinked = ledgers

    def groups(state: dict[str, Any]) -> set[frozenset[str]]:
        return {frozenset(members) for members in state["events"].values()}

    assert groups(new) == groups(relinked)
    assert any(len(g) > 1 for g in groups(new)), "no event joins two claims: the comparison says nothing"


def test_relink_with_nothing_new_reads_nothing_and_changes_nothing(tmp_path: Path) -> None:
    with api.Workspace(tmp_path / "l.db") as ws:
        api.ingest(ws, [REPO / "examples" / "articles"], OPTIONS)
        before = _state(ws.store)
        calls: list[str] = []
        original = ws.store.claims_by_key
        ws.store.claims_by_key = lambda keys: calls.append("read") or original(keys)  # type: ignore[method-assign]
        Pipeline(ws.store, OPTIONS).link(incremental=True)
        assert calls == [] and _state(ws.store) == before


def test_relink_keeps_claim_embeddings_and_reuses_them(tmp_path: Path) -> None:
    from briefwire.link.similarity import EmbeddingSimilarity  # noqa: PLC0415

    with Store(tmp_path / "l.db") as store:
        sim = EmbeddingSimilarity()
        texts = ["Forty men were sent home from the gathering point.", "The governor said 40 men went home."]
        first = sim.vectors(texts, store)
        kept = store.conn.execute("SELECT COUNT(*) FROM claim_vectors").fetchone()[0]
        again = sim.vectors(texts[::-1], store)
    assert kept == 2
    assert (again[::-1] == first).all()


def test_relink_embeds_only_claims_that_have_a_candidate_pair(tmp_path: Path) -> None:
    from briefwire.link.similarity import EmbeddingSimilarity  # noqa: PLC0415

    texts = ["Forty men were sent home.", "The governor said 40 men went home.", "A lone claim."]
    with Store(tmp_path / "l.db") as store:
        sim = EmbeddingSimilarity().matrix(texts, store, needed={0, 1})
        kept = store.conn.execute("SELECT COUNT(*) FROM claim_vectors").fetchone()[0]
    assert kept == 2
    assert 0.5 < sim[0, 1] <= 1.0
