"""Entity resolution: people, organisations and places named by claims and casualty mentions.

People are grouped by surname skeleton with compatible given names (see :mod:`.names`); a
surname alone joins the full name with that surname in the same document, or across documents
when exactly one person of that surname is known. Organisations come from the profile's alias
list (``profiles/<profile>/organisations.json``). Places are the regions the gazetteer coded.
"""

from __future__ import annotations

import functools
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from typing import Any

from .names import PersonName, parse_name, romanisations, same_person

# Actor roles that name a person the claim is about or who makes it.
PERSON_ROLES = frozenset({"victim", "subject", "claimant", "speaker", "person", "official"})
_VAGUE = re.compile(
    r"^(?:the |a |an )?(?:reports?|sources?|video|protests?|men|women|residents|relatives|media|"
    r"experts|local telegram channels?|telegram|russian|his \w+|her \w+)$",
    re.IGNORECASE,
)
_SPEAKER = re.compile(
    r"^((?:[A-ZА-ЯЁ][a-zа-яё'’-]+ ){1,2}[A-ZА-ЯЁ][a-zа-яё'’-]+)(?:,[^.;]{0,160},)?\s+"
    r"(?:said|says|wrote|writes|told|reported|announced|claimed|сказал|сказала|написал|написала|сообщил|сообщила)\b"
)
_TRAILING_NAME = re.compile(r"((?:[A-ZА-ЯЁ][a-zа-яё'’-]+ )[A-ZА-ЯЁ][a-zа-яё'’-]+)$")
_NOT_NAME_WORDS = frozenset(
    [
        "Minister",
        "Defence",
        "Defense",
        "Ministry",
        "Governor",
        "Region",
        "Republic",
        "Russian",
        "Russia",
        "Kremlin",
        "Telegram",
        "Council",
        "Security",
        "Service",
        "Office",
        "District",
        "City",
        "Moscow",
        "President",
        "Presidential",
        "Deputy",
    ]
)


@dataclass(frozen=True)
class Organisation:
    key: str
    name: str
    official: bool
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class OrgProfile:
    organisations: tuple[Organisation, ...]
    official_words: tuple[str, ...]
    foreign_qualifiers: frozenset[str] = frozenset()
    # what each text found, when this copy serves one link run (see ``for_one_run``)
    memo: dict[str, Organisation | None] | None = field(default=None, compare=False, repr=False)

    def for_one_run(self) -> OrgProfile:
        """A copy that remembers what each text found while one link runs: a busy block's
        claimant and actor strings repeat (704 distinct of 4,218 looked up when one post joined
        the 20k bench ledger), and each lookup tests every alias."""
        return replace(self, memo={})

    def find(self, text: str) -> Organisation | None:
        """The listed organisation a claimant or actor string names (longest alias wins).

        A Russian body (key ``ru-...``) never takes a text that names another country's
        ("Ukraine's Defence Ministry", «Минобороны Украины»)."""
        if self.memo is None:
            return self._find(text)
        if text not in self.memo:
            self.memo[text] = self._find(text)
        return self.memo[text]

    def _find(self, text: str) -> Organisation | None:
        best: tuple[int, Organisation] | None = None
        folded = text.casefold()
        foreign = bool(set(re.findall(r"[\w.'’]+", folded)) & self.foreign_qualifiers)
        for org, alias, needle, upper, size in self._needles:
            if foreign and org.key.startswith("ru-"):
                continue
            # an all-capitals alias (MoD is not, MVD is) must match in capitals: "СК" is no "ск"
            haystack = text if upper else folded
            # the substring test first: the word-bounded pattern can only match where it is
            longer = best is None or size > best[0]  # the longest alias wins: test only those
            if longer and needle in haystack and _alias_pattern(alias).search(haystack):
                best = (size, org)
        return best[1] if best else None

    @functools.cached_property
    def _needles(self) -> tuple[tuple[Organisation, str, str, bool, int], ...]:
        """(organisation, alias, what its pattern looks for, all capitals?, folded length)."""
        return tuple(
            (org, a, a if a.isupper() else a.casefold(), a.isupper(), len(a.casefold()))
            for org in self.organisations
            for a in org.aliases
        )

    def is_official(self, text: str) -> bool:
        org = self.find(text)
        if org is not None:
            return org.official
        folded = text.casefold()
        return any(re.search(rf"(?<!\w){re.escape(w)}", folded) for w in self.official_words)


@functools.cache
def _alias_pattern(alias: str) -> re.Pattern[str]:
    needle = alias if alias.isupper() else alias.casefold()
    return re.compile(rf"(?<!\w){re.escape(needle)}(?!\w)")


