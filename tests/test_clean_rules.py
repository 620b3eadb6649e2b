"""The clean stage removes page furniture by its kind and keeps article text."""

from __future__ import annotations

import pytest

from briefwire.clean import CleanOptions, clean, line_hashes
from briefwire.models import CleanDocument, RawDocument

LEAD = (
    "The governor of Tver region said on Tuesday that 120 reservists had been sent to a "
    "training ground outside the city."
)
FOLLOW = (
    "Relatives of the men told local reporters that several of them had been exempt because "
    "of their jobs at a defence plant."
)


def cleaned(text: str, **fields: str) -> CleanDocument:
    return clean(RawDocument(origin="test.txt", text=text, format="text", **fields))


def reasons(doc: CleanDocument) -> dict[str, str]:
    return {" ".join(span.text.split()): span.reason for span in doc.removed}


def sandwich(middle: str) -> str:
    return f"{LEAD}\n\n{middle}\n\n{FOLLOW}\n"


def assert_body_intact(doc: CleanDocument) -> None:
    assert LEAD in doc.text
    assert FOLLOW in doc.text


@pytest.mark.parametrize(
    "line",
    [
        "ADVERTISEMENT",
        "Advertisement",
        "Ads by:",
        "SPACE RESERVED FOR ADVERTISEMENT",
        "Story continues below advertisement",
        "Реклама",
    ],
)
def test_clean_drops_ad_slot(line: str) -> None:
    doc = cleaned(sandwich(line))
    assert reasons(doc)[line] == "ad"
    assert line not in doc.text
    assert_body_intact(doc)


def test_clean_drops_ad_block_with_network_label_and_obfuscated_contact() -> None:
    block = "Acme Reach Media Network\n@[email protected]\nSPACE RESERVED FOR ADVERTISEMENT"
    doc = cleaned(sandwich(block))
    assert "Acme Reach" not in doc.text
    assert "protected" not in doc.text
    assert_body_intact(doc)


def test_clean_drops_donation_banner() -> None:
    banner = (
        "Tired of pop-ups?\n"
        "Since March 3, 2025, this site has switched off every banner it used to carry.\n"
        "Running without them costs us a lot. Your support keeps the newsroom open.\n"
        "Donate now\n"
        "We need your help to keep reporting from the region.\n"
    )
    doc = cleaned(banner + "\n" + sandwich("The governor declined further comment."))
    assert {reasons(doc)[line] for line in banner.strip().splitlines()} == {"donation"}
    assert "2025" not in doc.text
    assert_body_intact(doc)


def test_clean_drops_donation_appeal_paragraphs_at_the_end() -> None:
    appeal = (
        "… before you go, we have a small favor to ask. Independent outlets like ours are "
        "blocked at home and live on readers alone.\n\n"
        "Our reporters keep working under pressure, and we need your help to carry on.\n\n"
        "If you can, please support us with a monthly gift. Thank you.\n\n"
        "Not ready to support today?\nRemind me later."
    )
    doc = cleaned(sandwich("") + "\n" + appeal)
    assert "favor to ask" not in doc.text
    assert "need your help" not in doc.text
    assert "Remind me later" not in doc.text
    assert_body_intact(doc)


def test_clean_cuts_inline_ads_marker() -> None:
    glued = "“We were told nothing,” his mother said. “He left on March 3.”Ads by:"
    raw = sandwich(glued)
    doc = cleaned(raw)
    assert "“He left on March 3.”" in doc.text
    assert "Ads by" not in doc.text
    [span] = [s for s in doc.removed if s.reason == "ad_inline"]
    assert raw[span.start : span.end] == span.text
    assert span.text.strip() == "Ads by:"


@pytest.mark.parametrize(
    ("glued", "kept", "reason"),
    [
        ("The police did not confirm it.Ads by: Example Digital Sales", "confirm it.", "ad_inline"),
        ("Billboards advertise contract service. Send us photos: @example_bot", "service.",
         "contact_inline"),
    ],
)  # fmt: skip
def test_clean_cuts_glued_furniture_after_the_last_sentence(glued: str, kept: str, reason: str) -> None:
    doc = cleaned(sandwich(glued))
    assert doc.paragraphs[1].text.endswith(kept)
    assert [s.reason for s in doc.removed] == [reason]


def test_clean_keeps_link_at_the_end_of_a_paragraph() -> None:
    line = "The queue is still long. Map of the queue: https://maps.example/queue"
    assert line in cleaned(sandwich(line)).text


def test_clean_keeps_sentence_that_ends_with_the_word_advertisement() -> None:
    line = "The regional ministry paid for a full-page recruiting advertisement."
    doc = cleaned(sandwich(line))
    assert line in doc.text


