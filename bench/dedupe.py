"""Dedupe at scale: index 100k, then 200k paragraphs of real Russian Telegram text.

Paragraphs come from ../shared/corpora/tg-ru-news (22k channel posts, ~89k sentences). The
corpus is not big enough for 200k distinct paragraphs, so a paragraph is three sentences
of one channel's stream, d sentences apart (d = 1 is three adjacent sentences; larger d
combine nearby posts). Seven odd strides partition each stream seven ways, and any two
paragraphs of different strides share at most one sentence: related text (candidates to
confirm and reject, sometimes partial re-use), not copies. Paragraphs arrive in the order
of their posts' dates, across channels. Then 8 % light-edited copies of earlier paragraphs are
mixed in (quote style, a changed or dropped word, an attribution prefix, a dropped
sentence), and the benchmark reports how many of them were linked back to their source.

Each size runs in a fresh forked process, so time and peak memory are its own. Printed:
paragraphs per second, peak RSS growth, index bytes per paragraph, re-use recall, the
ratio of the two times (target ≤ 2.3: near-linear), and signature speed against
datasketch's default per-shingle MinHash measured in the same process.

    .venv/bin/python bench/dedupe.py [--sizes 100000 200000] [--docs-of 8]
"""

from __future__ import annotations

import argparse
import gc
import json
import multiprocessing as mp
import random
import re
import resource
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from briefwire.dedupe import Deduper
from briefwire.dedupe.shingles import words
from briefwire.models import CleanDocument, DateValue, Paragraph, RawDocument

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "tg-ru-news" / "raw"
STRIDES = (1, 3, 5, 7, 9, 11, 13)
COPY_SHARE = 0.08
console = Console()

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_URL = re.compile(r"https?://\S+")
_SENTENCE = re.compile(r"(?<=[.!?…])\s+(?=[A-ZА-ЯЁ«\"])")


@dataclass(frozen=True)
class Item:
    text: str
    source: int | None = None  # for an injected copy: the item it copies


def sentences_by_channel() -> list[list[tuple[str, str]]]:
    """Per channel, its sentences in posting order, each with its post's date."""
    streams = []
    for path in sorted(CORPUS.glob("*.json")):
        posts = sorted(json.loads(path.read_text(encoding="utf-8")), key=lambda p: p["date"])
        stream = []
        for post in posts:
            text = _URL.sub("", _LINK.sub(r"\1", post["text"])).replace("**", "").replace("__", "")
            for line in text.splitlines():
                stream.extend((post["date"], s.strip()) for s in _SENTENCE.split(line) if len(s.split()) >= 5)
        streams.append(stream)
    return streams


def base_items(streams: list[list[tuple[str, str]]], rng: random.Random) -> list[str]:
    """Three-sentence paragraphs of every stride, in the order their first post appeared.

    Time order matters: paragraphs that share a sentence come from nearby posts, so each new
    paragraph meets a bounded number of related ones, as in a real stream, however big the
    index already is.
    """
    dated = []
    for stream in streams:
        for d in STRIDES:
            for block in range(0, len(stream) - 3 * d + 1, 3 * d):
                for i in range(block, block + d):
                    text = " ".join(stream[i + k * d][1] for k in range(3))
                    dated.append((stream[i][0], rng.random(), text))
    dated.sort()
    return [text for _, _, text in dated]


def light_edit(text: str, rng: random.Random) -> str:
    """One or two edits of the kinds reprints make."""
    for _ in range(rng.randint(1, 2)):
        toks = text.split()
        kind = rng.randrange(5)
        if kind == 0:
            text = text.replace("«", "“").replace("»", "”") if "«" in text else text.replace('"', "«", 1)
        elif kind == 1 and len(toks) > 12:
            del toks[rng.randrange(len(toks))]
            text = " ".join(toks)
        elif kind == 2 and len(toks) > 12:
            toks.insert(rng.randrange(len(toks)), rng.choice(["также", "ранее", "по данным источников,"]))
            text = " ".join(toks)
        elif kind == 3:
            text = rng.choice(["Как сообщают СМИ, ", "По информации канала, ", "Напомним: "]) + text
        else:
            parts = _SENTENCE.split(text)
            text = " ".join(parts[:-1]) if len(parts) > 2 else text + " Подробности уточняются."
    return text


def build_items(n: int, seed: int = 7) -> list[Item]:
    rng = random.Random(seed)
    pool = base_items(sentences_by_channel(), rng)
    items: list[Item] = []
    taken = 0
    while len(items) < n and taken < len(pool):
        if len(items) > 100 and rng.random() < COPY_SHARE:
            source = rng.randrange(max(0, len(items) - 20_000), len(items))
            if items[source].source is None:
                items.append(Item(light_edit(items[source].text, rng), source))
                continue
        items.append(Item(pool[taken]))
        taken += 1
    if len(items) < n:
        sys.exit(f"only {len(items)} paragraphs could be built from {CORPUS}")
    return items


def as_document(number: int, texts: list[str]) -> CleanDocument:
    paras, text, pos = [], "", 0
    for i, t in enumerate(texts):
        paras.append(Paragraph(i, pos, pos + len(t), t))
        text += t + "\n\n"
        pos = len(text)
    raw = RawDocument(origin=f"bench#{number}", text=text, format="bench")
    return CleanDocument(
        raw, f"bench-{number}", text, tuple(paras), (), None, None, DateValue.unknown(), "ru"
    )


