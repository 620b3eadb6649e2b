"""Regressions found while wiring ingest into the pipeline."""

from __future__ import annotations

import json
from pathlib import Path

from briefwire.ingest import read
from briefwire.models import RawDocument


def test_ingest_folder_skips_its_own_readme_and_licence(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text(
        "# About this corpus\n\nFiles and what they hold.\n", encoding="utf-8"
    )
    (tmp_path / "LICENSE").write_text("Permission is granted ...\n", encoding="utf-8")
    (tmp_path / "story.txt").write_text("Queues grew at the border crossing overnight.\n", encoding="utf-8")
    docs = [d for d in read([tmp_path]) if isinstance(d, RawDocument)]
    assert [Path(d.origin).name for d in docs] == ["story.txt"]


def test_ingest_telegram_publication_time_is_utc_from_unixtime(tmp_path: Path) -> None:
    # The export's "date" is the exporting machine's local time; date_unixtime is absolute.
    export = {
        "name": "Chan",
        "type": "public_channel",
        "id": 1,
        "messages": [
            {
                "id": 5,
                "type": "message",
                "date": "2022-09-29T02:30:00",
                "date_unixtime": "1664389800",
                "text": "A post written just after midnight local time.",
            }
        ],
    }
    (tmp_path / "result.json").write_text(json.dumps(export), encoding="utf-8")
    doc = next(d for d in read([tmp_path / "result.json"]) if isinstance(d, RawDocument))
    assert doc.published == "2022-09-28T18:30:00+00:00"