@functools.cache
def org_profile(profile: str = "mobilization") -> OrgProfile:
    path = resources.files("briefwire.profiles") / profile / "organisations.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    orgs = tuple(
        Organisation(o["key"], o["name"], bool(o.get("official")), tuple(o["aliases"]))
        for o in data["organisations"]
    )
    return OrgProfile(
        orgs, tuple(data.get("official_words", ())), frozenset(data.get("foreign_qualifiers", ()))
    )


@dataclass(frozen=True)
class EntityMention:
    doc_id: str
    surface: str
    role: str
    claim_key: str | None = None
    mention_key: str | None = None


@dataclass(frozen=True)
class Entity:
    """A canonical person, organisation or place with the spellings seen and where."""

    key: str
    kind: str  # person | organisation | place
    name: str
    code: str | None = None  # ISO 3166-2 for places, the profile key for organisations
    official: bool = False
    aliases: tuple[str, ...] = ()
    mentions: tuple[EntityMention, ...] = field(default=())


def person_surfaces(claim: dict[str, Any]) -> list[tuple[str, str]]:
    """(surface, role) of the people a claim names: actors, claimants, a sentence-initial speaker."""
    out = [(a["name"], a["role"]) for a in claim.get("actors") or [] if a.get("role") in PERSON_ROLES]
    outlet = str(claim.get("outlet") or "").casefold()
    for who in claim.get("claimed_by") or []:
        if outlet and outlet in who.casefold():
            continue
        m = _TRAILING_NAME.search(who.replace("’s", "").replace("'s", ""))
        if m and not set(m.group(1).split()) & _NOT_NAME_WORDS:
            out.append((m.group(1), "claimant"))
    m = _SPEAKER.match(claim.get("quote") or "")
    if m and not set(m.group(1).split()) & _NOT_NAME_WORDS:
        out.append((m.group(1), "claimant"))
    return [(s, r) for s, r in out if _person_like(s)]


def _person_like(surface: str) -> bool:
    s = surface.strip()
    if _VAGUE.match(s) or parse_name(s) is None or set(s.split()) & _NOT_NAME_WORDS:
        return False
    return len(s.split()) > 1 or not _is_place(s)


@functools.cache
def _is_place(word: str) -> bool:
    try:
        from briefwire.nlp.gazetteer import Gazetteer  # noqa: PLC0415

        return Gazetteer.load().lookup(word) is not None
    except Exception:  # without a gazetteer a lone capitalised word may be a place or a name
        return False


class PersonIndex:
    """People resolved across documents; ``resolve(doc_id, surface)`` gives an entity key."""

    def __init__(self) -> None:
        self._names: dict[str, PersonName] = {}  # entity key -> best (longest full) name
        self._mentions: dict[str, list[EntityMention]] = defaultdict(list)
        self._aliases: dict[str, list[str]] = defaultdict(list)
        self._by_doc: dict[tuple[str, str], str] = {}
        self._by_surname: dict[str, list[str]] = defaultdict(list)  # surname key -> entity keys
        self._doc_keys: dict[str, set[str]] = {}  # doc_id -> entity keys named there

    def build(self, items: Iterable[EntityMention]) -> PersonIndex:
        items = list(items)
        parsed = [(m, parse_name(m.surface)) for m in items]
        full = [(m, p) for m, p in parsed if p is not None and p.full and not _one_letter(p)]
        short = [(m, p) for m, p in parsed if p is not None and not p.full]
        for m, p in full:
            self._add(m, p, self._match_full(p))
        for m, p in short:
            key = self._match_short(m.doc_id, p)
            if key is None:
                key = f"person:{p.surname_key}|"
                self._names.setdefault(key, p)
            self._add(m, p, key)
        return self

    def _match_full(self, p: PersonName) -> str | None:
        for key in self._by_surname.get(p.surname_key, []):
            known = self._names[key]
            if known.full and same_person(known, p):
                return key
        return None

    def _match_short(self, doc_id: str, p: PersonName) -> str | None:
        same_doc = self._doc_keys.get(doc_id, set())
        candidates = [k for k in self._by_surname.get(p.surname_key, []) if self._names[k].full]
        local = [k for k in candidates if k in same_doc]
        if len(local) == 1:
            return local[0]
        return candidates[0] if len(candidates) == 1 else None

    def _add(self, m: EntityMention, p: PersonName, key: str | None) -> None:
        if key is None:
            key = f"person:{p.surname_key}|{(p.given_key or '')[:3]}"
            while key in self._names and not same_person(self._names[key], p):
                key += "'"
        known = self._names.get(key)
        if key not in self._by_surname[p.surname_key]:
            self._by_surname[p.surname_key].append(key)
        if (
            known is None
            or (p.full and len(p.surface) > len(known.surface) and not known.full)
            or (p.full and known.full and not _cyr(p.surface) and _cyr(known.surface))
        ):
            self._names[key] = p
        self._mentions[key].append(m)
        if m.surface not in self._aliases[key]:
            self._aliases[key].append(m.surface)
        self._by_doc[(m.doc_id, m.surface)] = key
        self._doc_keys.setdefault(m.doc_id, set()).add(key)

    def resolve(self, doc_id: str, surface: str) -> str | None:
        return self._by_doc.get((doc_id, surface))

    def name(self, key: str) -> str:
        return self._names[key].surface if key in self._names else key

    def entities(self) -> list[Entity]:
        out = []
        for key, mentions in self._mentions.items():
            aliases = list(self._aliases[key])
            for a in list(aliases):
                aliases.extend(r for r in romanisations(a) if r not in aliases)
            out.append(
                Entity(key, "person", self.name(key), aliases=tuple(aliases), mentions=tuple(mentions))
            )
        return out


