"""python -m briefwire.clean.train_lines [--corpus DIR] [--c C] [--threshold P]

Trains the learned line model (:mod:`briefwire.clean.linemodel`) on the dev pages of the
page-text benchmark and writes ``profiles/boilerplate/line_model.json``. The pages are the
article-extraction benchmark's under ``../shared`` rendered to text as ``bench/page_text.py``
renders them; each line's label (body or furniture) comes from aligning it with the page's
human article body (:func:`briefwire.evaluate.page_text.body_labels`), so no corpus text is
copied anywhere: the script reads ``../shared`` and keeps only the weights.

Only the pages ``eval/page_text_split.json`` lists as dev are read; the test pages are never
opened here. Before fitting on all of dev, the script cross-validates inside dev with the
pages of one outlet (URL host) always on the same side, so the printed figures say what the
model does on outlets it has not seen, and prints them per threshold: furniture lines the
model would remove beyond the rules, body lines it would lose.
scikit-learn fits the model here only; at run time the weights are applied with numpy.
"""

from __future__ import annotations

import argparse
import bisect
import gzip
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import numpy as np

from briefwire.clean import line_hashes, mark_lines
from briefwire.clean.linefeatures import FEATURES, line_features
from briefwire.clean.linemodel import MODEL_FILE
from briefwire.evaluate.page_text import BODY_WORDS, body_labels, render
from briefwire.ingest.decode import decode_bytes
from briefwire.ingest.html import declared_charset
from briefwire.models import RawDocument

REPO = Path(__file__).resolve().parents[3]
CORPUS = REPO.parent / "shared" / "corpora" / "article-extraction-benchmark"
SPLIT = REPO / "eval" / "page_text_split.json"
_FOLDS = 5


@dataclass(frozen=True)
class Rows:
    """Feature rows of the lines the rules kept and the rules removed, with their labels."""

    x: Any  # (lines, features)
    furniture: Any  # bool per line
    kept: Any  # bool per line: the rules left it
    long: Any  # bool per line: BODY_WORDS or more words (the body lines the bench scores)
    host: Any  # str per line


def host(url: str) -> str:
    return (urlsplit(url).hostname or "").removeprefix("www.")


def dev_pages(corpus: Path) -> list[tuple[RawDocument, list[str], list[bool | None]]]:
    """(text document with its URL, rendered lines, label per rendered line) of the dev pages."""
    truth = json.loads((corpus / "ground-truth.json").read_text(encoding="utf-8"))
    split = json.loads(SPLIT.read_text(encoding="utf-8"))
    pages = []
    for key in split["dev"]:
        data = gzip.decompress((corpus / "html" / f"{key}.html.gz").read_bytes())
        text = render(decode_bytes(data, key, hint=declared_charset(data)))
        lines = text.split("\n")
        raw = RawDocument(origin=f"{key}.txt", text=text, format="text", url=truth[key]["url"])
        pages.append((raw, lines, body_labels(lines, truth[key]["articleBody"])))
    return pages


def rows_of(pages: list[tuple[RawDocument, list[str], list[bool | None]]]) -> Rows:
    """Features as ``clean`` computes them, lines of one host learned across its pages."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for raw, _, _ in pages:
        counts[host(raw.url or "")].update(set(line_hashes(raw)))
    x, furniture, kept, long_, hosts = [], [], [], [], []
    for raw, rendered, labels in pages:
        outlet = counts[host(raw.url or "")]
        learned = {h: outlet[h] - 1 for h in line_hashes(raw) if outlet[h] > 1}
        marked = mark_lines(raw, learned)
        if marked.layout is None:
            continue
        features = line_features(marked.lines, marked.reasons, marked.layout, raw.url, learned)
        starts = np.cumsum([0] + [len(line) + 1 for line in rendered])
        for i, line in enumerate(marked.lines):
            label = labels[bisect.bisect_right(starts, line.start) - 1]
            if label is None:
                continue
            x.append(features[i])
            furniture.append(not label)
            kept.append(i not in marked.reasons)
            long_.append(line.words >= BODY_WORDS)
            hosts.append(host(raw.url or ""))
    return Rows(np.vstack(x), np.array(furniture), np.array(kept), np.array(long_), np.array(hosts))


def fit(x: Any, y: Any, c: float) -> dict[str, Any]:
    from sklearn.linear_model import LogisticRegression  # noqa: PLC0415 - training only

    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=c, max_iter=5000).fit((x - mean) / scale, y)
    return {
        "features": list(FEATURES),
        "mean": mean.tolist(),
        "scale": scale.tolist(),
        "coef": model.coef_[0].tolist(),
        "intercept": float(model.intercept_[0]),
    }


def probabilities(weights: dict[str, Any], x: Any) -> Any:
    z = ((x - np.array(weights["mean"])) / np.array(weights["scale"])) @ np.array(weights["coef"])
    return 1.0 / (1.0 + np.exp(-(z + weights["intercept"])))


def cross_validate(rows: Rows, c: float) -> Any:
    """Out-of-fold probability of furniture for every line, folds grouped by outlet."""
    from sklearn.model_selection import GroupKFold  # noqa: PLC0415

    p = np.zeros(len(rows.furniture))
    for train, held in GroupKFold(_FOLDS).split(rows.x, rows.furniture, rows.host):
        p[held] = probabilities(fit(rows.x[train], rows.furniture[train], c), rows.x[held])
    return p


def report(rows: Rows, p: Any) -> None:
    furniture = int(rows.furniture.sum())
    body = int((~rows.furniture & rows.long).sum())
    print(f"{furniture} furniture lines, {body} body lines of {BODY_WORDS}+ words")  # noqa: T201
    for threshold in (0.95, 0.97, 0.98, 0.99):
        removed = rows.kept & (p >= threshold)
        gained = int((removed & rows.furniture).sum())
        lost = int((removed & ~rows.furniture & rows.long).sum())
        short = int((removed & ~rows.furniture & ~rows.long).sum())
        print(  # noqa: T201
            f"  p >= {threshold}: furniture removed +{gained / furniture:.3f} ({gained} lines), "
            f"body lost +{lost / body:.4f} ({lost} lines; {short} shorter body lines)"
        )


def main() -> int:
    ap = argparse.ArgumentParser(description="Train the learned line model on the page-text dev pages.")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--c", type=float, default=0.03, help="inverse regularisation strength")
    ap.add_argument("--threshold", type=float, default=0.98, help="probability of furniture to remove")
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    if not (args.corpus / "ground-truth.json").exists():
        print(f"needs the article-extraction benchmark at {args.corpus}")  # noqa: T201
        return 1
    rows = rows_of(dev_pages(args.corpus))
    print(f"{len(rows.furniture)} labelled lines of {len(set(rows.host))} outlets (dev only)")  # noqa: T201
    report(rows, cross_validate(rows, args.c))
    weights = fit(rows.x, rows.furniture, args.c) | {"threshold": args.threshold, "c": args.c}
    out = args.out or MODEL_FILE
    out.write_text(json.dumps(weights, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out}")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
