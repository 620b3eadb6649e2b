"""Report: the brief (Markdown and self-contained HTML) and the dataset exports."""

from . import decisions
from .brief import Brief, BriefInput, build_brief
from .export import FIELDS, KINDS, SCHEMA_VERSION, write_rows
from .model import Decisions
from .render import render_html, render_markdown

__all__ = [
    "FIELDS",
    "KINDS",
    "SCHEMA_VERSION",
    "Brief",
    "BriefInput",
    "Decisions",
    "build_brief",
    "decisions",
    "render_html",
    "render_markdown",
    "write_rows",
]