def _one_letter(p: PersonName) -> bool:
    return len(p.surname) < 2


def _cyr(s: str) -> bool:
    return bool(re.search(r"[А-Яа-яЁё]", s))


def surname_groups(claims: Sequence[dict[str, Any]], mentions: Sequence[dict[str, Any]]) -> set[str]:
    """Surname keys of every person these claims and mentions name.

    People are resolved within a surname group only, so resolving every claim and mention of a
    group gives the same keys as resolving the whole ledger: incremental linking reads the
    groups its new claims touch (``person_group``), not every claim.
    """
    surfaces = [m["name"] for m in mentions] + [s for c in claims for s, _ in person_surfaces(c)]
    return {p.surname_key for p in map(parse_name, surfaces) if p is not None}


def person_group(entity_key: str) -> str | None:
    """The surname group of a person entity key (``person:<surname>|<given>``), else None."""
    if not entity_key.startswith("person:"):
        return None
    return entity_key[len("person:") :].split("|", 1)[0]


def resolve_people(claims: Sequence[dict[str, Any]], mentions: Sequence[dict[str, Any]]) -> PersonIndex:
    items = [
        EntityMention(m["doc_id"], m["name"], "casualty", mention_key=m["mention_key"]) for m in mentions
    ]
    for c in claims:
        items.extend(EntityMention(c["doc_id"], s, r, claim_key=c["claim_id"]) for s, r in person_surfaces(c))
    return PersonIndex().build(items)


def organisation_entities(claims: Sequence[dict[str, Any]], profile: OrgProfile) -> list[Entity]:
    seen: dict[str, list[EntityMention]] = defaultdict(list)
    aliases: dict[str, list[str]] = defaultdict(list)
    by_key = {o.key: o for o in profile.organisations}
    for c in claims:
        texts = [(w, "claimant") for w in c.get("claimed_by") or []]
        texts += [(a["name"], a["role"]) for a in c.get("actors") or []]
        for text, role in texts:
            org = profile.find(text)
            if org is None:
                continue
            seen[org.key].append(EntityMention(c["doc_id"], text, role, claim_key=c["claim_id"]))
            if text not in aliases[org.key]:
                aliases[org.key].append(text)
    return [
        Entity(
            f"org:{k}",
            "organisation",
            by_key[k].name,
            code=k,
            official=by_key[k].official,
            aliases=tuple(dict.fromkeys([*by_key[k].aliases, *aliases[k]])),
            mentions=tuple(ms),
        )
        for k, ms in seen.items()
    ]


def place_entities(claims: Sequence[dict[str, Any]]) -> list[Entity]:
    names: dict[str, list[str]] = defaultdict(list)
    mentions: dict[str, list[EntityMention]] = defaultdict(list)
    for c in claims:
        loc = c.get("location") or {}
        code = loc.get("admin1_code") or loc.get("country")
        if not code:
            continue
        for n in (loc.get("name"), loc.get("admin1")):
            if n and n not in names[code]:
                names[code].append(n)
        mentions[code].append(
            EntityMention(c["doc_id"], loc.get("name") or code, "location", claim_key=c["claim_id"])
        )
    out = []
    for code, ms in mentions.items():
        region = _region_name(code)
        out.append(
            Entity(
                f"place:{code}",
                "place",
                region or names[code][0],
                code=code,
                aliases=tuple(names[code]),
                mentions=tuple(ms),
            )
        )
    return out


def _region_name(code: str) -> str | None:
    try:
        from briefwire.nlp.gazetteer import Gazetteer  # noqa: PLC0415

        place = Gazetteer.load().region(code)
    except Exception:  # a broken gazetteer must not stop linking; the code still identifies the place
        return None
    return place.name if place else None
