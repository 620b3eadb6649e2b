"""What a dev set's scores leave out: the gold items missed and the predictions that match nothing.

``python -m briefwire.evaluate --misses --set NAME`` prints them for a **dev** set. It refuses a
test set: reading a test set's misses and fixing them turns it into a dev set (the firewall of
eval/SCHEMA.md).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rich.console import Console
from rich.markup import escape

from .metrics import (
    _claim_words,
    _close,
    _gold_values,
    _region_words,
    _types,
    _within,
    by_file,
    fold,
    salient,
    same_person,
)

Rows = Sequence[Mapping[str, Any]]


def print_misses(
    console: Console,
    rows: Mapping[str, Rows],
    gold: Mapping[str, Mapping[str, Any]],
    texts: Mapping[str, str],
) -> None:
    claims, casualties, passages = (
        by_file(rows["claims"]),
        by_file(rows["casualties"]),
        by_file(rows["passages"]),
    )
    for key, g in sorted(gold.items()):
        lines = _document_misses(
            g, claims.get(key, []), casualties.get(key, []), passages.get(key, []), texts.get(key, "")
        )
        if lines:
            console.print(f"[bold]{escape(key)}[/]")
            for line in lines:
                console.print("  " + escape(line))


def _document_misses(
    g: Mapping[str, Any], claims: Rows, casualties: Rows, passages: Rows, text: str
) -> list[str]:
    return [
        *_event_misses(g, claims),
        *_number_misses(g, claims),
        *_casualty_misses(g, casualties),
        *_theme_misses(g, passages, text),
    ]


def _gold_events(g: Mapping[str, Any]) -> list[tuple[set[str], set[str], Mapping[str, Any]]]:
    return [
        (_types(e), salient(" ".join(str(e.get(k) or "") for k in ("who", "where", "summary"))), e)
        for e in g.get("events", [])
    ]


def _event_misses(g: Mapping[str, Any], claims: Rows) -> list[str]:
    preds = [(c["type"], _claim_words(c), c) for c in claims]
    golds = _gold_events(g)
    out = [
        f"EVENT MISSED {e['type']}: {e.get('who')} | {e.get('where')} | {e.get('summary')}"
        for types, words, e in golds
        if not any(t in types and (not words or words & pw) for t, pw, _ in preds)
    ]
    out += [
        f"CLAIM WRONG {t}: {c['quote'][:160]}"
        for t, pw, c in preds
        if not any(t in types and (not words or words & pw) for types, words, _ in golds)
    ]
    return out


def _number_misses(g: Mapping[str, Any], claims: Rows) -> list[str]:
    values = [float(c["quantity"]["value"]) for c in claims if c.get("quantity")]
    wanted = [_gold_values(nc) for nc in g.get("numeric_claims", [])]
    out = [
        f"NUMBER MISSED {nc['value']} {nc.get('unit')}: {nc.get('what')}"
        for nc, cands in zip(g.get("numeric_claims", []), wanted, strict=True)
        if not any(_close(v, w) for v in values for w in cands)
    ]
    out += [
        f"NUMBER WRONG {c['quantity']['value']} {c['quantity'].get('unit')}: {c['quote'][:120]}"
        for c in claims
        if c.get("quantity")
        and not any(_close(float(c["quantity"]["value"]), w) for ws in wanted for w in ws)
    ]
    return out


def _casualty_misses(g: Mapping[str, Any], casualties: Rows) -> list[str]:
    keys = ("name", "name_latin", "name_as_written")
    gold = [[gc[k] for k in keys if gc.get(k)] for gc in g.get("casualties", [])]
    out = [
        f"CASUALTY MISSED {names}"
        for names in gold
        if not any(same_person(n, p.get("name") or "") for n in names for p in casualties)
    ]
    for gc, names in zip(g.get("casualties", []), gold, strict=True):
        match = next((p for p in casualties if any(same_person(n, p.get("name") or "") for n in names)), None)
        if match is not None:
            out += _field_misses(gc, match)
    flat = [n for names in gold for n in names]
    out += [
        f"CASUALTY WRONG {p.get('name')}"
        for p in casualties
        if not any(same_person(n, p.get("name") or "") for n in flat)
    ]
    return out


def _field_misses(gc: Mapping[str, Any], pc: Mapping[str, Any]) -> list[str]:
    """The fields casualty_scores asks about, where the prediction differs from the gold."""
    out = []
    if gc.get("home_region") and not (
        _region_words(pc.get("home_region")) | _region_words(pc.get("home_town"))
    ) & _region_words(gc["home_region"]):
        out.append(f"region want {gc['home_region']!r} got {pc.get('home_region')!r}/{pc.get('home_town')!r}")
    g_date = gc.get("date_of_death")
    if g_date and len(g_date) == 10 and not _within(pc.get("date_of_death"), g_date, 1):
        out.append(f"date want {g_date} got {pc.get('date_of_death')}")
    if gc.get("status") and gc["status"] != "unknown" and pc.get("status") != gc["status"]:
        out.append(f"status want {gc['status']} got {pc.get('status')}")
    return [f"CASUALTY FIELD {gc.get('name_latin') or gc.get('name')}: {m}" for m in out]


def _theme_misses(g: Mapping[str, Any], passages: Rows, text: str) -> list[str]:
    lines = text.splitlines()
    out = []
    for item in g.get("themes") or []:
        n = int(item["line"])
        if not 0 < n <= len(lines):
            continue
        want = fold(lines[n - 1])
        got = next(
            (p.get("theme") for p in passages if want and _overlap(want, fold(p.get("text") or ""))), "-"
        )
        if got != item["theme"]:
            out.append(f"THEME line {n}: want {item['theme']}, got {got}: {lines[n - 1][:80]}")
    return out


def _overlap(a: str, b: str) -> bool:
    return bool(b) and (a in b or b in a)
