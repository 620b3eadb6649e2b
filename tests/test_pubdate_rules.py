"""Publication dates: metadata, then dateline, then narrow inference, else unknown."""

from __future__ import annotations

import pytest

from briefwire.clean import clean
from briefwire.models import DateValue, RawDocument

BODY = (
    "Officials in Perm said the men had been sent to a training ground.\n\n"
    "Relatives said several of them had exemptions.\n"
)


def published(text: str, metadata: str | None = None) -> DateValue:
    return clean(RawDocument("t.txt", text, "text", published=metadata)).published


@pytest.mark.parametrize(
    ("metadata", "date", "precision"),
    [
        ("2022-10-15", "2022-10-15", "day"),
        ("2022-10-15T23:40:00-04:00", "2022-10-15", "day"),
        ("2022-10", "2022-10-01", "month"),
        ("2022", "2022-01-01", "year"),
        ("15 October 2022", "2022-10-15", "day"),
        ("24 ноября 2022", "2022-11-24", "day"),
    ],
)
def test_pubdate_prefers_metadata(metadata: str, date: str, precision: str) -> None:
    value = published("March 3, 2021\n\n" + BODY, metadata)
    assert (value.date, value.precision, value.basis) == (date, precision, "metadata")


@pytest.mark.parametrize(
    "line",
    ["November 24, 2022", "24 ноября 2022", "Updated 24.11.2022 10:45", "Thu 24 Nov 2022"],
)
def test_pubdate_reads_dateline_near_the_top(line: str) -> None:
    value = published(f"Channel notes\n{line}\n\nA Headline About Reservists in Perm\n\n{BODY}")
    assert (value.date, value.basis) == ("2022-11-24", "dateline")


def test_pubdate_ignores_date_sentence_in_the_body() -> None:
    text = BODY + "\nThe decree was signed on September 21, 2022 in Moscow.\n"
    assert published(text).date is None


def test_pubdate_ignores_banner_date() -> None:
    banner = (
        "Enjoying ad-free content?\n"
        "Since July 1, 2024, we have switched off every banner on this site.\n"
        "Your support keeps us going.\n"
        "Support us\n\n"
    )
    value = published(banner + BODY)
    assert value == DateValue.unknown()


def test_pubdate_infers_from_caption_date_and_weekday() -> None:
    text = (
        "Men wait at a draft office in Perm on March 2, 2023. IVAN PETROV/AFP/Getty Images\n\n"
        "The regional governor said on Friday that the men would be sent home.\n\n"
        "The first complaints were filed on February 27.\n"
    )
    value = published(text)
    assert (value.date, value.precision, value.basis) == ("2023-03-03", "day", "inferred")


def test_pubdate_infers_from_image_identifier_date() -> None:
    text = (
        "2023-05-09T074505Z_1_LYNXMPEK220AB_RTROPTP_3_PARADE\n\n"
        "The outlet reported on Monday that officials had been barred from resigning.\n"
    )
    assert published(text).date == "2023-05-09"


def test_pubdate_ignores_relative_words_inside_quotes() -> None:
    text = (
        "Men wait at a draft office in Perm on March 2, 2023. IVAN PETROV/AFP/Getty Images\n\n"
        "“Yesterday they took my son,” a woman told reporters.\n"
    )
    assert published(text).date is None


@pytest.mark.parametrize(
    "text",
    [
        # dates and a weekday, but no dated photo: the body's dates may be months old
        "The decree of September 21, 2022 was amended on Friday, officials said.\n",
        # the body goes on long after the photo was taken: an archive picture
        "Men wait at a draft office in Perm on March 2, 2021. IVAN PETROV/AFP/Getty Images\n\n"
        "The court ruled on Friday, after hearings that began on May 5, 2023.\n",
        # weekdays on both sides of the photo date: "Tuesday" may be before or after it
        "Men wait at a draft office in Perm on March 2, 2023. IVAN PETROV/AFP/Getty Images\n\n"
        "The governor spoke on Friday. The ministry had said on Tuesday that it would help.\n",
        # a file photo is never an anchor
        "File photo: men at a draft office in Perm on March 2, 2023. IVAN PETROV/AFP\n\n"
        "The governor spoke on Friday.\n",
    ],
)
def test_pubdate_prefers_unknown_when_clues_do_not_agree(text: str) -> None:
    assert published(text) == DateValue.unknown()


def test_pubdate_future_weekday_is_not_a_clue() -> None:
    text = (
        "Men wait at a draft office in Perm on March 2, 2023. IVAN PETROV/AFP/Getty Images\n\n"
        "The governor spoke on Friday. A funeral is planned for Tuesday, the family said.\n"
    )
    assert published(text).date == "2023-03-03"


def test_pubdate_future_date_is_not_a_lower_bound() -> None:
    text = (
        "Men wait at a draft office in Perm on March 2, 2023. IVAN PETROV/AFP/Getty Images\n\n"
        "A man was handed a summons for March 20 after he complained on Friday.\n"
    )
    assert published(text).date == "2023-03-03"


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "mobilization_20221006_perm.jpg\n\n"
            "Вчера в Перми мобилизованных отправили на полигон, сообщили родственники.\n",
            "2022-10-06",  # a file name's date bounds publication from below, nothing more
        ),
        (
            "Мобилизованные у военкомата в Перми, 6 октября 2022 года. Фото: Иван Петров / ТАСС\n\n"
            "В пятницу губернатор пообещал вернуть домой тех, кого призвали по ошибке.\n",
            "2022-10-07",
        ),
    ],
)
def test_pubdate_infers_from_russian_clues(text: str, date: str) -> None:
    value = published(text)
    assert (value.date, value.basis) == (date, "inferred")
