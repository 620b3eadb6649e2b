"""The brief of a period reads that period and says what a brief reading the whole ledger says."""

from __future__ import annotations

import pytest

from briefwire import api, report
from briefwire.link import LinkOptions
from briefwire.pipeline import PipelineOptions

from .conftest import REPO

PERIODS = [
    ("2022-09-29", "2022-09-30"),
    ("2022-10-01", None),
    (None, "2022-10-03"),
    ("2022-10-05", "2022-10-05"),
]


def _in(day: str | None, since: str | None, until: str | None) -> bool:
    return bool(day) and (since is None or day[:10] >= since) and (until is None or day[:10] <= until)  # type: ignore[index]


def _brief_reading_everything(ws: api.Workspace, since: str | None, until: str | None) -> report.Brief:
    """The brief as it was computed before periods were read by index: everything, then filtered."""
    st = ws.store
    documents = {d["doc_id"]: d for d in st.documents()}
    in_period = {k for k, d in documents.items() if _in(d.get("published"), since, until)}
    undated = sum(1 for d in documents.values() if not d.get("published"))
    events = [
        e
        for e in st.events()[0]
        if _in(e.get("first_reported"), since, until)
        or (set(e["doc_ids"]) & in_period and not e.get("first_reported"))
    ]
    keys = {e["event_id"] for e in events}
    claims = [c for c in st.claims() if c.get("event_id") in keys]
    happening_keys = {c.get("happening_id") for c in claims} - {None}
    data = report.BriefInput(
        passages=[p for p in st.passages() if p["doc_id"] in in_period],
        documents=documents,
        events=events,
        claims=claims,
        happenings=[h for h in st.happenings() if h["happening_id"] in happening_keys],
        mentions=[m for m in st.mentions(kind="quantity") if m.get("happening_id") in happening_keys],
        persons=[p for p in st.persons() if set(p["doc_ids"]) & in_period],
        previous_keys=frozenset(
            e["event_id"]
            for e in events
            if since and e.get("first_reported") and e["first_reported"][:10] < since
        ),
        undated_documents=undated,
    )
    return report.build_brief(data, since, until)


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> api.Workspace:
    ws = api.Workspace(tmp_path_factory.mktemp("brief") / "l.db")
    api.ingest(ws, [REPO / "examples"], PipelineOptions(link_options=LinkOptions(embeddings=False)))
    return ws


@pytest.mark.parametrize(("since", "until"), PERIODS)
def test_brief_of_a_period_says_what_reading_the_whole_ledger_says(
    ledger: api.Workspace, since: str | None, until: str | None
) -> None:
    ours = api.brief(ledger, since, until)
    assert ours == _brief_reading_everything(ledger, since, until)
    assert ours.n_items, f"nothing in {since}..{until}: the comparison says nothing"


def test_brief_of_a_period_reads_no_document_outside_it(ledger: api.Workspace) -> None:
    st = ledger.store
    read: list[tuple[str | None, str | None]] = []
    original = st.documents
    st.documents = lambda since=None, until=None: read.append((since, until)) or original(since, until)  # type: ignore[method-assign]
    try:
        api.brief(ledger, "2022-10-05", "2022-10-05")
    finally:
        st.documents = original  # type: ignore[method-assign]
    everything = {d["doc_id"] for d in original()}
    in_day = {d["doc_id"] for d in original("2022-10-05", "2022-10-05")}
    assert read == [("2022-10-05", "2022-10-05")] and len(in_day) < len(everything)
