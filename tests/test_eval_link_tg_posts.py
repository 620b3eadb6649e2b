"""The linking set's Telegram posts are read as a channel export's posts are, not as articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefwire import clean, ingest
from briefwire.evaluate import corpora
from briefwire.models import RawDocument

POST = "❗️ Ночью над городом сбит беспилотник, летевший на Москву, — __мэр__ \n\nПострадавших нет."


def _read(folder: Path) -> RawDocument:
    raws = [r for r in ingest.read([folder]) if isinstance(r, RawDocument)]
    assert len(raws) == 1
    return raws[0]


@pytest.fixture
def one_post(monkeypatch: pytest.MonkeyPatch) -> str:
    key = "100_1.txt"
    monkeypatch.setattr(
        corpora, "telegram_posts", lambda: {key: {"text": POST, "channel": "c", "date": "2024-11-20"}}
    )
    return key


def test_eval_link_tg_post_keeps_its_first_line_as_news(one_post: str, tmp_path: Path) -> None:
    corpora.write_telegram_posts([one_post], tmp_path, as_posts=True)
    doc = clean.clean(_read(tmp_path))
    # a post has no headline: the line that tells the news stays in the text claims are read from
    assert "Ночью над городом сбит беспилотник" in doc.text


def test_eval_post_written_as_plain_text_reads_its_first_line_as_a_headline(
    one_post: str, tmp_path: Path
) -> None:
    corpora.write_telegram_posts([one_post], tmp_path)
    assert "Ночью" not in clean.clean(_read(tmp_path)).text
