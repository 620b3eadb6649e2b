"""Cleaning real page text: the article-extraction benchmark's pages rendered to plain text.

Each of the 181 pages in ../shared/corpora/article-extraction-benchmark is rendered to plain
text with all its furniture by inscriptis (``briefwire.evaluate.page_text.render`` says why
inscriptis and not html2text), the way a scraper or a page store keeps a page, and given to
``clean.clean`` as a text document whose only metadata is the page URL (the sidecar a scraper
writes). Every rendered line is labelled body or furniture against the human article body,
and each system is scored line by line, in the same run:

- briefwire, page text: ``clean.clean`` on the rendered text + URL (lines of one host in the
  same split are learned across documents, as one ingest batch would);
- briefwire, HTML path: ``ingest.html.read_html`` + ``clean.clean`` on the page's markup;
- trafilatura alone: ``trafilatura.bare_extraction`` on the markup.

Scores: furniture lines removed, body lines (8+ words) lost, title equal to the headline of
the page's markup, publication date within a day of the markup's date (the text path sees no
markup: it has the text and the URL only). Pages are split into dev and test by a seeded
random draw committed in eval/page_text_split.json: rules are tuned on dev only, and the two
are printed separately.

Usage: python bench/page_text.py [--split dev|test|all] [--json FILE] [--show PAGE] [--page-text-only]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import trafilatura
from rich.console import Console
from rich.table import Table

from briefwire.clean import clean, line_hashes
from briefwire.evaluate.page_text import (
    Gold,
    Output,
    Tally,
    body_labels,
    gold_date,
    gold_headline,
    kept_by_text,
    render,
)
from briefwire.ingest.decode import decode_bytes
from briefwire.ingest.html import declared_charset, read_html
from briefwire.models import CleanDocument, RawDocument

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared/corpora/article-extraction-benchmark"
SPLIT = REPO / "eval" / "page_text_split.json"


@dataclass(frozen=True)
class Page:
    key: str
    url: str
    data: bytes
    markup: str
    text: str
    lines: list[str]
    labels: list[bool | None]
    gold: Gold


def load_pages(keys: list[str], truth: dict[str, dict[str, str]]) -> list[Page]:
    pages = []
    for key in keys:
        data = gzip.decompress((CORPUS / "html" / f"{key}.html.gz").read_bytes())
        markup = decode_bytes(data, key, hint=declared_charset(data))
        text = render(markup)
        lines = text.split("\n")
        gold = Gold(gold_headline(markup, lines), gold_date(markup, truth[key]["url"]))
        labels = body_labels(lines, truth[key]["articleBody"])
        pages.append(Page(key, truth[key]["url"], data, markup, text, lines, labels, gold))
    return pages


def kept_by_offsets(page: Page, doc: CleanDocument) -> list[bool]:
    """A rendered line is kept unless every visible character of it was removed."""
    removed = sorted((s.start, s.end) for s in doc.removed)
    kept, offset, j = [], 0, 0
    for line in page.lines:
        start, end = offset, offset + len(line)
        offset = end + 1
        while j < len(removed) and removed[j][1] <= start:
            j += 1
        spans = [s for s in removed[j : j + 4] if s[0] < end]  # lines of a page do not overlap
        visible = [k for k, ch in enumerate(line) if not ch.isspace()]
        kept.append(any(not any(a <= start + k < b for a, b in spans) for k in visible))
    return kept


def text_raw(page: Page) -> RawDocument:
    return RawDocument(origin=f"{page.key}.txt", text=page.text, format="text", url=page.url)


def ours_text(page: Page, learned: dict[str, int]) -> tuple[Output, CleanDocument]:
    doc = clean(text_raw(page), learned)
    out = Output(kept_by_offsets(page, doc), doc.title, doc.published.date, doc.published.precision)
    return out, doc


def ours_html(page: Page) -> Output:
    try:
        doc = clean(read_html(page.data, f"{page.key}.html", url=page.url))
    except Exception:  # the reader's refusal (no text in the page) scores as empty output
        return Output([False] * len(page.lines), None, None)
    return Output(kept_by_text(page.lines, doc.text), doc.title, doc.published.date, doc.published.precision)


def bare_trafilatura(page: Page) -> Output:
    found = trafilatura.bare_extraction(page.markup, url=page.url, with_metadata=True)
    meta = found.as_dict() if found is not None else {}
    text = str(meta.get("text") or "")
    date = meta.get("date")
    return Output(kept_by_text(page.lines, text), meta.get("title"), str(date)[:10] if date else None)


def learned_counts(pages: list[Page]) -> dict[str, Counter[str]]:
    """Per URL host, in how many pages of this split each line occurs (one ingest batch)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for page in pages:
        counts[_host(page.url)].update(set(line_hashes(text_raw(page))))
    return counts


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").removeprefix("www.")


