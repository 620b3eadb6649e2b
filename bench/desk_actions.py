"""How long the desk's merge and split take on a ledger of 10,000 events (issue 12, item 15).

Builds a synthetic ledger (one claim per document, six event types, dates over three years, so
a block of type family and weeks holds a few dozen claims as on real ledgers), links it once in
full with sentence embeddings (kept in ``claim_vectors`` as an ingest leaves them), then times
through the real desk app (its test client, so each figure is a whole request):

- merge of two events and split of a claim back out, scoped to what the decision touches
  (what the desk does now), first cold (models loading) and then warm, best of ``--rounds``;
- the whole-ledger re-link the desk used to run inside the request, once, for the ratio.

    .venv/bin/python bench/desk_actions.py [--events 10000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import secrets
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from fastapi.testclient import TestClient

from briefwire import api
from briefwire.models import Claim, CleanDocument, DateValue, DedupeResult, Paragraph, RawDocument
from briefwire.store import DocumentToSave, Store
from briefwire.web import WebSettings, create_app
from common import banner, load

TYPES = ("draft_notice", "protest", "arrest", "exemption", "casualty_report", "policy_change")
WORDS = (
    "notices", "men", "depot", "factory", "office", "village", "court", "mothers", "students",
    "workers", "border", "station", "hospital", "school", "district", "governor", "police",
    "summons", "deferral", "list", "camp", "bus", "train", "square", "market", "bridge",
)  # fmt: skip
_CSRF = re.compile(r'<meta name="csrf-token" content="([^"]+)"')


def _document(i: int, rng: random.Random, start: date) -> DocumentToSave:
    day = (start + timedelta(days=rng.randrange(3 * 365))).isoformat()
    type_ = TYPES[i % len(TYPES)]
    sentence = f"Report {i}: " + " ".join(rng.choice(WORDS) for _ in range(8)) + f" in place {i}."
    doc_id = hashlib.sha256(f"bench|{i}".encode()).hexdigest()[:16]
    raw = RawDocument(
        origin=f"bench://{i}", text=sentence, format="txt", url=f"https://news.example/{i}",
        outlet=f"Outlet {i % 40}", title=f"Report {i}", published=day, language="en",
    )  # fmt: skip
    doc = CleanDocument(
        raw=raw, doc_id=doc_id, text=sentence, paragraphs=(Paragraph(0, 0, len(sentence), sentence),),
        removed=(), title=raw.title, dek=None, published=DateValue(day, "day", "metadata"), language="en",
    )  # fmt: skip
    claim = Claim(
        doc_id=doc_id, type=type_, theme="Army Recruitment and Draft", summary=sentence,
        start=0, end=len(sentence), quote=sentence, date=DateValue(day, "day", "explicit"),
        location=None, actors=(), quantity=None, claimed_by=(), stance="reported",
        extractor="bench.v1", confidence=0.9, paragraph_index=0,
    )  # fmt: skip
    return DocumentToSave(
        doc=doc, dedupe=DedupeResult(doc_id, None, None, None, ()), themes=[None],
        passage_signatures=[None], doc_signature=None, claims=(claim,), casualties=(),
    )  # fmt: skip


def build(db: Path, n: int) -> None:
    rng = random.Random(12)
    with Store(db) as store:
        for i in range(n):
            store.save_document(_document(i, rng, date(2022, 1, 1)))
        started = time.perf_counter()
        api.relink(api.Workspace(db, store=store))
        print(f"built: {n} documents, linked in full in {time.perf_counter() - started:.1f} s ({load()})")


def _post(client: TestClient, url: str, data: dict[str, str]) -> float:
    token = _CSRF.search(client.get("/").text)
    assert token, "no form token on the queue page"
    started = time.perf_counter()
    r = client.post(url, data={**data, "csrf_token": token.group(1)})
    elapsed = time.perf_counter() - started
    assert r.status_code == 303, (url, r.status_code)
    return elapsed


def _pair(store: Store, rng: random.Random) -> tuple[str, str]:
    rows = store.conn.execute("SELECT event_key FROM events ORDER BY event_key").fetchall()
    a, b = rng.sample([r[0] for r in rows], 2)
    return str(a), str(b)


def merge_then_split(client: TestClient, db: Path, rng: random.Random) -> tuple[float, float]:
    with Store(db) as store:
        a, b = _pair(store, rng)
        merge = _post(client, f"/events/{a}/merge", {"other": b})
        [claim] = [r[0] for r in store.conn.execute("SELECT claim_key FROM claims WHERE event_id = "
                   "(SELECT event_id FROM events WHERE event_key = ?)", (b,))] or [None]  # fmt: skip
        held = store.claims_by_key([a])[0]["event_id"]
    split = _post(client, f"/events/{held}/split", {"claim": claim or b})
    return merge, split


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    banner(f"desk merge and split on a ledger of {args.events} events")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "desk.db"
        build(db, args.events)
        with Store(db) as store:
            events = store.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
        print(f"events in the ledger: {events}")
        app = create_app(db, settings=WebSettings(secret_key=secrets.token_urlsafe(16), local_user="bench"))
        client = TestClient(app, base_url="http://127.0.0.1", follow_redirects=False)
        rng = random.Random(3)
        cold = merge_then_split(client, db, rng)
        print(f"cold (first action, models loading): merge {cold[0]:.2f} s, split {cold[1]:.2f} s ({load()})")
        warm = [merge_then_split(client, db, rng) for _ in range(args.rounds)]
        merge, split = min(m for m, _ in warm), min(s for _, s in warm)
        print(f"warm, best of {args.rounds}: merge {merge:.3f} s, split {split:.3f} s ({load()})")
        started = time.perf_counter()
        api.relink(api.Workspace(db))
        full = time.perf_counter() - started
        print(f"whole-ledger re-link (what a merge used to run): {full:.2f} s ({load()})")
        print(f"ratio whole re-link / scoped merge: {full / merge:.0f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
