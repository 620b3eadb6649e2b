"""A small ledger with claims, events and named casualties, built the way a user builds one."""

from __future__ import annotations

from pathlib import Path

from briefwire.engine import InProcess
from briefwire.link import LinkOptions
from briefwire.pipeline import Pipeline, PipelineOptions
from briefwire.store import Store

from .backfill_corpus import posts


def backfill_ledger(db: Path, n: int = 60) -> Path:
    """Ingest ``n`` backfill posts into ``db`` in this process and link them."""
    options = PipelineOptions(batch_size=16, link_options=LinkOptions(embeddings=False))
    with Store(db) as store:
        summary = Pipeline(store, options, engine=InProcess()).ingest_items(posts(n))
    assert summary.claims and summary.casualties, "the backfill posts should give claims and casualties"
    return db
