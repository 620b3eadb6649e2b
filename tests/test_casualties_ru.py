"""Named casualties in Russian text: who is reported killed, with the fields the text gives.

The sentences below were written for briefwire (names and events are invented). Each case is
(text, expected people); a person is a dict of the fields the text states.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from briefwire.extract import Extraction, extract
from briefwire.extract.casualties.names_ru import nominative
from briefwire.models import Casualty, CleanDocument, DateValue, Paragraph, RawDocument
from briefwire.nlp import get_backend

Run = Callable[..., Extraction]
Case = tuple[str, list[dict[str, Any]]]
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
FIELDS = {
    "rank": "rank",
    "status": "status",
    "home_town": "home_town",
    "home_code": "home_region_code",
    "age": "age",
    "born": "born",
    "occupation": "occupation",
    "place": "place_of_death",
}

CASES: list[Case] = [
    (
        "В зоне СВО погиб мобилизованный рядовой Андрей Ковалёв из Миасса, ему было 32 года.",
        [
            {
                "name": "Андрей Ковалёв",
                "rank": "Private",
                "status": "mobilized",
                "home_town": "Miass",
                "age": 32,
            }
        ],
    ),
    (
        "Под Бахмутом 12 декабря убит контрактник, ефрейтор Олег Рябинин, 1989 года рождения.",
        [
            {
                "name": "Олег Рябинин",
                "rank": "Lance Corporal",
                "status": "contract",
                "born": 1989,
                "date": "2022-12-12",
            }
        ],
    ),
    (
        "Администрация района сообщила о гибели младшего сержанта Виктора Сомова, "
        "уроженца Курганской области.",
        [{"name": "Виктор Сомов", "rank": "Junior Sergeant", "home_code": "RU-KGN"}],
    ),
    (
        "Житель Нефтекамска Ринат Галиев скончался от ранений в госпитале Ростова-на-Дону.",
        [{"name": "Ринат Галиев", "home_town": "Neftekamsk", "home_code": "RU-BA"}],
    ),
    (
        "34-летний доброволец Сергей Пахомов погиб в Луганской области 3 ноября.",
        [
            {
                "name": "Сергей Пахомов",
                "age": 34,
                "status": "volunteer",
                "place": "Luhansk Oblast",
                "date": "2022-11-03",
            }
        ],
    ),
    (
        "В Кургане похоронили мобилизованного Дмитрия Лосева.",
        [{"name": "Дмитрий Лосев", "status": "mobilized", "home_town": "Kurgan"}],
    ),
    (
        "Прощание с мобилизованным Иваном Шороховым пройдёт в пятницу в Шадринске.",
        [{"name": "Иван Шорохов", "status": "mobilized"}],
    ),
    (
        "Старший лейтенант Павел Мельников, кадровый офицер, героически погиб в ходе специальной "
        "военной операции.",
        [{"name": "Павел Мельников", "rank": "Senior Lieutenant", "status": "career"}],
    ),
    (
        "Бывший заключённый Николай Уваров, завербованный в колонии в отряд «Шторм Z», погиб под Соледаром.",
        [{"name": "Николай Уваров", "status": "convict", "place": "Soledar"}],
    ),
    (
        "Сержант Руслан Ахметов пал в бою 20 января, сообщили в администрации Стерлитамака.",
        [{"name": "Руслан Ахметов", "rank": "Sergeant", "date": "2023-01-20"}],
    ),
    (
        "На Украине погиб мобилизованный житель Сызрани Константин Белов. "
        "До мобилизации он работал электриком.",
        [
            {
                "name": "Константин Белов",
                "status": "mobilized",
                "home_town": "Syzran",
                "occupation": "электрик",
            }
        ],
    ),
    (
        "Погибли рядовые Максим Орлов и Артём Карпов из Тюменской области.",
        [
            {"name": "Максим Орлов", "rank": "Private"},
            {"name": "Артём Карпов", "rank": "Private", "home_code": "RU-TYU"},
        ],
    ),
    (
        "Мобилизованный Егор Фомин погиб, а его сослуживец Денис Жуков ранен.",
        [{"name": "Егор Фомин", "status": "mobilized"}],
    ),
    (
        "Капитан Юрий Савельев убит под Херсоном.",
        [{"name": "Юрий Савельев", "rank": "Captain", "status": "career"}],
    ),
    (
        "Умер мобилизованный Алексей Гусев из Чебоксар, у него остановилось сердце на полигоне.",
        [{"name": "Алексей Гусев", "status": "mobilized", "home_town": "Cheboksary"}],
    ),
    (
        "Стало известно о гибели добровольца Тимура Сафина.",
        [{"name": "Тимур Сафин", "status": "volunteer"}],
    ),
    (
        "Рядовой Илья Кротов был ранен и позже скончался в госпитале.",
        [{"name": "Илья Кротов", "rank": "Private"}],
    ),
    (
        "Контрактник Владимир Степанов погиб 5 марта. Ему было 45 лет, он служил по контракту с 2015 года.",
        [{"name": "Владимир Степанов", "status": "contract", "age": 45, "date": "2023-03-05"}],
    ),
    (
        "Мобилизованный Кирилл Зайцев из Самары убит в Запорожской области.",
        [
            {
                "name": "Кирилл Зайцев",
                "status": "mobilized",
                "home_town": "Samara",
                "place": "Zaporizhzhia Oblast",
            }
        ],
    ),
    (
        "Гибель рядового Михаила Воробьёва подтвердили родственники.",
        [{"name": "Михаил Воробьёв", "rank": "Private"}],
    ),
    (
        "Уроженец Бурятии Баир Цыденов погиб в ходе СВО, он был контрактником.",
        [{"name": "Баир Цыденов", "status": "contract", "home_code": "RU-BU"}],
    ),
    (
        "Осуждённый Виталий Ершов, воевавший в ЧВК, погиб под Бахмутом 2 февраля.",
        [{"name": "Виталий Ершов", "status": "convict", "date": "2023-02-02"}],
    ),
    # negatives: wounded, captured, missing, detained, groups, speakers
    ("Мобилизованный Андрей Лукин ранен под Сватово и находится в госпитале.", []),
    ("Рядовой Семён Гришин попал в плен в Херсонской области.", []),
    ("Мобилизованный Антон Рябов пропал без вести в Луганской области.", []),
    ("В Берёзовском задержан мобилизованный Олег Киселёв, отказавшийся ехать на фронт.", []),
    ("Погибли пятеро мобилизованных из Курганской области.", []),
    (
        "Губернатор Алексей Текслер сообщил о гибели троих мобилизованных из региона.",
        [],
    ),
    ("По словам Марины Ивановой, её муж Пётр погиб на фронте.", []),
    ("Мобилизованный Артур Хабибуллин вернулся домой живым.", []),
    ("Военнослужащий Денис Зуев получил ранение под Кременной.", []),
    ("Владимир Путин вручил орден вдове погибшего военнослужащего.", []),
    (
        "Погибшим при взрыве в Севастополе оказался командир бригады капитан 1-го ранга Валерий Гусаров.",
        [{"name": "Валерий Гусаров", "rank": "Captain Of The First Rank", "status": "career"}],
    ),
    ("Журналисты установили имя погибшего — Егор Климов, он служил по контракту.", [{"name": "Егор Климов"}]),
    ("Мобилизованный Глеб Федотов погиб? Нет, он жив и находится в госпитале.", []),
    ("Вдова мобилизованного Ольга Смирнова рассказала, как получила отказ в выплатах.", []),
]


def _doc(text: str, published: str) -> CleanDocument:
    paragraphs = tuple(
        Paragraph(i, m.start(), m.end(), m.group())
        for i, m in enumerate(re.finditer(r"[^\n]+(?:\n[^\n]+)*", text))
    )
    raw = RawDocument(origin="t.txt", text=text, format="text", outlet="Местные новости")
    return CleanDocument(
        raw, "d", text, paragraphs, (), None, None, DateValue(published, "day", "metadata"), "ru"
    )


@pytest.fixture(scope="module")
def run() -> Run:
    backend = get_backend("ru")

    def _run(text: str, published: str = "2023-03-20") -> Extraction:
        doc = _doc(text, published)
        return extract(doc, next(iter(backend.analyse([doc.text]))))

    return _run


def _field(c: Casualty, key: str) -> Any:
    return c.date_of_death.date if key == "date" else getattr(c, FIELDS[key])


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[f"case{i}" for i in range(len(CASES))])
def test_casualties_ru_named_deaths_and_fields(run: Run, text: str, expected: list[dict[str, Any]]) -> None:
    found = {c.name: c for c in run(text).casualties}
    assert sorted(found) == sorted(p["name"] for p in expected)
    for person in expected:
        got = {k: _field(found[person["name"]], k) for k in person if k != "name"}
        assert got == {k: v for k, v in person.items() if k != "name"}


def test_casualties_ru_death_gives_casualty_claim_with_victim(run: Run) -> None:
    ex = run("Под Бахмутом 12 декабря погиб мобилизованный рядовой Андрей Ковалёв из Миасса.")
    claims = [c for c in ex.claims if c.type == "casualty"]
    assert len(claims) == 1
    assert [a.name for a in claims[0].actors if a.role == "victim"] == ["Андрей Ковалёв"]
    assert claims[0].date is not None and claims[0].date.date == "2022-12-12"


def test_casualties_ru_death_told_in_next_sentence(run: Run) -> None:
    ex = run(
        "Администрация сообщила о мобилизованном рядовом Игоре Панове. "
        "Погиб 3 октября в Донецкой области. Ему было 29 лет, он работал слесарем."
    )
    [c] = ex.casualties
    assert (c.name, c.age, c.occupation, c.date_of_death.date) == ("Игорь Панов", 29, "слесарь", "2022-10-03")


def test_casualties_ru_two_mentions_of_one_person_merge(run: Run) -> None:
    ex = run(
        "Мобилизованный Роман Котов из Кургана погиб 4 октября.\n"
        "Прощание с Романом Котовым пройдёт в субботу."
    )
    assert [c.name for c in ex.casualties] == ["Роман Котов"]


@pytest.mark.parametrize(
    ("inflected", "nominal"),
    [
        ("Алексея Воронина", "Алексей Воронин"),
        ("Ильдаром Сабирзяновым", "Ильдар Сабирзянов"),
        ("Сергею Пахомову", "Сергей Пахомов"),
        ("Ольги Ивановой", "Ольга Иванова"),
        ("Марию Петрову", "Мария Петрова"),
        ("Никиты Шевчука", "Никита Шевчук"),
        ("Андрея Ковальского", "Андрей Ковальский"),
        ("Игоря Белого", "Игорь Белый"),
        ("Ивана Ивановича Сидоренко", "Иван Иванович Сидоренко"),
        ("Ольга Воронина", "Ольга Воронина"),
        ("Ворониным", "Воронин"),
    ],
)
def test_casualties_ru_names_back_to_nominative(inflected: str, nominal: str) -> None:
    assert nominative(inflected) == nominal


def _telegram_posts() -> dict[int, str]:
    path = EXAMPLES / "telegram" / "mob_chronicle" / "result.json"
    assert path.exists(), f"the bundled example corpus lost {path}"
    posts: dict[int, str] = {}
    for m in json.loads(path.read_text(encoding="utf-8"))["messages"]:
        text = m.get("text", "")
        if isinstance(text, list):
            text = "".join(x if isinstance(x, str) else x.get("text", "") for x in text)
        posts[m["id"]] = text
    return posts


def test_casualties_ru_example_telegram_posts_give_the_named_deaths(run: Run) -> None:
    posts = _telegram_posts()
    found = {c.name: c for i in (19, 22, 23) for c in run(posts[i], "2022-10-06").casualties}
    assert sorted(found) == ["Алексей Воронин", "Евгений Лапшин", "Ильдар Сабирзянов"]
    s, v, lap = found["Ильдар Сабирзянов"], found["Алексей Воронин"], found["Евгений Лапшин"]
    assert (s.age, s.rank, s.status, s.home_town, s.date_of_death.date) == (
        41,
        "Junior Sergeant",
        "mobilized",
        "Neftekamsk",
        "2022-09-30",
    )
    assert (v.age, v.rank, v.home_region_code, v.place_of_death, v.date_of_death.date) == (
        34,
        "Private",
        "RU-CHE",
        "Luhansk Oblast",
        "2022-10-03",
    )
    assert (lap.age, lap.home_town, lap.place_of_death, lap.date_of_death.date) == (
        27,
        "Gusinoozyorsk",
        "Kherson Oblast",
        "2022-10-05",
    )
    # the wounded commissar of the Ust-Ilimsk post is no casualty
    assert run(posts[16], "2022-09-26").casualties == ()


def test_casualties_ru_example_article_names_voronin_once(run: Run) -> None:
    path = EXAMPLES / "ru" / "uralsky-vestnik-2022-10-06-miass.txt"
    assert path.exists(), f"the bundled example corpus lost {path}"
    ex = run(path.read_bytes().decode("cp1251"), "2022-10-06")
    [c] = ex.casualties
    assert (c.name, c.rank, c.status, c.date_of_death.date) == (
        "Алексей Воронин",
        "Private",
        "mobilized",
        "2022-10-03",
    )
