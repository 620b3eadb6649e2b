"""The Telegram eval sets count a channel's footers as furniture, not as article lines.

The gold files of ru-tg-dev and ru-tg-test mark no boilerplate by hand; without this every
subscribe line a cleaner rightly removes was scored as an article line lost.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefwire.evaluate import corpora
from briefwire.evaluate.sets import EvalSet

FOOTER = "👉 [Подписаться на канал](https://t.me/+x)"


def _post(message_id: int, text: str) -> dict[str, object]:
    return {"message_id": message_id, "text": text, "channel": "Канал", "date": "2024-11-18T09:00:00+00:00"}


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    raw = tmp_path / "corpora" / "tg-ru-news" / "raw"
    raw.mkdir(parents=True)
    posts = [_post(n, f"Новость номер {n} о событиях дня в городе.\n\n{FOOTER}") for n in range(1, 14, 2)]
    posts += [_post(2, f"Чётная новость о событиях дня.\n\n{FOOTER}"), _post(15, "Одна строка без подвала.")]
    (raw / "77_messages.json").write_text(json.dumps(posts, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setenv("BRIEFWIRE_SHARED", str(tmp_path))
    corpora.telegram_posts.cache_clear()
    corpora._channel_lines.cache_clear()
    yield tmp_path
    corpora.telegram_posts.cache_clear()
    corpora._channel_lines.cache_clear()


def test_eval_channel_footer_is_a_boilerplate_line_of_every_post(corpus: Path) -> None:
    assert corpora.channel_footer_lines("77_1.txt") == [3]
    assert corpora.channel_footer_lines("77_2.txt") == [3]  # an even id is judged, not counted
    assert corpora.channel_footer_lines("77_15.txt") == []


def test_eval_footer_needs_five_other_posts_of_the_channel(corpus: Path) -> None:
    raw = corpus / "corpora" / "tg-ru-news" / "raw" / "77_messages.json"
    posts = json.loads(raw.read_text(encoding="utf-8"))[:5]  # the line in five posts: four others
    raw.write_text(json.dumps(posts, ensure_ascii=False), encoding="utf-8")
    corpora.telegram_posts.cache_clear()
    corpora._channel_lines.cache_clear()
    assert corpora.channel_footer_lines("77_1.txt") == []


def test_eval_telegram_set_documents_carry_the_footers(corpus: Path, tmp_path: Path) -> None:
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps({"documents": {"77_3.txt": {"boilerplate_lines": [1]}}}), encoding="utf-8")
    docs = EvalSet("ru-tg-x", "dev", "ru", (gold,), telegram=True).documents()
    assert docs["77_3.txt"]["boilerplate_lines"] == [1, 3]
