"""End-to-end ingest beside bare NLP, measured in one run, on real text in both languages.

Russian: ``--posts`` posts of ../shared/corpora/tg-ru-news (spread evenly over the corpus),
given to briefwire as the corpus's own JSON file. English: the 181 human-checked article bodies of
../shared/corpora/article-extraction-benchmark as .txt files, and the same benchmark's HTML pages.
Every side is warm (models loaded and used once before timing) and gets the same texts:

- bare NLP with the components briefwire's backend runs (read from the backend, not listed
  here): spaCy ``nlp.pipe`` over the whole texts, and over their paragraphs (as briefwire feeds
  it; spaCy is faster on paragraphs); natasha batched (razdel per post, the NER tagger's
  ``map`` over all posts: the Russian ratio's base, the fastest bare way), natasha's
  ``Doc.segment`` + ``Doc.tag_ner`` per post, as its documentation shows, and that plus what
  the Russian backend adds (each word's pymorphy3 parse, cached per word form as the backend
  caches it, and each sentence's mean navec vector);
- the backend alone (``briefwire.nlp``: how it feeds those components);
- ``ingest`` with one worker and with ``--workers 2``: read, clean, dedupe, nlp, extract,
  store and link (sentence embeddings included) into a fresh ledger; and with one worker
  without linking, to show what linking (mostly its sentence encoder) adds. The pool of
  ``--workers 2`` is started once, its models (the sentence encoder linking shares out among
  its workers too) loaded before anything is timed, and kept for every round.

Words are whitespace-separated words of the input texts. Printed per side: seconds (best of
``--rounds``, sides interleaved), words per second, the ratio to bare NLP, CPU seconds (this
process and its worker processes, user + system, of the same round) and the load. On a shared
machine wall time is mostly waiting for a core when the load is high: the CPU seconds say what
the work costs, and the ratios are printed for both.
Targets: Russian ingest costs at most 1.6 x bare natasha; English ingest reaches at least 0.9 x
bare spaCy's words per second; two workers at least 1.6 x one.

    .venv/bin/python bench/ingest.py [--posts 5000] [--rounds 2] [--only ru|en|html]
"""

from __future__ import annotations

import argparse
import functools
import itertools
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from briefwire.engine import Engine, LocalProcesses
from briefwire.nlp import get_backend
from briefwire.pipeline import Pipeline, PipelineOptions
from briefwire.store import Store
from common import (
    PAGES,
    TELEGRAM,
    banner,
    english_bodies,
    english_pages,
    load,
    telegram_posts,
    timed,
    warm_everything,
    write_posts,
)

Side = Callable[[], Any]
NO_LINK = "ingest, 1 worker, without linking"
_LEDGERS = itertools.count()


def bare_spacy(texts: list[str]) -> Side:
    nlp = get_backend("en").nlp  # type: ignore[attr-defined]
    return lambda: list(nlp.pipe(texts, batch_size=32))


def bare_natasha(texts: list[str], same_components: bool = False) -> Side:
    """natasha as its documentation shows (``Doc.segment`` + ``tag_ner`` per post); with
    ``same_components`` also what the backend adds: each word's pymorphy3 parse (cached per
    word form, as the backend caches it) and each sentence's mean navec vector."""
    import numpy as np  # noqa: PLC0415
    import pymorphy3  # noqa: PLC0415
    from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter  # noqa: PLC0415

    components = get_backend("ru").components  # type: ignore[attr-defined]
    known = ("razdel.sentenize", "razdel.tokenize", "slovnet.NewsNERTagger", "pymorphy3", "navec means")
    if components != known:
        sys.exit(f"the Russian backend runs {components}: give bare natasha the same")
    segmenter, embedding = Segmenter(), NewsEmbedding()
    ner = NewsNERTagger(embedding)
    parse = functools.lru_cache(maxsize=200_000)(pymorphy3.MorphAnalyzer().parse)

    def vector(words: list[str]) -> Any:
        """The mean vector of the words (lemma first, then the form), as the backend makes it."""
        rows = []
        for w in words:
            row = embedding.get(parse(w.lower())[0].normal_form)
            row = row if row is not None else embedding.get(w.lower())
            if row is not None:
                rows.append(row)
        return np.mean(rows, axis=0) if rows else None

    def run() -> None:
        for text in texts:
            doc = Doc(text)
            doc.segment(segmenter)
            doc.tag_ner(ner)
            if same_components:
                for sent in doc.sents:
                    vector([t.text for t in sent.tokens])

    return run


