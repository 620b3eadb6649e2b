"""Regression (issue 12, item 5): a 3 MB document was stored but its extraction failed with
RecursionError, silently leaving it without claims. Long documents are split, never skipped.

The real CLI ingests varied event reporting (tests/hostile/long_document.py: no sentence
repeated) into a real ledger, in paragraphs several times longer than the nlp stage's block
limit. It must end with no error and with claims from the top of the document to its end. The
child runs under a budget of CPU time (RLIMIT_CPU: the kernel stops it with SIGXCPU), as
test_hostile_text does; wall time on a shared machine says nothing. The size is a tenth of the
3 MB: ingest is linear in length and costs about 2 minutes of CPU per megabyte (38 s for this
size: spaCy, and MiniLM's sentence vectors, which linking now reuses instead of encoding each
sentence a second time; it was 55 s). The 3 MB itself, ingested by hand through the CLI before
that: 1,344 s of CPU (10.7 times this size's 126 s then, for 10.2 times the text), 3.9 GB peak,
27,069 claims from the first line to the last. Linking had been what never finished: it re-read the document's
first and last paragraphs (here megabytes) for each of its events (see
test_link_long_paragraphs).
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from briefwire.store import Store
from tests.conftest import REPO
from tests.hostile.long_document import long_document

SIZE = 300_000
PER_PARAGRAPH = 1000  # sentences: about 115,000 characters, six of the nlp stage's blocks
BUDGET_SECONDS = 900  # CPU time; a linear run needs one or two minutes
HANG_SECONDS = 4 * BUDGET_SECONDS  # wall time: only a process that hangs without using CPU hits it


# the child limits its own CPU time, then is the real `briefwire` command (argv after -c)
CHILD = (
    "import resource, runpy, sys; "
    f"resource.setrlimit(resource.RLIMIT_CPU, ({BUDGET_SECONDS}, {BUDGET_SECONDS + 5})); "
    "sys.argv = ['briefwire', *sys.argv[1:]]; "
    "runpy.run_module('briefwire', run_name='__main__', alter_sys=True)"
)


@pytest.mark.slow
def test_long_document_is_not_stored_without_claims_as_a_3mb_one_was(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    body = long_document(SIZE, PER_PARAGRAPH)
    (folder / "report.txt").write_text(body + "\n", encoding="utf-8")
    meta = {"outlet": "Northwire", "published": "2022-10-07", "language": "en", "title": "Across the regions"}
    (folder / "report.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    db = tmp_path / "ledger.db"
    done = subprocess.run(
        [sys.executable, "-c", CHILD, "ingest", str(folder), "--db", str(db)],
        cwd=REPO, capture_output=True, text=True, timeout=HANG_SECONDS, check=False,
    )  # fmt: skip
    assert done.returncode != -signal.SIGXCPU, f"over {BUDGET_SECONDS} s of CPU time"
    assert done.returncode == 0, done.stderr[-3000:]
    with Store(db) as store:
        assert store.errors() == []
        [doc] = store.documents()
        claims = store.claims(doc["doc_id"])
        stored = store.document(doc["doc_id"])
    assert stored is not None
    length = len(stored["clean_text"])
    assert length > SIZE * 9 // 10  # stored whole
    assert len(claims) >= len(body) // 10_000, len(claims)  # claims all along, not a handful
    assert min(c["start"] for c in claims) < length // 10
    assert max(c["start"] for c in claims) > length * 9 // 10  # read to the end, not cut short
