"""Attribution: who asserts a claim and through whom, and the stance taken."""

from __future__ import annotations

import pytest

from briefwire.extract.attribution import Attribution, attribute, is_denial, stance
from briefwire.nlp import Sentence, get_backend


def _sentences(text: str) -> tuple[Sentence, ...]:
    return next(iter(get_backend("en").analyse([text]))).sentences


def _chain(text: str) -> tuple[str, ...]:
    return attribute(_sentences(text)[0]).chain


def test_attribution_chain_via_telegram_channel() -> None:
    chain = _chain(
        "Blogger Maria Ivanova, citing sources in the regional government, wrote on her Telegram channel "
        "that officials were resigning."
    )
    assert chain == ("sources in the regional government", "Blogger Maria Ivanova's Telegram channel")


def test_attribution_chain_outlet_citing_sources() -> None:
    chain = _chain(
        "Sources of the Fontanka newspaper in the city hall expect a new wave of call-ups in spring."
    )
    assert chain == ("sources", "Fontanka newspaper")


def test_attribution_according_to_agency() -> None:
    assert _chain("According to the state news agency RIA, the decree will be signed on Friday.") == (
        "the state news agency RIA",
    )


def test_attribution_source_told_journalist() -> None:
    assert _chain("“Half of the department has left,” an official told Novaya Gazeta.") == (
        "an official",
        "Novaya Gazeta",
    )


def test_attribution_pronoun_refers_to_previous_speaker() -> None:
    first, second = _sentences(
        "A mobilized man from Kemerovo said soldiers slept in tents. He said that food was scarce."
    )
    speaker = attribute(first).speaker
    assert attribute(second, speaker).chain == ("a mobilized man from Kemerovo",)


def test_attribution_passive_announcement_is_not_a_claimant() -> None:
    assert _chain("In the weeks since the decree was announced, many men left for Georgia.") == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministry denied that any reservists had been sent to the front.", "denied"),
        ("The press service called these reports false.", "denied"),
        ("The governor confirmed that 15 men had been sent home.", "confirmed"),
        ("The region will pay each volunteer 200,000 rubles.", "planned"),
        ("Officers allegedly beat a conscript in Bryansk.", "alleged"),
        ("Residents said draft notices were handed out at the market.", "reported"),
        ("Draft notices were handed out at the market.", "asserted"),
    ],
)
def test_attribution_stance(text: str, expected: str) -> None:
    sentence = _sentences(text)[0]
    assert stance(sentence.text, attribute(sentence)) == expected


def test_attribution_denial_detection_ignores_plain_reports() -> None:
    assert is_denial("The Eastern district press office called the information unreliable.")
    assert not is_denial("The press office said the information would be checked.")
    assert Attribution(()).chain == ()


def test_attribution_closing_tag_names_the_claimant() -> None:
    chain = _chain("Managers told staff to stay home if they got a summons, two employees of the plant said.")
    assert chain == ("two employees of the plant",)


def test_attribution_unconfirmed_is_not_denied() -> None:
    sentence = _sentences(
        "Local channels reported that he had been served a summons, which police did not confirm."
    )[0]
    assert stance(sentence.text, attribute(sentence)) != "denied"