@pytest.mark.parametrize(
    "caption",
    [
        "Reservists board a train in Omsk on March 3, 2023. IVAN PETROV/AFP/Getty Images",
        "A draft office in Ufa, capital of Bashkortostan. Stringer / TASS",
        "Olga Ivanova/Sputnik via Reuters",
        "Photo: Anna Smirnova/Reuters",
        "Above, recruits wait on a platform in Kazan on a cold morning.",
        "2024-03-03T101500Z_1_LYNXMPEK220AB_RTROPTP_3_UKRAINE-CRISIS",
        "reservists_omsk_20230303_final.jpg",
    ],
)
def test_clean_drops_photo_caption_credit_and_image_id(caption: str) -> None:
    doc = cleaned(sandwich(caption))
    assert reasons(doc)[caption] in {"caption", "credit", "image_id"}
    assert_body_intact(doc)


def test_clean_drops_caption_title_glued_above_caption() -> None:
    block = (
        "Recruits at the station\n"
        "Recruits at the station in Omsk wait for a train on March 3, 2023. "
        "ANNA SMIRNOVA/AFP/Getty Images"
    )
    doc = cleaned(sandwich(block))
    assert "Recruits at the station" not in doc.text
    assert reasons(doc)["Recruits at the station"] == "caption"


def test_clean_drops_author_bio_contact_and_teaser() -> None:
    tail = (
        "About the author\n\n"
        "Maria Lopez is a senior correspondent based in Riga. She covers the Baltic states.\n\n"
        "You can get in touch with Maria by emailing m.lopez@example.org\n\n"
        "Maria Lopez is a senior correspondent based in Riga. She covers ... Read more"
    )
    doc = cleaned(sandwich("") + "\n" + tail)
    assert "Maria" not in doc.text
    assert "About the author" not in doc.text
    assert_body_intact(doc)


def test_clean_drops_closing_author_note() -> None:
    note = (
        "Oleg Petrov covers the Urals for Example Daily. He previously reported from Perm "
        "and has written about the region's factories since 2015."
    )
    doc = cleaned(sandwich("") + "\n" + note)
    assert reasons(doc)[note] == "bio"


def test_clean_drops_caption_under_image_identifier() -> None:
    block = "2022-10-03T081422Z_31_ABCD_UFA-STATION_x1\nMen board a train at Ufa station. Example News"
    doc = cleaned(sandwich(block))
    assert reasons(doc)["Men board a train at Ufa station. Example News"] == "caption"
    assert_body_intact(doc)


def test_clean_drops_banner_block_above_the_headline() -> None:
    banner = (
        "Reader-funded since May 15, 2024\n"
        "On that day we took every banner off the site, and readers now pay for most of it.\n"
        "Donate\n"
        "Blocked at home, we keep going thanks to you.\n\n"
    )
    doc = cleaned(banner + "Reservists Sent to Tver Training Ground\n\n" + sandwich(""))
    assert doc.title == "Reservists Sent to Tver Training Ground"
    assert {reasons(doc)[line] for line in banner.strip().splitlines()} == {"donation"}
    assert doc.published.date is None


def test_clean_telegram_post_keeps_its_first_line_and_drops_the_footer() -> None:
    post = (
        "**Военкомат в Твери начал рассылать повестки через работодателей**\n\n"
        "Об этом сообщили сотрудники двух заводов.\n\n"
        "#мобилизация #Тверь\n"
        "👉 [Подписаться](https://t.me/example_channel) | [Прислать новость](https://t.me/example_bot)"
    )
    doc = clean(RawDocument("tg.json#7", post, "telegram", source_kind="telegram"))
    assert doc.title is None
    assert doc.paragraphs[0].text.startswith("**Военкомат в Твери")
    assert "Подписаться" not in doc.text
    assert "#мобилизация" not in doc.text
    assert doc.language == "ru"


