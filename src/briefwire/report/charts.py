"""Charts that say something: items per day inside the period, named deaths by home region.

Inline SVG (matplotlib, Agg), counts on an integer axis; no chart where it would show nothing
(a single day, or no named death with a known home region).
"""

from __future__ import annotations

import io
from typing import Any

from .model import Brief


def charts_svg(brief: Brief) -> str:
    out = []
    if len(brief.events_per_day) > 1:
        out.append(_svg_per_day(brief.events_per_day))
    known = {r: n for r, n in brief.casualties_by_region.items() if r != "unknown"}
    if known and sum(known.values()) > 1:
        out.append(_svg_regions(known))
    return "".join(out)


def _pyplot() -> Any:
    import matplotlib as mpl  # noqa: PLC0415 - import cost only when a chart is drawn

    mpl.use("Agg")
    import matplotlib.pyplot as plt  # noqa: PLC0415

    return plt


def _figure_svg(plt: Any, fig: Any) -> str:
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight")
    plt.close(fig)
    svg = buf.getvalue()
    return svg[svg.find("<svg") :]


def _svg_per_day(per_day: dict[str, dict[str, int]]) -> str:
    from matplotlib.ticker import MaxNLocator  # noqa: PLC0415

    plt = _pyplot()
    days = list(per_day)
    themes = sorted({t for d in per_day.values() for t in d})
    fig, ax = plt.subplots(figsize=(7, 3))
    bottom = [0] * len(days)
    for theme in themes:
        values = [per_day[d].get(theme, 0) for d in days]
        ax.bar([d[5:] for d in days], values, bottom=bottom, label=theme)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    ax.set_title("Items per day by theme")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.tick_params(axis="x", labelrotation=60, labelsize=7)
    ax.legend(fontsize=6, loc="upper left")
    return _figure_svg(plt, fig)


def _svg_regions(by_region: dict[str, int]) -> str:
    from matplotlib.ticker import MaxNLocator  # noqa: PLC0415

    plt = _pyplot()
    regions = list(by_region)[:15]
    fig, ax = plt.subplots(figsize=(5, max(1.5, 0.3 * len(regions))))
    ax.barh(regions[::-1], [by_region[r] for r in regions][::-1], color="#8a3b3b")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title("Named deaths by home region")
    ax.tick_params(labelsize=7)
    return _figure_svg(plt, fig)
