"""The desk and `watch` on one ledger at once: both work, and a pause on the desk is obeyed."""

from __future__ import annotations

from pathlib import Path

from briefwire.store import Store
from briefwire.watch import make_source
from tests.liveserver import serve
from tests.livesite import Entry, at, story
from tests.watchrun import n_documents, options, wait_for, watching
from tests.webdata import desk_client, post

N_ENTRIES = 30


def test_desk_and_watch_share_a_ledger_and_a_pause_on_the_desk_stops_the_polls(tmp_path: Path) -> None:
    db = tmp_path / "live.db"
    with serve() as (base, site), Store(db) as store:
        for name in ("busy", "quiet"):
            store.add_watch_source(
                make_source("feed", f"{base}/{name}.xml", name=name, interval=0.1).fields()
            )
        site.publish("/quiet.xml", Entry("q0", "Quiet", story(999), at(0)))
        client = desk_client(db)
        statuses = []
        with watching(db, options(base, rescan=0.1)) as run:
            for n in range(N_ENTRIES):
                site.publish("/busy.xml", Entry(f"b{n}", f"Busy {n}", story(n), at(n)))
                statuses.append(client.get("/sources").status_code)
                statuses.append(client.get("/documents").status_code)
            wait_for(lambda: n_documents(db) == N_ENTRIES + 1, what="every entry in the ledger")
            statuses.append(
                post(client, "/sources/quiet/pause", {"action": "pause"}, page="/sources").status_code
            )
            paused_at = len(site.hits("/quiet.xml"))
            busy_at = len(site.hits("/busy.xml"))
            wait_for(lambda: len(site.hits("/busy.xml")) > busy_at + 5, what="more polls of the other source")
        assert run.of("quiet") and run.of("busy")
        assert set(statuses) <= {200, 303}, statuses
        assert len(site.hits("/quiet.xml")) <= paused_at + 1  # a poll already on its way may land
        page = client.get("/sources").text
        assert "paused by tester on the desk" in page
        assert n_documents(db) == N_ENTRIES + 1
