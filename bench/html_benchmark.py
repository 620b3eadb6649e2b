"""Token-level F1 of the HTML path (read_html + clean) on article-extraction-benchmark.

For each of the 181 pages in ../shared/corpora/article-extraction-benchmark, compares the
body text against the human-checked ``articleBody``: token precision, recall and F1 per page,
averaged over pages (the upstream benchmark's measure). Prints, from the same run:

- ours: ``briefwire.ingest.html.read_html`` followed by ``briefwire.clean.clean``;
- read_html alone (what cleaning adds or costs);
- bare ``trafilatura.extract`` with default settings;
- trafilatura's published F1 (≈ 0.96, from the corpus README).

Usage: python bench/html_benchmark.py [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import trafilatura
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn
from rich.table import Table

from briefwire.clean import clean
from briefwire.ingest.html import read_html

CORPUS = Path(__file__).resolve().parents[2] / "shared/corpora/article-extraction-benchmark"
PUBLISHED_TRAFILATURA_F1 = 0.96
_TOKEN = re.compile(r"\w+", re.UNICODE)


def tokens(text: str) -> Counter[str]:
    return Counter(t.casefold() for t in _TOKEN.findall(text))


def prf(predicted: str, gold: str) -> tuple[float, float, float]:
    """Token precision, recall, F1 with multiplicity (bag of words overlap)."""
    pred, want = tokens(predicted), tokens(gold)
    overlap = sum((pred & want).values())
    p = overlap / sum(pred.values()) if pred else 0.0
    r = overlap / sum(want.values()) if want else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def ours(data: bytes, origin: str) -> str:
    try:
        doc = clean(read_html(data, origin))
    except Exception:  # the reader's refusal (no text in the page) scores as empty output
        return ""
    return doc.text


def read_only(data: bytes, origin: str) -> str:
    try:
        return read_html(data, origin).text
    except Exception:  # the reader's refusal (no text in the page) scores as empty output
        return ""


def bare_trafilatura(data: bytes, origin: str) -> str:
    return trafilatura.extract(data) or ""


SYSTEMS: dict[str, Callable[[bytes, str], str]] = {
    "briefwire (read_html + clean)": ours,
    "read_html alone": read_only,
    "trafilatura.extract": bare_trafilatura,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages")
    parser.add_argument("--worst", type=int, default=0, help="list the N pages cleaning hurt most")
    args = parser.parse_args()
    console = Console()
    truth_path = CORPUS / "ground-truth.json"
    if not truth_path.exists():
        console.print(f"skipped: {truth_path} not found")
        return 0
    truth: dict[str, dict[str, str]] = json.loads(truth_path.read_text(encoding="utf-8"))
    keys = sorted(truth)[: args.limit or None]
    scores: dict[str, list[tuple[float, float, float]]] = {name: [] for name in SYSTEMS}
    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
    ) as progress:
        task = progress.add_task("pages", total=len(keys))
        for key in keys:
            data = gzip.decompress((CORPUS / "html" / f"{key}.html.gz").read_bytes())
            gold = truth[key]["articleBody"]
            for name, system in SYSTEMS.items():
                scores[name].append(prf(system(data, f"{key}.html"), gold))
            progress.advance(task)
    table = Table(title=f"token P/R/F1 averaged over {len(keys)} pages")
    for column in ("system", "precision", "recall", "F1"):
        table.add_column(column)
    for name, rows in scores.items():
        p, r, f = (sum(col) / len(rows) for col in zip(*rows, strict=True))
        table.add_row(name, f"{p:.3f}", f"{r:.3f}", f"{f:.3f}")
    table.add_row("trafilatura, published", "", "", f"≈{PUBLISHED_TRAFILATURA_F1:.2f}")
    console.print(table)
    ours_f1 = sum(r[2] for r in scores["briefwire (read_html + clean)"]) / len(keys)
    base_f1 = sum(r[2] for r in scores["read_html alone"]) / len(keys)
    console.print(f"cleaning changes F1 by {ours_f1 - base_f1:+.4f} (ratio {ours_f1 / base_f1:.4f})")
    if args.worst:
        hurt = sorted(
            zip(keys, scores["briefwire (read_html + clean)"], scores["read_html alone"], strict=True),
            key=lambda t: t[1][2] - t[2][2],
        )
        for key, a, b in hurt[: args.worst]:
            console.print(f"{key}: clean F1 {a[2]:.3f} vs read_html {b[2]:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
