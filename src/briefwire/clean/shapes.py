"""Shapes of single lines: credits, captions, bios, contacts, image identifiers.

Each predicate looks at one normalised line and answers from its form (length, punctuation,
capitalisation, slashes, cue words from the profile lexicon), never from what a particular
site prints.
"""

from __future__ import annotations

import re

from briefwire.clean.lexicon import Lexicon, phrase_key

TERMINAL = ".!?…:;\"”»'’)"
# The local part starts only where a token starts: without the look-behind, a long token with
# no "@" would be scanned again from every one of its characters (quadratic).
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]+|\[email(?:&#160;|\s)protected\]", re.IGNORECASE)
_HANDLE = re.compile(r"(?<![\w@])@[A-Za-z_][\w]{2,}")
_URL = re.compile(r"(?:https?://|www\.|t\.me/)\S+", re.IGNORECASE)
_CONNECTORS = {"via", "for", "of", "and", "&", "de", "van", "von", "der", "la", "le", "/"}
_SENTENCE_END = re.compile(r"^(.*[.!?…”\"])\s*([^.!?…”\"]+)$")
_IMAGE_EXT = re.compile(r"\.(?:jpe?g|png|gif|webp|tiff?)$", re.IGNORECASE)
# the target of a markdown link, "[text](https://…)": an address, never a "(Name/Agency)" credit
_LINK_TARGET = re.compile(r"\]\((?:[a-z]+:|www\.|t\.me/)[^()\s]*\)", re.IGNORECASE)


def ends_sentence(text: str) -> bool:
    return text.rstrip()[-1:] in TERMINAL


def has_letters(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def without_links(text: str) -> str:
    """``text`` with URLs blanked (their paths are full of words that mean nothing here)."""
    return _URL.sub(" ", text)


def has_contact_address(text: str) -> bool:
    return bool(_EMAIL.search(text) or _HANDLE.search(text) or _URL.search(text))


def only_address(text: str) -> bool:
    """The line is nothing but e-mail addresses or @handles (a bare link is kept: it cites)."""
    rest = _HANDLE.sub(" ", _EMAIL.sub(" ", text))
    return rest != text and not phrase_key(rest)


def is_image_id(text: str) -> bool:
    """A file name or wire-photo identifier: one long token of ids, digits and underscores."""
    if " " in text or len(text) < 12:
        return False
    digits = sum(ch.isdigit() for ch in text)
    return bool(_IMAGE_EXT.search(text)) or (text.count("_") >= 2 and digits >= 4)


def _is_name_part(part: str) -> bool:
    words = part.split()
    if not 1 <= len(words) <= 5:
        return False
    return all(w[:1].isupper() or w.lower() in _CONNECTORS for w in words) and any(
        w[:1].isupper() for w in words
    )


def is_credit(text: str, lex: Lexicon) -> bool:
    """A photo credit: "NAME/AGENCY", "Name Surname/Agency via Agency", "Photo: ..."."""
    words = text.split()
    if not words or len(words) > 10 or text.endswith("."):
        return False
    if lex.is_line("agency", text):
        return True
    first = words[0].rstrip(":").casefold()
    if first in {"photo", "photos", "photograph", "image", "picture", "illustration", "credit", "фото"} and (
        words[0].endswith(":") or (len(words) > 1 and words[1].casefold() == "by")
    ):
        return True
    if "/" in text and not re.search(r"[:,;*]", text):
        parts = [p.strip() for p in re.split(r"/| via ", text) if p.strip()]
        return 2 <= len(parts) <= 4 and all(_is_name_part(p) for p in parts)
    return " via " in text and all(_is_name_part(p) for p in text.split(" via "))


def credit_tail(text: str, lex: Lexicon) -> bool:
    """A caption that ends with a credit glued after its last sentence."""
    match = _SENTENCE_END.match(text)
    if not match:
        return False
    tail = match.group(2).strip()
    return ("/" in tail or lex.is_line("agency", tail)) and is_credit(tail, lex)


_CREDIT_SENTENCE = re.compile(
    r"(?:^|[.!?]\s+)(?:photo|photos|image|picture|фото)\b[^.!?]{0,80}[.!?]?$", re.IGNORECASE
)


# a credit in brackets closing a caption: "(Photo: A. Name)", "(Name/Agency)", "(Agency via X)"
_BRACKET_CREDIT = re.compile(
    r"\((?:[^()]{0,40}\b(?:photo|photos|image|credit|file)\b[^()]{0,60}|[^()/]{2,40}/[^()]{2,60})\)$", re.I
)


# a bracket after a full stop that only says a picture or a video goes with the paragraph
# names no one: the paragraph is the article's (a teaser's "(PHOTOS)" closes a headline)
_MEDIA_MARK = re.compile(
    r"[.!?…»\"”]\s*\(\s*(?:photos?|images?|pictures?|video|фото|видео)\s*\)$", re.IGNORECASE
)


def is_caption(text: str, lex: Lexicon) -> bool:
    """Starts like a caption ("Above, ...", "Photo: ..."), or ends with a credit."""
    text = _LINK_TARGET.sub("]", text)
    if len(text.split()) <= 80 and _BRACKET_CREDIT.search(text) and not _MEDIA_MARK.search(text):
        return True
    key = phrase_key(text)
    starts = any(text.casefold().startswith(c) for c in lex.phrases.get("caption_start", ()))
    # "Above, …", "Pictured: …" open a caption; a wrapped line of prose may begin "above the …"
    starts = starts or (text[:1].isupper() and any(key.startswith(c + " ") for c in ("pictured", "above")))
    credit_sentence = len(text.split()) <= 60 and bool(_CREDIT_SENTENCE.search(text))
    return starts or credit_sentence or credit_tail(text, lex)


_BIO_VERBS = r"(?:covers|reports\s+on|writes\s+about|reports\s+for|writes\s+for)"
_BIO_CUES = (" based in ", " focus", " joined ", " joining ", " covers ", " previously ",
             " has written ", "read more", " before that ")  # fmt: skip


def is_bio(text: str, lex: Lexicon, *, need_cue: bool = True) -> bool:
    """ "X is a (senior) reporter ... based in ...", "X covers Y for Z. She previously ..."."""
    roles = "|".join(sorted(lex.keys.get("bio_role", ()), key=len, reverse=True))
    if not roles or not text[:1].isupper():
        return False
    name = r"^(?:(?:[A-Z][\w.'’-]+|van|von|de|der|da|di|le|la|al|el|bin)\s){1,5}"
    role = r"(?i:is\s(?:an?|the)\s(?:[\w'’-]+\s){0,6}?(?:" + roles + r")s?\b)"
    if not re.match(name + "(?:" + role + "|" + _BIO_VERBS + r"\b)", text):
        return False
    low = f" {text.casefold()} "
    return not need_cue or any(cue in low for cue in _BIO_CUES)


def is_byline(text: str, lex: Lexicon) -> bool:
    words = text.split()
    if lex.is_line("byline", text):
        return True
    if len(words) > 7 or (ends_sentence(text) and not text.endswith(")")):
        return False
    first = words[0].casefold()
    if first not in {"by", "автор:", "текст:"} or len(words) < 2:
        return False
    return all(w[:1].isupper() or w.lower() in {"and", "и", ","} for w in words[1:])


def is_hashtags(text: str) -> bool:
    words = text.split()
    return bool(words) and all(w.startswith("#") for w in words)


def is_all_caps_label(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return 0 < len(text.split()) <= 4 and len(letters) >= 3 and all(ch.isupper() for ch in letters)
