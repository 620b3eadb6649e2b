"""Where a page's article is: regressions from the dev pages of bench/page_text.py, every page
written for the test."""

from __future__ import annotations

from briefwire.clean.lexicon import lexicon
from briefwire.clean.page import keep_prose_runs
from briefwire.clean.text import Line, split_lines

from .test_clean_page_text import BODY, FOOTER, MENU, URL, cleaned, page, reasons

SLUG_TAGS = "reservists sent · tver · training ground"


def test_clean_page_slug_sharing_tag_line_under_the_article_does_not_win_over_it() -> None:
    # the tag line shares the slug; under it, an author's bio and a comment weigh far less
    bio = (
        "Our family moved to the north two years ago, and since then we spend the weekends on "
        "long walks with the boys and the dog, whatever the weather.\n"
        "Thank you for stopping by and reading about our trips; there are many more of them "
        "in the archive, with pictures of every place we went to."
    )
    text = (
        f"The Daily Example\n{MENU}\n"
        + "\n".join(BODY * 4)
        + f"\n* Share\n* Email\n{SLUG_TAGS}\n{bio}\n{FOOTER}\n"
    )
    doc = cleaned(text)
    assert all(doc.text.count(p) == 4 for p in BODY), "the article's first paragraphs were lost"


def test_clean_page_reader_comments_with_signature_and_time_are_removed() -> None:
    comments = "\n".join(
        f"{n}. {name} says:\nMarch 14, 2023 at {n}:15 am\n{words}"
        for n, (name, words) in enumerate(
            [
                (
                    "oldreader",
                    "The call-up in our district was exactly like this, nobody checked the papers.",
                ),
                ("Mark T.", "Why would anyone trust the commission to review anything within a week?"),
                ("nordwind", "My cousin was sent too although he works at the same plant as the others."),
            ],
            1,
        )
    )
    doc = cleaned(page(head="Reservists Sent to Tver Training Ground\n", below=comments))
    assert all(p in doc.text for p in BODY)
    assert "nobody checked the papers" not in doc.text
    assert reasons(doc)["1. oldreader says:"] == "comments"


def test_clean_page_quote_introduced_with_says_stays_in_the_article() -> None:
    body = [*BODY[:2], "The head of the district council says:", BODY[2], BODY[3]]
    doc = cleaned(page(head="Reservists Sent to Tver Training Ground\n", body=body), url=URL)
    assert "The head of the district council says:" in doc.text


SECOND_PART = [
    "Later the report goes on: the families met the deputy governor on Wednesday "
    "evening, and he promised that each complaint would be answered in writing.",
    "Two of the men were sent home the next morning, their relatives said, after the plant's "
    "management sent the enlistment office a list of the workers it cannot spare.",
    "The others are still at the training ground, and the lawyers expect the commission to "
    "decide about them by the end of the month, when the first group is due to leave.",
]


def _positional(paragraphs: list[str]) -> tuple[list[Line], dict[int, str]]:
    lines = split_lines("\n".join(["* Archive", *paragraphs, "* Privacy policy"]))
    return lines, dict.fromkeys(range(len(lines)), "page_footer")


def test_clean_page_run_of_paragraphs_removed_by_position_alone_is_kept() -> None:
    # position alone (a run of paragraphs below the page's menus) is no reason to drop prose
    lines, found = _positional([*BODY[:2], "Second part", *SECOND_PART])
    keep_prose_runs(lines, found, lexicon())
    kept = [lines[i].text for i in range(len(lines)) if i not in found]
    assert kept == [*BODY[:2], *SECOND_PART]
    assert found[0] == "page_footer"  # the menu item and the subheading stay removed
    assert found[3] == "page_footer"


def test_clean_page_single_paragraph_below_the_menus_still_goes() -> None:
    lines, found = _positional(SECOND_PART[:1])
    keep_prose_runs(lines, found, lexicon())
    assert len(found) == len(lines)


def test_clean_page_prose_a_rule_named_stays_removed() -> None:
    lines, found = _positional([*BODY, *SECOND_PART])
    found[1] = "comments"
    keep_prose_runs(lines, found, lexicon())
    assert found[1] == "comments"  # below comments, nothing goes back
    assert all(i in found for i in range(len(lines)))
