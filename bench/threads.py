"""What pinning BLAS/OpenMP to one thread per process does, measured in one run.

Bare natasha (segment + NER, per post) and briefwire's Russian backend over the same ``--posts``
Telegram posts, each in a fresh process, with the thread variables left to the libraries'
defaults (OpenBLAS: one thread per core) and with them pinned to one thread, as the
``briefwire`` command pins them before numpy loads (``briefwire.threads``). Sides are
interleaved; each one's best of ``--rounds`` counts. On a busy two-core machine the default
threads contend with each other and with the other process.

    .venv/bin/python bench/threads.py [--posts 1000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from briefwire.threads import VARIABLES
from common import TELEGRAM, banner, load, telegram_posts

CHILD = """
import json, sys, time
texts = json.load(open(sys.argv[1]))
from threadpoolctl import threadpool_info
if sys.argv[2] == "natasha":
    from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter
    segmenter, ner = Segmenter(), NewsNERTagger(NewsEmbedding())
    def run():
        for text in texts:
            doc = Doc(text)
            doc.segment(segmenter)
            doc.tag_ner(ner)
else:
    from briefwire.nlp import get_backend
    backend = get_backend("ru")
    def run():
        list(backend.analyse(texts, batch_size=64))
run()  # warm
start = time.perf_counter()
run()
threads = max(p["num_threads"] for p in threadpool_info() if p["user_api"] == "blas")
print(time.perf_counter() - start, threads)
"""


def child(texts: Path, side: str, pinned: bool) -> tuple[float, int]:
    env = {k: v for k, v in os.environ.items() if k not in VARIABLES}
    if pinned:
        env.update(dict.fromkeys(VARIABLES, "1"))
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(texts), side], env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[0]), int(out[1])


def main() -> int:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=formatter)
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if not TELEGRAM.exists():
        print(f"skipped: corpus not found at {TELEGRAM}")
        return 0
    banner("bench/threads.py: BLAS threads left to the libraries, and pinned to one")
    posts = telegram_posts()
    texts = [p["text"] for p in posts[:: max(1, len(posts) // args.posts)][: args.posts]]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "texts.json"
        path.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
        best: dict[tuple[str, bool], tuple[float, int, str]] = {}
        for _ in range(args.rounds):
            for side in ("natasha", "backend"):
                for pinned in (False, True):
                    seconds, threads = child(path, side, pinned)
                    if (side, pinned) not in best or seconds < best[(side, pinned)][0]:
                        best[(side, pinned)] = (seconds, threads, load())
    words = sum(len(t.split()) for t in texts)
    print(f"\n{len(texts):,} posts, {words:,} words, best of {args.rounds}")
    names = {"natasha": "bare natasha", "backend": "briefwire Russian backend"}
    for side in ("natasha", "backend"):
        free, pinned = best[(side, False)], best[(side, True)]
        for label, (seconds, threads, when) in (("default threads", free), ("pinned to one", pinned)):
            print(f"  {names[side]:<26} {label:<16} BLAS threads {threads}  {seconds:7.1f} s  ({when})")
        print(f"  {names[side]:<26} default / pinned: {free[0] / pinned[0]:.2f} x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
