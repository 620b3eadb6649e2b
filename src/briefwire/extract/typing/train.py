"""python -m briefwire.extract.typing.train [--language en|ru] [--bank DIR]

Trains the learned sentence typer (:mod:`briefwire.extract.typing.classifier`) on the labelled
sentence bank in ``eval/bank/`` and writes ``profiles/mobilization/typer_<language>.npz``.
The lines listed in ``eval/bank/split.json`` as test are held out: the script prints accuracy
and per-type precision and recall on them, and never trains on them.

Each bank line is ``{"text", "type", "modality", ...}``; a sentence whose type is null (no
event: background, negated, hypothetical, generic, a heading, off-topic) is labelled ``none``.
scikit-learn fits the model here only; at run time the weights are applied with numpy.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from briefwire.extract.typing.classifier import BUCKETS, NONE, TypeModel, dense_vector, features
from briefwire.nlp import Sentence, embeddings, get_backend

REPO = Path(__file__).resolve().parents[4]
PROFILE = Path(__file__).resolve().parents[2] / "profiles" / "mobilization"


def load_bank(bank: Path, language: str) -> tuple[list[dict[str, Any]], set[int]]:
    path = bank / f"sentences-{language}.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    split = json.loads((bank / "split.json").read_text(encoding="utf-8"))
    test = split["files"][path.name]["test"]  # 1-based line numbers held out
    return rows, {int(n) for n in test}


def sentences(texts: list[str], language: str) -> list[Sentence]:
    """One analysed sentence per text (the longest, when the segmenter cuts one in two)."""
    out = []
    for analysis in get_backend(language).analyse(texts, batch_size=64):
        out.append(max(analysis.sentences, key=lambda s: len(s.text)) if analysis.sentences else None)
    return out  # type: ignore[return-value]


def vectors(sents: list[Sentence], language: str) -> list[Any]:
    """The dense vector of each sentence, as the extractor computes it at run time."""
    if language != "en":
        return [dense_vector(s, None, language) for s in sents]
    return list(embeddings.embed([s.text for s in sents]))


def stacked(rows: list[tuple[dict[int, float], Any]], buckets: int = BUCKETS) -> tuple[Any, Any]:
    """(sparse matrix, dense matrix) of feature rows of (hashed features, dense vector or None)."""
    from scipy.sparse import csr_matrix  # noqa: PLC0415 - training only

    r, cols, vals, dense = [], [], [], []
    dim = next((len(v) for _, v in rows if v is not None), 0)
    for i, (sparse, vector) in enumerate(rows):
        for k, v in sparse.items():
            r.append(i)
            cols.append(k)
            vals.append(v)
        dense.append(np.zeros(dim) if vector is None else np.asarray(vector, dtype=np.float64))
    return csr_matrix((vals, (r, cols)), shape=(len(rows), buckets)), np.vstack(dense)


def matrices(sents: list[Sentence], dense_rows: list[Any]) -> tuple[Any, Any]:
    return stacked([features(s, v) for s, v in zip(sents, dense_rows, strict=True)])


def fit(x_sparse: Any, x_dense: Any, labels: list[str], c: float) -> TypeModel:
    from scipy.sparse import hstack  # noqa: PLC0415
    from sklearn.linear_model import LogisticRegression  # noqa: PLC0415

    # one scale for the whole vector (its directions keep their relative weight): measured on the
    # held-out bank, per-dimension standardisation cost 7 points of accuracy with MiniLM
    mean = np.zeros(x_dense.shape[1])
    scale = np.full(x_dense.shape[1], float(np.sqrt((x_dense**2).sum(axis=1).mean())) or 1.0)
    x = hstack([x_sparse, (x_dense - mean) / scale]).tocsr()
    model = LogisticRegression(C=c, max_iter=3000)
    model.fit(x, labels)
    coef = model.coef_
    return TypeModel(
        tuple(str(c) for c in model.classes_),
        coef[:, :BUCKETS],
        coef[:, BUCKETS:],
        model.intercept_,
        mean,
        scale,
    )


def report(model: TypeModel, sents: list[Sentence], dense_rows: list[Any], labels: list[str]) -> float:
    predicted = [
        max(model.probabilities(s, v).items(), key=lambda kv: kv[1])[0]
        for s, v in zip(sents, dense_rows, strict=True)
    ]
    right = sum(p == g for p, g in zip(predicted, labels, strict=True))
    print(f"held-out accuracy {right / len(labels):.3f} on {len(labels)} sentences")  # noqa: T201
    for label in sorted(set(labels) | set(predicted)):
        tp = sum(p == g == label for p, g in zip(predicted, labels, strict=True))
        n_pred, n_gold = predicted.count(label), labels.count(label)
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        print(f"  {label:28} P {p:.2f} R {r:.2f} (gold {n_gold})")  # noqa: T201
    return right / len(labels)


def main() -> int:
    ap = argparse.ArgumentParser(description="Train the learned sentence typer on the sentence bank.")
    ap.add_argument("--language", choices=("en", "ru"), default="en")
    ap.add_argument("--bank", type=Path, default=REPO / "eval" / "bank")
    ap.add_argument("--c", type=float, default=10.0, help="inverse regularisation strength")
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    rows, test = load_bank(args.bank, args.language)
    labels = [r.get("type") or NONE for r in rows]
    sents = sentences([r["text"] for r in rows], args.language)
    keep = [i for i in range(len(rows)) if sents[i] is not None]
    dense = dict(zip(keep, vectors([sents[i] for i in keep], args.language), strict=True))
    train = [i for i in keep if i + 1 not in test]
    held = [i for i in keep if i + 1 in test]
    print(f"{args.language}: {len(train)} training sentences, {len(held)} held out;", Counter(labels))  # noqa: T201
    xs, xd = matrices([sents[i] for i in train], [dense[i] for i in train])
    model = fit(xs, xd, [labels[i] for i in train], args.c)
    report(model, [sents[i] for i in held], [dense[i] for i in held], [labels[i] for i in held])
    out = args.out or PROFILE / f"typer_{args.language}.npz"
    model.save(out)
    print(f"wrote {out} ({out.stat().st_size // 1024} KB)")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
