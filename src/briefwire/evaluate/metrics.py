"""Scores of exported rows against a hand annotation (the shape of gold/seeds.json).

Each function takes plain rows (the export shapes) and the gold documents keyed by file name,
and returns named numbers. The definitions follow the extraction issue: see docs/quality.md.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

Rows = Sequence[Mapping[str, Any]]
Gold = Mapping[str, Mapping[str, Any]]
Scores = dict[str, float]

# Words too common in this domain to show that a claim and a gold event are about the same thing.
_COMMON = {
    "the",
    "and",
    "russia",
    "russian",
    "region",
    "city",
    "ministry",
    "local",
    "authorities",
    "officials",
    "official",
    "men",
    "people",
    "mobilized",
    "soldiers",
    "servicemen",
    "government",
    "federal",
    "regional",
    "state",
    "several",
    "unknown",
    "none",
}


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").lower()
    for a, b in (
        ("\u2018", "'"),
        ("\u2019", "'"),
        ("\u201c", '"'),
        ("\u201d", '"'),
        ("\u2014", "-"),
        ("\u2013", "-"),
    ):
        text = text.replace(a, b)
    return " ".join(text.split())


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def file_key(origin: str | None) -> str:
    return Path((origin or "").split("#", 1)[0]).name


def by_file(rows: Rows) -> dict[str, list[Mapping[str, Any]]]:
    out: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for r in rows:
        for o in r.get("origins") or [r.get("origin")]:
            out[file_key(o)].append(r)
    return out


def _name_tokens(name: str) -> list[str]:
    folded = fold(name).replace("ё", "е")
    ascii_ = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()
    # Cyrillic names keep their letters: folding them to ASCII would leave nothing to compare
    n = ascii_ if re.search(r"[a-z]", ascii_) and not re.search(r"[а-я]", folded) else folded
    for a, b in (("kh", "h"), ("yev", "ev"), ("iy", "y"), ("ei", "e"), ("ey", "e"), ("x", "ks")):
        n = n.replace(a, b)
    return [t for t in re.findall(r"\w+", n) if len(t) > 1]


def same_person(a: str, b: str) -> bool:
    ta, tb = _name_tokens(a), _name_tokens(b)
    if not ta or not tb or ta[-1] != tb[-1]:
        return False
    return len(ta) == 1 or len(tb) == 1 or ta[0][:3] == tb[0][:3]


def casualty_scores(rows: Rows, gold: Gold) -> Scores:
    got = by_file(rows)
    tp = fp = fn = 0
    right: dict[str, int] = defaultdict(int)
    asked: dict[str, int] = defaultdict(int)
    for key, g in gold.items():
        pred = list(got.get(key, []))
        for gc in g.get("casualties", []):
            names = [gc[k] for k in ("name", "name_latin", "name_as_written") if gc.get(k)]
            match = next(
                (
                    p
                    for p in pred
                    if any(
                        same_person(n, v)
                        for n in names
                        for v in [p.get("name") or "", *(p.get("name_variants") or [])]
                    )
                ),
                None,
            )
            if match is None:
                fn += 1
                continue
            pred.remove(match)
            tp += 1
            _score_fields(gc, match, right, asked)
        fp += len(pred)
    p, r, f = prf(tp, fp, fn)
    out = {"casualty_name_precision": p, "casualty_name_recall": r, "casualty_name_f1": f}
    for field in ("region", "date", "status"):
        out[f"casualty_{field}_accuracy"] = right[field] / asked[field] if asked[field] else 0.0
    total = sum(asked.values())
    out["casualty_field_accuracy"] = sum(right.values()) / total if total else 0.0
    return out


def _region_words(text: str | None) -> set[str]:
    stop = {"region", "oblast", "krai", "republic", "of", "the", "autonomous", "okrug", "area", "city"}
    return {w[:5] for w in re.findall(r"\w+", fold(text or "")) if w not in stop and len(w) > 2}


def _score_fields(
    gc: Mapping[str, Any], pc: Mapping[str, Any], right: dict[str, int], asked: dict[str, int]
) -> None:
    if gc.get("home_region"):
        asked["region"] += 1
        got = _region_words(pc.get("home_region")) | _region_words(pc.get("home_town"))
        right["region"] += bool(got & _region_words(gc["home_region"]))
    if gc.get("date_of_death") and len(gc["date_of_death"]) == 10:
        asked["date"] += 1
        right["date"] += _within(pc.get("date_of_death"), gc["date_of_death"], 1)
    if gc.get("status") and gc["status"] != "unknown":
        asked["status"] += 1
        right["status"] += pc.get("status") == gc["status"]


def _within(got: str | None, want: str, days: int) -> bool:
    try:
        return got is not None and abs((date.fromisoformat(got[:10]) - date.fromisoformat(want)).days) <= days
    except ValueError:
        return False


def _types(e: Mapping[str, Any]) -> set[str]:
    return {e["type"], *(e.get("alt_types") or [])}


def event_type_scores(claims: Rows, gold: Gold) -> Scores:
    """Per document: the set of predicted types against the gold events' types."""
    got = by_file(claims)
    tp = fp = fn = 0
    for key, g in gold.items():
        pred = {c["type"] for c in got.get(key, [])}
        events = g.get("events", [])
        allowed = set().union(*(_types(e) for e in events)) if events else set()
        tp += len(pred & allowed)
        fp += len(pred - allowed)
        fn += sum(1 for t in {e["type"] for e in events} if not ({t} | _alt_of(events, t)) & pred)
    p, r, f = prf(tp, fp, fn)
    return {"event_type_precision": p, "event_type_recall": r, "event_type_f1": f}


