"""Words per second of clean + nlp + extract next to bare spaCy, measured in one run.

(The whole ingest, reading to linking, beside bare spaCy and natasha: ``bench/ingest.py``.)

The corpus is the human-checked article bodies of ../shared/corpora/article-extraction-benchmark
(181 English news and blog pages, ≈130k words): real text of the length briefwire sees. Both
sides get the same texts and the same word count (whitespace-separated words of the input):

- baseline: ``nlp.pipe`` over the texts with the components briefwire's English backend runs
  (read from the backend, so the comparison stays fair when they change); the full model's
  default pipeline is shown too, for reference;
- briefwire: ``clean`` each text, then ``run_extraction`` (nlp backend + extraction) with one
  worker, then with two.

The ratio briefwire / baseline is printed for each, with the machine's load.

    .venv/bin/python bench/extract.py [--docs N] [--repeat K]
"""

from __future__ import annotations

# isort: off
import common  # first: pins BLAS threads before spaCy loads numpy, as the briefwire command does
# isort: on

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import spacy
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from briefwire import clean as clean_stage
from briefwire.extract.mentions.quantities import find_quantities
from briefwire.extract.mentions.time import find_dates
from briefwire.extract.runner import ExtractFunction, ExtractionError, default_extract, run_extraction
from briefwire.models import CleanDocument, DateValue, Paragraph, RawDocument
from briefwire.nlp import Analysis, embeddings, get_backend
from briefwire.nlp.spacy_en import MODEL

CORPUS = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "corpora"
    / "article-extraction-benchmark"
    / "ground-truth.json"
)
console = Console()


def load_texts(limit: int | None, repeat: int) -> list[str]:
    data = json.loads(CORPUS.read_text(encoding="utf-8"))
    texts = [item["articleBody"] for item in data.values() if item.get("articleBody", "").strip()]
    return (texts[:limit] if limit else texts) * repeat


