"""Generate docs/cli.md from the commands' own --help (``make docs``)."""

from __future__ import annotations

import click
import typer

from .app import app


def command_names() -> list[str]:
    group = typer.main.get_command(app)
    assert isinstance(group, click.Group)
    return sorted(group.commands)


def help_text(name: str) -> str:
    group = typer.main.get_command(app)
    assert isinstance(group, click.Group)
    cmd = group.commands[name]
    with click.Context(cmd, info_name=f"briefwire {name}", terminal_width=100) as ctx:
        # Plain text: rich formatting is for terminals, not for the Markdown reference.
        ctx.color = False
        return cmd.get_help(ctx)


def reference() -> str:
    parts = ["# CLI reference", "", "Generated from `--help` by `make docs`; do not edit by hand.", ""]
    for name in command_names():
        parts += [f"## briefwire {name}", "", "```", help_text(name).rstrip(), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    print(reference())  # noqa: T201
