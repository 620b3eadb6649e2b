"""Articles that are lists, on whole pages saved as text: product cards of a buying guide, a
calendar under its headline, a headline whose URL slug drops the accents. Regressions from
the dev pages of bench/page_text.py; every page is written for the test."""

from __future__ import annotations

from briefwire.clean.slugs import folded_words, slug_share, slug_words

from .test_clean_page_text import FOOTER, cleaned, page

GUIDE_URL = "https://gear.example.net/2023/03/14/best-budget-tents-for-spring/"
GUIDE_HEAD = "The Best Budget Tents for Spring\nAnna Berg | March 14, 2023, 9:15 AM\n"
INTRO = [
    "Spring is the season when most of us take the old tent out of the shed and find that one "
    "of its poles has snapped, so we went through the cheaper shelves of every shop we know.",
    "These are the picks that survived a wet weekend on the hill without leaking, all of them "
    "under a hundred and fifty and light enough to carry for a day.",
]
CARDS = [
    ("Ridge Two", ["Sleeps two with room left for a pair of boots",
                   "Packs down to the size of a loaf of bread",
                   "Pitches in five minutes with a single hooped pole"], "$89.00"),
    ("Harbour Dome", ["Porch wide enough to cook under when it rains",
                      "Taped seams that kept out a night of drizzle",
                      "Comes with twelve pegs and a spare guy line"], "$119.99"),
    ("Meadow Lite", ["The lightest of the lot at just over a kilo",
                     "Mesh inner keeps the midges out in June",
                     "Flysheet can be pitched on its own in summer"], "$139.50"),
]  # fmt: skip


def _card(name: str, features: list[str], price: str) -> str:
    bullets = "\n".join(f"* {f}" for f in features)
    return f"{name}\n{bullets}\n{name} (green, two-person)\n{price}\nAvailable from Campshop\nBuy Now"


def test_clean_page_keeps_the_product_cards_of_a_buying_guide_under_a_shop_header() -> None:
    cards = "\n".join(_card(*c) for c in CARDS)
    text = page(head=GUIDE_HEAD, body=INTRO, below=f"Don't Miss :\n{cards}\nMore from the shop")
    doc = cleaned(text, url=GUIDE_URL)
    assert all(p in doc.text for p in INTRO)
    for _, features, price in CARDS:
        assert all(f in doc.text for f in features), "a pick's features were lost"
        assert price in doc.text
    assert "Privacy policy" not in doc.text and "More from the shop" not in doc.text


def test_clean_page_names_and_prices_without_features_are_no_cards() -> None:
    shop = "Shop the look\nRidge Two tent in green\n$89.00\nHarbour Dome family tent\n$119.99"
    doc = cleaned(page(head=GUIDE_HEAD, body=INTRO, below=shop), url=GUIDE_URL)
    assert "$119.99" not in doc.text


CALENDAR_URL = "https://racing.example.com.br/calendario-copa-regional-2023/"
CALENDAR = [
    f"{n}a etapa: {day} – {track}"
    for n, (day, track) in enumerate(
        [("12 de março", "Autódromo Norte"), ("2 de abril", "Pista do Vale"),
         ("30 de abril", "Circuito Leste"), ("21 de maio", "Autódromo Norte"),
         ("18 de junho", "Pista da Serra"), ("9 de julho", "Circuito Leste"),
         ("6 de agosto", "Pista do Vale"), ("3 de setembro", "Autódromo Norte")],
        1,
    )
]  # fmt: skip
SIDEBAR = (
    "Clique na imagem e veja a coluna da semana sobre tudo o que aconteceu nas pistas, com "
    "análises dos pilotos, das equipes e das corridas.\n"
    "Clique aqui e saiba os horários da TV para o fim de semana, com a programação completa "
    "dos treinos, da classificação e da corrida."
)


def test_clean_page_calendar_under_its_headline_is_the_article_not_the_sidebar_prose() -> None:
    head = "Calendário Copa Regional 2023\nsegunda-feira, 16 de janeiro de 2023 às 9:20\n"
    menu = "\n".join(["* Notícias", "* Colunas", "* Vídeos", "* Contato"] * 4)
    filler = "Share this on WhatsApp\nTags\ncopa regional 2023"
    text = f"Racing Example\n{menu}\n{head}" + "\n".join(CALENDAR) + f"\n{filler}\n{SIDEBAR}\n{FOOTER}\n"
    doc = cleaned(text, url=CALENDAR_URL)
    assert all(item in doc.text for item in CALENDAR), "the calendar was lost"
    assert doc.title == "Calendário Copa Regional 2023"
    assert "Clique aqui e saiba" not in doc.text


def test_clean_page_slug_without_accents_names_the_accented_headline() -> None:
    slug = slug_words("https://noticias.example.pt/2023/03/14/camara-aprovara-orcamento-publico/")
    assert slug_share("Câmara Aprovará Orçamento Público", slug) == 1.0
    escaped = slug_words("https://news.example.ru/2023/03/14/%D0%BF%D1%80%D0%B8%D0%B7%D1%8B%D0%B2/")
    assert slug_share("Призыв", escaped) == 1.0  # percent-escapes decoded
    # a Cyrillic headline under a slug transliterated in another scheme (й as j, х as h)
    translit = slug_words("https://news.example.ru/zhenskij-hor-vystupil-v-tveri/")
    assert translit <= set(folded_words("Женский хор выступил в Твери"))


def test_clean_page_keeps_a_list_of_names_the_article_announces_with_a_colon() -> None:
    # names a line each read like a menu's items; under the article's colon they are its own
    names = ["Ivan Ryabov", "Pavel Sitnikov", "Oleg Demin", "Sergei Yashin"]
    head = "Reservists Sent to Tver Training Ground\nBy Pavel Sokolov\nMarch 14, 2023\n"
    below = "\n".join(["The dead:", *names, "More from the region"])
    doc = cleaned(page(head=head, below=below))
    kept = [p.text for p in doc.paragraphs]
    assert all(name in kept for name in names)
    assert "Privacy policy" not in " ".join(kept)
    # a tag line's label over its tags is no list's heading
    tagged = cleaned(page(head=head, below="\n".join(["Topics:", "* Army", "* Tver", "* Reservists"])))
    assert "Army" not in " ".join(p.text for p in tagged.paragraphs)
