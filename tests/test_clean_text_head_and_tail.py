"""Page text a scraper or a copy-paste left, too short for a page layout: its masthead, byline
rows, widgets, teasers and legal lines go, each with its reason, and the article stays whole."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefwire import api
from briefwire.clean import clean
from briefwire.link import LinkOptions
from briefwire.link.outlets import credits
from briefwire.models import CleanDocument, RawDocument
from briefwire.pipeline import PipelineOptions
from briefwire.report.export import passage_rows
from briefwire.store import Store

HEADLINE = "Volunteers in Kotlas collect winter boots for the mobilized"
BODY = [
    "Volunteers in Kotlas have collected more than four hundred pairs of winter boots for men "
    "mobilized from the district, the organisers said on Monday.",
    "The boots will be sent to the training ground near Arkhangelsk by the end of the week, "
    "together with warm socks that pensioners knitted in the library.",
    "The district administration said it would pay for the transport.",
]


def saved_page(head: list[str], tail: list[str]) -> str:
    return "\n".join([*head, *BODY, *tail]) + "\n"


def cleaned(text: str, **raw: str) -> CleanDocument:
    return clean(RawDocument(origin="page.txt", text=text, format="text", **raw))


def reasons(doc: CleanDocument) -> dict[str, str]:
    return {" ".join(span.text.split()): span.reason for span in doc.removed}


HEAD = [
    "NORTHERN DVINA TODAY",
    "news of the Kotlas district since 2011",
    "News   Society   Weather   Ads",
    HEADLINE,
    "Irina Saveleva",
    "14 November 2022, 09:15",
    "👁 2 031",
    "Share: VK | OK | Telegram",
]
TAIL = [
    "Read also",
    "A new bus route to the hospital opens in December",
    "Schoolchildren of Koryazhma plant a birch alley",
    "💬 3   ↗ Share",
    "Found a typo? Select it and press Ctrl+Enter",
    "Network edition Northern Dvina Today. Copying is allowed only with a link to the source. 16+",
]


def test_saved_page_without_layout_loses_masthead_byline_rows_and_tail() -> None:
    doc = cleaned(saved_page(HEAD, TAIL))
    assert [p.text for p in doc.paragraphs] == BODY
    assert doc.title == HEADLINE
    assert doc.published.date == "2022-11-14"
    why = reasons(doc)
    assert why["NORTHERN DVINA TODAY"] == why["News Society Weather Ads"] == "masthead"
    assert why["Irina Saveleva"] == "head_furniture"
    assert why["👁 2 031"] == "interface"
    assert why["Share: VK | OK | Telegram"] == "share"
    assert why["A new bus route to the hospital opens in December"] == "recirculation"
    assert why["Found a typo? Select it and press Ctrl+Enter"] == "call"
    assert "legal" in why[TAIL[-1]]


def test_saved_page_keeps_a_dek_and_a_list_of_names_under_the_last_paragraph() -> None:
    dek = "Four hundred pairs were collected in two weeks."
    names = ["Pavel Lobanov, 41, Kotlas", "Sergei Uvarov, 35, Koryazhma"]
    doc = cleaned(
        saved_page([*HEAD[:4], dek, HEAD[5]], ["The men who received them first:", *names, *TAIL[3:]])
    )
    kept = [p.text for p in doc.paragraphs]
    assert dek in kept
    assert all(name in kept for name in names)
    assert "💬 3 ↗ Share" not in kept


def test_plain_text_without_page_furniture_is_left_whole() -> None:
    # no masthead, no widget: a written report whose last line is short stays as it is
    text = "\n\n".join([HEADLINE, *BODY, "Reporters of the Kotlas desk"]) + "\n"
    doc = cleaned(text)
    assert [p.text for p in doc.paragraphs] == [*BODY, "Reporters of the Kotlas desk"]


def test_hard_wrapped_paragraphs_are_not_taken_for_teasers() -> None:
    wrapped = (
        "The federal part. Every new contract soldier receives a one-off payment from\n"
        "the federal budget, and monthly pay in the combat zone starts at a level far\n"
        "above the average wage in the region.\n\n"
        "The regional part. On top of this, regions pay their own signing bonuses. In\n"
        "January most were modest; by July at least a dozen regions offered much more.\n\n"
        "Who signs. Recruiters say most recruits are men in their thirties and forties\n"
        "from small towns, where a year's contract is worth ten years of local wages.\n\n"
        "What it costs. Economists estimate that bonuses and pay now take a visible\n"
        "share of the budget of every region that pays them.\n"
    )
    doc = cleaned(wrapped, title="What a contract pays")
    assert doc.removed == ()
    assert len(doc.paragraphs) == 4


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Views: 1 843", "interface"),
        ("7 min read", "interface"),
        ("Print | Share | 0 comments", "share"),
        ("Follow the Kotlas desk on Telegram and VK", "call"),
        ("📩 Send us your news: @kotlas_news_bot", "call"),
        ("(Reporting by Dvina Wire staff; editing by Olga Repina)", "wire_credit"),
        ("Нашли ошибку? Выделите её и нажмите Ctrl+Enter", "call"),
        ("Свидетельство о регистрации СМИ ЭЛ № ФС 00-00000", "legal"),
    ],
)
def test_page_rows_are_named_by_their_shape(line: str, reason: str) -> None:
    doc = cleaned("\n\n".join([BODY[0], line, BODY[1]]) + "\n", title="Boots for the mobilized")
    assert reasons(doc) == {line: reason}


@pytest.mark.parametrize(
    "sentence",
    [
        "Follow-up checks found that 12 of the men had been exempt from the call-up.",
        "Reported by local media, the fire destroyed the archive of the enlistment office.",
        "Subscribers of the regional channel sent photos of the queue to the editors.",
    ],
)
def test_sentences_that_open_like_a_widget_stay(sentence: str) -> None:
    doc = cleaned("\n\n".join([BODY[0], sentence, BODY[1]]) + "\n", title="Boots for the mobilized")
    assert sentence in [p.text for p in doc.paragraphs]


def test_a_byline_row_gives_its_date_and_is_exported_as_furniture() -> None:
    doc = cleaned(saved_page(HEAD, []))
    rows = list(
        passage_rows([], [s.__dict__ | {"doc_id": "d", "origin": "page.txt"} for s in doc.removed], {})
    )
    dated = [r for r in rows if " ".join(r["text"].split()) == "14 November 2022, 09:15"]
    assert doc.published.basis == "dateline"
    assert [r["is_boilerplate"] for r in dated] == [True]


def test_a_wire_credit_cleaning_removes_still_names_the_wire_for_linking(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    text = "\n\n".join([*BODY, "(Reporting by Dvina Wire; editing by Olga Repina)"]) + "\n"
    (folder / "report.txt").write_text(text, encoding="utf-8")
    meta = {"outlet": "Kotlas Courier", "published": "2022-11-14", "language": "en", "title": HEADLINE}
    (folder / "report.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    options = PipelineOptions(link_options=LinkOptions(embeddings=False))
    with api.Workspace(tmp_path / "ledger.db") as ws:
        assert api.ingest(ws, [folder], options).errors == []
    with Store(tmp_path / "ledger.db") as store:
        [doc] = store.link_documents()
    assert "Reporting by" not in (doc["tail"] or "")
    assert credits(doc) == {"dvina wire"}


def test_a_page_without_sidecar_or_address_is_named_by_its_masthead() -> None:
    doc = cleaned(saved_page(HEAD, TAIL))
    assert doc.raw.outlet == "Northern Dvina Today"
    # an outlet the sidecar or the address gives is never replaced
    named = cleaned(saved_page(HEAD, TAIL), outlet="Dvina Courier")
    assert named.raw.outlet == "Dvina Courier"
    # a text whose first lines are no masthead names no outlet (never its file name)
    assert cleaned("\n\n".join([HEADLINE, *BODY]) + "\n").raw.outlet is None


def test_the_headline_is_the_line_the_byline_follows_not_the_masthead_slogan() -> None:
    head = ["KOTLAS TODAY", "City news portal of the Kotlas district since 2009", "News · Society", HEADLINE]
    doc = cleaned(saved_page([*head, "Irina Saveleva", "14.11.2022, 09:15 · 3 min read"], []))
    assert doc.title == HEADLINE
    assert doc.published.date == "2022-11-14"


def test_the_last_paragraph_stays_when_it_ends_in_a_list_or_without_its_full_stop() -> None:
    # below the last paragraph only furniture goes: a list the paragraph opens with a colon,
    # and a last paragraph the copy-paste left without its full stop, are the article's
    items = ["the district hospital in Kotlas", "the library on Lenin street", "the railway station."]
    teaser = "A new bus route to the hospital opens in December"
    lead = "Until the end of the month the boots can be brought to any of three addresses:"
    listed = cleaned(saved_page(HEAD, [lead, *items, teaser]))
    kept = [p.text for p in listed.paragraphs]
    assert all(item in kept for item in items)
    assert teaser not in kept  # the full stop of the last item closed the list

    unfinished = "The organisers said the next collection would start in January and would include gloves"
    doc = cleaned(saved_page(HEAD, [unfinished, *TAIL[3:]]))
    assert unfinished in [p.text for p in doc.paragraphs]
    runs = cleaned(saved_page(HEAD, [unfinished, teaser, *TAIL[3:]]))
    assert unfinished not in [p.text for p in runs.paragraphs]  # a run of unfinished lines: teasers


def test_a_paragraph_closing_with_a_photo_mark_is_no_caption() -> None:
    marked = "The first boxes left the library on Friday morning. (photo)"
    doc = cleaned(saved_page(HEAD, [marked, *TAIL]))
    assert marked in [p.text for p in doc.paragraphs]
    # a bracketed credit still makes a caption
    credited = "Boxes of boots at the library (Photo: Irina Saveleva)"
    assert reasons(cleaned(saved_page(HEAD, [credited, *TAIL])))[credited] == "caption"


def test_read_also_inside_a_wrapped_article_takes_the_teaser_and_not_the_next_lines() -> None:
    wrapped = [
        "Volunteers in Kotlas have collected more than four hundred pairs of winter",
        "boots for men mobilized from the district, the organisers said on Monday.",
        "Read also:",
        "A new bus route to the hospital opens in December",
        "The boots will be sent to the training ground near Arkhangelsk by the end",
        "of the week, together with warm socks that pensioners knitted for them.",
    ]
    doc = cleaned("\n".join([*HEAD, *wrapped, *TAIL[3:]]) + "\n")
    kept = " ".join(p.text for p in doc.paragraphs)
    assert "by the end of the week, together with warm socks" in kept
    assert "bus route" not in kept
