"""Surface forms of place names: the spellings the gazetteer matches, made from its data files.

The data lists each name once, in the nominative; this module makes what running text carries:
English names with the words of their region's kind ("Chelyabinsk" -> "Chelyabinsk Oblast",
"Chelyabinsk region"), and Russian names in their cases ("Челябинская область" ->
"Челябинской области", "Челябинскую область" ...). Russian is declined by the ending of each
word, which covers the regular patterns of place names; irregular names are spelled out in the
data (a word written ``=word`` is never declined, ``~word`` is declined as a noun).

Text and forms are compared after :func:`normalise`, which maps characters one to one (every dash
to ``-``, ``ё`` to ``е``, odd spaces to a space), so offsets in the normalised text are offsets in
the original.
"""

from __future__ import annotations

from itertools import product

_ONE_TO_ONE = str.maketrans(
    {
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u2018": "'",
        "\u2019": "'",
        "\u02bc": "'",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\t": " ",
        "\n": " ",
        "\r": " ",
        "ё": "е",
        "Ё": "Е",
    }
)


def normalise(text: str) -> str:
    """Map dashes, apostrophes, odd spaces and ``ё`` to one spelling; the length never changes."""
    return text.translate(_ONE_TO_ONE)


# Words of region kinds, in either case in running text ("Kursk Region", "Kursk region").
_GENERIC = frozenset(
    {
        "oblast",
        "region",
        "krai",
        "kray",
        "territory",
        "province",
        "republic",
        "autonomous",
        "okrug",
        "district",
        "area",
        "city",
        "people's",
        "peninsula",
        "республика",
        "народная",
        "автономная",
        "автономный",
        "область",
        "край",
        "округ",
        "город",
    }
)

_EN_SUFFIXES: dict[str, tuple[str, ...]] = {
    "oblast": ("Oblast", "Region", "Province"),
    "krai": ("Krai", "Kray", "Territory", "Region"),
    "autonomous okrug": (
        "Autonomous Okrug",
        "Autonomous District",
        "Autonomous Area",
        "Okrug",
        "Region",
    ),
    "autonomous oblast": ("Autonomous Oblast", "Autonomous Region"),
    "republic": ("Republic",),
    "autonomous republic": ("Republic",),
}
_EN_PREFIXES: dict[str, tuple[str, ...]] = {
    "republic": ("Republic of",),
    "autonomous republic": ("Republic of", "Autonomous Republic of"),
}


def english_region_forms(stem: str, kind: str) -> list[str]:
    """ "Chelyabinsk", "oblast" -> "Chelyabinsk Oblast", "Chelyabinsk Region", ... ."""
    forms = [f"{stem} {suffix}" for suffix in _EN_SUFFIXES.get(kind, ())]
    forms += [f"{prefix} {stem}" for prefix in _EN_PREFIXES.get(kind, ())]
    return forms


def spelling_variants(form: str) -> list[str]:
    """Both cases of the generic words and both spacings of a spaced dash."""
    form = normalise(form)
    dashes = [form, form.replace(" - ", "-")] if " - " in form else [form]
    variants: list[str] = []
    for dashed in dashes:
        options = [_case_options(word) for word in dashed.split(" ")]
        variants += [" ".join(words) for words in product(*options)]
    return list(dict.fromkeys(variants))


def _case_options(word: str) -> tuple[str, ...]:
    if word.lower() not in _GENERIC:
        return (word,)
    return tuple(dict.fromkeys((word, word.lower(), word[:1].upper() + word[1:].lower())))


