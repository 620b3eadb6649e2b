"""Markdown escaping of document text (the brief itself is rendered by ``render.py``)."""

from __future__ import annotations

from .render import cite_md, md_escape, render_markdown

__all__ = ["cite_md", "md_escape", "render_markdown"]
