"""Telegram posts that arrive as plain text files (a sidecar names the channel, nothing says
"post"): their news lines survive cleaning, their channel furniture does not.

Regressions found on the real Russian posts of the ru-tg dev set; every text here is invented.
"""

from __future__ import annotations

import pytest

from briefwire.clean import clean, line_hashes
from briefwire.models import CleanDocument, RawDocument

ONE_SENTENCE = "❗️Над Тульской областью ночью **сбиты три беспилотника**, пострадавших нет — губернатор"
SUBSCRIBE = "🔔 [Подписаться на Вестник Оки](https://t.me/+AbCdEf123)"


def as_text(text: str, outlet: str = "Вестник Оки") -> RawDocument:
    return RawDocument(origin="post.txt", text=text, format="text", outlet=outlet)


def kept(doc: CleanDocument) -> str:
    return "\n".join(p.text for p in doc.paragraphs)


def removed(doc: CleanDocument) -> dict[str, str]:
    return {" ".join(span.text.split()): span.reason for span in doc.removed}


def test_clean_one_sentence_post_read_as_headline_keeps_its_news() -> None:
    doc = clean(as_text(ONE_SENTENCE))
    assert doc.paragraphs, "a one-sentence post lost its only line to the title"
    assert "сбиты три беспилотника" in kept(doc)
    assert doc.title is None  # the sentence is the text, not a headline to repeat it


def test_clean_one_sentence_post_with_footer_keeps_the_sentence_and_drops_the_footer() -> None:
    doc = clean(as_text(f"{ONE_SENTENCE}\n\n{SUBSCRIBE}\n"))
    assert "сбиты три беспилотника" in kept(doc)
    assert "Подписаться" not in kept(doc)
    assert removed(doc)[SUBSCRIBE] == "newsletter"


def test_clean_markdown_link_target_is_not_a_photo_credit() -> None:
    # "(https://host/path)" after a link's text once matched the "(Name/Agency)" credit shape
    line = (
        "**В порту Усть-Луги за двое суток задержали два танкера с нефтью, оба под флагом "
        "Габона. **[Что известно о задержании](https://example.org/news/articles/abc123)"
    )
    doc = clean(as_text(f"{line}\n\nСледствие проверяет документы экипажей обоих судов и груз.\n"))
    assert removed(doc).get(line) in (None, "title")  # the post's news, or its headline


@pytest.mark.parametrize(
    "label, quote",
    [
        ("⚡️**Глава минздрава:**", "— Больницы региона готовы принять раненых, запасы крови есть;"),
        ("**Пресс-служба ВМФ:**", "__«Учения в акватории продлятся до пятницы».__"),
    ],
    ids=["dash-quote", "guillemet-quote"],
)
def test_clean_speaker_label_over_a_quote_is_not_a_kicker(label: str, quote: str) -> None:
    doc = clean(as_text(f"{label}\n\n{quote}\n\n{SUBSCRIBE}\n"))
    assert label.strip("*_⚡️") in kept(doc).replace("*", "").replace("⚡️", "")
    assert quote.strip("_") in kept(doc)


def test_clean_speaker_labels_the_channel_repeats_are_not_learned_as_template() -> None:
    posts = [
        f"Ночью в районе {place} сбили беспилотник, обломки упали на поле.\n\n— Губернатор.\n\n{SUBSCRIBE}"
        for place in ("Каширы", "Ступина", "Озёр")
    ]
    raws = [as_text(p) for p in posts]
    counts: dict[str, int] = {}
    for raw in raws:
        for key in line_hashes(raw):
            counts[key] = counts.get(key, 0) + 1
    learned = {k: n - 1 for k, n in counts.items() if n > 1}
    doc = clean(raws[0], learned)
    assert "— Губернатор." in kept(doc)
    assert "Подписаться" not in kept(doc)
