"""Passage themes: the brief's standing sections, from a paragraph's wording."""

from __future__ import annotations

import pytest

from briefwire.extract.themes import THEMES, passage_theme, theme_of_claims, theme_of_type


def test_themes_are_the_six_standing_sections_then_other() -> None:
    assert THEMES[0] == "Authorities and Legislation"
    assert THEMES[-1] == "Other"
    assert len(THEMES) == 7


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        (
            "The governor signed a decree exempting teachers from partial mobilization.",
            "Authorities and Legislation",
        ),
        (
            "Conscripts in Tver said officers handed out draft notices at the factory gate.",
            "Army Recruitment and Draft",
        ),
        (
            "A mobilized father of two from Kursk was killed in action near Avdiivka, his sister wrote.",
            "Mobilized Soldiers, Volunteers and Contract Soldiers",
        ),
        (
            "Wives of mobilized men held a picket outside the regional parliament.",
            "Relatives and Public Response",
        ),
        (
            "A court in Perm fined a man for discrediting the army after he criticised the draft.",
            "Sentences, Legal Proceedings and Incidents",
        ),
        (
            "Queues of cars stretched for kilometres at the border as men fled to avoid the draft.",
            "Society and Economy",
        ),
    ],
)
def test_themes_passage_gets_the_section_editors_use(text: str, theme: str) -> None:
    assert passage_theme(text) == theme


def test_themes_off_topic_paragraph_has_no_theme() -> None:
    assert passage_theme("Please support our journalism with a monthly donation.") is None
    assert passage_theme("The weather in Sochi stayed warm for most of the week.") is None


def test_themes_on_topic_paragraph_without_event_is_other() -> None:
    assert passage_theme("Historians compare the current mobilization with earlier call-ups.") == "Other"


def test_themes_document_context_makes_a_bare_paragraph_on_topic() -> None:
    text = "The governor said later that 40 men had been sent home."
    assert passage_theme(text) is None
    assert passage_theme(text, on_topic=True) == "Army Recruitment and Draft"


def test_themes_event_type_maps_to_its_default_theme() -> None:
    assert theme_of_type("resignation") == "Authorities and Legislation"
    assert theme_of_type("aid_or_fundraising") == "Society and Economy"
    assert theme_of_type("no_such_type") == "Other"
    assert theme_of_claims(["casualty", "casualty", "policy_or_statement"]) == THEMES[2]
    assert theme_of_claims([]) is None