def bare_natasha_batched(texts: list[str]) -> Side:
    """natasha's own batch API: each post segmented by razdel (as ``Doc.segment`` does) and the
    NER tagger's ``map`` over all posts at once (slovnet batches them). Per post, as natasha's
    documentation shows, slovnet runs one text per call, which costs several times as much on
    this machine: a baseline that slow would flatter any batching pipeline."""
    from natasha import NewsEmbedding, NewsNERTagger  # noqa: PLC0415
    from razdel import sentenize, tokenize  # noqa: PLC0415

    ner = NewsNERTagger(NewsEmbedding())

    def run() -> None:
        for text in texts:
            list(sentenize(text))
            list(tokenize(text))
        list(ner.map(texts))

    return run


def backend_only(language: str, texts: list[str]) -> Side:
    backend = get_backend(language)
    return lambda: list(backend.analyse(texts, batch_size=64))


def ingest(inputs: list[Path], engine: Engine | None, tmp: Path, link: bool = True) -> Side:
    """A fresh ledger each time; an engine given is reused (its workers stay warm). ``link``
    False: everything but linking (what the rest of the flow costs beside bare NLP)."""

    def run() -> None:
        db = tmp / f"ledger-{next(_LEDGERS)}.db"
        options = PipelineOptions(workers=2 if engine else 1, link=link)
        with Store(db) as store, Pipeline(store, options, engine) as p:
            summary = p.ingest(inputs)
        if summary.errors:
            print(f"  ({len(summary.errors)} inputs failed: {summary.errors[0]})")

    return run


def warm_pool(engine: LocalProcesses, tmp: Path) -> None:
    """Start both workers of the pool and load their models (batches of one: one per submit),
    the sentence encoder linking shares out among them too."""
    folder = tmp / "warm"
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(8):
        (folder / f"{i}.txt").write_text(f"Officials in district {i} said {i + 20} men were sent home.\n")
    with (
        Store(tmp / "warm.db") as store,
        Pipeline(store, PipelineOptions(workers=2, batch_size=1), engine) as p,
    ):
        p.ingest([folder])
    engine.run_calls([["Warm the sentence encoder up."]] * 8)


def cpu_seconds() -> float:
    """User + system CPU seconds of this process and of its live children (the pool's workers;
    psutil, which the dask extra brings, reads theirs: without it only this process counts)."""
    total = time.process_time()
    try:
        import psutil  # type: ignore[import-untyped]  # noqa: PLC0415
    except ImportError:
        return total
    for child in psutil.Process(os.getpid()).children(recursive=True):
        try:
            times = child.cpu_times()
        except psutil.Error:  # it ended meanwhile
            continue
        total += times.user + times.system
    return total


def measure(title: str, words: int, sides: dict[str, Side], rounds: int, base: str) -> None:
    """Sides interleaved round by round; each one's best round counts (the first may be cold)."""
    best: dict[str, float] = {}
    cpu: dict[str, float] = {}
    loads: dict[str, str] = {}
    for _ in range(max(1, rounds)):
        for name, side in sides.items():
            before = cpu_seconds()
            seconds = timed(side)
            used = cpu_seconds() - before
            if name not in best or seconds < best[name]:
                best[name], cpu[name], loads[name] = seconds, used, load()
    print(f"\n{title}: {words:,} words, best of {rounds}")
    print(f"  {'side':<44} {'seconds':>8} {'words/s':>9} {'vs bare':>8} {'CPU s':>7}  machine")
    for name, seconds in best.items():
        ratio, speed = best[base] / seconds, words / seconds
        print(f"  {name:<44} {seconds:>8.1f} {speed:>9,.0f} {ratio:>8.2f} {cpu[name]:>7.1f}  {loads[name]}")
    one, two = best.get("ingest, 1 worker"), best.get("ingest, --workers 2")
    if one and two:
        extra = cpu["ingest, --workers 2"] / cpu["ingest, 1 worker"]
        print(
            f"  --workers 2 / 1 worker: {one / two:.2f} x (target >= 1.6);"
            f" the two workers' run used {extra:.2f} x the CPU seconds of one"
        )
    for name in (n for n in best if n.startswith("bare") and one):
        used = cpu["ingest, 1 worker"] / cpu[name]
        print(
            f"  ingest, 1 worker: {best[name] / one:.2f} x the words/s of {name}"
            f" ({one / best[name]:.2f} x its time, {used:.2f} x its CPU seconds)"
        )
    bare = next(iter(best))
    if NO_LINK in best:
        print(
            f"  {NO_LINK}: {best[NO_LINK] / best[bare]:.2f} x the time of {bare},"
            f" {cpu[NO_LINK] / cpu[bare]:.2f} x its CPU seconds"
        )