def _alt_of(events: Iterable[Mapping[str, Any]], t: str) -> set[str]:
    return set().union(*(set(e.get("alt_types") or []) for e in events if e["type"] == t))


def salient(text: str) -> set[str]:
    """Names, places and numbers: capitalised words and digits, folded."""
    out = set()
    for tok in re.findall(r"[^\W\d_][\w'-]+|\d[\d,.]*", text or ""):
        low = tok.lower().strip(".,").replace(",", "")
        if low not in _COMMON and len(low) > 2 and (tok[0].isupper() or tok[0].isdigit()):
            out.add(low)
    return out


def _claim_words(c: Mapping[str, Any]) -> set[str]:
    loc = c.get("location") or {}
    parts = [
        c.get("quote") or "",
        c.get("summary") or "",
        str(loc.get("name") or ""),
        str(loc.get("admin1") or ""),
    ]
    # an actor's Latin form counts: the gold of the Russian sets names people in Latin letters
    parts += [f"{a.get('name', '')} {a.get('name_latin') or ''}" for a in c.get("actors") or []]
    text = " ".join(parts)
    return salient(text) | {w.lower() for w in re.findall(r"\w+", text)}


def event_level_scores(claims: Rows, gold: Gold) -> Scores:
    got = by_file(claims)
    found = total = right = n = 0
    for key, g in gold.items():
        preds = [(c["type"], _claim_words(c)) for c in got.get(key, [])]
        golds = [
            (_types(e), salient(" ".join(str(e.get(k) or "") for k in ("who", "where", "summary"))))
            for e in g.get("events", [])
        ]
        for types, words in golds:
            total += 1
            found += any(t in types and (not words or words & pw) for t, pw in preds)
        for t, pw in preds:
            n += 1
            right += any(t in types and (not words or words & pw) for types, words in golds)
    p = right / n if n else 0.0
    r = found / total if total else 0.0
    return {"event_precision": p, "event_recall": r, "event_f1": 2 * p * r / (p + r) if p + r else 0.0}


def numeric_scores(claims: Rows, gold: Gold) -> Scores:
    got = by_file(claims)
    hit = n = ok = m = 0
    for key, g in gold.items():
        values = [
            float(c["quantity"]["value"])
            for c in got.get(key, [])
            if isinstance(c.get("quantity"), Mapping) and c["quantity"].get("value") is not None
        ]
        wanted = [_gold_values(nc) for nc in g.get("numeric_claims", [])]
        for cands in wanted:
            n += 1
            hit += any(_close(v, w) for v in values for w in cands)
        for v in values:
            m += 1
            ok += any(_close(v, w) for cands in wanted for w in cands)
    return {"numeric_recall": hit / n if n else 0.0, "numeric_precision": ok / m if m else 0.0}


def _gold_values(nc: Mapping[str, Any]) -> list[float]:
    v = float(nc["value"])
    return [v, *([v * 100] if v < 1 else []), *([float(nc["value_max"])] if nc.get("value_max") else [])]


def _close(x: float, want: float) -> bool:
    return abs(x - want) <= max(0.02 * abs(want), 0.02)


def pubdate_scores(documents: Rows, gold: Gold) -> Scores:
    docs = {file_key(d.get("origin")): d for d in documents}
    ok = wrong = unknown = 0
    for key, g in gold.items():
        want = (g.get("published") or {}).get("date")
        if not want:
            continue
        got = (docs.get(key) or {}).get("published")
        if not got:
            unknown += 1
        elif _within(got, want, 1):
            ok += 1
        else:
            wrong += 1
    n = ok + wrong + unknown
    return {
        "pubdate_within_1d": ok / n if n else 0.0,
        "pubdate_wrong": float(wrong),
        "pubdate_unknown": float(unknown),
    }


