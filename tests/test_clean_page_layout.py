"""Where a page's article is: regressions from the dev pages of bench/page_text.py, every page
written for the test."""

from __future__ import annotations

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
