"""A small HTML-to-text converter for feed summaries and contents.

Feed entries carry short HTML fragments; an article extractor may throw a short fragment
away as boilerplate, so here every text node is kept and block elements become lines.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCK = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    }
)
_SKIP = frozenset({"script", "style", "noscript", "template", "head"})
_SPACES = re.compile(r"[ \t\f\v\u00a0]+")
_BREAKS = re.compile(r"[\r\n]+")


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skipping += 1
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            # A line break in the markup is just a space in the rendered text.
            self.parts.append(_BREAKS.sub(" ", data))


def html_to_text(markup: str) -> str:
    """Visible text of an HTML fragment, one line per block, whitespace collapsed."""
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(collector.parts).splitlines())
    return "\n".join(line for line in lines if line)
