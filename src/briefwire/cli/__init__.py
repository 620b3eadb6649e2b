"""The ``briefwire`` command: a thin layer over ``briefwire.api``.

Maths libraries are pinned to one thread for the whole process (and every worker it starts)
before anything imports numpy: see :mod:`briefwire.threads`.
"""

from __future__ import annotations

from briefwire.threads import pin_environment

pin_environment()

from . import live as _live  # noqa: E402, F401 - registers `sources` and `watch`
from .app import app  # noqa: E402 - numpy must load after the environment is pinned


def main() -> None:
    app()


__all__ = ["app", "main"]
