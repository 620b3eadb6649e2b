"""Generate docs/cli.md from the commands' own --help (``make docs``)."""

from __future__ import annotations

import typer
from typer.testing import CliRunner

from .app import app


def command_names() -> list[str]:
    """Every command, sub-commands of a group as 'group sub'."""
    names = []
    for name, cmd in getattr(typer.main.get_command(app), "commands", {}).items():
        subs = getattr(cmd, "commands", None)
        names += [f"{name} {s}" for s in subs] if subs else [name]
    return sorted(names)


def help_text(name: str) -> str:
    """What `briefwire NAME --help` prints, at a fixed width so the reference is stable."""
    result = CliRunner().invoke(
        app,
        [*name.split(), "--help"],
        terminal_width=100,
        prog_name="briefwire",
        env={"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"},
    )
    return result.output


def reference() -> str:
    parts = ["# CLI reference", "", "Generated from `--help` by `make docs`; do not edit by hand.", ""]
    for name in command_names():
        parts += [f"## briefwire {name}", "", "```", help_text(name).rstrip(), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    print(reference())
