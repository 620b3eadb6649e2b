"""One renderer for the brief: Jinja templates for Markdown and the self-contained HTML page.

The CLI writes both; the desk serves the same two for a period, so they cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from briefwire.untrusted import safe_url, without_bidi_controls

from .charts import charts_svg
from .model import Brief, BriefItem, Citation
from .profile import brief_profile

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

CSS = """
body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.6rem}h2{font-size:1.2rem;border-bottom:1px solid #ccc;margin-top:2rem}
li{margin:.4rem 0}.src{color:#555;font-size:.9em}.new{background:#ffe58a;padding:0 .3em;font-size:.8em}
.lang{background:#dde7f3;padding:0 .3em;font-size:.8em}
.meta{color:#666;font-size:.9em}.box{background:#f4f6f8;padding:.6rem 1rem;border-radius:6px}
table{border-collapse:collapse;font-size:.9em}td,th{border:1px solid #ddd;padding:.2rem .5rem}
.charts{display:flex;flex-wrap:wrap;gap:1rem}.charts svg{max-width:100%;height:auto}
li,td,th,h1,h2,a,span{unicode-bidi:isolate}li,td,a,span{overflow-wrap:anywhere}
"""


def label(text: str, language: str) -> str:
    """The brief's own words in its language (profile data); English where none is given."""
    words: dict[str, str] = brief_profile().get("labels", {}).get(language, {})
    return words.get(text, text)


def period_title(brief: Brief) -> str:
    if brief.since and brief.until and brief.since != brief.until:
        return f"{brief.since} {label('to', brief.language)} {brief.until}"
    return brief.since or brief.until or label("all dates", brief.language)


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


def _label(c: Citation) -> str:
    return without_bidi_controls(
        " — ".join(x for x in (c.outlet or c.origin.rsplit("/", 1)[-1], c.title, c.date) if x)
    )


def cite_md(c: Citation) -> str:
    """A source as a Markdown link; only a plain http(s) address links, percent-encoded so that
    no character of it (``>``, ``)``, a space) can end the link and let what follows be markup."""
    label = md_escape(_label(c))
    url = safe_url(c.url)
    return f"[{label}]({url})" if url else label


def cite_html(c: Citation) -> Markup:
    url = safe_url(c.url)
    if url:
        return Markup('<a href="{}" rel="noopener noreferrer">{}</a>').format(url, _label(c))
    return Markup("{}").format(_label(c))


def item_details(item: BriefItem, language: str = "en") -> list[str]:
    """What follows the wording: who says so, a stance that is not plain, the key number, place, date."""
    parts = []
    if item.name_latin:
        parts.append(item.name_latin)
    if item.attribution:
        parts.append(f"{label('according to', language)} {item.attribution}")
    if item.stance:
        parts.append(label(item.stance, language))
    if item.quantity and item.quantity.lower() not in item.text.lower():
        parts.append(item.quantity)
    if item.place and item.place.lower() not in item.text.lower():
        parts.append(item.place)
    if item.date:
        parts.append(item.date)
    return parts


def _count(item: BriefItem, language: str) -> str:
    n = item.independent_sources
    words = label("independent sources", language)
    return f" — {n} {words}" if item.kind in ("event", "person") and n > 1 else ""


def _language_mark(item: BriefItem) -> str:
    """ "[ru] «original title»: " before an item from a document in another language."""
    if not item.language:
        return ""
    title = f" «{item.original_title}»" if item.original_title else ""
    return f"[{item.language}]{title}: "


def _sep(item: BriefItem) -> str:
    return "; " if item.key == "named-dead" else " "


def _printable(value: Any) -> Any:
    """Every printed value without bidi controls (our own markup, already safe, is left alone)."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return without_bidi_controls(value)
    return value


@cache
def _environment(kind: str) -> Environment:
    env = Environment(
        loader=PackageLoader("briefwire.report", "templates"),
        autoescape=kind == "html",  # noqa: S701 - Markdown escapes with the md filter (HTML is autoescaped)
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_printable,
    )
    env.filters["md"] = md_escape
    env.filters["cite"] = cite_md
    env.filters["link"] = cite_html
    return env


def _helpers(kind: str, language: str) -> dict[str, Callable[[Any], str]]:
    def mark(item: BriefItem) -> str:
        text = _language_mark(item)
        if kind == "md":
            return f"**{md_escape(text)}** " if text else ""
        return Markup('<span class="lang">{}</span> ').format(without_bidi_controls(text)) if text else ""

    return {
        "mark": mark,
        "details": lambda i: "; ".join(item_details(i, language)),
        "count": lambda i: _count(i, language),
        "sep": _sep,
        "t": lambda text: label(str(text), language),
    }


def render_markdown(brief: Brief) -> str:
    template = _environment("md").get_template("brief.md.jinja")
    body = template.render(
        brief=brief, period=period_title(brief), columns=CASUALTY_COLUMNS, **_helpers("md", brief.language)
    )
    return body.rstrip() + "\n"


def render_html(brief: Brief) -> str:
    template = _environment("html").get_template("brief.html.jinja")
    return template.render(
        brief=brief,
        title=f"{label('Mobilization brief', brief.language)}: {period_title(brief)}",
        css=Markup(CSS),  # noqa: S704 - our own constant
        charts=Markup(charts_svg(brief)),  # noqa: S704 - matplotlib's SVG escapes the labels it draws
        columns=CASUALTY_COLUMNS,
        **_helpers("html", brief.language),
    )