def test_clean_keeps_person_description_in_the_body() -> None:
    line = "Sergei Orlov is a farmer from Kursk region who was called up in October."
    doc = cleaned(sandwich(line))
    assert line in doc.text


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("🎧 Voice is AI-generated. Mistakes are possible.", "ai_voice"),
        ("Listen to this article", "ai_voice"),
        ("Read more", "read_more"),
        ("Читайте также", "read_more"),
        ("Sign up for our morning newsletter", "newsletter"),
        ("Share this article", "share"),
        (".", "punctuation"),
        ("* * *", "punctuation"),
        ("BY", "byline"),
        ("By Anna Smirnova and Oleg Petrov", "byline"),
        ("Подписаться", "newsletter"),
        ("Подпишитесь на наш канал", "newsletter"),
        ("#мобилизация #новости", "hashtags"),
        ("@example_news", "contact"),
        ("Read more: Governors promise to send wrongly drafted men home", "read_more"),
        ("Sign up for The Morning Ledger, our free newsletter on the region, at 7 a.m.", "newsletter"),
        ("Get our weekly digest in five stories. Subscribe with your e-mail address.", "newsletter"),
        ("© 2022 Example Business Review. All rights reserved.", "copyright"),
        ("Example Desk is compiled by volunteers. Corrections: desk@example.org", "contact"),
        ("Running this site costs money. If you value this story, tell a friend.", "donation"),
        ("Donate", "donation"),
    ],
)
def test_clean_drops_furniture_line(line: str, reason: str) -> None:
    doc = cleaned(sandwich(line))
    assert reasons(doc)[line] == reason
    assert_body_intact(doc)


@pytest.mark.parametrize(
    "line",
    [
        "Residents of Tver donate sleeping bags and boots to mobilized men.",
        "Поддержать митингующих пришла известная актриса.",
        "Волонтёры собирают пожертвования на тепловизоры для мобилизованных.",
        "Many readers subscribe to several Telegram channels at once, the survey found.",
    ],
)
def test_clean_keeps_news_that_uses_appeal_words(line: str) -> None:
    assert line in cleaned(sandwich(line)).text


@pytest.mark.parametrize(
    "quote",
    [
        "“What kind of order is this?” the governor asked, according to a video of the meeting.",
        "“Are you serious?”",
        "«Нас никто не предупредил», — сказала жена мобилизованного.",
        '"We have no winter clothes," one of the men wrote in a group chat.',
    ],
)
def test_clean_keeps_quote_paragraph(quote: str) -> None:
    doc = cleaned(sandwich(quote))
    assert quote in doc.text
    assert not doc.removed


def test_clean_keeps_repeated_lines_of_a_list() -> None:
    plan = "\n".join(["Week 1", "Drill and range practice", "Week 2", "Drill and range practice"])
    doc = cleaned(sandwich(plan))
    assert doc.text.count("Drill and range practice") == 2


def test_clean_turns_head_into_metadata() -> None:
    text = (
        "Regions\n\n"
        "November 24, 2022\n\n"
        "Governors Report Sending Wrongly Drafted Men Home\n\n"
        "Two regions say they have reviewed hundreds of cases.\n\n" + sandwich("")
    )
    doc = cleaned(text)
    assert doc.title == "Governors Report Sending Wrongly Drafted Men Home"
    assert doc.dek == "Two regions say they have reviewed hundreds of cases."
    assert doc.published.date == "2022-11-24"
    assert doc.published.basis == "dateline"
    assert "Governors Report" not in doc.text
    assert reasons(doc) == {"Regions": "kicker", "November 24, 2022": "dateline",
                            doc.title: "title"}  # fmt: skip
    assert doc.paragraphs[0].text == doc.dek  # the dek stays as evidence by default
    without = clean(doc.raw, options=CleanOptions(dek_in_body=False))
    assert doc.dek not in without.text


def test_clean_uses_given_title_and_drops_matching_first_line() -> None:
    title = "Reservists Sent to Tver Training Ground"
    doc = cleaned(f"{title}\n\n" + sandwich(""), title=title)
    assert doc.title == title
    assert title not in doc.text
    assert_body_intact(doc)


def test_clean_sentence_first_line_is_not_a_title() -> None:
    doc = cleaned(sandwich(""))
    assert doc.title is None
    assert doc.paragraphs[0].text == LEAD


def test_clean_learns_outlet_template_lines_but_not_reprinted_paragraphs() -> None:
    # a template line no rule of its own names (a call such as "Follow our live coverage" has one)
    raw = RawDocument("b.txt", sandwich("Live coverage continues below"), "text")
    learned = dict.fromkeys(line_hashes(raw), 1)  # every line seen once elsewhere: a reprint
    doc = clean(raw, learned)
    assert reasons(doc) == {"Live coverage continues below": "learned"}
    assert_body_intact(doc)
    heavy = dict.fromkeys(line_hashes(raw), 5)  # in five other documents: template
    assert LEAD not in clean(raw, heavy).text
    # what was learned changes as documents arrive; the id of the article does not
    assert clean(raw, heavy).doc_id == doc.doc_id == clean(raw).doc_id


