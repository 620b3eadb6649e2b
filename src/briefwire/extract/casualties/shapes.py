"""How a person's name is written, and whether two writings are one person.

One dead man is written "Given Surname" in one sentence, "Surname Given Patronymic" in a
register translated from Russian, "Surname G. P." (initials) in an announcement of his funeral,
and "Given Patronymic" by those who knew him. A writing is read into the parts it may have (a
two-word name either way round when its first word is surname-shaped); two writings are one
person when some reading of each agrees: the same surname where both give one, a given name and
a patronymic that agree where both give them (an initial agrees with a word it starts). A writing
without a surname ("Given Patronymic") joins a full name only by its given name and patronymic.
The shapes (surname and patronymic endings) are profile data in ``casualties.json``.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefwire.extract.casualties.cues import lexicon

__all__ = ["has_surname", "one_person"]

_PREFIX = 3  # letters two spellings of one given name share ("Aleksey", "Alexei")


@dataclass(frozen=True)
class _Reading:
    surname: str | None
    given: str | None  # a given name, or its initial
    patronymic: str | None  # a patronymic, or its initial


def _words(name: str) -> tuple[list[str], list[str]]:
    """(the words, the initials) of a name, lower-cased: "Dorzhiev B.Ts." -> (["dorzhiev"], ["b", "ts"])."""
    words: list[str] = []
    initials: list[str] = []
    for w in name.lower().replace("ё", "е").split():
        if "." in w:
            initials += [p for p in w.split(".") if p]
        elif w.isalpha() or "-" in w:
            words.append(w)
    return words, initials


def _patronymic(word: str) -> bool:
    return lexicon().patronymic.search(word) is not None


def _surname_shaped(word: str) -> bool:
    return lexicon().surname.search(word) is not None


def _readings(name: str) -> list[_Reading]:
    words, initials = _words(name)
    if initials and len(words) == 1:  # "Surname G. P." or "G. P. Surname"
        return [_Reading(words[0], initials[0], initials[1] if len(initials) > 1 else None)]
    if initials or not words:
        return []
    if len(words) == 1:
        return [_Reading(words[0], None, None)]
    if len(words) == 2:
        return _two_words(*words)
    return [_longer(words)]


def _longer(words: list[str]) -> _Reading:
    if len(words) == 3 and _patronymic(words[2]) and not _patronymic(words[1]):
        return _Reading(words[0], words[1], words[2])  # "Surname Given Patronymic"
    if len(words) == 3 and _patronymic(words[1]):
        return _Reading(words[2], words[0], words[1])  # "Given Patronymic Surname"
    return _Reading(words[-1], words[0], None)


def _two_words(first: str, second: str) -> list[_Reading]:
    out = [_Reading(second, first, None)]
    if _patronymic(second):
        out.append(_Reading(None, first, second))  # "Given Patronymic": no surname
    if _surname_shaped(first) and not _surname_shaped(second):
        out.append(_Reading(first, second, None))  # "Surname Given"
    return out


def _agree(a: str | None, b: str | None) -> bool:
    """Two given names (or patronymics) agree: either is absent, one is the other's initial, or
    they share their first letters."""
    if a is None or b is None:
        return True
    if len(a) <= 2 or len(b) <= 2:
        return a.startswith(b) or b.startswith(a)
    return a[:_PREFIX] == b[:_PREFIX]


def _same(a: _Reading, b: _Reading) -> bool:
    if a.surname is not None and b.surname is not None:
        if a.surname != b.surname:
            return False
        return _agree(a.given, b.given) and _agree(a.patronymic, b.patronymic)
    # a writing without a surname joins by both its given name and its patronymic
    bare = a if a.surname is None else b
    other = b if bare is a else a
    return (
        bare.given is not None
        and other.given is not None
        and bare.given == other.given
        and _agree(bare.patronymic, other.patronymic)
        and (other.surname is not None or bare.patronymic == other.patronymic)
    )


def one_person(a: str, b: str) -> bool:
    """Whether two writings of a name are one person by some reading of each."""
    return any(_same(x, y) for x in _readings(a) for y in _readings(b))


def has_surname(name: str) -> bool:
    """Whether every reading of the name gives a surname ("Gennady Nikolaevich" may give none)."""
    readings = _readings(name)
    return bool(readings) and all(r.surname is not None for r in readings)