# Endings by the nominative ending, longest first. Adjectives (the first words of most region
# names, and towns like Грозный) decline as adjectives; the rest as nouns.
_ADJECTIVE_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ний", ("ний", "него", "нему", "ним", "нем")),
    ("ий", ("ий", "ого", "ому", "им", "ом")),
    ("ый", ("ый", "ого", "ому", "ым", "ом")),
    ("ой", ("ой", "ого", "ому", "ым", "ом")),
    ("ая", ("ая", "ой", "ую", "ою")),
    ("яя", ("яя", "ей", "юю")),
    ("ое", ("ое", "ого", "ому", "ым", "ом")),
    ("ее", ("ее", "его", "ему", "им", "ем")),
    ("ые", ("ые", "ых", "ым", "ыми")),
    ("ие", ("ие", "их", "им", "ими")),
)
_NOUN_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ия", ("ия", "ии", "ию", "ией")),
    ("ье", ("ье", "ья", "ью", "ьем")),
    ("я", ("я", "и", "е", "ю", "ей")),
    ("а", ("а", "ы", "и", "е", "у", "ой")),
    ("ь", ("ь", "и", "ью", "я", "ю", "ем", "е")),
    ("й", ("й", "я", "ю", "ем", "е")),
    # Towns in -ово/-ино: the press mostly leaves them undeclined, and their genitive
    # (Иванова, Пушкина) would be a surname.
    ("о", ("о", "е")),
)
_RU_CONSONANTS = frozenset("бвгджзклмнпрстфхцчшщ")
# Adjective forms of a region name used alone ("челябинский", "челябинских").
_ADJECTIVE_ALONE: tuple[str, ...] = ("ий", "ый", "ой", "ого", "ому", "им", "ым", "ом", "ая", "ую")
_ADJECTIVE_ALONE += ("ое", "ие", "ые", "их", "ых", "ими", "ыми")


def russian_forms(name: str) -> list[str]:
    """Every declined form of a Russian name, word by word ("Нижний Новгород" -> ...)."""
    options = [_russian_word_forms(word) for word in normalise(name).split(" ")]
    forms = [" ".join(words) for words in product(*options)]
    return [variant for form in forms for variant in spelling_variants(form)]


def russian_adjective_alone(region_name: str) -> list[str]:
    """The adjective of an "X-ская область" or "X-ский край" name on its own, any case."""
    words = normalise(region_name).split(" ")
    if len(words) != 2 or words[1] not in {"область", "край"}:
        return []
    adjective = words[0]
    for ending in ("ая", "ий", "ой"):
        if adjective.endswith(ending):
            stem = adjective[: -len(ending)]
            forms = [stem + suffix for suffix in _ADJECTIVE_ALONE]
            return forms + [form[:1].lower() + form[1:] for form in forms]
    return []


def _russian_word_forms(word: str) -> list[str]:
    if word.startswith("="):
        return [word[1:]]
    as_noun = word.startswith("~")
    word = word.lstrip("~")
    if "-на-" in word:  # Ростов-на-Дону: only the head declines
        head, rest = word.split("-", 1)
        return [f"{form}-{rest}" for form in _russian_word_forms(head)]
    if "-" in word:  # Южно-Сахалинск, Кабардино-Балкарская: the last part declines
        head, _, tail = word.rpartition("-")
        return [f"{head}-{form}" for form in _russian_word_forms(("~" if as_noun else "") + tail)]
    return _decline(word, as_noun)


def _decline(word: str, as_noun: bool) -> list[str]:
    lower = word.lower()
    tables = _NOUN_ENDINGS if as_noun else _ADJECTIVE_ENDINGS + _NOUN_ENDINGS
    for ending, endings in tables:
        if lower.endswith(ending) and len(word) > len(ending) + 1:
            stem = word[: -len(ending)]
            return [stem + suffix for suffix in endings]
    if lower[-1:] in _RU_CONSONANTS:
        # "Курском" would be the adjective far more often than "with Kursk" (the Kursk
        # direction, the Caspian Sea, a Dzerzhinsky district), so -ск/-цк towns skip it.
        suffixes = ("", "а", "у", "е") if lower.endswith(("ск", "цк")) else ("", "а", "у", "ом", "е")
        return [word + suffix for suffix in suffixes]
    return [word]  # Сочи, Улан-Удэ, Коми: not declined
