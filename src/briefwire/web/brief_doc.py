"""The desk's own rendering of a reviewed brief, in Markdown and in self-contained HTML.

``render_brief`` is the one place to swap for ``briefwire.report``'s renderer once it takes a
list of chosen events; the desk only decides which events go in and in what order.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, Literal

from jinja2 import Environment

from .vocab import theme_names

Format = Literal["md", "html"]
_MD_SPECIAL = re.compile(r"([\\`*_\[\]])")


def md_escape(text: object) -> str:
    """Text that stays text in Markdown: no markup, no raw HTML, no links smuggled in."""
    value = " ".join(str(text).split())
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", value)


def sections(events: Sequence[Mapping[str, Any]]) -> list[tuple[str, list[Mapping[str, Any]]]]:
    """Events grouped by theme in the brief's order, keeping the given order inside a theme."""
    order = list(theme_names())
    groups: dict[str, list[Mapping[str, Any]]] = {}
    for ev in events:
        theme = ev.get("theme") or "Other"
        groups.setdefault(theme if theme in order else "Other", []).append(ev)
    return sorted(groups.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else len(order))


def details(ev: Mapping[str, Any]) -> str:
    """'2024-03-05; Chelyabinsk (RU-CHE); 183 men' — the facts after the summary."""
    parts = []
    if ev.get("date"):
        parts.append(str(ev["date"]))
    loc = ev.get("location") or {}
    if loc.get("name"):
        code = f" ({loc['admin1_code']})" if loc.get("admin1_code") else ""
        parts.append(f"{loc['name']}{code}")
    qty = ev.get("quantity") or {}
    if qty.get("value") is not None:
        value = qty["value"]
        shown = f"{int(value):,}" if float(value).is_integer() else str(value)
        approx = "about " if qty.get("approx") else ""
        parts.append(f"{approx}{shown} {qty.get('unit') or ''}".strip())
    return "; ".join(parts)


def sources_line(ev: Mapping[str, Any]) -> str:
    n = int(ev.get("independent_sources") or 0)
    names = "; ".join(str(s) for s in ev.get("sources") or [])
    return f"{names} — {n} independent source{'s' if n != 1 else ''}"


def _markdown(events: Sequence[Mapping[str, Any]], title: str) -> str:
    lines = [f"# {md_escape(title)}", ""]
    for theme, items in sections(events):
        lines += [f"## {md_escape(theme)}", ""]
        for ev in items:
            facts = details(ev)
            facts_md = f" ({md_escape(facts)})" if facts else ""
            status = "" if ev.get("status") == "reported" else f" \\[{md_escape(ev.get('status'))}\\]"
            lines.append(f"- {md_escape(ev['summary'])}{facts_md}{status} — {md_escape(sources_line(ev))}")
        lines.append("")
    if not events:
        lines += ["No items were chosen for this period.", ""]
    return "\n".join(lines)


def render_brief(
    events: Sequence[Mapping[str, Any]],
    since: str | None,
    until: str | None,
    fmt: Format,
    env: Environment,
) -> str:
    """The brief of the chosen events, in order, as Markdown or a self-contained HTML page."""
    period = f"{since or 'the beginning'} to {until or 'now'}"
    title = f"Mobilization brief, {period}"
    if fmt == "md":
        return _markdown(events, title)
    return env.get_template("brief_export.html").render(
        title=title, sections=sections(events), details=details, sources_line=sources_line
    )
