"""Shared fixtures: a fresh store per test, builders for plain stage data, ../shared when present."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from briefwire.models import CleanDocument, DateValue, DedupeResult, Paragraph, RawDocument, RemovedSpan
from briefwire.store import DocumentToSave, Store

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

    from tests.webdata import Standard

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture
def shared() -> Path:
    """The shared folder beside the repository (seeds, gold, corpora), or skip."""
    if not (SHARED / "gold" / "seeds.json").exists():
        pytest.skip(f"needs the shared data folder at {SHARED} (seeds, gold and corpora), which is absent")
    return SHARED


@pytest.fixture
def std(tmp_path: Path) -> Standard:
    """The desk's standard ledger (tests.webdata) at ``tmp_path / "desk.db"``."""
    from tests.webdata import standard_ledger  # noqa: PLC0415 - only desk tests pay for the web imports

    return standard_ledger(tmp_path / "desk.db")


@pytest.fixture
def client(tmp_path: Path, std: Standard) -> TestClient:
    """A desk client logged in as the local user, on the standard ledger."""
    from tests.webdata import desk_client  # noqa: PLC0415

    return desk_client(tmp_path / "desk.db")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "ledger.db") as st:
        yield st


def make_doc(
    paragraphs: Sequence[str],
    *,
    origin: str = "mem://doc",
    outlet: str | None = "Test Outlet",
    published: str | None = "2022-10-01",
    title: str | None = "A title",
    url: str | None = None,
    removed: Sequence[RemovedSpan] = (),
) -> CleanDocument:
    """A CleanDocument built by hand, without running the clean stage."""
    text, paras, pos = "", [], 0
    for i, p in enumerate(paragraphs):
        if i:
            text += "\n\n"
            pos += 2
        paras.append(Paragraph(i, pos, pos + len(p), p))
        text += p
        pos += len(p)
    raw = RawDocument(
        origin=origin, text=text, format="text", url=url, outlet=outlet, title=title, published=published
    )
    doc_id = hashlib.sha256(text.encode()).hexdigest()[:20]
    date = DateValue(published, "day", "metadata") if published else DateValue.unknown()
    return CleanDocument(raw, doc_id, text, tuple(paras), tuple(removed), title, None, date, "en")


def save(store: Store, doc: CleanDocument, themes: Sequence[str | None] = (), **kw: object) -> None:
    """Save a hand-built document with no re-use unless a DedupeResult is given."""
    dedupe = kw.pop("dedupe", None) or DedupeResult(doc.doc_id, None, None, None, ())
    store.save_document(
        DocumentToSave(
            doc=doc, dedupe=dedupe, themes=list(themes), passage_signatures=[], doc_signature=None, **kw
        )
    )  # type: ignore[arg-type]


# Seconds per test file as last measured (`make durations` rewrites it from a full run).
DURATIONS: dict[str, float] = json.loads((REPO / "tests" / "durations.json").read_text(encoding="utf-8"))
_UNLISTED_SLOW = 5.0  # a new file with a slow test, until it is measured


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Longest files first: `--dist loadfile` hands files out in collection order, so the longest
    start at once and the short ones fill in at the end, and the two workers end together; a
    minute-long file handed out last is a minute one worker runs alone. Files tests/durations.json
    does not list go by their slow marker. A stale figure costs wall time, never a test; order
    within a file is kept (the sort is stable)."""
    slow = {item.path for item in items if item.get_closest_marker("slow")}

    def seconds(item: pytest.Item) -> float:
        return DURATIONS.get(item.path.name) or (_UNLISTED_SLOW if item.path in slow else 0.0)

    items.sort(key=lambda item: -seconds(item))
