"""The linking evaluation sets: real Telegram pairs and the multi-outlet document clusters.

Two kinds of set, each split into dev and test before linking was tuned on it:

- ``link-tg-{dev,test}``: labelled pairs of real posts of the shared Telegram corpus
  (``eval/pairs/ru-tg-*.jsonl``: same, copy, lookalike); the posts are written out at run
  time (corpus text never enters the repository).
- ``link-docs-{dev,test}``: the A and B documents of ``eval/corpus/{en,ru}-SPLIT`` with their
  annotated happenings (``gold/*-SPLIT-{a,b}.json``), the multi-outlet clusters of
  ``gold/clusters-b.json`` (independent sources, copies, look-alikes) and the A ids that
  ``crossref-b-a.json`` says are the same happening as a B id of the same split.
- ``link-NAME``: any other set of documents in ``eval/sets.json`` whose annotation gives one
  ``happening`` id to events of two or more documents (``en-c-dev``, and the sets added after
  it): its documents, happenings and outlets, of its split (no annotated source counts).
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import corpora
from .sets import EvalSet

__all__ = ["DocSet", "TgSet", "doc_set", "gold_doc_set", "materialise_docs", "materialise_tg", "tg_set"]


@dataclass(frozen=True)
class TgSet:
    name: str
    split: str
    pairs: tuple[dict[str, Any], ...]

    def posts(self) -> list[str]:
        return sorted({p[k] for p in self.pairs for k in ("a", "b")})

    def missing(self) -> str | None:
        if not corpora.telegram_corpus().is_dir():
            return f"the Telegram corpus {corpora.telegram_corpus()} is absent"
        return None


@dataclass(frozen=True)
class DocSet:
    name: str
    split: str
    files: tuple[Path, ...]  # every document of the split (the happenings' distractors too)
    events: dict[str, list[dict[str, Any]]]  # file name -> annotated events (``happening`` ids)
    outlets: dict[str, str]  # file name -> outlet as annotated
    clusters: dict[str, dict[str, Any]] = field(default_factory=dict)  # B id -> clusters-b entry

    def missing(self) -> str | None:
        absent = [p for p in self.files if not p.exists()]
        return f"inputs {absent[0]} are absent" if absent else None


def tg_set(repo: Path, split: str) -> TgSet:
    path = repo / "eval" / "pairs" / f"ru-tg-{split}.jsonl"
    pairs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for p in pairs:  # the pair files name a post by its file stem: 1001101170442_messages_123.txt
        p["a"], p["b"] = (p[k].replace("_messages_", "_") for k in ("a", "b"))
    return TgSet(f"link-tg-{split}", split, tuple(pairs))


def doc_set(repo: Path, split: str) -> DocSet:
    events: dict[str, list[dict[str, Any]]] = {}
    outlets: dict[str, str] = {}
    files: list[Path] = []
    for lang in ("en", "ru"):
        folder = repo / "eval" / "corpus" / f"{lang}-{split}"
        files += sorted(folder.glob("*.txt"))
        for which in ("a", "b"):
            gold = repo / "eval" / "gold" / f"{lang}-{split}-{which}.json"
            if not gold.exists():
                continue
            for name, doc in json.loads(gold.read_text(encoding="utf-8"))["documents"].items():
                events[name] = list(doc.get("events") or [])
                outlets[name] = str(doc.get("outlet") or name)
    _pool_crossref(repo, events)
    clusters = json.loads((repo / "eval" / "gold" / "clusters-b.json").read_text(encoding="utf-8"))
    mine = {k: v for k, v in clusters.items() if v.get("split") == split}
    return DocSet(f"link-docs-{split}", split, tuple(files), events, outlets, mine)


def gold_doc_set(repo: Path, eval_set: EvalSet) -> DocSet | None:
    """The linking set of an extraction set of documents (``link-NAME``), or None when its
    annotation shares no happening between documents, or when ``link-docs`` scores it."""
    folder = eval_set.folder
    if folder is None or eval_set.telegram or folder.parent != repo / "eval" / "corpus":
        return None
    if folder.name in {f"{lang}-{eval_set.split}" for lang in ("en", "ru")}:
        return None  # the A and B documents of link-docs
    if eval_set.missing():
        return None
    events: dict[str, list[dict[str, Any]]] = {}
    outlets: dict[str, str] = {}
    for name, doc in eval_set.documents().items():
        events[name] = list(doc.get("events") or [])
        outlets[name] = str(doc.get("outlet") or name)
    spread = Counter(h for evs in events.values() for h in {e.get("happening") for e in evs} if h)
    if not any(n > 1 for n in spread.values()):
        return None
    files = tuple(sorted(folder.glob("*.txt")))
    return DocSet(f"link-{eval_set.name}", eval_set.split, files, events, outlets)


def _pool_crossref(repo: Path, events: dict[str, list[dict[str, Any]]]) -> None:
    """Rename A ids to the B id they are the same happening as (only 'same', not 'probable')."""
    links = json.loads((repo / "eval" / "crossref-b-a.json").read_text(encoding="utf-8"))["links"]
    rename = {a: link["b"] for link in links if link.get("relation") == "same" for a in link["a"]}
    for evs in events.values():
        for e in evs:
            if e.get("happening") in rename:
                e["happening"] = rename[e["happening"]]


@contextmanager
def materialise_tg(s: TgSet) -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix=f"briefwire-{s.name}-") as tmp:
        corpora.write_telegram_posts(s.posts(), Path(tmp), as_posts=True)
        yield Path(tmp)


@contextmanager
def materialise_docs(s: DocSet) -> Iterator[Path]:
    """One folder holding both languages' documents (links, with their sidecars)."""
    with tempfile.TemporaryDirectory(prefix=f"briefwire-{s.name}-") as tmp:
        for f in s.files:
            (Path(tmp) / f.name).symlink_to(f)
            meta = f.with_suffix(".meta.json")
            if meta.exists():
                (Path(tmp) / meta.name).symlink_to(meta)
        yield Path(tmp)
