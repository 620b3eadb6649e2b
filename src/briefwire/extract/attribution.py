"""Who asserts a claim and through whom (``claimed_by``), and with what stance.

The chain runs from the primary claimant to the carriers: "a government source" told "Roman
Super", who posted on his Telegram channel, becomes ``("a government source", "Roman Super's
Telegram channel")``; "Verstka, citing government sources" becomes ``("government sources",
"Verstka")``. When a sentence names nobody, the claim is the outlet's own (the document's
outlet or channel), so the chain is just that outlet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefwire.nlp import Sentence, Token

_VERBS = (
    r"said|says|say|wrote|writes|told|tells|reported|reports|report|claimed|claims|claim|stated|states|"
    r"announced|announces|confirmed|confirms|noted|notes|added|adds|assessed|admitted|admits|vowed|"
    r"explained|posted|published|insisted|alleged|alleges|denied|denies|warned|acknowledged|"
    r"believes|believe|estimated|estimates|suggested|suggests|revealed|cited|quoted"
)
# "according to X" up to a comma, a full stop or a clause verb.
_ACCORDING = re.compile(r"\baccording to (?P<who>[^,.;:]{2,80}?)(?=,|\.|;|:| (?:that|who|which)\b|$)", re.I)
# "..., said Governor Sergei Melikov" (speech verb before its subject, after a quotation).
_VERB_SUBJECT = re.compile(rf"[,”\"] (?:{_VERBS}) (?P<who>[A-Z][^,.;:“\"]{{2,60}})")
_CITING = re.compile(
    r"\b(?:citing|cited|quoting|with reference to|referring to) (?P<who>[^,.;:]{2,80}?)"
    r"(?=,|\.|;|:| as saying\b| that\b| said\b|$)",
    re.I,
)
_CHANNEL = re.compile(
    r"\b(?:on|in) (?P<own>his|her|their|its) (?P<what>(?:own )?"
    r"(?:telegram|vk|instagram|facebook|youtube|twitter|x)(?: social media)? (?:channel|page|account|blog))",
    re.I,
)
_SOURCES_OF = re.compile(
    r"\b(?P<src>[Ss]ources?) (?:of|at|from|close to) (?:the )?"
    r"(?P<outlet>[A-Z][\w\-]+(?: (?:media|news)? ?(?:outlet|newspaper|channel|agency|website))?)"
)
_TOLD = re.compile(r"\btold (?P<to>(?:the )?[A-Z][\w\-]+(?: [A-Z][\w\-]+){0,2})")
_BY = re.compile(
    rf"\b(?:was|were|been|is|are) (?:{_VERBS}) by "
    rf"(?P<who>(?:the )?[A-Za-z][\w’'\-]*(?: [A-Za-z][\w’'\-]*){{0,5}}?)"
    r"(?= on\b| in\b| citing\b| as\b|,|\.|$)"
)
_REPORT_LEMMAS = frozenset(
    {
        "say",
        "write",
        "tell",
        "report",
        "claim",
        "state",
        "announce",
        "confirm",
        "note",
        "add",
        "assess",
        "admit",
        "vow",
        "explain",
        "post",
        "publish",
        "insist",
        "allege",
        "deny",
        "warn",
        "acknowledge",
        "believe",
        "estimate",
        "suggest",
        "reveal",
        "cite",
        "quote",
        "complain",
        "rule",
        "expect",
        "argue",
        "stress",
        "accuse",
    }
)
_QUOTES = frozenset({'"', "“", "”", "«", "»", "''", "``"})
_CITING_WORDS = frozenset({"citing", "quoting"})
_NP_END = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
_NP_INNER = frozenset({"NOUN", "PROPN", "ADJ", "DET", "NUM", "ADP", "PRON", "PUNCT", "CCONJ", "PART", "X"})
_PRONOUN = re.compile(r"^(?:he|she|they|it|we|i)$", re.I)
_LEAD = re.compile(
    r"^(?:and|but|however|meanwhile|also|later|earlier|then|in addition|moreover|as)\b[ ,]*", re.I
)
_TRIM = re.compile(r"^(?:the|a|an) (?=[a-z])", re.I)

_DENIAL = re.compile(
    r"\b(?:denied|denies|deny|denying|refuted|refutes|"
    r"rejected (?:the |these |such )?(?:reports?|claims?|allegations?|information)|"
    r"dismissed (?:the |these |such )?(?:reports?|claims?|allegations?|information)|"
    r"called (?:this|the|these|such|that) (?:information|reports?|claims?|news|allegations?|statements?) "
    r"(?:unreliable|false|fake|untrue|a lie|lies|baseless|groundless|fabricated|misleading)|"
    r"(?:is|was|were|are) (?:not true|untrue|false|fake)|did not happen|"
    r"no such (?:cases?|incidents?|orders?)|опроверг\w*|не соответству\w* действительности|"
    r"назвал\w* (?:эту |эти |данную )?(?:информаци\w*|сообщени\w*) (?:недостоверн\w*|ложн\w*|фейк\w*))",
    re.I,
)
_PLANNED = re.compile(
    r"\b(?:will|shall|plans? to|planned to|planning to|intends? to|is going to|are going to|"
    r"to be (?:called|sent|held|paid)|"
    r"is expected to|are expected to|expects?|would be|next (?:week|month|year)|may start|is to|are to|"
    r"будет|будут|планиру\w*|намерен\w*|собира\w*ся)\b",
    re.I,
)
_ALLEGED = re.compile(
    r"\b(?:allegedly|alleged|accus(?:ed|es|ing)|purportedly|supposedly|claims?|claimed)\b", re.I
)
_REPORTED = re.compile(
    r"\b(?:reportedly|according to|reported|reports|said|says|told|wrote|cited|citing|sources)\b", re.I
)
_CONFIRMED = re.compile(
    r"\b(?:confirmed|confirms|admitted|acknowledged|officially announced|подтвердил\w*|признал\w*)\b", re.I
)
# Checked in order: a denial outranks a confirmation, which outranks a plan or an allegation.
_STANCES = (
    (_DENIAL, "denied"),
    (_CONFIRMED, "confirmed"),
    (_PLANNED, "planned"),
    (re.compile(r"\ballegedly\b|\baccus", re.I), "alleged"),
)


@dataclass(frozen=True)
class Attribution:
    """The chain of who says it, primary claimant first; empty when the text names nobody."""

    chain: tuple[str, ...]
    person: str | None = None  # the named person among the claimants, for actors
    speaker: str | None = None  # who speaks, as worded (for "he said" in the next sentence)


def attribute(sentence: Sentence, previous_speaker: str | None = None) -> Attribution:
    """The claimed_by chain a sentence states (empty tuple when it states none)."""
    text = sentence.text
    who, carrier = _speaker(sentence) if _has_syntax(sentence) else _speaker_ru(text, sentence)
    cited = _cited(text)
    channel = _CHANNEL.search(text)
    if who and _PRONOUN.match(who):
        who = previous_speaker
    chain: list[str] = []
    if cited:
        chain.append(cited)
    if who:
        own = f"{who}'s {channel.group('what')}" if channel else who
        chain.append(_possessive_fix(own))
    elif channel and previous_speaker:
        chain.append(f"{previous_speaker}'s {channel.group('what')}")
    if carrier:
        chain.append(carrier)
    person = _person_in(sentence, who) if who else None
    chain_out = tuple(dict.fromkeys(_clean(c) for c in chain if _clean(c)))
    return Attribution(chain_out, person, _clean(who) if who else None)


def stance(text: str, attribution: Attribution) -> str:
    """asserted, reported, alleged, denied, confirmed or planned."""
    for pattern, name in _STANCES:
        if pattern.search(text):
            return name
    if attribution.chain or _REPORTED.search(text):
        return "reported"
    return "alleged" if _ALLEGED.search(text) else "asserted"


def is_denial(text: str) -> bool:
    """Does the sentence deny something (a denial is a claim of its own)?"""
    return _DENIAL.search(text) is not None


def _has_syntax(sentence: Sentence) -> bool:
    """English tokens carry fine-grained tags from the parser; the Russian backend leaves them empty."""
    return any(t.tag for t in sentence.tokens)


_RU_ACCORDING = re.compile(r"\bпо (?:словам|данным|информации|сообщению) (?P<who>[^,.;:]{2,60})", re.I)
_RU_SAID = re.compile(
    r"(?P<who>[А-ЯЁA-Z][^,.;:«»\"—]{1,60}?) (?:сообщил[аи]?|заявил[аи]?|рассказал[аи]?|написал[аи]?|пишет|"
    r"сообщает|передает|передаёт|утверждает|подтвердил[аи]?|отметил[аи]?)\b"
)
_RU_AFTER_QUOTE = re.compile(
    r"[»\"],? — (?:сообщил[аи]?|заявил[аи]?|рассказал[аи]?|написал[аи]?|отметил[аи]?) (?P<who>[^.,;]{2,60})"
)


_RU_VERBS = (
    r"сообщил[аио]?|сообщили|заявил[аио]?|заявили|рассказал[аио]?|рассказали|написал[аио]?|написали|"
    r"пишет|пишут|сообщает|сообщают|передает|передаёт|передают|утверждает|утверждают|"
    r"подтвердил[аио]?|подтвердили|отметил[аио]?|отметили|считает|считают|уточнил[аио]?|уточнили"
)
# "..., сообщили в Минобороны", "..., заявил президент X": the verb before its subject, after a comma
_RU_VERB_SUBJECT = re.compile(
    rf"[,»\"][*_]*\s(?:— )?(?:{_RU_VERBS}) (?:в |во )?(?P<who>[^.,;:«»\"—]{{2,60}}?)\W*$"
)
# a line that ends on "— Песков" or "— украинские СМИ": who said the line before the dash
_RU_DASH_END = re.compile(r"\S\W*[\s*_][—–]\s*(?P<who>[^—–.!?«»\"]{2,60}?)[.!]?\W*$")
# who speaks is named (a capital) or is a kind of source; "— и уснул" is no attribution
_RU_CLAIMANT = re.compile(
    r"^(?:\w+ )?(?:сми|источник\w*|канал\w*|журналист\w*|издани\w*|ведомств\w*|глав\w|президент\w*|"
    r"премьер\w*|министр\w*|губернатор\w*|мэр\w*|пресс-секретар\w*|представител\w*|спикер\w*|"
    r"депутат\w*|сенатор\w*|посол\w*|генсек\w*|председател\w*|замглав\w*|зампред\w*|командующ\w*)(?!\w)",
    re.I,
)
# where a speaker said it is not part of who they are
_RU_VENUE = re.compile(
    r"\s(?:в|во|на) (?:интервью|сво[её]м|телеграм\w*|эфире|брифинге|пресс-конференции|соцсет\w*)\b.*$"
)
# "Путин: ...", "ВВС Украины: ...": a speaker's name as the lead of a post's line
_RU_COLON_LEAD = re.compile(r"^\W*(?P<who>[A-ZА-ЯЁ][\w\-]*(?: [\w\-]+){0,3}):\s")
# a one-word lead is a name only when it is no heading word ("Срочно:", "Важно:")
_RU_LEAD_WORDS = frozenset({"срочно", "важно", "главное", "итоги", "коротко", "подробности", "видео", "фото"})


def _speaker_ru(text: str, sentence: Sentence | None = None) -> tuple[str | None, str | None]:
    """Russian claimants by pattern: "по словам X", "X сообщил", "«…», — заявил X"."""
    lead = _RU_COLON_LEAD.match(text)
    if lead and lead.group("who").lower() not in _RU_LEAD_WORDS and not _a_place(lead, sentence):
        return lead.group("who").strip(), None
    dash = _RU_DASH_END.search(text)
    if dash and len(dash.group("who").split()) <= 6 and _claimant_ru(dash.group("who")):
        return dash.group("who").strip(" *_"), None
    for pattern in (_RU_AFTER_QUOTE, _RU_ACCORDING, _RU_VERB_SUBJECT, _RU_SAID):
        m = pattern.search(text)
        if m:
            return _RU_VENUE.sub("", m.group("who")).strip(" *_"), None
    return None, None


def _a_place(lead: re.Match[str], sentence: Sentence | None) -> bool:
    """Is a line's lead a place ("Белгородская область: ..." heads a region's news)?"""
    if sentence is None:
        return False
    a, b = sentence.start + lead.start("who"), sentence.start + lead.end("who")
    return any(e.label == "GPE" and e.start < b and a < e.end for e in sentence.entities)


def _claimant_ru(who: str) -> bool:
    """Does a line's dash tail name who said it (a name, an office, a kind of source), not a
    description ("— житель Твери")?"""
    who = who.strip(" *_")
    return bool(who) and (who[0].isupper() or _RU_CLAIMANT.search(who) is not None)


def _speaker(sentence: Sentence) -> tuple[str | None, str | None]:
    """(who asserts, who carried it) as the sentence words them."""
    text = sentence.text
    according = _ACCORDING.search(text)
    after_quote = _VERB_SUBJECT.search(text)
    if after_quote:
        return after_quote.group("who"), according.group("who") if according else None
    if according:
        return according.group("who"), None
    sources = _SOURCES_OF.search(text)
    if sources:
        return sources.group("src"), sources.group("outlet")
    by = _BY.search(text)
    if by:
        return by.group("who"), None
    found = _subject_of_reporting_verb(sentence)
    if found is None:
        return None, None
    who, verb_end = found
    told = _TOLD.match(text, verb_end)
    return who, told.group("to") if told else None


def _subject_of_reporting_verb(sentence: Sentence) -> tuple[str, int] | None:
    """The noun phrase before the first reporting verb outside quotes, and where the verb ends."""
    tokens = sentence.tokens
    quoted = _without_quotes(sentence.text)
    for i in _reporting_order(tokens):
        tok = tokens[i]
        if tok.lemma.lower() not in _REPORT_LEMMAS or tok.pos not in {"VERB", "AUX"}:
            continue
        if quoted[tok.start - sentence.start] == " " and tok.text.strip():
            continue  # inside quoted speech
        if tok.tag == "VBN" and _after_be(tokens, i):
            continue  # passive ("it was announced"): the subject is not the claimant
        j = _skip_citing(tokens, i - 1)
        while j >= 0 and (tokens[j].pos in {"AUX", "ADV", "PART"} or tokens[j].text == ","):
            j -= 1
        span = _noun_phrase_before(tokens, j)
        if span is None:
            continue
        start, end = span
        who = sentence.text[start - sentence.start : end - sentence.start]
        who = _subject_piece(_CITING.sub("", who).strip(" ,"), start == sentence.start)
        if _looks_like_claimant(who):
            return who, tok.start - sentence.start
    return None


def _reporting_order(tokens: tuple[Token, ...]) -> list[int]:
    """Token indexes to try as the reporting verb: a closing tag (", two employees said.") first."""
    order = list(range(len(tokens)))
    last = len(tokens) - 1
    while last >= 0 and tokens[last].pos == "PUNCT":
        last -= 1
    if last > 0:
        order.remove(last)
        order.insert(0, last)
    return order


def _after_be(tokens: tuple[Token, ...], i: int) -> bool:
    j = i - 1
    while j >= 0 and tokens[j].pos == "ADV":
        j -= 1
    return j >= 0 and tokens[j].lemma == "be"


def _skip_citing(tokens: tuple[Token, ...], j: int) -> int:
    """Step back over ", citing X," between a subject and its verb."""
    if j < 0 or tokens[j].text != ",":
        return j
    k = j - 1
    while k >= 0 and tokens[k].text != "," and tokens[k].text.lower() not in _CITING_WORDS:
        k -= 1
    if k >= 1 and tokens[k].text.lower() in _CITING_WORDS and tokens[k - 1].text == ",":
        return k - 2
    return j


def _noun_phrase_before(tokens: tuple[Token, ...], j: int) -> tuple[int, int] | None:
    """(start, end) of the noun phrase ending at token ``j`` (appositions between commas included)."""
    if j < 0 or tokens[j].pos not in _NP_END:
        return None
    k = j
    while (
        k - 1 >= 0
        and tokens[k - 1].text not in _QUOTES
        and (
            tokens[k - 1].pos in _NP_INNER
            or tokens[k - 1].text in {",", "'s", "’s"}
            or (tokens[k - 1].tag == "VBN" and tokens[k].pos in {"NOUN", "ADJ"})
        )
    ):
        if tokens[k - 1].ent == "DATE" or tokens[k - 1].ent == "TIME":
            break
        k -= 1
    while k <= j and (tokens[k].pos in {"PUNCT", "CCONJ"} or tokens[k].ent in {"DATE", "TIME"}):
        k += 1
    if k <= j and tokens[k].pos == "ADP":
        # "In the Rostov region, Governor X wrote": the subject follows the last comma
        commas = [c for c in range(k, j) if tokens[c].text == ","]
        if commas and commas[-1] + 1 <= j:
            return tokens[commas[-1] + 1].start, tokens[j].end
    if k > j or tokens[k].pos == "ADP":
        return _before_relative(tokens, k)  # "a wife of a man who is held in X claims": not X
    return tokens[k].start, tokens[j].end


def _before_relative(tokens: tuple[Token, ...], k: int) -> tuple[int, int] | None:
    """The noun phrase a relative clause ("who ...", "which ...") hangs on, if any."""
    for r in range(min(k, len(tokens) - 1), 0, -1):
        if tokens[r].text.lower() in {"who", "which", "that"}:
            return _noun_phrase_before(tokens, r - 1)
        if tokens[r].pos == "PUNCT" and tokens[r].text in {".", ";", ":"}:
            break
    return None


def _subject_piece(who: str, at_start: bool) -> str:
    """ "Natalya X, the deputy editor at RT, said" -> the name; "..., local outlet Y reported" -> Y."""
    pieces = [p.strip() for p in who.split(",") if p.strip()]
    if not pieces:
        return who
    if not at_start:
        return pieces[-1]
    if len(pieces) > 1 and not _is_name(pieces[0]) and _is_name(pieces[1]):
        return f"{pieces[0]} {pieces[1]}"  # "the republic's head, Radiy Khabirov"
    return pieces[0]


def _is_name(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 3 and all(w[:1].isupper() for w in words)


def _cited(text: str) -> str | None:
    m = _CITING.search(text)
    return m.group("who") if m else None


def _without_quotes(text: str) -> str:
    """Blank out quoted speech so "…we leave," a source told X finds "a source"."""
    # An opening mark ends the scan too, so a run of openers is not read 400 characters each.
    return re.sub(r"[“\"][^“”\"]{0,400}[”\"]", lambda m: " " * len(m.group()), text)


_CLAIMANT_HEAD = re.compile(
    r"\b(?:source|sources|ministry|office|service|governor|mayor|spokes\w+|president|kremlin|"
    r"journalist|outlet|media|agency|newspaper|channel|authorities|official|officials|police|"
    r"investigators|committee|court|duty|head|chief|commander|deputy|deputies|wife|mother|"
    r"relatives|husband|sister|brother|daughter|son|father|widow|residents?|witness\w*|"
    r"experts?|analysts?|group|organi[sz]ation|movement|council|he|she|they|it|we|i|"
    r"man|woman|men|women|soldiers?|servicem[ae]n|draftees?|recruits?|spouse|volunteers?|activists?|"
    r"lawyers?|journalists?|blogger|correspondent|reporters?|governors?|ministers?|veterans?|"
    r"report|study|survey|investigation|statement|administration|government|department|"
    r"headquarters|command|city hall|parliament|duma|assembly|prosecutors?|lawmakers?|"
    r"employees|workers|staff|employers|doctors|teachers|students|"
    r"tass|ria|interfax|reuters|meduza|verstka|istories|bbc|isw|[A-Z][a-z]+ [A-Z][a-z]+)\b",
)


def _looks_like_claimant(who: str) -> bool:
    words = who.split()
    if not words or len(words) > 10:
        return False
    return _CLAIMANT_HEAD.search(who) is not None or (who[:1].isupper() and len(words) <= 4)


_GENERIC = re.compile(
    r"^(?:Sources?|Experts?|Officials?|Relatives|Residents|Witnesses|Reports?|Local|Several|Many)\b"
)


def _clean(who: str) -> str:
    who = _LEAD.sub("", who.strip(" ,.;:“”\"'"))
    if _GENERIC.match(who):
        who = who[:1].lower() + who[1:]
    who = _TRIM.sub(lambda m: m.group(0).lower(), who)
    return re.sub(r"\s+", " ", who)


def _possessive_fix(text: str) -> str:
    return text.replace("s's ", "s' ")


def _person_in(sentence: Sentence, who: str) -> str | None:
    for ent in sentence.entities:
        if ent.label == "PERSON" and ent.text in who:
            return ent.text
    return None
