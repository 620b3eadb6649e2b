"""Sample and materialise the Russian Telegram posts of the eval sets (stdlib only).

The posts live in ``../shared/corpora/tg-ru-news/raw`` (third-party data, CC BY 4.0) and are
never copied into this repository: the gold files hold only keys and our own annotation, and
this script writes the posts out from the shared corpus when a run needs them.

    python eval/tg_posts.py sample --n 340            # the keys of the sampled posts, one a line
    python eval/tg_posts.py split --dev 190           # the same sample split: "dev KEY" / "test KEY"
    python eval/tg_posts.py write KEY... --out DIR    # NAME.txt + NAME.meta.json for each key
    python eval/tg_posts.py write --gold eval/gold/ru-tg-dev.json --out DIR
    python eval/tg_posts.py sample-topic              # keys for the topic classifier's labels

A key is ``<channel id>_<message_id>.txt``, e.g. ``1001101170442_123.txt``, the channel id being
the channel file's name without ``_messages.json``: the names ``briefwire.evaluate.corpora``
gives the posts when ``make eval`` writes them out.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = Path("corpora") / "tg-ru-news" / "raw"
SAMPLE_SEED = 20261201
SPLIT_SEED = 20261202

# Abbreviations match as whole words ("сво" is also the start of "свой", "свобода"); the other
# stems match at the start of a word, so "фронт" finds "фронтовик" (and, alas, "фронтенд").
_WHOLE_WORDS = ("всу", "сво")
_STEMS = (
    "украин",
    "беспилотн",
    "обстрел",
    "фронт",
    "минобороны",
    "мобилиз",
    "военкомат",
    "повестк",
    "погиб",
    "военнослужащ",
    "контрактник",
    "дрон",
)
WAR_RE = re.compile(rf"(?<!\w)(?:(?:{'|'.join(_WHOLE_WORDS)})(?!\w)|(?:{'|'.join(_STEMS)}))")
_PUNCT_RE = re.compile(r"[^\w\s]|_")
_SPACE_RE = re.compile(r"\s+")


@dataclass(frozen=True)
class Post:
    channel_id: str  # the channel file's name without _messages.json, e.g. 1001101170442
    message_id: int
    sender_id: int
    channel: str
    date: str
    text: str

    @property
    def key(self) -> str:
        return f"{self.channel_id}_{self.message_id}.txt"

    @property
    def url(self) -> str | None:
        """Telegram's link by channel id (t.me/c/ID/MSG): the corpus has ids, not usernames.

        It opens the post in a Telegram app for a reader who has the channel; a public
        username link would need a guess at the channel's handle, so none is made.
        """
        digits = str(-self.sender_id)
        if self.sender_id >= 0 or not digits.startswith("100"):
            return None
        return f"https://t.me/c/{digits[3:]}/{self.message_id}"

    def meta(self) -> dict[str, str]:
        meta = {
            "outlet": self.channel,
            "published": self.date,
            "language": "ru",
            "source_kind": "telegram",
        }
        if self.url:
            meta["url"] = self.url
        return meta


def normalised(text: str) -> str:
    """Lower-cased, punctuation stripped, whitespace collapsed: the duplicate test."""
    return _SPACE_RE.sub(" ", _PUNCT_RE.sub(" ", text.lower())).strip()


def is_war_related(text: str) -> bool:
    return WAR_RE.search(text.lower()) is not None


def _main_checkout() -> Path:
    """The main checkout when this file sits in a git worktree (``.git`` is then a file)."""
    dot_git = REPO / ".git"
    if dot_git.is_file():
        line = dot_git.read_text(encoding="utf-8").strip()
        if line.startswith("gitdir:"):
            gitdir = Path(line.removeprefix("gitdir:").strip())  # <main>/.git/worktrees/NAME
            if gitdir.parent.name == "worktrees":
                return gitdir.parent.parent.parent
    return REPO


def corpus_dir(shared: Path | None) -> Path:
    """``--shared``, else ``$BRIEFWIRE_SHARED``, else ``../shared`` beside the (main) checkout."""
    env = os.environ.get("BRIEFWIRE_SHARED")
    root = shared or (Path(env) if env else _main_checkout().parent / "shared")
    raw = root / CORPUS
    if not raw.is_dir():
        sys.exit(
            f"tg_posts: the shared corpus is not at {raw}; it is read from ../shared beside the "
            "repository (use --shared DIR or $BRIEFWIRE_SHARED to point elsewhere)"
        )
    return raw


def load_posts(raw: Path) -> list[Post]:
    """Every post of every channel file, in (date, file, message id) order."""
    posts: list[Post] = []
    for path in sorted(raw.glob("*_messages.json")):
        for record in json.loads(path.read_text(encoding="utf-8")):
            posts.append(
                Post(
                    channel_id=path.name.removesuffix("_messages.json"),
                    message_id=int(record["message_id"]),
                    sender_id=int(record["sender_id"]),
                    channel=str(record["channel"]),
                    date=str(record["date"]),
                    text=str(record["text"]),
                )
            )
    posts.sort(key=lambda p: (p.date, p.channel_id, p.message_id))
    return posts


def first_copies(posts: Iterable[Post]) -> Iterator[Post]:
    """Posts whose normalised text no earlier post (by date) has."""
    seen: set[str] = set()
    for post in posts:
        norm = normalised(post.text)
        if norm not in seen:
            seen.add(norm)
            yield post


def sample(posts: list[Post], n: int, seed: int = SAMPLE_SEED) -> list[Post]:
    """A seeded draw of ``n`` war-related posts, duplicates of earlier posts dropped."""
    pool = [p for p in first_copies(posts) if is_war_related(p.text)]
    if n > len(pool):
        sys.exit(f"tg_posts: asked for {n} posts, only {len(pool)} war-related posts exist")
    return random.Random(seed).sample(pool, n)


def split(drawn: list[Post], n_dev: int, seed: int = SPLIT_SEED) -> tuple[list[Post], list[Post]]:
    """A second seeded draw over the sample (in key order) picks dev; the rest is test."""
    ordered = sorted(drawn, key=lambda p: p.key)
    dev = {p.key for p in random.Random(seed).sample(ordered, n_dev)}
    return [p for p in ordered if p.key in dev], [p for p in ordered if p.key not in dev]


TOPIC_SEED = 20261220


def topic_sample(
    posts: list[Post], n_war: int, n_other: int, exclude: set[str], seed: int = TOPIC_SEED
) -> list[Post]:
    """Posts to label on-topic or not, none of them in an eval set (``exclude``).

    Most come from the war-related pool, where telling the war from look-alikes is hard; the
    rest from the other posts, so the classifier also sees what no stem catches.
    """
    fresh = [p for p in first_copies(posts) if p.key not in exclude]
    war = [p for p in fresh if is_war_related(p.text)]
    other = [p for p in fresh if not is_war_related(p.text)]
    rng = random.Random(seed)
    drawn = rng.sample(war, n_war) + rng.sample(other, n_other)
    return sorted(drawn, key=lambda p: p.key)


def eval_keys() -> set[str]:
    """Every post key an eval set or a merge pair file names, in the ``<id>_<message>.txt`` form."""
    keys = {k for path in (REPO / "eval" / "gold").glob("ru-tg-*.json") for k in gold_keys(path)}
    for path in (REPO / "eval" / "pairs").glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            pair = json.loads(line)
            keys |= {pair["a"].replace("_messages_", "_"), pair["b"].replace("_messages_", "_")}
    return keys


def write(named: Iterable[tuple[str, Post]], out: Path) -> int:
    """Each post as ``KEY`` (its text exactly as in the corpus) plus ``KEY-stem.meta.json``."""
    out.mkdir(parents=True, exist_ok=True)
    count = 0
    for key, post in named:
        (out / key).write_text(post.text, encoding="utf-8")
        meta = json.dumps(post.meta(), ensure_ascii=False, indent=1) + "\n"
        (out / f"{Path(key).stem}.meta.json").write_text(meta, encoding="utf-8")
        count += 1
    return count


def resolve(keys: Iterable[str], posts: list[Post]) -> list[tuple[str, Post]]:
    """The post each key names. ``<id>_messages_<message id>.txt`` (the whole file stem, as
    eval/pairs spells keys) names the same post as ``<id>_<message id>.txt``."""
    by_key = {p.key: p for p in posts}
    by_key |= {f"{p.channel_id}_messages_{p.message_id}.txt": p for p in posts}
    wanted = list(dict.fromkeys(keys))
    missing = [k for k in wanted if k not in by_key]
    if missing:
        sys.exit(f"tg_posts: {len(missing)} keys name no post in the corpus, e.g. {missing[0]}")
    return [(k, by_key[k]) for k in wanted]


def gold_keys(path: Path) -> list[str]:
    return list(json.loads(path.read_text(encoding="utf-8"))["documents"])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, help="the shared directory (default: ../shared)")
    sub = ap.add_subparsers(dest="command", required=True)
    sp = sub.add_parser("sample", help="print the keys of a seeded sample of war-related posts")
    sp.add_argument("--n", type=int, default=340)
    sp.add_argument("--seed", type=int, default=SAMPLE_SEED)
    xp = sub.add_parser("split", help="split the sample into dev and test by a second seeded draw")
    xp.add_argument("--n", type=int, default=340)
    xp.add_argument("--seed", type=int, default=SAMPLE_SEED)
    xp.add_argument("--dev", type=int, default=190, help="posts in dev; the rest are test")
    xp.add_argument("--split-seed", type=int, default=SPLIT_SEED)
    tp = sub.add_parser("sample-topic", help="keys of posts to label on-topic, none in an eval set")
    tp.add_argument("--war", type=int, default=400, help="posts from the war-related pool")
    tp.add_argument("--other", type=int, default=200, help="posts from the rest")
    tp.add_argument("--seed", type=int, default=TOPIC_SEED)
    tp.add_argument("--exclude", type=Path, action="append", default=[], help="label files already drawn")
    wp = sub.add_parser("write", help="write posts as NAME.txt and NAME.meta.json")
    wp.add_argument("keys", nargs="*", help="keys such as 1001101170442_123.txt")
    wp.add_argument("--gold", type=Path, action="append", default=[], help="take keys from this file")
    wp.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)

    posts = load_posts(corpus_dir(args.shared))
    if args.command == "sample":
        sys.stdout.write("".join(f"{p.key}\n" for p in sample(posts, args.n, args.seed)))
        return 0
    if args.command == "sample-topic":
        taken = {k for g in args.exclude for k in gold_keys(g)}
        drawn = topic_sample(posts, args.war, args.other, eval_keys() | taken, args.seed)
        sys.stdout.write("".join(f"{p.key}\n" for p in drawn))
        return 0
    if args.command == "split":
        dev, test = split(sample(posts, args.n, args.seed), args.dev, args.split_seed)
        lines = [f"dev {p.key}\n" for p in dev] + [f"test {p.key}\n" for p in test]
        sys.stdout.write("".join(lines))
        return 0
    keys = [*args.keys, *(k for g in args.gold for k in gold_keys(g))]
    if not keys:
        sys.exit("tg_posts: give keys or --gold FILE")
    count = write(resolve(keys, posts), args.out)
    sys.stderr.write(f"tg_posts: wrote {count} posts to {args.out}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
