"""Russian personal names back to the nominative ("Алексея Воронина" -> "Алексей Воронин").

natasha gives names as they stand in the sentence, in any of six cases. Without a morphology
dictionary the case is read off the given name: a known given name (the profile's short lists)
with a case ending tells the case and the gender, and the patronymic and surname are then put
back into the nominative with the regular endings of that case. Indeclinable surnames
(-енко, -ых, -дзе ...) and women's surnames ending in a consonant are left as they are. When the
given name is unknown, only endings that belong to one case alone (-ым, -ого, -ому) are undone.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

import iuliia

# (case, gender) -> list of (ending in that case, nominative ending) for given names
_GIVEN: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {
    ("gen", "m"): (("ея", "ей"), ("ия", "ий"), ("я", "ь"), ("а", ""), ("ы", "а"), ("и", "а")),
    ("dat", "m"): (("ею", "ей"), ("ию", "ий"), ("ю", "ь"), ("у", ""), ("е", "а")),
    ("ins", "m"): (("еем", "ей"), ("ием", "ий"), ("ем", "ь"), ("ом", ""), ("ой", "а")),
    ("pre", "m"): (("ее", "ей"), ("ии", "ий"), ("е", "ь"), ("е", ""), ("е", "а")),
    ("gen", "f"): (("ии", "ия"), ("и", "а"), ("ы", "а"), ("и", "ь"), ("и", "я")),
    ("dat", "f"): (("ии", "ия"), ("е", "а"), ("е", "я"), ("и", "ь")),
    ("acc", "f"): (("ию", "ия"), ("у", "а"), ("ю", "я"), ("ь", "ь")),
    ("ins", "f"): (("ией", "ия"), ("ой", "а"), ("ей", "а"), ("ей", "я"), ("ью", "ь")),
}
# surname (and patronymic) endings per case, longest first: (inflected, nominative)
_SURNAME: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {
    ("gen", "m"): (
        ("ского", "ский"),
        ("цкого", "цкий"),
        ("ого", "ый"),
        ("его", "ий"),
        ("ича", "ич"),
        ("ова", "ов"),
        ("ева", "ев"),
        ("ёва", "ёв"),
        ("ина", "ин"),
        ("ына", "ын"),
        ("а", ""),
    ),
    ("dat", "m"): (
        ("скому", "ский"),
        ("цкому", "цкий"),
        ("ому", "ый"),
        ("ему", "ий"),
        ("ичу", "ич"),
        ("ову", "ов"),
        ("еву", "ев"),
        ("ёву", "ёв"),
        ("ину", "ин"),
        ("ыну", "ын"),
        ("у", ""),
    ),
    ("ins", "m"): (
        ("ским", "ский"),
        ("цким", "цкий"),
        ("ичем", "ич"),
        ("овым", "ов"),
        ("евым", "ев"),
        ("ёвым", "ёв"),
        ("иным", "ин"),
        ("ыным", "ын"),
        ("ым", "ый"),
        ("им", "ий"),
        ("ом", ""),
    ),
    ("pre", "m"): (
        ("ском", "ский"),
        ("цком", "цкий"),
        ("ом", "ый"),
        ("ем", "ий"),
        ("иче", "ич"),
        ("ове", "ов"),
        ("еве", "ев"),
        ("ёве", "ёв"),
        ("ине", "ин"),
        ("ыне", "ын"),
        ("е", ""),
    ),
    ("gen", "f"): (
        ("ской", "ская"),
        ("цкой", "цкая"),
        ("овны", "овна"),
        ("евны", "евна"),
        ("ичны", "ична"),
        ("овой", "ова"),
        ("евой", "ева"),
        ("ёвой", "ёва"),
        ("иной", "ина"),
        ("ыной", "ына"),
    ),
    ("acc", "f"): (
        ("скую", "ская"),
        ("цкую", "цкая"),
        ("овну", "овна"),
        ("евну", "евна"),
        ("ову", "ова"),
        ("еву", "ева"),
        ("ину", "ина"),
        ("ыну", "ына"),
    ),
}
_SURNAME[("dat", "f")] = _SURNAME[("pre", "f")] = _SURNAME[("gen", "f")]
_SURNAME[("ins", "f")] = (*_SURNAME[("gen", "f")], ("овной", "овна"), ("евной", "евна"))
_SURNAME[("acc", "m")] = _SURNAME[("gen", "m")]
_GIVEN[("acc", "m")] = _GIVEN[("gen", "m")]
_GIVEN[("pre", "f")] = _GIVEN[("dat", "f")]
_INDECLINABLE = ("енко", "ко", "их", "ых", "аго", "яго", "дзе", "швили")
# endings of a lone (or unknown-first-name) surname that belong to one case of a man's name
_UNAMBIGUOUS = ("ins", "m"), ("dat", "m")


@lru_cache(maxsize=1)
def _given() -> dict[str, str]:
    path = resources.files("briefwire.profiles").joinpath("mobilization", "casualties_ru.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    names = dict.fromkeys(data["given_male"], "m")
    names.update(dict.fromkeys(data["given_female"], "f"))
    return names


def nominative(name: str) -> str:
    """The name in the nominative where its case can be told; unchanged otherwise."""
    words = name.split()
    if not words or not all(_cyrillic(w) for w in words):
        return name
    first = _read_given(words[0]) if len(words) > 1 else None
    if first is None:
        return (
            " ".join([*words[:-1], _lone_surname(words[-1])]) if len(words) > 1 else _lone_surname(words[0])
        )
    base, case, gender = first
    rest = [_undo(w, case, gender) for w in words[1:]]
    return " ".join([base, *rest])


_CAPITALISED = re.compile(r"(?<![\w-])[А-ЯЁ][а-яёА-ЯЁ-]*")


def latin(name: str, *, person: bool = False) -> str | None:
    """The capitalised Cyrillic words of ``name`` in Latin letters (iuliia's Wikipedia scheme), a
    person's name put in the nominative first ("Дональду Туску" -> "Donald Tusk"); None when
    the name has no such word ("Minoborony" for «Минобороны»; nothing for «украинские СМИ»)."""
    words = _CAPITALISED.findall(nominative(name) if person else name)
    return str(iuliia.WIKIPEDIA.translate(" ".join(words))) if words else None


_CASES = {"nomn": "nom", "gent": "gen", "datv": "dat", "accs": "acc", "ablt": "ins", "loct": "pre"}


def _read_given(word: str) -> tuple[str, str, str] | None:
    """(nominative, case, gender) of a given name: the profile's list of given names with the case
    endings below first, then pymorphy3's dictionary of names (it knows many more, less surely)."""
    low = word.lower().replace("ё", "е")
    names = _given()
    if low in names:
        return word, "nom", names[low]
    for (case, gender), table in _GIVEN.items():
        for ending, nom in table:
            if low.endswith(ending):
                guess = low[: len(low) - len(ending)] + nom
                if names.get(guess) == gender:
                    return _cased(guess, word), case, gender
    return _morph_given(word)


def _morph_given(word: str) -> tuple[str, str, str] | None:
    from briefwire.nlp.natasha_ru import morph  # noqa: PLC0415 - the one analyser of the process

    for parse in morph().parse(word):
        tag = parse.tag
        if "Name" not in tag or str(tag.case) not in _CASES or "plur" in tag:
            continue
        nominal = parse.inflect({"nomn"})
        if nominal is None:
            continue
        gender = "f" if "femn" in tag else "m"
        return _cased(nominal.word, word), _CASES[str(tag.case)], gender
    return None


def _undo(word: str, case: str, gender: str) -> str:
    if case == "nom":
        return word
    low = word.lower()
    if low.endswith(_INDECLINABLE):
        return word
    for ending, nom in _SURNAME.get((case, gender), ()):
        if low.endswith(ending) and len(low) - len(ending) >= 2:
            if gender == "m" and ending in {"а", "у", "ом", "е"} and low[-len(ending) - 1] in "аеёиоуыэюяй":
                return word  # "Шоя"-like stems: a vowel before the ending is not a case ending
            return _cased(_adjective(low[: len(low) - len(ending)], nom), word)
    return word


def _adjective(stem: str, nom: str) -> str:
    """Adjectival surnames take -ий after г, к, х and hushing consonants ("Горького" -> "Горький")."""
    if nom == "ый" and stem[-1:] in "гкхжшчщ":
        return stem + "ий"
    return stem + nom


def _lone_surname(word: str) -> str:
    low = word.lower()
    for key in _UNAMBIGUOUS:
        for ending, nom in _SURNAME[key]:
            if len(ending) >= 3 and low.endswith(ending) and len(low) - len(ending) >= 2:
                return _cased(low[: len(low) - len(ending)] + nom, word)
    for ending, nom in (("ского", "ский"), ("цкого", "цкий")):
        if low.endswith(ending):
            return _cased(low[: len(low) - len(ending)] + nom, word)
    return word


def _cased(new: str, like: str) -> str:
    return new[:1].upper() + new[1:] if like[:1].isupper() else new


def _cyrillic(word: str) -> bool:
    return any("а" <= c.lower() <= "я" or c in "ёЁ" for c in word)
