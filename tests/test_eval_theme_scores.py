"""The theme scorer reads each line's theme off the passage that holds the line."""

from __future__ import annotations

from briefwire.evaluate.metrics import theme_scores

TEXT = "RECRUITMENT\nA survey by a recruitment agency found that one in five firms lack workers.\n"


def _passage(text: str, theme: str) -> dict[str, object]:
    return {"origin": "eval/d.txt", "text": text, "theme": theme}


def test_a_short_heading_inside_a_line_is_not_that_lines_passage() -> None:
    passages = [
        _passage("RECRUITMENT", "Army Recruitment and Draft"),
        _passage(TEXT.splitlines()[1], "Society and Economy"),
    ]
    gold = {"d.txt": {"themes": [{"line": 2, "theme": "Society and Economy"}]}}
    assert theme_scores(passages, gold, {"d.txt": TEXT})["theme_accuracy"] == 1.0


def test_a_developing_storys_title_is_compared_whatever_its_capitals() -> None:
    passages = [_passage(TEXT.splitlines()[1], "Developing story: Floods In Orsk")]
    gold = {"d.txt": {"themes": [{"line": 2, "theme": "Developing story: Floods in Orsk"}]}}
    assert theme_scores(passages, gold, {"d.txt": TEXT})["theme_accuracy"] == 1.0
    passages = [_passage(TEXT.splitlines()[1], "Society and Economy")]
    gold = {"d.txt": {"themes": [{"line": 2, "theme": "Society And Economy"}]}}
    assert theme_scores(passages, gold, {"d.txt": TEXT})["theme_accuracy"] == 0.0  # standing: exact
