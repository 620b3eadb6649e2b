"""The profile's place gazetteer: regions, towns and countries, found in text and looked up by name.

The data are three tab-separated files under ``profiles/<profile>/gazetteer/`` (regions,
settlements, countries; their headers explain the columns). Loading turns every name into the
surface forms running text carries (see :mod:`briefwire.nlp.gazetteer_forms`) and compiles them
into one regular expression shaped as a character trie, so :meth:`Gazetteer.find` is a single
C-level scan per text that returns the longest form at each place.

Matching in text is case-sensitive: place names are capitalised, and that is what keeps "Tula"
the town apart from common words; only the generic words ("region", "область") match in either
case. :meth:`Gazetteer.lookup` is case-insensitive and also knows forms too ambiguous for running
text ("Vladimir", "Bor", the adjective "челябинский").

Usage::

    gazetteer = Gazetteer.load()
    gazetteer.lookup("Chelyabinsk region").admin1_code   # 'RU-CHE'
    [m.place.admin1_code for m in gazetteer.find("Men from Sterlitamak and Arzamas")]
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Literal

from briefwire.lifetime import keep_forever
from briefwire.nlp.gazetteer_forms import (
    english_region_forms,
    normalise,
    russian_adjective_alone,
    russian_forms,
    spelling_variants,
)

PlaceKind = Literal["region", "settlement", "country"]


# A run of words in capitals (four letters or more in the first): a dateline or a heading.
_CAPITALS = re.compile(r"(?<![\w-])[A-ZА-ЯЁ][A-ZА-ЯЁ'-]{3,}(?:[ -][A-ZА-ЯЁ][A-ZА-ЯЁ'-]+)*(?![\w-])")
_CAPITALS_WORDS = re.compile(r"[^ ]+")
_WINDOW = 3  # words of the longest place form looked for inside a run in capitals


def _windows(run: re.Match[str], words: Iterator[re.Match[str]]) -> Iterator[tuple[int, int]]:
    """Spans of one to three consecutive words of ``run``, longest first, in the text's offsets."""
    spans = [(run.start() + w.start(), run.start() + w.end()) for w in words]
    for size in range(min(_WINDOW, len(spans)), 0, -1):
        for i in range(len(spans) - size + 1):
            yield spans[i][0], spans[i + size - 1][1]


@dataclass(frozen=True)
class Place:
    """A region (ISO 3166-2), a settlement in a region, or a country (ISO 3166-1 alpha-2).

    ``admin1``/``admin1_code`` are the region itself for a region, the region a settlement lies
    in, and ``None`` for countries and for towns abroad. ``subtype`` is a region's kind (oblast,
    krai, republic, autonomous okrug, federal city ...).
    """

    name: str
    kind: PlaceKind
    admin1: str | None
    admin1_code: str | None
    country: str
    name_ru: str = ""
    subtype: str = ""


@dataclass(frozen=True)
class PlaceMatch:
    """A place named in a text; ``start``/``end`` index the text passed to :meth:`find`."""

    start: int
    end: int
    text: str
    place: Place


class GazetteerError(ValueError):
    """The gazetteer data of a profile is missing or malformed."""


