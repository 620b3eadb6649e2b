"""Shared fixtures: a fresh store per test, builders for plain stage data, ../shared when present."""

from __future__ import annotations

import hashlib
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


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Files with a slow test first: `--dist loadfile` hands files out in collection order, so the
    longest start at once and the two workers end together (order within a file is kept)."""
    slow = {item.path for item in items if item.get_closest_marker("slow")}
    items.sort(key=lambda item: item.path not in slow)