def _kept_by_file(passages: Rows) -> dict[str, list[str]]:
    kept: dict[str, list[str]] = defaultdict(list)
    for p in passages:
        if not p.get("is_boilerplate"):
            kept[file_key(p.get("origin"))].append(fold(p.get("text") or ""))
    return kept


def _line_kept(line: str, kept: Sequence[str]) -> bool:
    n = fold(line)
    if not n:
        return True
    return any(
        k == n
        or (len(n) >= 25 and n in k)
        or (len(n) >= 8 and re.search(r"(^|\s)" + re.escape(n) + r"(\s|$)", k))
        for k in kept
    )


def boilerplate_scores(passages: Rows, gold: Gold, texts: Mapping[str, str]) -> Scores:
    """Recall of gold boilerplate lines (gone from kept text) and the share of article lines lost."""
    kept = _kept_by_file(passages)
    removed = n_bp = lost = n_art = 0
    for key, g in gold.items():
        lines = texts.get(key, "").splitlines()
        bp = set(g.get("boilerplate_lines", []))
        skip = bp | {g.get("title_line")} | set((g.get("metadata_lines") or {}).values())
        inline = {ib["line"]: ib["text"] for ib in g.get("inline_boilerplate", [])}
        for i, line in enumerate(lines, 1):
            if not line.strip():
                continue
            if i in bp:
                n_bp += 1
                removed += not _line_kept(line, kept[key])
            elif i not in skip:
                n_art += 1
                lost += not _line_kept(line.replace(inline.get(i, "\0"), ""), kept[key])
    return {
        "boilerplate_recall": removed / n_bp if n_bp else 0.0,
        "article_lines_lost": lost / n_art if n_art else 0.0,
    }


def reuse_scores(passages: Rows, documents: Rows, gold: Gold, texts: Mapping[str, str]) -> Scores:
    """Gold re-used paragraph pairs found (pointing at the right earlier document) and false pairs."""
    doc_of = {file_key(d.get("origin")): d["doc_id"] for d in documents}
    rows = by_file([p for p in passages if not p.get("is_boilerplate")])
    found = expected = 0
    gold_texts: list[str] = []
    for key, g in gold.items():
        spec = g.get("reused_from")
        if not spec:
            continue
        lines = texts.get(key, "").splitlines()
        for line_no, _ in spec["line_pairs"]:
            expected += 1
            want = fold(lines[line_no - 1])
            gold_texts.append(want)
            found += any(
                r.get("reused_from") == doc_of.get(spec["doc"]) and _overlaps(fold(r["text"]), want)
                for r in rows.get(key, [])
            )
    false = sum(
        1
        for r in passages
        if r.get("reused_from")
        and not r.get("is_boilerplate")
        and not any(_overlaps(fold(r["text"]), t) for t in gold_texts)
    )
    return {"reuse_found": found / expected if expected else 0.0, "reuse_false_pairs": float(false)}


def _overlaps(a: str, b: str) -> bool:
    return a == b or a in b or b in a


def same_theme(got: str | None, want: str) -> bool:
    """A standing theme by its name; a developing story's title whatever its capitals (the
    section is the same story; "THE STRIKE ON X" and "Strike on X" differ in typography only)."""
    if got is None:
        return False
    return got == want or (want.startswith("Developing story:") and got.casefold() == want.casefold())


def theme_scores(passages: Rows, gold: Gold, texts: Mapping[str, str]) -> Scores:
    """Share of body lines under an editor's heading whose passage got that heading's theme."""
    rows = by_file([p for p in passages if not p.get("is_boilerplate")])
    right = asked = 0
    for key, g in gold.items():
        lines = texts.get(key, "").splitlines()
        for item in g.get("themes") or []:
            number = int(item["line"])
            if not 0 < number <= len(lines) or not lines[number - 1].strip():
                continue
            asked += 1
            want = fold(lines[number - 1])
            # the passage that holds the line, not a short one inside it (a heading "Recruitment"
            # is inside "a survey by a recruitment agency ...")
            held = [r for r in rows.get(key, []) if _overlaps(fold(r.get("text") or ""), want)]
            passage = max(held, key=lambda r: min(len(fold(r.get("text") or "")), len(want)), default=None)
            right += passage is not None and same_theme(passage.get("theme"), item["theme"])
    return {"theme_accuracy": right / asked if asked else 0.0, "theme_lines": float(asked)}