# Which place wins when two share a spelling: a region's own forms, then countries, then towns.
_REGION, _COUNTRY, _SETTLEMENT, _ADJECTIVE = 0, 1, 2, 3
_LOOKUP_ONLY = "?"
_COLUMNS = {
    "regions.tsv": frozenset(
        [
            "code",
            "kind",
            "name_en",
            "name_ru",
            "capital",
            "en_stems",
            "en_aliases",
            "ru_forms",
            "en_demonyms",
            "en_ethnic",
            "flags",
        ]
    ),
    "settlements.tsv": frozenset({"code", "en", "ru"}),
    "countries.tsv": frozenset({"code", "en", "ru"}),
}
_STRIP_BEFORE = re.compile(
    r"^(?:the|city of|town of|village of|в|во|на|из|с|со|под|г\.|город|пос\.|село)\s+",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Form:
    surface: str
    place: Place
    rank: int
    findable: bool


class Gazetteer:
    """Find places in text and resolve names to places."""

    def __init__(self, places: Iterable[Place], forms: Iterable[_Form], ethnic: dict[str, Place]):
        self._regions = {p.admin1_code: p for p in places if p.kind == "region" and p.admin1_code}
        self._find: dict[str, Place] = {}
        self._lookup: dict[str, Place] = {}
        self._ranks: dict[tuple[bool, str], int] = {}
        self._conflicts: list[tuple[str, Place, Place]] = []
        for form in forms:
            self._put(self._lookup, form.surface.casefold(), form)
            if form.findable:
                self._put(self._find, form.surface, form)
        self._ethnic = {key.casefold(): place for key, place in ethnic.items()}
        self._pattern = re.compile(r"(?<!\w)" + _trie_pattern(self._find) + r"(?!\w)")

    @classmethod
    def load(cls, profile: str = "mobilization") -> Gazetteer:
        """The gazetteer of a profile; built once per process (building takes about a second)."""
        return _load(profile)

    @classmethod
    def from_folder(cls, folder: Traversable) -> Gazetteer:
        """Build a gazetteer from a folder holding regions.tsv, settlements.tsv, countries.tsv."""
        if not folder.is_dir():
            raise GazetteerError(f"{folder}: no such gazetteer folder")
        return _build(folder)

    def find(self, text: str, *, capitals: bool = False) -> list[PlaceMatch]:
        """Every place named in ``text``: longest forms first, never overlapping, in order.

        With ``capitals``, a name in capitals (a wire dateline, "KURSK, Oct 3 -"; a heading) is
        found too when its words, in any case, are a findable form. It is off by default: a
        dateline names where a report was filed, and linking must not read it as the scene.
        """
        matches = []
        folded = normalise(text)
        for match in self._pattern.finditer(folded):
            start, end = match.span()
            matches.append(PlaceMatch(start, end, text[start:end], self._find[match.group()]))
        if capitals and _CAPITALS.search(folded):
            taken = [(m.start, m.end) for m in matches]
            for run in _CAPITALS.finditer(folded):
                for start, end in _windows(run, _CAPITALS_WORDS.finditer(run.group())):
                    place = self._find_folded.get(folded[start:end].casefold())
                    if place is not None and not any(a < end and start < b for a, b in taken):
                        matches.append(PlaceMatch(start, end, text[start:end], place))
                        taken.append((start, end))
            matches.sort(key=lambda m: m.start)
        return matches

    @functools.cached_property
    def _find_folded(self) -> dict[str, Place]:
        """Findable forms by their case-folded spelling, for names written in capitals."""
        out: dict[str, Place] = {}
        for form, place in self._find.items():
            out.setdefault(form.casefold(), place)
        return out

    def lookup(self, name: str, *, allow_ethnic: bool = False) -> Place | None:
        """The place a name means, in any spelling, case or Russian case form, else ``None``.

        A name that is not a form itself but holds exactly one place ("Luhansk (hospital)",
        "a village near Bakhmut") gives that place. ``allow_ethnic`` also accepts ethnic
        adjectives ("Buryat" -> Buryatia), which tell where a person is from no more than likely,
        so they are never used otherwise.
        """
        key = " ".join(normalise(name).split()).strip(" .,;:!?\"'()«»")
        while True:
            place = self._lookup.get(key.casefold())
            if place is not None:
                return place
            stripped = _STRIP_BEFORE.sub("", key, count=1)
            if stripped == key:
                break
            key = stripped
        if allow_ethnic and key.casefold() in self._ethnic:
            return self._ethnic[key.casefold()]
        inside = {match.place for match in self.find(name)}
        return inside.pop() if len(inside) == 1 else None

    def region(self, code: str) -> Place | None:
        """A region by its ISO 3166-2 code ("RU-CHE", "UA-09"), else ``None``."""
        return self._regions.get(code.strip().upper())

    @property
    def regions(self) -> tuple[Place, ...]:
        """Every region, in the order of the data file."""
        return tuple(self._regions.values())

    @property
    def places(self) -> tuple[Place, ...]:
        """Every distinct place any form leads to."""
        return tuple(dict.fromkeys([*self._regions.values(), *self._lookup.values()]))

    def forms_of(self, place: Place) -> list[str]:
        """The surface forms :meth:`find` matches for a place (for inspection and tests)."""
        return [surface for surface, other in self._find.items() if other == place]

    @property
    def conflicts(self) -> tuple[tuple[str, Place, Place], ...]:
        """Spellings that two places of the same rank claim (the first one kept wins)."""
        return tuple(self._conflicts)

    def _put(self, table: dict[str, Place], key: str, form: _Form) -> None:
        rank_key = (table is self._find, key)
        rank = self._ranks.get(rank_key)
        if rank is None or form.rank < rank:
            table[key] = form.place
            self._ranks[rank_key] = form.rank
        elif form.rank == rank and table[key] != form.place:
            self._conflicts.append((form.surface, table[key], form.place))


@functools.cache
def _load(profile: str) -> Gazetteer:
    folder = resources.files("briefwire.profiles").joinpath(profile, "gazetteer")
    if not folder.is_dir():
        raise GazetteerError(f"profile {profile!r} has no gazetteer folder at {folder}")
    gazetteer = _build(folder)
    keep_forever()
    return gazetteer


def _build(folder: Traversable) -> Gazetteer:
    regions = _read(folder, "regions.tsv")
    region_places = [_region_place(row) for row in regions]
    by_code = {p.admin1_code: p for p in region_places}
    if len(by_code) != len(region_places):
        raise GazetteerError(f"{folder.joinpath('regions.tsv')}: a region code appears twice")
    countries = _read(folder, "countries.tsv")
    country_places = {row["code"]: _country_place(row) for row in countries}
    forms: list[_Form] = []
    ethnic: dict[str, Place] = {}
    for row, place in zip(regions, region_places, strict=True):
        forms += _region_forms(row, place)
        ethnic.update(dict.fromkeys(_split(row["en_ethnic"]), place))
    for row in countries:
        forms += _named_forms(row, country_places[row["code"]], _COUNTRY)
    for row in _read(folder, "settlements.tsv"):
        place = _settlement_place(row, by_code, country_places)
        forms += _named_forms(row, place, _SETTLEMENT)
    return Gazetteer([*region_places, *country_places.values()], forms, ethnic)


def _read(folder: Traversable, name: str) -> list[dict[str, str]]:
    path = folder.joinpath(name)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise GazetteerError(f"{path}: cannot read gazetteer file ({error})") from error
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    missing = _COLUMNS[name] - set(reader.fieldnames or ())
    if missing:
        raise GazetteerError(f"{path}: missing columns {', '.join(sorted(missing))}")
    rows = []
    for number, row in enumerate(reader, start=2):
        if None in row or None in row.values():
            raise GazetteerError(f"{path}: data line {number} has the wrong number of columns")
        rows.append({key: value.strip() for key, value in row.items()})
    return rows


def _split(cell: str) -> list[str]:
    return [item.strip() for item in cell.split("|") if item.strip()]


def _region_place(row: dict[str, str]) -> Place:
    code = row["code"]
    return Place(
        name=row["name_en"],
        kind="region",
        admin1=row["name_en"],
        admin1_code=code,
        country=code.split("-", 1)[0],
        name_ru=row["name_ru"],
        subtype=row["kind"],
    )


def _country_place(row: dict[str, str]) -> Place:
    english, _ = _names(row)
    return Place(english, "country", None, None, row["code"], name_ru=_names(row)[1])


def _settlement_place(
    row: dict[str, str], regions: dict[str | None, Place], countries: dict[str, Place]
) -> Place:
    code = row["code"]
    english, russian = _names(row)
    if "-" not in code:  # a town abroad, filed under its country
        if code not in countries:
            raise GazetteerError(f"settlement {english!r}: unknown country {code!r}")
        return Place(english, "settlement", None, None, code, name_ru=russian)
    region = regions.get(code)
    if region is None:
        raise GazetteerError(f"settlement {english!r}: unknown region {code!r}")
    return Place(english, "settlement", region.name, code, region.country, name_ru=russian)


def _names(row: dict[str, str]) -> tuple[str, str]:
    english = _split(row["en"])[0].lstrip(_LOOKUP_ONLY)
    russian = _split(row["ru"])[0].lstrip(_LOOKUP_ONLY) if row["ru"] else ""
    return english, russian.replace("=", "").replace("~", "")


def _region_forms(row: dict[str, str], place: Place) -> Iterator[_Form]:
    for stem in _split(row["en_stems"]):
        for form in english_region_forms(stem, row["kind"]):
            yield from _variants(form, place, _REGION, english=True)
    for alias in [*_split(row["en_aliases"]), *_split(row["en_demonyms"])]:
        yield from _variants(alias, place, _REGION, english=True)
    for name in _split(row["ru_forms"]):
        yield from _variants(name, place, _REGION, english=False)
    if "no_ru_adj" not in row["flags"].split():
        for adjective in russian_adjective_alone(row["name_ru"]):
            # "курский" also names the Kursk station in Moscow: lookup only.
            yield _Form(adjective, place, _ADJECTIVE, findable=False)


def _named_forms(row: dict[str, str], place: Place, rank: int) -> Iterator[_Form]:
    for name in _split(row["en"]):
        yield from _variants(name, place, rank, english=True)
    for name in _split(row["ru"]):
        yield from _variants(name, place, rank, english=False)


def _variants(name: str, place: Place, rank: int, *, english: bool) -> Iterator[_Form]:
    findable = not name.startswith(_LOOKUP_ONLY)
    name = name.lstrip(_LOOKUP_ONLY)
    surfaces = spelling_variants(name) if english else russian_forms(name)
    for surface in surfaces:
        yield _Form(surface, place, rank, findable)


_Trie = dict[str, "_Trie"]


def _trie_pattern(words: Iterable[str]) -> str:
    """One regex for many literal words, factored as a character trie: the scan tests each
    character once per node instead of once per word, and at each node the longer continuation
    is tried first, so the longest form wins. An empty key marks the end of a word."""
    root: _Trie = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_pattern(root) or "(?!)"


def _node_pattern(node: _Trie) -> str:
    branches = [re.escape(char) + _node_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{body})?"
    return body
