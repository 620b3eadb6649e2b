"""The desk and an ingest writing the same ledger at once lose nothing."""

from __future__ import annotations

import threading
from pathlib import Path

from briefwire.store import Store
from tests.webdata import ClaimSpec, Ledger, desk_client, post, standard_ledger

N_DECISIONS = 40
MAX_DOCUMENTS = 100_000  # the writer stops by itself even if the test thread dies


class Ingest(threading.Thread):
    """Stands in for `briefwire ingest`: its own connection, one transaction per document,
    writing until told to stop."""

    def __init__(self, db: Path) -> None:
        super().__init__()
        self.db = db
        self.written = 0
        self.errors: list[BaseException] = []
        self.running = threading.Event()
        self.stop = threading.Event()

    def run(self) -> None:
        led = Ledger(self.db)
        try:
            while not self.stop.is_set() and self.written < MAX_DOCUMENTS:
                i = self.written
                led.document(
                    [f"Concurrent report {i}: notices were served in district {i}."],
                    title=f"concurrent {i}",
                    outlet=f"Outlet {i % 5}",
                    claims=(ClaimSpec("notices were served"),),
                )
                self.written += 1
                self.running.set()
        except BaseException as exc:  # handed to the test thread
            self.errors.append(exc)
        finally:
            self.running.set()
            led.close()


def test_web_decisions_and_ingest_at_the_same_time_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "busy.db"
    std = standard_ledger(db)
    client = desk_client(db)
    ingest = Ingest(db)
    ingest.start()
    ingest.running.wait(timeout=30)
    statuses = []
    for i in range(N_DECISIONS):
        action = "accept" if i % 2 else "reject"
        statuses.append(post(client, f"/events/{std.draft_event}/review", {"action": action}).status_code)
        statuses.append(client.get("/documents").status_code)
    still_writing = ingest.is_alive()
    ingest.stop.set()
    ingest.join(timeout=60)
    assert not ingest.is_alive()
    assert ingest.errors == []
    assert set(statuses) == {200, 303}
    assert still_writing and ingest.written > 0  # they really ran at the same time
    with Store(db) as store:
        assert len(store.documents()) == 5 + ingest.written
        decisions = store.decisions("event", std.draft_event)
        assert [d["action"] for d in decisions] == ["reject", "accept"] * (N_DECISIONS // 2)