def progress_bar() -> Progress:
    return Progress(
        TextColumn("{task.description:<28}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
    )


def tracked(items: Iterable[Any], progress: Progress, label: str, total: int) -> Iterator[Any]:
    task = progress.add_task(label, total=total)
    for item in items:
        yield item
        progress.advance(task)


def time_spacy(texts: list[str], full: bool) -> float:
    """Seconds of ``nlp.pipe`` over ``texts`` (model load excluded): the backend's components,
    or the full default pipeline."""
    nlp = spacy.load(MODEL) if full else get_backend("en").nlp  # type: ignore[attr-defined]
    list(nlp.pipe(texts[:4]))  # warm-up, as our workers warm up on their first batch
    label = "spaCy nlp.pipe (full)" if full else "spaCy nlp.pipe (same)"
    with progress_bar() as progress:
        start = time.perf_counter()
        for _ in tracked(nlp.pipe(texts, batch_size=32), progress, label, len(texts)):
            pass
        return time.perf_counter() - start


def cleaner() -> Callable[[RawDocument], CleanDocument]:
    """The clean stage's entry point, or a paragraph splitter if it has not landed yet."""
    clean = getattr(clean_stage, "clean", None)
    if clean is not None:
        return lambda raw: clean(raw, {})
    console.print("[yellow]briefwire.clean.clean is not available: paragraphs split on lines")
    return plain_document


def plain_document(raw: RawDocument) -> CleanDocument:
    paragraphs, pos = [], 0
    for index, line in enumerate(raw.text.split("\n")):
        paragraphs.append(Paragraph(index, pos, pos + len(line), line))
        pos += len(line) + 1
    return CleanDocument(
        raw, raw.origin, raw.text, tuple(paragraphs), (), None, None, DateValue.unknown(), "en"
    )


def dates_and_quantities(doc: CleanDocument, analysis: Analysis) -> int:
    """Stand-in extractor while briefwire.extract.extract has not landed: dates and numbers."""
    found = 0
    for sentence in analysis.sentences:
        found += len(find_dates(sentence, doc.published)) + len(find_quantities(sentence))
    return found


def extractor() -> ExtractFunction:
    try:
        from briefwire.extract import extract  # noqa: F401, PLC0415
    except ImportError:
        console.print("[yellow]briefwire.extract.extract is not available: timing dates + quantities")
        return dates_and_quantities
    return default_extract


def time_briefwire(texts: list[str], workers: int) -> tuple[float, int]:
    """Seconds for clean + run_extraction over ``texts``; also the number of failed documents."""
    clean = cleaner()
    raws = (RawDocument(f"bench/{i}", text, "txt", language="en") for i, text in enumerate(texts))
    # One warm-up document so both sides are timed with their models loaded.
    list(run_extraction([clean(RawDocument("warm", texts[0], "txt"))], workers=1, extract_fn=extractor()))
    failed = 0
    with progress_bar() as progress:
        start = time.perf_counter()
        docs = (clean(raw) for raw in raws)
        results = run_extraction(docs, workers=workers, batch_size=16, extract_fn=extractor())
        for item in tracked(results, progress, f"briefwire, {workers} worker(s)", len(texts)):
            failed += isinstance(item, ExtractionError)
        return time.perf_counter() - start, failed


class Stopwatch:
    """CPU seconds spent inside chosen functions (the learned typer and its sentence vectors)."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def wrap(self, owner: Any, name: str) -> None:
        inner = getattr(owner, name)

        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return inner(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - start

        setattr(owner, name, timed)


def typer_share(texts: list[str]) -> tuple[float, float]:
    """(typer seconds, total seconds) of one in-process run: MiniLM vectors and the classifier."""
    from briefwire.extract.typing import decide  # noqa: PLC0415

    watch = Stopwatch()
    watch.wrap(decide, "_learned")  # the classifier's probabilities for one sentence
    watch.wrap(embeddings, "embed")  # the document's sentence vectors, for the typer
    total, _ = time_briefwire(texts, 1)
    return watch.seconds, total


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=None, help="use only the first N documents")
    parser.add_argument("--repeat", type=int, default=1, help="repeat the corpus K times")
    parser.add_argument(
        "--rounds", type=int, default=2, help="measure each side R times, interleaved, and keep the best"
    )
    args = parser.parse_args()
    if not CORPUS.exists():
        console.print(f"skipped: corpus not found at {CORPUS}")
        return 0
    texts = load_texts(args.docs, args.repeat)
    words = sum(len(t.split()) for t in texts)
    console.print(f"{len(texts)} documents, {words:,} words")
    components = ", ".join(get_backend("en").components)  # type: ignore[attr-defined]
    same = f"spaCy nlp.pipe, same components ({components})"
    # Other jobs share this machine: interleave the sides and keep each one's best round.
    sides = {same: 0, "spaCy nlp.pipe, full default pipeline": -1, "clean + nlp + extract, workers=1": 1}
    sides["clean + nlp + extract, workers=2"] = 2
    best: dict[str, tuple[float, int]] = {}
    for _ in range(max(1, args.rounds)):
        for name, workers in sides.items():
            if workers > 0:
                seconds, failed = time_briefwire(texts, workers)
            else:
                seconds, failed = time_spacy(texts, full=workers < 0), 0
            if name not in best or seconds < best[name][0]:
                best[name] = (seconds, failed)
    baseline = best[same][0]
    rows = [(name, seconds, failed) for name, (seconds, failed) in best.items()]
    table = Table(title=f"words per second (same texts, same run; {common.load()})")
    for column in ("run", "seconds", "words/s", "ratio to spaCy", "failed docs"):
        table.add_column(column, justify="left" if column == "run" else "right")
    for name, seconds, failed in rows:
        table.add_row(
            name, f"{seconds:.1f}", f"{words / seconds:,.0f}", f"{baseline / seconds:.2f}", str(failed)
        )
    console.print(table)
    typer, total = typer_share(texts)
    console.print(
        f"learned typer (MiniLM sentence vectors + classifier): {typer:.1f} s of {total:.1f} s "
        f"on one worker, {typer / total:.0%} of briefwire's time"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
