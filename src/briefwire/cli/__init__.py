"""The ``briefwire`` command: a thin layer over ``briefwire.api``."""

from __future__ import annotations

from . import live as _live  # noqa: F401 - registers `sources` and `watch`
from .app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