SYSTEMS = ("briefwire, page text", "briefwire, HTML path", "trafilatura alone")


def score(
    pages: list[Page], show: Callable[[Page, Output, CleanDocument], None] | None, *, beside: bool = True
) -> dict[str, Tally]:
    """Tallies per system; without ``beside`` only briefwire on page text (what the floors hold)."""
    systems = SYSTEMS if beside else SYSTEMS[:1]
    tallies = {name: Tally() for name in systems}
    counts = learned_counts(pages)
    for page in pages:
        hashes = set(line_hashes(text_raw(page)))
        outlet = counts[_host(page.url)]
        learned = {h: outlet[h] - 1 for h in hashes if outlet[h] > 1}
        mine, doc = ours_text(page, learned)
        outputs = (mine, ours_html(page), bare_trafilatura(page)) if beside else (mine,)
        for name, out in zip(systems, outputs, strict=True):
            tallies[name].add(page.labels, page.lines, out, page.gold)
        if show is not None:
            show(page, mine, doc)
    return tallies


def print_tables(console: Console, results: dict[str, dict[str, Tally]]) -> None:
    for split, tallies in results.items():
        t = next(iter(tallies.values()))
        table = Table(title=f"{split}: {t.pages} pages, {t.furniture} furniture lines, "
                      f"{t.body} body lines of 8+ words, {t.titled_pages} headlines")  # fmt: skip
        for column in ("system", "furniture removed", "body lost", "title right", "date ±1 day",
                       "dates (verdicts)"):  # fmt: skip
            table.add_column(column)
        for name, tally in tallies.items():
            s = tally.scores()
            verdicts = ", ".join(f"{v} {n}" for v, n in sorted(tally.dates.items()))
            table.add_row(name, f"{s['furniture_removed']:.3f}", f"{s['body_lost']:.3f}",
                          f"{s['title_right']:.3f}", f"{s['date_within_1d']:.3f}", verdicts)  # fmt: skip
        console.print(table)


def show_page(console: Console) -> Callable[[Page, Output, CleanDocument], None]:
    def show(page: Page, out: Output, doc: CleanDocument) -> None:
        spans = sorted((s.start, s.end, s.reason) for s in doc.removed)
        console.print(f"== {page.key[:8]} {page.url}")
        console.print(f"   title {out.title!r} | gold {page.gold.headline!r}")
        console.print(f"   date {doc.published} | gold {page.gold.date}")
        offset = 0
        for line, label, kept in zip(page.lines, page.labels, out.kept, strict=True):
            start = offset + len(line) - len(line.lstrip())
            offset += len(line) + 1
            if label is None:
                continue
            mark = {True: "B", False: "-"}[label] + ("k" if kept else "x")
            why = next((r for a, b, r in spans if a < offset and b > start), "")
            bad = (label and not kept and len(line.split()) >= 8) or (label is False and kept)
            console.print(f"{'!' if bad else ' '}{mark} {why:>12} | {line.strip()[:110]}", markup=False,
                          highlight=False)  # fmt: skip

    return show


def floor_scores(results: dict[str, dict[str, Tally]]) -> dict[str, dict[str, float]]:
    """Scores by the sections of eval/baseline.json: ``page-text-<split>`` for briefwire on
    page text, ``page-text-<split>/<system>`` for the systems beside it."""
    out: dict[str, dict[str, float]] = {}
    for split_name, tallies in results.items():
        for system, tally in tallies.items():
            section = f"page-text-{split_name}" + ("" if system == SYSTEMS[0] else f"/{system}")
            out[section] = tally.scores()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test", "all"), default="all")
    parser.add_argument("--json", type=Path, help="write the scores as JSON here")
    parser.add_argument("--show", help="print the labelled lines of pages whose id starts so (dev only)")
    parser.add_argument(
        "--page-text-only",
        action="store_true",
        help="score briefwire on page text alone, not the HTML path and trafilatura beside it (the floors)",
    )
    args = parser.parse_args()
    console = Console(width=170)
    truth_path = CORPUS / "ground-truth.json"
    if not truth_path.exists():
        console.print(f"skipped: {truth_path} not found")
        return 0
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    split = json.loads(SPLIT.read_text(encoding="utf-8"))
    names = ("dev", "test") if args.split == "all" else (args.split,)
    load = os.getloadavg()[0]
    started = time.perf_counter()
    results: dict[str, dict[str, Tally]] = {}
    for name in names:
        keys = split[name]
        show = None
        if args.show is not None and name == "dev":  # the firewall: never print test pages
            keys = [k for k in keys if k.startswith(args.show)]
            show = show_page(console)
        results[name] = score(load_pages(keys, truth), show, beside=not args.page_text_only)
    print_tables(console, results)
    console.print(f"{time.perf_counter() - started:.0f} s, load average {load:.2f} at the start")
    if args.json:
        args.json.write_text(json.dumps(floor_scores(results), indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
