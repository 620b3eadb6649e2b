"""Report: the brief (Markdown and self-contained HTML) and the dataset exports."""

from .brief import Brief, BriefInput, build_brief
from .export import FIELDS, KINDS, SCHEMA_VERSION, write_rows
from .html import render_html
from .markdown import render_markdown

__all__ = [
    "FIELDS",
    "KINDS",
    "SCHEMA_VERSION",
    "Brief",
    "BriefInput",
    "build_brief",
    "render_html",
    "render_markdown",
    "write_rows",
]
