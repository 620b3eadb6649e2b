"""Channel footers of real Russian Telegram posts: how many the line rules remove alone.

Reads ../shared/corpora/tg-ru-news (24 channels), posts with an odd message_id only (the
even ones are another team's test set). A footer is a post's last line that its channel
prints under five posts or more (a subscribe line, a mirror link, a "send us news" bot).
Prints the share of footers that ``clean.clean`` removes without per-channel learning (a
channel seen for the first time, a forwarded post) and with it (as one ingest batch
would), beside the share of posts that keep text after cleaning.

Usage: python bench/tg_footers.py
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from briefwire.clean import clean, line_hashes
from briefwire.clean.text import line_key, split_lines
from briefwire.models import RawDocument

CORPUS = Path(__file__).resolve().parents[2] / "shared/corpora/tg-ru-news/raw"
REPEATED = 5


def main() -> int:
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} not found")
        return 0
    footers = alone = learned_too = posts = with_text = 0
    for path in sorted(CORPUS.glob("*.json")):
        records = [p for p in json.loads(path.read_text(encoding="utf-8")) if p["message_id"] % 2]
        raws = [
            RawDocument(f"{path.name}#{p['message_id']}", p["text"], "telegram", outlet=p["channel"],
                        source_kind="telegram")
            for p in records if p.get("text")
        ]  # fmt: skip
        counts: Counter[str] = Counter()
        for raw in raws:
            counts.update(set(line_hashes(raw)))
        for raw in raws:
            posts += 1
            lines = split_lines(raw.text)
            learned = {h: counts[h] - 1 for h in set(line_hashes(raw)) if counts[h] > 1}
            bare, taught = clean(raw), clean(raw, learned)
            with_text += bool(taught.paragraphs)
            if len(lines) < 2 or counts[line_key(lines[-1].text)] < REPEATED:
                continue
            footers += 1
            start = lines[-1].start
            alone += any(s.start <= start < s.end for s in bare.removed)
            learned_too += any(s.start <= start < s.end for s in taught.removed)
    print(f"{posts} posts (odd message ids), {footers} channel footers")
    print(f"footers removed by the line rules alone: {alone / footers:.3f}")
    print(f"footers removed with per-channel learning: {learned_too / footers:.3f}")
    print(f"posts that keep text after cleaning: {with_text / posts:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
