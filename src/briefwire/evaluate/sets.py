"""The annotated sets ``make eval`` scores, each a dev or a test split (``eval/sets.json``).

A set names its inputs (a folder of documents, or Telegram posts of the shared corpus that
:mod:`briefwire.evaluate.corpora` writes out at run time, since corpus text never enters the
repository), one or more annotation files in the shape of ``gold/seeds.json``, and whether it is
``dev`` (tuned on) or ``test`` (never tuned on: only ``make eval`` reads it). Paths are relative
to the repository; ``{shared}`` stands for the shared data folder beside it.

A set whose inputs are absent (no shared folder on this machine) is reported as skipped, with
the reason, rather than scored as zero.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import corpora

__all__ = ["EvalSet", "load_sets", "materialised"]


@dataclass(frozen=True)
class EvalSet:
    name: str
    split: str  # dev or test
    language: str
    gold: tuple[Path, ...]
    folder: Path | None = None  # documents on disk
    telegram: bool = False  # posts of the shared Telegram corpus, keyed as in the gold files

    def documents(self) -> dict[str, Mapping[str, Any]]:
        """The annotated documents of every gold file, keyed by file name."""
        out: dict[str, Mapping[str, Any]] = {}
        for path in self.gold:
            out |= json.loads(path.read_text(encoding="utf-8"))["documents"]
        if self.telegram and corpora.telegram_corpus().is_dir():
            out = {key: _with_footers(key, doc) for key, doc in out.items()}
        return out

    def missing(self) -> str | None:
        """Why the set cannot be scored here, or None."""
        absent = [p for p in self.gold if not p.exists()]
        if absent:
            return f"annotation {absent[0]} is absent"
        if self.folder is not None and not self.folder.is_dir():
            return f"inputs {self.folder} are absent"
        if self.telegram and not corpora.telegram_corpus().is_dir():
            return f"the Telegram corpus {corpora.telegram_corpus()} is absent"
        return None


def _with_footers(key: str, doc: Mapping[str, Any]) -> Mapping[str, Any]:
    """A post's channel footers are its boilerplate lines (besides any the gold marks)."""
    marked = set(doc.get("boilerplate_lines", [])) | set(corpora.channel_footer_lines(key))
    return {**doc, "boilerplate_lines": sorted(marked)}


def load_sets(path: Path, repo: Path, shared: Path) -> list[EvalSet]:
    """The sets listed in ``eval/sets.json``, paths resolved."""
    spec = json.loads(path.read_text(encoding="utf-8"))

    def where(p: str) -> Path:
        return Path(p.replace("{shared}", str(shared))) if "{shared}" in p else repo / p

    return [
        EvalSet(
            name=s["name"],
            split=s["split"],
            language=s.get("language", "en"),
            gold=tuple(where(g) for g in s["gold"]),
            folder=where(s["inputs"]) if s.get("inputs") else None,
            telegram=bool(s.get("telegram")),
        )
        for s in spec["sets"]
    ]


@contextmanager
def materialised(eval_set: EvalSet) -> Iterator[Path]:
    """A folder holding the set's inputs: the folder itself, or Telegram posts written out."""
    if eval_set.folder is not None:
        yield eval_set.folder
        return
    with tempfile.TemporaryDirectory(prefix=f"briefwire-{eval_set.name}-") as tmp:
        corpora.write_telegram_posts(list(eval_set.documents()), Path(tmp), as_posts=True)
        yield Path(tmp)
