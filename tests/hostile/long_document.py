"""A long document of varied event reporting, built from templates written for these tests.

Each sentence reports something the extractor reads as an event (draft notices, protests,
arrests, exemptions, deaths, policy changes) in a different place, on a different day, with a
different count, so a megabyte of it is realistic text rather than one sentence repeated.
"""

from __future__ import annotations

import random

PLACES = (
    "Tver", "Kazan", "Perm", "Omsk", "Ufa", "Samara", "Tomsk", "Kursk", "Belgorod", "Irkutsk",
    "Chita", "Yakutsk", "Vologda", "Kirov", "Penza", "Saratov", "Orenburg", "Barnaul", "Kemerovo",
    "Makhachkala", "Ulan-Ude", "Murmansk", "Arkhangelsk", "Tyumen", "Chelyabinsk", "Krasnodar",
)  # fmt: skip
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("March", "April", "May", "June", "September", "October", "November")
OFFICIALS = ("the regional governor", "the city's military commissar", "the district court",
             "local police", "the defence ministry", "a spokesman for the mayor")  # fmt: skip
TEMPLATES = (
    "Draft notices were handed to {n} men at a factory in {place} on {day}, workers told {outlet}.",
    "In {place}, officers from the enlistment office served summonses to {n} students on {date}.",
    "About {n} women gathered outside the administration building in {place} on {day} to protest "
    "against the mobilization of their husbands.",
    "Police in {place} detained {n} people at an anti-war rally on {date}, according to a rights group.",
    "A court in {place} sentenced a local teacher to {small} years in prison on {day} for posts "
    "criticising the call-up.",
    "{official} said on {day} that {n} reservists from {place} had been granted deferrals because "
    "they work in the IT sector.",
    "Relatives said on {date} that {small} mobilized men from {place} had been killed in shelling "
    "near the front line.",
    "The funeral of a soldier from {place} who died in the fighting was held on {day}, {outlet} reported.",
    "{official} announced on {date} that men of call-up age may no longer leave {place} without "
    "permission from the enlistment office.",
    "Buses carrying {n} newly mobilized men left the square in {place} on {day} morning.",
    "Mothers of conscripts in {place} recorded a video appeal on {date} saying their sons had been "
    "sent to the front without training.",
    "An enlistment office in {place} was set on fire overnight on {day}; nobody was hurt, {official} said.",
    "{outlet} counted at least {n} men from {place} who had fled to Kazakhstan by {date}.",
    "Authorities in {place} exempted {n} railway workers from mobilization on {day}.",
    "A protest against the draft in {place} ended on {date} with {small} arrests, witnesses said.",
)


def sentence(rng: random.Random, i: int) -> str:
    """One event sentence; ``i`` keeps counts apart so no two sentences are the same."""
    day = f"{rng.randrange(1, 29)} {rng.choice(MONTHS)}"
    text = rng.choice(TEMPLATES).format(
        n=20 + (i * 7) % 900,
        small=2 + i % 9,
        place=rng.choice(PLACES),
        day=rng.choice(DAYS),
        date=day,
        outlet=rng.choice(("Verstka", "the Northwire agency", "a local channel", "Mediazona")),
        official=rng.choice(OFFICIALS),
    )
    return text[0].upper() + text[1:]


def long_document(size: int, per_paragraph: int, seed: int = 5) -> str:
    """About ``size`` characters of event reporting, ``per_paragraph`` sentences a paragraph.

    ``per_paragraph=1`` gives many short lines; a few hundred give paragraphs longer than the
    nlp stage's block limit, which it has to cut.
    """
    rng = random.Random(seed)
    paragraphs: list[str] = []
    total, i = 0, 0
    while total < size:
        paragraph = " ".join(sentence(rng, i + k) for k in range(per_paragraph))
        i += per_paragraph
        paragraphs.append(paragraph)
        total += len(paragraph) + 2
    return "\n\n".join(paragraphs)
