"""Named casualties in Russian text: people a post or article reports killed.

The natasha backend gives PERSON spans but no parts of speech, so the rules read words, not
parses. A person is a casualty when their own stretch of the sentence (from the previous name to
the next one; names joined only by "и", commas, ranks and status words share one stretch)
carries a death cue ("погиб", "убит", "скончался", "о гибели", "прощание с") and no cue of
survival after it ("ранен", "в плену", "пропал без вести", "задержан"). A name that opens a
sentence can also die in the next one ("Он погиб ...", "Погиб 3 октября ..."), the way Russian
reports continue. The paragraph must be about soldiers; speakers ("по словам X", "X сообщил")
and titled officials are never casualties. Counts without names ("погибли пятеро
мобилизованных") have no PERSON span and stay group claims.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from briefwire.extract.casualties.cues import Found
from briefwire.extract.casualties.names_ru import nominative
from briefwire.nlp import Sentence, Span

_CYRILLIC = re.compile(r"[а-яёА-ЯЁ]")
_LATIN = re.compile(r"[a-zA-Z]")
# a sentence that goes on about the person just named: a pronoun, or a plain noun for them
# ("Мужчина отправился ...", "Боец погиб ...") right at its start
_CONTINUES = re.compile(
    r"^\W*(?:он|она|ему|ей|его|её|ее|мужчина|женщина|парень|боец|военный|военнослужащий|наемник|наёмник)\b",
    re.I,
)
# "X, который погиб ...": a relative clause right after the name says that X died
_DIED_AFTER = re.compile(
    r"^\s*,\s*(?:котор\w+|что)\s+(?:\w+\s+){0,3}?(?:погиб|скончал|умер|был[аи]? убит|убит|пал\b)", re.I
)
_PARTICIPLE = re.compile(r"(?<!\w)(?:погибш|умерш|скончавш|павш)\w*", re.I)
_IDENTIFIED = re.compile(r"^[^.;]*?(?:\s[—–-]\s|оказал\w*|является|стал[аи]?\b)")
_PRONOUN = re.compile(r"(?<!\w)(?:он|она|него|нему|ним|нее|неё|ней)(?!\w)", re.I)


@dataclass(frozen=True)
class RuLexicon:
    death: re.Pattern[str]
    strong: re.Pattern[str]
    burial: re.Pattern[str]
    not_death: re.Pattern[str]
    soldier: re.Pattern[str]
    status: tuple[tuple[str, re.Pattern[str]], ...]
    ranks: tuple[tuple[re.Pattern[str], str], ...]
    rank_words: re.Pattern[str]
    officer: frozenset[str]
    home_cue: re.Pattern[str]
    death_place_cue: re.Pattern[str]
    speaker_after: re.Pattern[str]
    speaker_before: re.Pattern[str]


def _any(items: list[str]) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{'|'.join(f'(?:{i})' for i in items)})(?![\w])")


@lru_cache(maxsize=1)
def ru_lexicon() -> RuLexicon:
    """The Russian cue lists of the profile (``casualties_ru.json``), compiled once."""
    path = resources.files("briefwire.profiles").joinpath("mobilization", "casualties_ru.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    ranks = data["ranks"]
    return RuLexicon(
        death=_any(data["death"]),
        strong=_any(data["strong_death"]),
        burial=_any(data["burial"]),
        not_death=_any(data["not_death"]),
        soldier=_any(data["soldier"]),
        status=tuple((k, _any(v)) for k, v in data["status"].items()),
        ranks=tuple((re.compile(rf"(?<!\w)(?:{k})\w*"), v) for k, v in ranks.items()),
        rank_words=re.compile(rf"(?<!\w)(?:{'|'.join(ranks)})\w*", re.I),
        officer=frozenset(data["officer_ranks"]),
        home_cue=re.compile(rf"(?<!\w)(?:{'|'.join(data['home_cues'])})\s+$", re.I),
        death_place_cue=re.compile(rf"(?<!\w)(?:{'|'.join(data['death_place_cues'])})\s+$", re.I),
        speaker_after=re.compile(data["speaker_after"], re.I),
        speaker_before=re.compile(data["speaker_before"], re.I),
    )


def is_russian(text: str) -> bool:
    """More Cyrillic than Latin letters."""
    return len(_CYRILLIC.findall(text)) > len(_LATIN.findall(text))


def died_in_ru(
    sentence: Sentence,
    following: list[Sentence],
    claimants: set[str],
    paragraph_text: str,
    known_surnames: frozenset[str] = frozenset(),
    *,
    war_story: bool = False,
) -> list[Found]:
    """People the Russian sentence (or the sentence continuing it) reports dead. The paragraph
    must be about soldiers unless the document is (``war_story``) or the person was named
    earlier in the document."""
    lex = ru_lexicon()
    people = [e for e in sentence.entities if e.label == "PERSON" and _is_name(e.text)]
    out: list[Found] = []
    for i, ent in enumerate(people):
        lead = sentence.text[max(0, ent.start - sentence.start - 40) : ent.start - sentence.start].lower()
        # "Гибель рядового X подтвердили ...": the attribution may take X for the claimant
        if (ent.text in claimants and not lex.death.search(lead)) or _is_speaker(sentence, ent):
            continue
        clause = _own_participles(_clause(sentence, people, i), sentence, ent)
        extra = _continuation(following)
        if sentence.text.rstrip().endswith("?") or not dies(clause):
            opener = i == 0 and not lex.death.search(sentence.text.lower())
            if not (opener and any(dies(s.text) for s in extra)):
                continue
        context = f"{paragraph_text} {' '.join(s.text for s in extra)}".lower()
        name = nominative(ent.text)
        if not (war_story or lex.soldier.search(context) or name.split()[-1].lower() in known_surnames):
            continue
        lo = people[i - 1].end if i > 0 else sentence.start
        hi = people[i + 1].start if i + 1 < len(people) else sentence.end
        out.append(Found(name, sentence, clause, extra, paragraph_text, (lo, hi), ent.start, language="ru"))
    return out


def dies(text: str) -> bool:
    """A death cue with no survival cue after it ("был ранен и скончался" is a death)."""
    low = text.lower()
    lex = ru_lexicon()
    deaths = [m.start() for m in lex.death.finditer(low)]
    if not deaths:
        return False
    alive = [m.end() for m in lex.not_death.finditer(low)]
    return not alive or max(deaths) >= max(alive)


def _continuation(following: list[Sentence]) -> list[Sentence]:
    """Sentences after this one that go on about the same person: they open with a pronoun or
    with the death itself ("Погиб 3 октября ...")."""
    out: list[Sentence] = []
    lex = ru_lexicon()
    for s in following[:3]:
        if any(e.label == "PERSON" for e in s.entities):
            break
        head = s.text.lstrip()[:12].lower()
        if _CONTINUES.match(s.text) or lex.strong.match(head) or _PRONOUN.search(s.text):
            out.append(s)
        else:
            break
    return out


def _is_name(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not any(c.isdigit() for c in text)


def _is_speaker(sentence: Sentence, ent: Span) -> bool:
    lex = ru_lexicon()
    at, to = ent.start - sentence.start, ent.end - sentence.start
    # the words right around the name decide; a bounded window keeps long sentences linear
    after, before = sentence.text[to : to + 200], sentence.text[max(0, at - 50) : at]
    if _DIED_AFTER.match(after):
        return False  # «о корреспонденте X, который погиб»: the title names who died
    title = lex.speaker_before.search(before[-50:])
    if title and not lex.death.search(title.group(0).lower()):
        return True
    said = lex.speaker_after.match(after)
    # "о гибели X сообщили", "X погиб, сообщили в ...": the name is who died, not who says so
    if said is None:
        return False
    return not lex.death.search(f"{before[-40:]} {said.group(0)}".lower())


def _clause(sentence: Sentence, people: list[Span], i: int) -> str:
    """The stretch of the sentence that belongs to person ``i`` and the names listed with it."""
    base = sentence.start
    first, last = i, i
    while first > 0 and _listed(sentence, people[first - 1], people[first]):
        first -= 1
    while last + 1 < len(people) and _listed(sentence, people[last], people[last + 1]):
        last += 1
    start = people[first - 1].end - base if first > 0 else 0
    end = people[last + 1].start - base if last + 1 < len(people) else len(sentence.text)
    return sentence.text[start:end]


def _own_participles(clause: str, sentence: Sentence, ent: Span) -> str:
    """Blank death participles that describe someone else ("вручил орден вдове погибшего"):
    one counts only right after the name (", погибшим в ...") or right before it with nothing but
    ranks and status words between ("погибшего рядового X")."""
    where = clause.find(ent.text)
    if where < 0:
        return clause
    head, tail = clause[:where], clause[where + len(ent.text) :]

    def keep_before(m: re.Match[str]) -> str:
        gap = ru_lexicon().rank_words.sub(" ", head[m.end() :])
        gap = re.sub(
            r"мобилизованн\w*|контрактник\w*|доброволь\w*|бойц\w*|военнослужащ\w*|военкор\w*", " ", gap
        )
        # "имя погибшего — X", "погибшим оказался X": the participle names who died
        named = _IDENTIFIED.search(gap) and len(gap) < 120
        return m.group(0) if not gap.strip() or named else " " * len(m.group(0))

    def keep_after(m: re.Match[str]) -> str:
        return m.group(0) if re.fullmatch(r"[\s,]*", tail[: m.start()]) else " " * len(m.group(0))

    return _PARTICIPLE.sub(keep_before, head) + ent.text + _PARTICIPLE.sub(keep_after, tail)


def _listed(sentence: Sentence, a: Span, b: Span) -> bool:
    """Two names in one list: only commas, "и", ranks, status words and ages between them."""
    gap = sentence.text[a.end - sentence.start : b.start - sentence.start]
    gap = ru_lexicon().rank_words.sub(" ", gap)
    gap = re.sub(
        r"\d{1,2}\s*(?:год|года|лет)\b|мобилизованн\w*|контрактник\w*|доброволец|добровольц\w*", " ", gap
    )
    return re.fullmatch(r"[\s,()]*(?:и|а также)?[\s,()]*", gap) is not None
