"""python -m briefwire.extract.typing.train_topic [--language ru] [--out FILE]

Trains the document topic judge (:mod:`briefwire.extract.typing.topic`) on our labels of real
Telegram posts and writes ``profiles/mobilization/topic_<language>.npz``.

- Training: ``eval/topic/*.json``, posts drawn by ``eval/tg_posts.py sample-topic`` (none of
  them in an eval set) and labelled on-topic or not by annotators who had not read the
  extractor. The files hold keys and labels; the texts come from ``../shared``'s corpus.
- Also the training part of the sentence bank (``eval/bank/``, written for this project: its
  test lines are held out): a sentence of an event type is an on-topic text, one marked
  off-topic is not. Real posts are mostly strikes and statements; the bank has every kind the
  profile types (an obituary, a draft notice, a court case), so the model does not learn that
  what posts rarely tell is off-topic.
- Thresholds: chosen on the ``relevant`` labels of the dev set (``eval/gold/ru-tg-dev.json``),
  never on a test set (see :func:`thresholds`).

Each post goes through the pipeline's own reading, cleaning and nlp, so the features are the
ones the extractor sees at run time. scikit-learn fits the model here only.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

from briefwire.clean import clean
from briefwire.evaluate.corpora import write_telegram_posts
from briefwire.extract.typing.topic import BUCKETS, TopicModel, document_features, lexicon_on_topic
from briefwire.extract.typing.train import load_bank, stacked
from briefwire.ingest import read_one
from briefwire.models import CleanDocument, RawDocument
from briefwire.nlp import Analysis, get_backend

LOST = 2  # what barring an on-topic dev post costs, against 1 for barring an off-topic one
REPO = Path(__file__).resolve().parents[4]
PROFILE = Path(__file__).resolve().parents[2] / "profiles" / "mobilization"


def labelled(paths: list[Path]) -> dict[str, bool]:
    """Key -> on-topic, from label files of ``{"documents": {key: {"relevant": bool}}}``."""
    out: dict[str, bool] = {}
    for path in paths:
        for key, label in json.loads(path.read_text(encoding="utf-8"))["documents"].items():
            out[key] = bool(label["relevant"])
    return out


def analysed(keys: list[str], language: str) -> dict[str, tuple[CleanDocument, Analysis]]:
    """Each post read, cleaned and analysed as ingest does: key -> (clean document, analysis)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_telegram_posts(keys, folder)
        docs: list[tuple[str, CleanDocument]] = []
        for key in keys:
            items = [i for i in read_one(folder / key) if isinstance(i, RawDocument)]
            docs.extend((key, clean(raw)) for raw in items[:1])
    backend = get_backend(language)
    analyses = backend.analyse([d.text for _, d in docs], batch_size=64)
    return {key: (doc, a) for (key, doc), a in zip(docs, analyses, strict=True)}


def bank_texts(bank: Path, language: str) -> list[tuple[str, bool]]:
    """(text, on-topic) of the bank's training lines that say either way."""
    rows, test = load_bank(bank, language)
    out = []
    for n, row in enumerate(rows, 1):
        if n in test:
            continue
        if row.get("type"):
            out.append((str(row["text"]), True))
        elif row.get("modality") == "offtopic":
            out.append((str(row["text"]), False))
    return out


def matrices(analyses: list[Analysis]) -> tuple[Any, Any]:
    return stacked([document_features(a) for a in analyses], BUCKETS)


def fit(x_sparse: Any, x_dense: Any, labels: list[bool], c: float) -> TopicModel:
    from scipy.sparse import hstack  # noqa: PLC0415
    from sklearn.linear_model import LogisticRegression  # noqa: PLC0415

    scale = float(np.sqrt((x_dense**2).sum(axis=1).mean())) or 1.0
    model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
    model.fit(hstack([x_sparse, x_dense / scale]).tocsr(), labels)
    coef = model.coef_[0] if model.classes_[1] else -model.coef_[0]
    return TopicModel(coef[:BUCKETS], coef[BUCKETS:], float(model.intercept_[0]), scale, 0.0, 1.0)


