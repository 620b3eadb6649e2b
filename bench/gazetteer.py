"""Throughput of Gazetteer.find on real sentences, next to a bare word scan of the same text.

Sentences come from ../shared/corpora (Russian Telegram posts and English news pages); the
baseline, measured in the same run, is one ``re.finditer(r"\\w+")`` pass over each sentence, the
least any matcher must do. Prints sentences per second for both and their ratio.

    .venv/bin/python bench/gazetteer.py [--sentences 5000]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

from briefwire.nlp.gazetteer import Gazetteer

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_WORD = re.compile(r"\w+")


def _sentences(limit: int) -> list[str]:
    texts: list[str] = []
    for path in sorted((CORPORA / "tg-ru-news" / "raw").glob("*.json"))[:20]:
        texts += [m["text"] for m in json.loads(path.read_text("utf-8")) if m.get("text")]
    truth = json.loads((CORPORA / "article-extraction-benchmark" / "ground-truth.json").read_text())
    texts += [entry["articleBody"] for entry in truth.values()]
    sentences = [s.strip() for text in texts for s in _SENTENCE_END.split(text) if len(s) > 20]
    russian = [s for s in sentences if re.search("[а-яА-Я]", s)][: limit // 2]
    english = [s for s in sentences if not re.search("[а-яА-Я]", s)][: limit - len(russian)]
    return russian + english


def _rate(work: Callable[[str], object], sentences: list[str], rounds: int = 3) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for sentence in sentences:
            work(sentence)
        best = min(best, time.perf_counter() - start)
    return len(sentences) / best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=5000)
    args = parser.parse_args()
    if not CORPORA.is_dir():
        print(f"skipped: no corpora at {CORPORA}")
        return 0
    start = time.perf_counter()
    gazetteer = Gazetteer.load()
    load = time.perf_counter() - start
    sentences = _sentences(args.sentences)
    words = sum(len(_WORD.findall(s)) for s in sentences)
    found = sum(len(gazetteer.find(s)) for s in sentences)
    baseline = _rate(lambda s: list(_WORD.finditer(s)), sentences)
    rate = _rate(gazetteer.find, sentences)
    print(f"gazetteer load: {load:.2f} s")
    print(f"{len(sentences)} sentences, {words} words, {found} place mentions found")
    print(f"word scan (baseline): {baseline:,.0f} sentences/s")
    print(f"gazetteer.find:       {rate:,.0f} sentences/s ({rate * words / len(sentences):,.0f} words/s)")
    print(f"ratio find/baseline:  {rate / baseline:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
