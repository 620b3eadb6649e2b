"""Check annotated eval sets against eval/SCHEMA.md before anyone scores with them.

Usage (from the repository root):

    python eval/validate_gold.py eval/gold/en-dev-a.json eval/gold/en-test-a.json

Each gold file's documents are looked up as eval/corpus/*-<split>/<key>. The checks are the
ones a scorer silently depends on: types and modalities from the taxonomy, every key has its
file, heading and theme line numbers point at the right lines, casualty names occur in the
text, and no happening id is shared across the dev/test boundary. Exit status 1 on any error.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

# The event types of DESIGN.md (mobilization profile); kept here so the check runs without
# importing the package.
TYPES = {
    "casualty", "draft_notice", "wrongful_mobilization", "release_or_return",
    "flight_or_emigration", "resignation", "protest_or_appeal", "repression_or_prosecution",
    "detention_of_refusers", "desertion_or_missing", "conditions_complaint",
    "training_or_deployment", "aid_or_fundraising", "policy_or_statement", "incident_or_crime",
    "attack_on_draft_office", "labor_or_economy", "recruitment_or_advertising", "other",
}  # fmt: skip
THEMES = {
    "Authorities and Legislation",
    "Army Recruitment and Draft",
    "Mobilized Soldiers, Volunteers and Contract Soldiers",
    "Relatives and Public Response",
    "Sentences, Legal Proceedings and Incidents",
    "Society and Economy",
    "Other",
}
DEVELOPING = "Developing story: "
MODALITIES = {"happened", "planned", "demanded", "denied", "hypothetical"}
STATUSES = {"mobilized", "contract", "career", "volunteer", "convict", "unknown"}
REGISTERS = {"wire", "digest", "translated", "local", "obituary", "telegram", "feature", "page"}
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}$")


def find_file(root: Path, split: str, key: str) -> Path | None:
    hits = sorted(root.glob(f"*-{split}/{key}"))
    return hits[0] if len(hits) == 1 else None


def check_lines(key: str, doc: dict[str, Any], lines: list[str], errors: list[str]) -> None:
    n = len(lines)
    heads = doc.get("headings") or []
    boiler = set(doc.get("boilerplate_lines") or [])
    for ln in [*heads, *boiler, *([doc["title_line"]] if doc.get("title_line") else [])]:
        if not 1 <= ln <= n or not lines[ln - 1].strip():
            errors.append(f"{key}: line {ln} is out of range or blank")
    by_line = {t["line"]: t["theme"] for t in doc.get("themes") or []}
    for ln, theme in by_line.items():
        if theme not in THEMES and not theme.startswith(DEVELOPING):
            errors.append(f"{key}: line {ln}: unknown theme {theme!r}")
        if ln in heads or ln in boiler or not 1 <= ln <= n or not lines[ln - 1].strip():
            errors.append(f"{key}: theme line {ln} is a heading, furniture, blank or out of range")
    # Every body line under a heading carries that heading's one theme, and only those lines.
    bounds = [*sorted(heads), n + 1]
    for start, end in itertools.pairwise(bounds):
        body = [i for i in range(start + 1, end) if lines[i - 1].strip() and i not in boiler]
        themes = {by_line.get(i) for i in body}
        if None in themes:
            missing = [i for i in body if i not in by_line]
            errors.append(f"{key}: lines {missing} under heading {start} have no theme")
        if len(themes - {None}) > 1:
            errors.append(f"{key}: lines under heading {start} have several themes")
    first = min(heads) if heads else n + 1
    early = [ln for ln in by_line if ln < first]
    if early:
        errors.append(f"{key}: theme lines {early} come before the first heading")


def check_events(key: str, doc: dict[str, Any], errors: list[str]) -> None:
    if not doc.get("relevant", True) and doc.get("events"):
        errors.append(f"{key}: irrelevant document with events")
    for ev in doc.get("events", []):
        for t in [ev.get("type"), *ev.get("alt_types", [])]:
            if t not in TYPES:
                errors.append(f"{key}: event type {t!r} is not in the taxonomy")
        if ev.get("modality", "happened") not in MODALITIES:
            errors.append(f"{key}: modality {ev.get('modality')!r}")
        if ev.get("when") is not None and not ISO_DATE.match(ev["when"]):
            errors.append(f"{key}: event date {ev['when']!r}")
        if not ev.get("happening"):
            errors.append(f"{key}: event without a happening id")


def check_people_and_numbers(key: str, doc: dict[str, Any], text: str, errors: list[str]) -> None:
    for cas in doc.get("casualties", []):
        if cas.get("status") not in STATUSES:
            errors.append(f"{key}: casualty status {cas.get('status')!r}")
        written = cas.get("name_as_written")
        if written and written not in text:
            errors.append(f"{key}: casualty {written!r} does not occur in the text")
    for num in doc.get("numeric_claims", []):
        value, top = num.get("value"), num.get("value_max")
        if not isinstance(value, int | float) or (top is not None and top < value):
            errors.append(f"{key}: numeric claim {num!r}")


def check_doc(key: str, doc: dict[str, Any], text: str, errors: list[str]) -> None:
    if doc.get("language") not in {"en", "ru"}:
        errors.append(f"{key}: language {doc.get('language')!r}")
    if doc.get("register") not in REGISTERS:
        errors.append(f"{key}: register {doc.get('register')!r}")
    date = (doc.get("published") or {}).get("date")
    if date is not None and not ISO_DATE.match(date):
        errors.append(f"{key}: published date {date!r}")
    check_events(key, doc, errors)
    check_people_and_numbers(key, doc, text, errors)
    check_lines(key, doc, text.split("\n"), errors)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("gold", nargs="+", type=Path)
    parser.add_argument("--corpus", type=Path, default=Path("eval/corpus"))
    args = parser.parse_args(argv)
    errors: list[str] = []
    splits_of: dict[str, set[str]] = defaultdict(set)
    count = 0
    for path in args.gold:
        data = json.loads(path.read_text(encoding="utf-8"))
        split = data.get("split")
        if split not in {"dev", "test"} or not data.get("about"):
            errors.append(f"{path}: needs 'about' and split 'dev' or 'test'")
            continue
        for key, doc in data["documents"].items():
            count += 1
            file = find_file(args.corpus, split, key)
            if file is None:
                errors.append(f"{path}: {key} not found (once) under {args.corpus}/*-{split}/")
                continue
            sidecar = file.with_suffix(".meta.json")
            if sidecar.exists():
                json.loads(sidecar.read_text(encoding="utf-8"))
            check_doc(key, doc, file.read_text(encoding="utf-8"), errors)
            for ev in doc.get("events", []):
                splits_of[ev.get("happening", "")].add(split)
    errors += [f"happening {h} is in both splits" for h, s in splits_of.items() if len(s) > 1]
    sys.stdout.write("".join(f"{e}\n" for e in errors))
    sys.stdout.write(f"{count} documents, {len(errors)} errors\n")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
