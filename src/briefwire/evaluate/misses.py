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

from .metrics import _claim_words, _close, _gold_values, _types, by_file, fold, salient, same_person

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
    out: list[str] = []
    preds = [(c["type"], _claim_words(c), c) for c in claims]
    for e in g.get("events", []):
        words = salient(" ".join(str(e.get(k) or "") for k in ("who", "where", "summary")))
        if not any(t in _types(e) and (not words or words & pw) for t, pw, _ in preds):
            out.append(f"EVENT MISSED {e['type']}: {e.get('who')} | {e.get('where')} | {e.get('summary')}")
    golds = [
        (_types(e), salient(" ".join(str(e.get(k) or "") for k in ("who", "where", "summary"))))
        for e in g.get("events", [])
    ]
    for t, pw, c in preds:
        if not any(t in types and (not words or words & pw) for types, words in golds):
            out.append(f"CLAIM WRONG {t}: {c['quote'][:160]}")
    values = [float(c["quantity"]["value"]) for c in claims if c.get("quantity")]
    for nc in g.get("numeric_claims", []):
        if not any(_close(v, w) for v in values for w in _gold_values(nc)):
            out.append(f"NUMBER MISSED {nc['value']} {nc.get('unit')}: {nc.get('what')}")
    wanted = [w for nc in g.get("numeric_claims", []) for w in _gold_values(nc)]
    for c in claims:
        q = c.get("quantity")
        if q and not any(_close(float(q["value"]), w) for w in wanted):
            out.append(f"NUMBER WRONG {q['value']} {q.get('unit')}: {c['quote'][:120]}")
    for gc in g.get("casualties", []):
        names = [gc[k] for k in ("name", "name_latin", "name_as_written") if gc.get(k)]
        if not any(same_person(n, p.get("name") or "") for n in names for p in casualties):
            out.append(f"CASUALTY MISSED {names}")
    gold_names = [
        gc[k]
        for gc in g.get("casualties", [])
        for k in ("name", "name_latin", "name_as_written")
        if gc.get(k)
    ]
    for p in casualties:
        if not any(same_person(n, p.get("name") or "") for n in gold_names):
            out.append(f"CASUALTY WRONG {p.get('name')}")
    lines = text.splitlines()
    for item in g.get("themes") or []:
        n = int(item["line"])
        if not 0 < n <= len(lines):
            continue
        want = fold(lines[n - 1])
        got = next(
            (
                p.get("theme")
                for p in passages
                if want and (want in fold(p.get("text") or "") or fold(p.get("text") or "") in want)
            ),
            "—",
        )
        if got != item["theme"]:
            out.append(f"THEME line {n}: want {item['theme']}, got {got}: {lines[n - 1][:80]}")
    return out
