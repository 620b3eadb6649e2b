"""Person names across scripts and spellings: transliteration and comparison keys.

Russian names reach English text through several romanisation systems (BGN/PCGN "Aleksey",
GOST/ICAO-like "Aleksei", English habit "Alexei" / "Alexey"), and Russian text inflects them
("Алексея Воронина"). Rather than keep a list of names, we romanise Cyrillic by the common
systems and reduce every Latin spelling to a *skeleton* in which the systems' differences
vanish (x = ks, y = i = j, initial ye = e, a doubled vowel is one vowel). Two spellings of one
name give the same skeleton; different names almost never do.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

# One romanisation per letter; variants differ only where the systems differ (see _VARIANTS).
_BASE = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}  # fmt: skip
# Letters whose romanisation differs by system: BGN/PCGN-like, GOST/ICAO-like, scholarly-like.
_VARIANTS = {
    "bgn": {"е": "e", "й": "y", "ю": "yu", "я": "ya", "х": "kh"},
    "icao": {"й": "i", "ю": "iu", "я": "ia", "х": "kh", "ц": "ts"},
    "scholarly": {"й": "j", "х": "h", "ц": "c", "ю": "ju", "я": "ja", "щ": "sch"},
}
_VOWELS = "аеёиоуыэюяaeiouy"
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# Russian case endings of names, longest first (instrumental, genitive, dative, prepositional).
_CASE_ENDINGS = ("ym", "im", "om", "em", "oy", "ei", "oi", "ogo", "ego", "omu", "emu", "u", "e", "a", "i")


def has_cyrillic(text: str) -> bool:
    return bool(_CYRILLIC.search(text))


def romanise(text: str, system: str = "bgn") -> str:
    """Latin letters for a Cyrillic text by one system (bgn, icao, scholarly); Latin is kept."""
    table = {**_BASE, **_VARIANTS.get(system, {})}
    out: list[str] = []
    for i, ch in enumerate(text):
        low = ch.lower()
        if low not in table:
            out.append(ch)
            continue
        latin = table[low]
        # BGN writes "ye" for е at the start of a word and after a vowel or soft/hard sign.
        prev = text[i - 1].lower() if i else " "
        if system == "bgn" and low in "её" and (not prev.isalpha() or prev in _VOWELS + "ъь"):
            latin = "ye" if low == "е" else "yo"
        out.append(latin.capitalize() if ch.isupper() and latin else latin)
    return "".join(out)


def romanisations(text: str) -> list[str]:
    """Every distinct romanisation of a text (just the text when it has no Cyrillic)."""
    if not has_cyrillic(text):
        return [text]
    return list(dict.fromkeys(romanise(text, s) for s in _VARIANTS))


# Both keys are pure functions of one word, and a re-link computes them for the same few thousand
# words (names, places) of every claim in its blocks: remembered per word, bounded.
@functools.lru_cache(maxsize=1 << 16)
def skeleton(word: str) -> str:
    """A spelling-neutral key of one Latin or Cyrillic word: Aleksey, Alexei, Алексей -> 'aleksei'."""
    w = romanise(word, "bgn") if has_cyrillic(word) else word
    w = unicodedata.normalize("NFKD", w).encode("ascii", "ignore").decode().lower()
    w = re.sub(r"[^a-z]", "", w)
    # Щ is written shch, sch, shh or, carelessly, sh (Shchukin, Schukin, Shukin): one key
    w = w.replace("shch", "sh").replace("sch", "sh").replace("shh", "sh")
    w = w.replace("x", "ks").replace("kh", "h").replace("j", "y").replace("w", "v")
    w = re.sub(r"^ye", "e", w)
    w = re.sub(r"(?<=[aeiou])ye", "e", w)  # Gordeyev ~ Gordeev
    w = w.replace("y", "i")
    w = re.sub(r"i+", "i", w)  # Evgenii ~ Evgeny, Yevgeniy
    w = re.sub(r"([a-z])\1+", r"\1", w)
    return re.sub(r"ie$", "i", w)


@functools.lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """The skeleton without a Russian case ending, for inflected forms (Воронина -> voronin)."""
    s = skeleton(word)
    if not has_cyrillic(word):
        # a woman's surname is the man's with -a (Berestova, Berestov): one key, as in Russian
        return s[:-1] if re.search(r"(?:ov|ev|in)a$", s) and len(s) > 5 else s
    for ending in _CASE_ENDINGS:
        if len(s) - len(ending) >= 4 and s.endswith(ending):
            base = s[: -len(ending)]
            # -a after a vowel is a word's own letter (Мария); after a consonant it is the
            # genitive of a man's surname (Гельмана, Шеина) or the feminine of one (Воронина):
            # each is the nominative's key
            if ending == "a" and base[-1] in _VOWELS:
                continue
            return base
    return s


@dataclass(frozen=True)
class PersonName:
    """A personal name split into given name(s) and surname, with comparison keys."""

    surface: str
    given: str | None
    surname: str

    @property
    def surname_key(self) -> str:
        return stem(self.surname)

    @property
    def given_key(self) -> str | None:
        return stem(self.given) if self.given else None

    @property
    def full(self) -> bool:
        return self.given is not None


_TITLE_WORDS = {
    "private", "sergeant", "junior", "senior", "lieutenant", "colonel", "major", "captain",
    "general", "governor", "mr", "mrs", "ms", "dr", "рядовой", "сержант", "лейтенант",
    "младший", "старший", "полковник", "майор", "капитан", "генерал", "губернатор",
}  # fmt: skip


def parse_name(surface: str) -> PersonName | None:
    """Given name + surname of a person's name; ``None`` for what does not look like a name."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", surface) if w.lower() not in _TITLE_WORDS]
    words = [w for w in words if w[0].isupper()]
    if not words or len(words) > 4:
        return None
    if len(words) == 1:
        return PersonName(surface, None, words[0])
    # Russian order may be "Surname Given Patronymic"; English and most Russian news: "Given Surname".
    if len(words) == 3 and _PATRONYMIC.search(words[1]):
        return PersonName(surface, words[0], words[2])  # Given Patronymic Surname (Lukashevich)
    if len(words) == 3 and _PATRONYMIC.search(words[2]):
        return (
            PersonName(surface, words[0], words[1])
            if _looks_given(words[0])
            else PersonName(surface, words[1], words[0])
        )
    return PersonName(surface, words[0], words[-1])


_PATRONYMIC = re.compile(r"(?:вич|вна|ична|vich|vitch|vna|ichna)$", re.IGNORECASE)
_SURNAME_END = re.compile(r"(?:ов|ев|ин|ова|ева|ина|ский|ская|ov|ev|in|ova|eva|ina|sky|skiy|skii|skaya)$")


def _looks_given(word: str) -> bool:
    return not _SURNAME_END.search(word.lower())


def same_person(a: PersonName, b: PersonName) -> bool:
    """Same surname (any spelling or case form) and compatible given names."""
    if a.surname_key != b.surname_key or not a.surname_key:
        return False
    if a.given_key is None or b.given_key is None:
        return True
    ga, gb = a.given_key, b.given_key
    n = min(len(ga), len(gb), 4)
    return ga[:n] == gb[:n]


def name_key(name: PersonName) -> str:
    """A key for blocking: surname skeleton plus the first letters of the given name."""
    return f"{name.surname_key}|{(name.given_key or '')[:3]}"