def russian(args: argparse.Namespace, engine: Engine, tmp: Path) -> None:
    posts = telegram_posts()
    posts = posts[:: max(1, len(posts) // args.posts)][: args.posts]
    texts = [p["text"] for p in posts]
    source = write_posts(posts, tmp / "ru" / "posts.json")
    sides = {
        "bare natasha batched (razdel + NER tagger map)": bare_natasha_batched(texts),
        "bare natasha (Doc.segment + tag_ner per post)": bare_natasha(texts),
        "bare natasha + pymorphy3 + navec means (same components)": bare_natasha(texts, True),
        "briefwire.nlp Russian backend": backend_only("ru", texts),
        "ingest, 1 worker": ingest([source], None, tmp),
        NO_LINK: ingest([source], None, tmp, link=False),
        "ingest, --workers 2": ingest([source], engine, tmp),
    }
    words = sum(len(t.split()) for t in texts)
    measure(f"Russian, {len(posts):,} Telegram posts", words, sides, args.rounds, next(iter(sides)))


def english(args: argparse.Namespace, engine: Engine, tmp: Path) -> None:
    texts = english_bodies()
    folder = tmp / "en"
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(texts):
        (folder / f"{i:03d}.txt").write_text(text, encoding="utf-8")
    components = ", ".join(get_backend("en").components)  # type: ignore[attr-defined]
    paragraphs = [line.strip() for text in texts for line in text.split("\n") if line.strip()]
    sides = {
        f"bare spaCy nlp.pipe ({components})": bare_spacy(texts),
        "bare spaCy, same components, paragraph by paragraph": bare_spacy(paragraphs),
        "briefwire.nlp English backend": backend_only("en", texts),
        "ingest, 1 worker": ingest([folder], None, tmp),
        NO_LINK: ingest([folder], None, tmp, link=False),
        "ingest, --workers 2": ingest([folder], engine, tmp),
    }
    words = sum(len(t.split()) for t in texts)
    measure(
        f"English, {len(texts)} article bodies as text files", words, sides, args.rounds, next(iter(sides))
    )


def pages(args: argparse.Namespace, engine: Engine, tmp: Path) -> None:
    folder = tmp / "html"
    folder.mkdir(parents=True, exist_ok=True)
    for name, html in english_pages():
        (folder / name).write_text(html, encoding="utf-8")
    texts = english_bodies()
    sides = {
        "bare spaCy nlp.pipe over the pages' bodies": bare_spacy(texts),
        "ingest, 1 worker": ingest([folder], None, tmp),
        "ingest, --workers 2": ingest([folder], engine, tmp),
    }
    words = sum(len(t.split()) for t in texts)
    measure(
        "English, the 181 HTML pages (words of their bodies)", words, sides, args.rounds, next(iter(sides))
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--posts", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--only", choices=["ru", "en", "html"], default=None)
    args = parser.parse_args()
    if not TELEGRAM.exists() or not PAGES.exists():
        print("skipped: ../shared/corpora is absent")
        return 0
    banner("bench/ingest.py: ingest beside bare NLP")
    warm_everything()
    engine = LocalProcesses(2, warm=("en", "ru"))
    runs = {"ru": russian, "en": english, "html": pages}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            warm_pool(engine, Path(tmp))
            for name, run in runs.items():
                if args.only in (None, name):
                    run(args, engine, Path(tmp))
    finally:
        engine.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