def test_clean_doc_id_is_the_same_for_the_same_article_with_other_furniture() -> None:
    first = cleaned(sandwich("ADVERTISEMENT"))
    second = cleaned("Read more\n\n" + sandwich("Share this article"))
    other = cleaned(sandwich("A third paragraph that changes the article."))
    assert first.doc_id == second.doc_id
    assert first.doc_id != other.doc_id
    assert len(first.doc_id) == 20
    assert int(first.doc_id, 16) >= 0


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (sandwich(""), "en"),
        ("Губернатор сообщил, что 120 мобилизованных отправили на полигон в Тверской области.", "ru"),
    ],
)
def test_clean_detects_language_by_script(text: str, language: str) -> None:
    assert cleaned(text).language == language


def test_clean_joins_hard_wrapped_lines_into_one_paragraph() -> None:
    wrapped = (
        "The governor of Tver region said on Tuesday that 120 reservists had been\n"
        "sent to a training ground outside the city, and that more would follow\n"
        "next week.\n\n"
        "A second paragraph."
    )
    doc = cleaned(wrapped)
    assert [p.text[:12] for p in doc.paragraphs] == ["The governor", "A second par"]


def test_clean_keeps_a_long_section_heading_off_the_paragraph_below() -> None:
    # a heading of fifty-odd characters sits in the hard-wrap range, but the line under it is
    # longer than any wrap width: nothing was wrapped, and the heading must stay a heading
    digest = (
        "Daily summary for the Volga regions\n\n"
        "Soldiers at the Front, Their Units and Their Families\n"
        "Three men of the Samara battalion were buried in Syzran on Saturday, the town's "
        "administration said, and a fourth is still listed as missing after the fighting in March.\n\n"
        "Prices and Shops\n"
        "Shops in Syzran report that warm boots in large sizes have been sold out since the autumn call-up."
    )
    doc = cleaned(digest)
    texts = [p.text for p in doc.paragraphs]
    assert "Soldiers at the Front, Their Units and Their Families" in texts
    assert any(t.startswith("Three men of the Samara battalion") for t in texts)


def test_clean_never_joins_lines_of_text_without_blank_lines() -> None:
    extracted = (
        "Our readers pay for this site. Support our reporting from the region\n"
        "Protests were also reported on Sunday in Yakutsk and in Nalchik.\n"
        "In the Far East, the governor said half of the men had been sent home."
    )
    doc = cleaned(extracted)
    assert [p.text[:8] for p in doc.paragraphs] == ["Protests", "In the F"]
    assert reasons(doc)["Our readers pay for this site. Support our reporting from the region"] == (
        "donation"
    )


def test_clean_paragraph_offsets_index_the_clean_text() -> None:
    doc = cleaned(sandwich("ADVERTISEMENT") + "\nA closing line of the report.")
    assert len(doc.paragraphs) == 3
    for i, paragraph in enumerate(doc.paragraphs):
        assert paragraph.index == i
        assert doc.text[paragraph.start : paragraph.end] == paragraph.text


def test_clean_normalises_unicode_and_whitespace_but_keeps_quotes() -> None:
    decomposed = "Cafe\u0301 owners\u00a0in  Perm said “no”  and \u2018maybe\u2019.\u200b"
    doc = cleaned(decomposed)
    assert doc.text == "Café owners in Perm said “no” and ‘maybe’."


def test_clean_short_post_in_one_block_keeps_its_news() -> None:
    post = "Взрыв у военкомата в Бердске\nПодробности позже\n👉 Подписаться на канал"
    doc = clean(RawDocument("tg.json#9", post, "telegram", source_kind="telegram"))
    assert [p.text for p in doc.paragraphs] == ["Взрыв у военкомата в Бердске", "Подробности позже"]


@pytest.mark.parametrize(
    "line",
    [
        "▪️[для начинающих](https://example.org/contact-tips-email.pdf)",
        "Молитва добровольцев перед отправкой на фронт. Фото опубликовал местный священник.",
    ],
)
def test_clean_keeps_post_lines_that_only_look_like_furniture(line: str) -> None:
    post = f"{line}\n\nЕщё одна строка поста о мобилизации в регионе."
    doc = clean(RawDocument("tg.json#3", post, "telegram", source_kind="telegram"))
    assert doc.paragraphs[0].text == line


def test_clean_drops_feed_footer_appended_by_blog_engines() -> None:
    text = (
        "Officials in the region said another group of reservists left for training on Monday.\n\n"
        "The post Reservists leave for training camps appeared first on Some Regional News."
    )
    doc = clean(RawDocument(origin="feed.xml#1", text=text, format="feed"))
    assert "appeared first" not in doc.text
    assert [r.reason for r in doc.removed] == ["feed_footer"]
