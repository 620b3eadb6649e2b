"""The ``briefwire`` command: a thin layer over ``briefwire.api``."""

from __future__ import annotations

from .app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