def thresholds(scored: list[tuple[float, bool, bool]]) -> tuple[float, float]:
    """(veto, admit) from dev posts' (probability, lexicon's verdict, annotator's label).

    ``veto`` is the step of a hundredth that bars the most off-topic posts the lexicon let
    through for the on-topic posts it bars, each of which counts twice (a barred on-topic post
    loses all its claims, an off-topic one let through gives a few false ones), the lowest of
    equals; ``admit`` the
    step that lets in the most more on-topic posts the lexicon turned away than off-topic ones
    (the highest such step), or 1.0 (never) when none gains.
    """
    steps = [i / 100 for i in range(1, 100)]

    def barred(t: float) -> int:
        return sum(-LOST if relevant else int(lexicon) for p, lexicon, relevant in scored if p < t)

    def admitted(t: float) -> int:
        return sum(1 if relevant else -1 for p, lexicon, relevant in scored if not lexicon and p >= t)

    veto = max(steps, key=lambda t: (barred(t), -t))
    best = max(steps, key=lambda t: (admitted(t), t))
    return veto, best if admitted(best) > 0 else 1.0


def report(name: str, scored: list[tuple[float, bool, bool]], veto: float, admit: float) -> None:
    """Agreement of the lexicon alone and of the gate with the labels."""

    def agree(judged: list[bool]) -> str:
        tp = sum(j and r for j, (_, _, r) in zip(judged, scored, strict=True))
        fp = sum(j and not r for j, (_, _, r) in zip(judged, scored, strict=True))
        fn = sum(not j and r for j, (_, _, r) in zip(judged, scored, strict=True))
        return f"on-topic P {tp / max(1, tp + fp):.3f} R {tp / max(1, tp + fn):.3f} (fp {fp}, fn {fn})"

    gate = [p >= veto if lexicon else p >= admit for p, lexicon, _ in scored]
    print(f"{name}: {len(scored)} posts; lexicon {agree([x[1] for x in scored])}; gate {agree(gate)}")  # noqa: T201


def score(
    model: TopicModel,
    posts: dict[str, tuple[CleanDocument, Analysis]],
    labels: dict[str, bool],
    language: str,
) -> list[tuple[float, bool, bool]]:
    """(probability, the lexicon's verdict, the label) of each post."""
    return [
        (model.probability(analysis), lexicon_on_topic(doc, analysis, language), labels[key])
        for key, (doc, analysis) in posts.items()
    ]


def main() -> int:
    ap = argparse.ArgumentParser(description="Train the document topic judge on labelled posts.")
    ap.add_argument("--language", choices=("ru",), default="ru")
    ap.add_argument(
        "--labels", type=Path, action="append", default=None, help="label files (default eval/topic/*.json)"
    )
    ap.add_argument("--bank", type=Path, default=REPO / "eval" / "bank", help="the sentence bank")
    ap.add_argument("--dev", type=Path, default=REPO / "eval" / "gold" / "ru-tg-dev.json")
    ap.add_argument("--c", type=float, default=16.0, help="inverse regularisation strength")
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    train_labels = labelled(args.labels or sorted((REPO / "eval" / "topic").glob("*.json")))
    dev_labels = labelled([args.dev])
    if overlap := set(train_labels) & set(dev_labels):
        sys.exit(f"train_topic: {len(overlap)} training posts are dev posts, e.g. {min(overlap)}")
    train = analysed(sorted(train_labels), args.language)
    dev = analysed(sorted(dev_labels), args.language)
    print(f"{len(train)} training posts ({sum(train_labels.values())} on-topic), {len(dev)} dev posts")  # noqa: T201
    bank = bank_texts(args.bank, args.language)
    bank_analyses = list(get_backend(args.language).analyse([t for t, _ in bank], batch_size=64))
    print(f"{len(bank)} bank sentences ({sum(y for _, y in bank)} on-topic)")  # noqa: T201
    xs, xd = matrices([a for _, a in train.values()] + bank_analyses)
    model = fit(xs, xd, [train_labels[k] for k in train] + [y for _, y in bank], args.c)
    dev_scored = score(model, dev, dev_labels, args.language)
    veto, admit = thresholds(dev_scored)
    model = TopicModel(model.sparse, model.dense, model.intercept, model.scale, veto, admit)
    print(f"thresholds: veto below {veto:.3f}, admit at {admit:.3f}")  # noqa: T201
    report("training", score(model, train, train_labels, args.language), veto, admit)
    report("dev", dev_scored, veto, admit)
    out = args.out or PROFILE / f"topic_{args.language}.npz"
    model.save(out)
    print(f"wrote {out} ({out.stat().st_size // 1024} KB)")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main())
