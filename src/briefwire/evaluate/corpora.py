"""Real third-party text for evaluation, read from the shared folder at run time.

The Russian Telegram corpus (``corpora/tg-ru-news``: one JSON array of posts per channel) is
never copied into the repository; annotation files name its posts as
``<channel file stem>_<message_id>.txt`` and this module writes those posts out as text files
with a sidecar (outlet, published, language) when a set is scored.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = [
    "channel_footer_lines",
    "post_key",
    "shared_folder",
    "telegram_corpus",
    "telegram_posts",
    "write_telegram_posts",
]

# A line its channel prints under this many other posts is the channel's furniture (a subscribe
# line, a mirror link, a "send us news" bot), the definition bench/tg_footers.py measures.
FOOTER_POSTS = 5


def shared_folder() -> Path:
    """The shared data folder: ``$BRIEFWIRE_SHARED``, else ``../shared`` beside the repository."""
    if os.environ.get("BRIEFWIRE_SHARED"):
        return Path(os.environ["BRIEFWIRE_SHARED"])
    return Path(__file__).resolve().parents[3].parent / "shared"


def telegram_corpus() -> Path:
    return shared_folder() / "corpora" / "tg-ru-news" / "raw"


def post_key(stem: str, message_id: int) -> str:
    return f"{stem}_{message_id}.txt"


@lru_cache(maxsize=1)
def telegram_posts() -> dict[str, dict[str, Any]]:
    """Every post of the corpus by key."""
    out: dict[str, dict[str, Any]] = {}
    for path in sorted(telegram_corpus().glob("*_messages.json")):
        stem = path.name.removesuffix("_messages.json")
        for post in json.loads(path.read_text(encoding="utf-8")):
            out[post_key(stem, int(post["message_id"]))] = post
    return out


def write_telegram_posts(keys: Iterable[str], folder: Path, *, as_posts: bool = False) -> int:
    """Write each post as ``KEY`` plus a ``.meta.json`` sidecar; returns how many were written.

    ``as_posts``: the sidecar says the text is a Telegram post, so it is read as a channel
    export's posts are (its first line is the news, not a headline)."""
    posts = telegram_posts()
    written = 0
    for key in keys:
        post = posts.get(key)
        if post is None:
            raise KeyError(f"{key}: no such post in {telegram_corpus()}")
        (folder / key).write_text(post["text"], encoding="utf-8")
        meta = {"outlet": post.get("channel"), "published": post.get("date"), "language": "ru"}
        if as_posts:
            meta["source_kind"] = "telegram"
        sidecar = folder / key.replace(".txt", ".meta.json")
        sidecar.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        written += 1
    return written


def _line_form(line: str) -> str:
    return " ".join(line.split()).casefold()


@lru_cache(maxsize=1)
def _channel_lines() -> dict[str, Counter[str]]:
    """Per channel file, in how many posts with an odd message id each line occurs (the even
    ids are another team's test set: counting on them is left to that team)."""
    counts: dict[str, Counter[str]] = {}
    for key, post in telegram_posts().items():
        if int(post["message_id"]) % 2:
            forms = {_line_form(x) for x in (post.get("text") or "").splitlines() if x.strip()}
            counts.setdefault(key.rsplit("_", 1)[0], Counter()).update(forms)
    return counts


def channel_footer_lines(key: str) -> list[int]:
    """1-based numbers of the post's lines that its channel prints under ``FOOTER_POSTS``
    other posts or more: furniture by the channel's own habit, whatever the cleaner's rules
    say (the Telegram gold files mark no boilerplate by hand)."""
    post = telegram_posts()[key]
    counts = _channel_lines().get(key.rsplit("_", 1)[0], Counter())
    own = 1 if int(post["message_id"]) % 2 else 0
    lines = (post.get("text") or "").splitlines()
    return [
        n
        for n, line in enumerate(lines, 1)
        if line.strip() and counts[_line_form(line)] - own >= FOOTER_POSTS
    ]
