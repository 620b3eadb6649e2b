"""The brief as Markdown: one line per item, every line with its sources."""

from __future__ import annotations

from briefwire.untrusted import safe_url, without_bidi_controls

from .brief import Brief, BriefItem, Citation

CASUALTY_COLUMNS = (
    ("name", "Name"),
    ("age", "Age"),
    ("rank", "Rank"),
    ("status", "Status"),
    ("home_region", "Home region"),
    ("home_town", "Town"),
    ("date_of_death", "Died"),
    ("independent_sources", "Sources"),
)


def period_title(brief: Brief) -> str:
    if brief.since and brief.until and brief.since != brief.until:
        return f"{brief.since} to {brief.until}"
    return brief.since or brief.until or "all dates"


def md_escape(text: str) -> str:
    """Neutralise Markdown and HTML syntax in source text (it is quoted, not markup).

    Angle brackets become entities rather than backslash escapes, so that no tag survives even
    where the Markdown is pasted somewhere that is not rendered as Markdown. Bidi controls are
    dropped: an unclosed override would reverse the brief's own words after it.
    """
    out = (
        without_bidi_controls(text)
        .replace("\\", "\\\\")
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
    )
    for ch in "`*_[]|#~":
        out = out.replace(ch, "\\" + ch)
    return " ".join(out.split())


def cite_md(c: Citation) -> str:
    """A source as a Markdown link; only a plain http(s) address links, percent-encoded so that
    no character of it (``>``, ``)``, a space) can end the link and let what follows be markup."""
    label = md_escape(" — ".join(x for x in (c.outlet or c.origin.rsplit("/", 1)[-1], c.title, c.date) if x))
    url = safe_url(c.url)
    return f"[{label}]({url})" if url else label


def item_details(item: BriefItem) -> list[str]:
    parts = []
    if item.attribution:
        parts.append(f"according to {item.attribution}")
    if item.stance:
        parts.append(item.stance)
    if item.status and item.status not in ("reported", item.stance):
        parts.append(item.status)
    for x in (item.quantity, item.place, item.date):
        if x:
            parts.append(x)
    return parts


def render_markdown(brief: Brief) -> str:
    lines = [f"# Mobilization brief: {period_title(brief)}", ""]
    if brief.key_numbers:
        numbers = "; ".join(f"{md_escape(v)} {md_escape(k)}" for k, v in brief.key_numbers)
        lines += ["**Key numbers:** " + numbers, ""]
    for value, what in brief.figures:
        lines.append(f"> **{md_escape(value)}** — {md_escape(what)}  ")
    if brief.figures:
        lines.append("")
    for section in brief.sections:
        lines += [f"## {'Developing: ' if section.developing else ''}{md_escape(section.title)}", ""]
        for item in section.items:
            details = item_details(item)
            head = ("**new** " if item.new else "") + md_escape(item.text)
            if details:
                head += " (" + md_escape("; ".join(details)) + ")"
            sources = "; ".join(cite_md(c) for c in item.citations)
            n = item.independent_sources
            count = f" — {n} independent sources" if item.kind == "event" and n > 1 else ""
            lines.append(f"- {head} — {sources}{count}")
        lines.append("")
    if brief.casualties:
        lines += [
            "## Named casualties",
            "",
            "| " + " | ".join(h for _, h in CASUALTY_COLUMNS) + " |",
            "|" + "---|" * len(CASUALTY_COLUMNS),
        ]
        for p in brief.casualties:
            lines.append(
                "| "
                + " | ".join(
                    md_escape(str(p.get(k) if p.get(k) is not None else "")) for k, _ in CASUALTY_COLUMNS
                )
                + " |"
            )
        lines.append("")
    for note in brief.notes:
        lines.append(f"_{md_escape(note)}_")
    return "\n".join(lines).rstrip() + "\n"
