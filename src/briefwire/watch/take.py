"""The writer's side of a poll: the units not taken yet go through the pipeline, in order.

Runs on the watch's single writer thread, which owns the store and the long-lived
:class:`~briefwire.pipeline.Pipeline` (models and the dedupe index stay loaded between polls).
A unit is marked taken only after all its documents are stored, so a kill at any point
leaves it to be taken again; the pipeline's content-hash keys make that second pass store
nothing twice.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from briefwire import link as link_stage
from briefwire.models import IngestError, RawDocument
from briefwire.pipeline import Pipeline
from briefwire.store import Store

from .poll import Offer, Unit
from .sources import Source, State


@dataclass
class Taken:
    new: int = 0
    stored: int = 0
    duplicates: int = 0
    errors: int = 0
    claims: int = 0
    #: cut short by a stop request: the rest waits for the next run
    stopped: bool = False
    cursor: str | None = None


class Taker:
    def __init__(self, store: Store, pipeline: Pipeline, stopping: threading.Event) -> None:
        self.store = store
        self.pipeline = pipeline
        self.stopping = stopping

    def take(self, source: Source, state: State, offer: Offer) -> Taken:
        done = self.store.taken_versions(source.name, (u.key for u in offer.units))
        result = Taken(cursor=state.cursor)
        for unit in offer.units:
            if done.get(unit.key) == unit.version:
                continue
            if self.stopping.is_set() or not self._take_unit(source, unit, result):
                result.stopped = True
                break
        return result

    def _take_unit(self, source: Source, unit: Unit, result: Taken) -> bool:
        """True when the whole unit went in; False when a stop request cut it short."""
        items = _Until(unit.read(), self.stopping)
        summary = self.pipeline.ingest_items(items)
        result.stored += summary.ingested
        result.duplicates += summary.duplicates
        result.errors += len(summary.errors)
        result.claims += summary.claims
        if items.cut:
            return False
        self.store.mark_taken(source.name, [(unit.key, unit.version, unit.origin)], unit.order or None)
        result.new += 1
        if unit.order and unit.order > int(result.cursor or 0):
            result.cursor = str(unit.order)
        return True

    def warm(self) -> None:
        """Load the models now: the engine's language models and the linker's similarity model."""
        _ = self.pipeline.engine
        if self.pipeline.options.extract:
            link_stage.warm_up(self.pipeline.options.link_options)

    def link(self) -> None:
        """Link what was stored since the last link (claims not yet in an event)."""
        if self.pipeline.options.extract:
            self.pipeline.link(incremental=True)

    def unlinked(self) -> bool:
        """Claims stored but never linked: a run killed between storing and linking."""
        return any(not c.get("event_id") for c in self.store.claims())


class _Until(Iterator[RawDocument | IngestError]):
    """The unit's items until a stop is requested; ``cut`` tells whether any were held back."""

    def __init__(self, items: Iterable[RawDocument | IngestError], stopping: threading.Event) -> None:
        self._items = iter(items)
        self._stopping = stopping
        self.cut = False

    def __next__(self) -> RawDocument | IngestError:
        item = next(self._items)
        if self._stopping.is_set():
            self.cut = True
            raise StopIteration
        return item
