"""Generate docs/cli.md from the commands' own --help (``make docs``)."""

from __future__ import annotations

import typer
from typer.testing import CliRunner

from .app import app


def command_names() -> list[str]:
    group = typer.main.get_command(app)
    return sorted(getattr(group, "commands", {}))


def help_text(name: str) -> str:
    """What `briefwire NAME --help` prints, at a fixed width so the reference is stable."""
    result = CliRunner().invoke(app, [*name.split(), "--help"], terminal_width=100, prog_name="briefwire",
                                env={"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"})
    return result.output


def reference() -> str:
    parts = ["# CLI reference", "", "Generated from `--help` by `make docs`; do not edit by hand.", ""]
    for name in command_names():
        parts += [f"## briefwire {name}", "", "```", help_text(name).rstrip(), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    print(reference())  # noqa: T201