def index_run(items: list[Item], docs_of: int, out: mp.Queue) -> None:  # type: ignore[type-arg]
    """Index ``items`` in documents of ``docs_of`` paragraphs; runs in its own process."""
    docs = [
        as_document(k, [it.text for it in items[s : s + docs_of]])
        for k, s in enumerate(range(0, len(items), docs_of))
    ]
    gc.collect()
    rss_start = start_peak_memory()  # after the input is built: the peak is the index's
    deduper, found, near = Deduper(), {}, 0
    columns = (
        TextColumn(f"{len(items):>7,} paragraphs"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("index", total=len(docs))
        started, cpu_started = time.perf_counter(), time.process_time()
        for k, doc in enumerate(docs):
            sigs = deduper.signatures(doc)
            result = deduper.check(doc, sigs)
            deduper.add(doc, sigs)
            near += result.near_duplicate_of is not None
            for link in result.reuse:
                found[k * docs_of + link.index] = int(link.other_doc_id[6:]) * docs_of + link.other_index
            if k % 64 == 0:
                bar.update(task, completed=k + 1)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    peak_kb = peak_memory_kb() - rss_start
    out.put(
        {
            "n": len(items),
            "seconds": seconds,
            "cpu": cpu,
            "peak_mb": peak_kb / 1024,
            "links": len(found),
            "near": near,
            "recall": copy_recall(items, found),
            **deduper.stats(),
        }
    )


def _status_kb(field: str) -> int | None:
    try:
        match = re.search(rf"^{field}:\s+(\d+) kB", Path("/proc/self/status").read_text(), re.M)
    except OSError:
        return None
    return int(match.group(1)) if match else None


def start_peak_memory() -> int:
    """Current RSS in KB, after resetting the peak to it (Linux), so the peak is this run's."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return _status_kb("VmRSS") or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def peak_memory_kb() -> int:
    return _status_kb("VmHWM") or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def copy_recall(items: list[Item], found: dict[int, int]) -> tuple[int, int]:
    """Injected copies linked to their source (or to an identical twin of it)."""
    text_of = {i: " ".join(words(it.text)) for i, it in enumerate(items) if it.source is None}
    copies = [(i, it.source) for i, it in enumerate(items) if it.source is not None]
    hits = sum(1 for i, src in copies if i in found and text_of.get(found[i]) == text_of[src])
    return hits, len(copies)


def signature_speed(items: list[Item], n: int = 3000) -> tuple[float, float]:
    """Paragraphs per second: ours (whole document at once) vs datasketch's default MinHash."""
    from datasketch import MinHash  # noqa: PLC0415

    sample = [it.text for it in items[:n]]
    deduper = Deduper()
    docs = [as_document(s, sample[s : s + 8]) for s in range(0, n, 8)]
    started = time.process_time()
    for doc in docs:
        deduper.signatures(doc)
    ours = n / (time.process_time() - started)
    started = time.process_time()
    for text in sample:
        m = MinHash(num_perm=128)
        toks = words(text)
        for i in range(max(1, len(toks) - 4)):
            m.update(" ".join(toks[i : i + 5]).encode())
    theirs = n / (time.process_time() - started)
    return ours, theirs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs=2, default=(100_000, 200_000))
    parser.add_argument("--docs-of", type=int, default=8, help="paragraphs per document")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        sys.exit(f"skipped: corpus not found at {CORPUS} (needs ../shared next to the repository)")
    console.print(f"building {max(args.sizes):,} paragraphs from {CORPUS} …")
    items = build_items(max(args.sizes))
    ours, theirs = signature_speed(items)
    console.print(
        f"signatures: {ours:,.0f} paragraphs/s; datasketch default MinHash.update "
        f"{theirs:,.0f}/s; ratio {ours / theirs:.1f}x"
    )
    ctx = mp.get_context("fork")
    results = []
    for n in args.sizes:
        queue: mp.Queue = ctx.Queue()  # type: ignore[type-arg]
        proc = ctx.Process(target=index_run, args=(items[:n], args.docs_of, queue))
        proc.start()
        results.append(queue.get())
        proc.join()
        r = results[-1]
        hits, copies = r["recall"]
        per_paragraph = (r["index_bytes"] + r["shingle_bytes"]) / r["n"]
        console.print(
            f"{r['n']:>7,} paragraphs: CPU {r['cpu']:6.1f} s ({r['n'] / r['cpu']:,.0f} paragraphs/s), "
            f"wall {r['seconds']:6.1f} s ({r['n'] / r['seconds']:,.0f}/s); peak RSS +{r['peak_mb']:,.0f} MB; "
            f"index {per_paragraph:,.0f} B/paragraph; {r['links']:,} paragraphs linked as re-use, "
            f"{r['near']:,} near-duplicate documents; injected copies found {hits:,}/{copies:,} "
            f"({hits / max(copies, 1):.1%})"
        )
    small, large = results
    ratio = large["cpu"] / small["cpu"]
    verdict = "ok" if ratio <= 2.3 else "ABOVE TARGET"
    console.print(
        f"time ratio {large['n']:,} / {small['n']:,}: {ratio:.2f} on CPU time (target ≤ 2.3: {verdict}); "
        f"{large['seconds'] / small['seconds']:.2f} on wall time (other work on the machine adds noise)"
    )


if __name__ == "__main__":
    main()
