"""The brief as one self-contained HTML page: inline CSS, charts as inline SVG, no scripts."""

from __future__ import annotations

import html
import io

from briefwire.untrusted import safe_url, without_bidi_controls

from .brief import Brief, BriefItem, Citation
from .markdown import CASUALTY_COLUMNS, item_details, period_title


def escape(text: str, quote: bool = True) -> str:
    """Text for the page: escaped, without bidi controls (an unclosed override in a title would
    reverse the page's own words after it)."""
    return html.escape(without_bidi_controls(text), quote=quote)


CSS = """
body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.6rem}h2{font-size:1.2rem;border-bottom:1px solid #ccc;margin-top:2rem}
li{margin:.4rem 0}.src{color:#555;font-size:.9em}.new{background:#ffe58a;padding:0 .3em;font-size:.8em}
.meta{color:#666;font-size:.9em}.box{background:#f4f6f8;padding:.6rem 1rem;border-radius:6px}
table{border-collapse:collapse;font-size:.9em}td,th{border:1px solid #ddd;padding:.2rem .5rem}
.charts{display:flex;flex-wrap:wrap;gap:1rem}.charts svg{max-width:100%;height:auto}
li,td,th,h1,h2,a,span{unicode-bidi:isolate}li,td,a,span{overflow-wrap:anywhere}
"""


def _link(c: Citation) -> str:
    label = escape(" — ".join(x for x in (c.outlet or c.origin.rsplit("/", 1)[-1], c.title, c.date) if x))
    url = safe_url(c.url)
    if url:
        return f'<a href="{escape(url, quote=True)}" rel="noopener noreferrer">{label}</a>'
    return label


def _item(item: BriefItem) -> str:
    new = '<span class="new">new</span> ' if item.new else ""
    details = item_details(item)
    meta = f' <span class="meta">({escape("; ".join(details))})</span>' if details else ""
    n = item.independent_sources
    count = f" — {n} independent sources" if item.kind == "event" and n > 1 else ""
    sources = "; ".join(_link(c) for c in item.citations)
    return f'<li>{new}{escape(item.text)}{meta} <span class="src">— {sources}{escape(count)}</span></li>'


def render_html(brief: Brief) -> str:
    title = f"Mobilization brief: {period_title(brief)}"
    parts = [
        f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{escape(title)}</title>",
        f"<meta name=viewport content='width=device-width'><style>{CSS}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
    ]
    if brief.key_numbers:
        nums = "".join(f"<li><b>{escape(v)}</b> {escape(k)}</li>" for k, v in brief.key_numbers)
        figs = "".join(f"<li><b>{escape(v)}</b> — {escape(w)}</li>" for v, w in brief.figures)
        parts.append(f'<div class="box"><b>Key numbers</b><ul>{nums}</ul><ul>{figs}</ul></div>')
    charts = _charts(brief)
    if charts:
        parts.append(f'<div class="charts">{charts}</div>')
    for section in brief.sections:
        label = "Developing: " if section.developing else ""
        parts.append(f"<h2>{escape(label + section.title)}</h2><ul>")
        parts += [_item(i) for i in section.items]
        parts.append("</ul>")
    if brief.casualties:
        head = "".join(f"<th>{escape(h)}</th>" for _, h in CASUALTY_COLUMNS)
        rows = "".join(
            "<tr>"
            + "".join(
                f"<td>{escape(str(p.get(k) if p.get(k) is not None else ''))}</td>"
                for k, _ in CASUALTY_COLUMNS
            )
            + "</tr>"
            for p in brief.casualties
        )
        parts.append(f"<h2>Named casualties</h2><table><tr>{head}</tr>{rows}</table>")
    parts += [f'<p class="meta">{escape(n)}</p>' for n in brief.notes]
    parts.append("</body></html>")
    return "\n".join(parts)


def _charts(brief: Brief) -> str:
    """Events per day by theme and casualties by home region, as inline SVG (matplotlib)."""
    out = []
    if len(brief.events_per_day) > 1:
        out.append(_svg_per_day(brief.events_per_day))
    if brief.casualties_by_region:
        out.append(_svg_regions(brief.casualties_by_region))
    return "".join(out)


def _figure_svg(fig: object) -> str:
    import matplotlib.pyplot as plt  # noqa: PLC0415 - import cost only when a chart is drawn

    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight")  # type: ignore[attr-defined]
    plt.close(fig)  # type: ignore[arg-type]
    svg = buf.getvalue()
    return svg[svg.find("<svg") :]


def _svg_per_day(per_day: dict[str, dict[str, int]]) -> str:
    import matplotlib as mpl  # noqa: PLC0415

    mpl.use("Agg")
    import matplotlib.pyplot as plt  # noqa: PLC0415

    days = list(per_day)
    themes = sorted({t for d in per_day.values() for t in d})
    fig, ax = plt.subplots(figsize=(7, 3))
    bottom = [0] * len(days)
    for theme in themes:
        values = [per_day[d].get(theme, 0) for d in days]
        ax.bar([d[5:] for d in days], values, bottom=bottom, label=theme)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    ax.set_title("Items per day by theme")
    ax.tick_params(axis="x", labelrotation=60, labelsize=7)
    ax.legend(fontsize=6, loc="upper left")
    return _figure_svg(fig)


def _svg_regions(by_region: dict[str, int]) -> str:
    import matplotlib as mpl  # noqa: PLC0415

    mpl.use("Agg")
    import matplotlib.pyplot as plt  # noqa: PLC0415

    regions = list(by_region)[:15]
    fig, ax = plt.subplots(figsize=(5, max(1.5, 0.3 * len(regions))))
    ax.barh(regions[::-1], [by_region[r] for r in regions][::-1], color="#8a3b3b")
    ax.set_title("Named deaths by home region")
    ax.tick_params(labelsize=7)
    return _figure_svg(fig)
