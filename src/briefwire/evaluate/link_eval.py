"""Run the linking sets: ingest into a ledger, link everything, score (see :mod:`.linking`).

``ledger`` keeps the ingested ledger at a path so that a second run only links again (what
tuning a linking rule on a dev set needs: extraction is the slow part and does not change).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

from rich.console import Console

from briefwire import api
from briefwire.pipeline import Pipeline, PipelineOptions

from .link_misses import print_link_misses
from .link_sets import DocSet, TgSet, materialise_docs, materialise_tg
from .linking import score_docs, score_tg

__all__ = ["link_scores"]


@contextmanager
def _workspace(s: TgSet | DocSet, workers: int, ledger: Path | None) -> Iterator[api.Workspace]:
    with tempfile.TemporaryDirectory() as tmp:
        path = ledger or Path(tmp) / "link.db"
        with api.Workspace(path) as ws:
            if not ws.store.documents():  # a ledger kept from an earlier run is linked again only
                with _inputs(s) as folder:
                    api.ingest(ws, [folder], PipelineOptions(workers=workers, link=False))
            Pipeline(ws.store).link()
            yield ws


def _inputs(s: TgSet | DocSet) -> AbstractContextManager[Path]:
    return materialise_tg(s) if isinstance(s, TgSet) else materialise_docs(s)


def link_scores(
    s: TgSet | DocSet, workers: int = 1, ledger: Path | None = None, misses: Console | None = None
) -> dict[str, float]:
    """Scores of one linking set; ``ledger``: keep (or reuse) the ingested ledger there;
    ``misses``: print the document pairs merged wrongly or missed (dev sets only)."""
    with _workspace(s, workers, ledger) as ws:
        if misses is not None and isinstance(s, DocSet) and s.split == "dev":
            print_link_misses(misses, ws, s)
        claims = list(api.export_rows(ws, "claims"))
        events = list(api.export_rows(ws, "events"))
        if isinstance(s, TgSet):
            return score_tg(s, claims, events)
        return score_docs(s, claims, events)
