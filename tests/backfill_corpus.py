"""A few hundred short posts, written for these tests, shaped like a backfill of many outlets.

Each post states one happening in one region on one day, in English or Russian. Some are
reprinted by another outlet word for word (exact duplicates), some lightly edited (re-used
paragraphs, near-duplicates), and several outlets report the same happening in their own words
(claims that link into one event), so dedupe, the outlet line learning and linking all have
work to do and their results depend on the order documents are stored in.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from briefwire.models import RawDocument

REGIONS = (
    ("Chelyabinsk region", "Челябинской области"),
    ("Bashkortostan", "Башкирии"),
    ("Belgorod region", "Белгородской области"),
    ("Novosibirsk region", "Новосибирской области"),
    ("Dagestan", "Дагестане"),
    ("Kursk region", "Курской области"),
    ("Sverdlovsk region", "Свердловской области"),
    ("Buryatia", "Бурятии"),
)
EN = (
    "Officials in {region} said on {day} that {n} men had received summonses at their workplaces.",
    "The governor of {region} said {n} wrongly mobilized men had been sent home.",
    "Relatives said {n} men from {region} were being held at a camp after refusing to return to the front.",
    "At least {n} people were detained in {region} at a protest against mobilization, rights monitors said.",
    "Queues of cars stretched for {n} kilometres at the border as men from {region} tried to leave.",
    "Private {name}, {age}, a mobilized man from {region}, was killed in Ukraine, the regional "
    "administration said on {day}.",
)
# Invented people: no one of these names is meant.
NAMES = ("Pavel Dronov", "Artyom Lisin", "Denis Gubarev", "Sergei Malakhov", "Oleg Kuvshinov", "Ilya Borzov")
RU = (
    "В {region} {n} мужчинам вручили повестки прямо на работе, сообщили местные власти.",
    "Губернатор заявил, что {n} ошибочно мобилизованных жителей вернули домой; речь о {region}.",
    "В {region} задержали {n} участников акции против мобилизации, сообщили правозащитники.",
)
OUTLETS = ("Volga Wire", "Northern Ledger", "Ural Courier", "Steppe Dispatch", "Baikal Evening")
FOOTERS = {
    "Volga Wire": "Subscribe to Volga Wire for the morning digest",
    "Ural Courier": "Ural Courier: news you can trust since 1998",
}
START = date(2022, 9, 22)


def posts(n: int = 240, seed: int = 14) -> list[RawDocument]:
    """``n`` posts, dated in order over about three weeks, with reprints, edits and retellings."""
    rng = random.Random(seed)
    out: list[RawDocument] = []
    while len(out) < n:
        i = len(out)
        day = START + timedelta(days=i * 21 // n)
        roll = rng.random()
        if out and roll < 0.1:  # a reprint, word for word, by another outlet
            src = rng.choice(out[-30:])
            out.append(_post(i, src.text.split("\n")[0], rng.choice(OUTLETS), day, src.language or "en"))
        elif out and roll < 0.2:  # a light edit of a recent post
            src = rng.choice(out[-30:])
            first = src.text.split("\n")[0].replace(" said", " reported").replace("сообщили", "рассказали")
            out.append(_post(i, first + " " + _second(rng), rng.choice(OUTLETS), day, src.language or "en"))
        else:
            out.append(_fresh(i, rng, day))
    return out


def _fresh(i: int, rng: random.Random, day: date) -> RawDocument:
    en_region, ru_region = rng.choice(REGIONS)
    russian = rng.random() < 0.3
    template = rng.choice(RU if russian else EN)
    text = template.format(
        region=ru_region if russian else en_region,
        n=rng.randint(3, 60),
        day=day.strftime("%A"),
        name=rng.choice(NAMES),
        age=rng.randint(21, 49),
    )
    return _post(i, text + " " + _second(rng, russian), rng.choice(OUTLETS), day, "ru" if russian else "en")


def _second(rng: random.Random, russian: bool = False) -> str:
    if russian:
        return rng.choice(("Подробности уточняются.", "В военкомате ситуацию не комментируют."))
    return rng.choice(
        (
            "The enlistment office did not respond to a request for comment.",
            "Local media reported similar cases last week.",
            "The regional administration has promised to look into each case.",
        )
    )


def _post(i: int, body: str, outlet: str, day: date, language: str) -> RawDocument:
    footer = FOOTERS.get(outlet)
    text = body + (f"\n{footer}" if footer else "")
    return RawDocument(
        f"backfill://{outlet.lower().replace(' ', '-')}/{i}",
        text,
        "text",
        outlet=outlet,
        published=day.isoformat(),
        language=language,
    )
