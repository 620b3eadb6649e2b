"""The README's short tour runs as written on the example corpus (issue 12, item 18: `show 3f9a`
and `search "draft office"` failed). Each command runs through the CLI's own entry (its Typer app,
the README's arguments as written) in one process, in a folder holding `examples/`, in the
README's order: a fresh interpreter per command loaded the language models again each time
(410 s of a CI run). `serve` runs as its own process, must answer, and is stopped; the
`python -m briefwire` entry itself is run by tests/test_cli.py and tests/test_pipeline.py."""

from __future__ import annotations

import os
import re
import shlex
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from briefwire.cli import app

REPO = Path(__file__).resolve().parent.parent
README = REPO / "README.md"
SERVE_SECONDS = 120


def tour() -> list[list[str]]:
    """The tour block's briefwire commands, comments dropped, as argument lists."""
    text = README.read_text(encoding="utf-8")
    block = re.search(r"## A short tour\s+```sh\n(.*?)```", text, re.S)
    assert block, "the README has no tour block"
    return [
        shlex.split(line, comments=True)
        for line in block.group(1).splitlines()
        if line.startswith("briefwire ")
    ]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _run(runner: CliRunner, args: list[str]) -> str | None:
    """None if the command worked, else what went wrong."""
    done = runner.invoke(app, args[1:])
    found_nothing = args[1] in ("search", "entity") and "(nothing)" in done.stdout
    crashed = done.exception is not None and not isinstance(done.exception, SystemExit)
    if done.exit_code != 0 or crashed or found_nothing:
        return f"{shlex.join(args)}: exit {done.exit_code} ({done.exception!r})\n{done.output[-1600:]}"
    return None


def _serve(args: list[str], cwd: Path, env: dict[str, str]) -> str | None:
    port = _free_port()  # the README's 8000 may be taken on a shared machine
    proc = subprocess.Popen(
        [sys.executable, "-m", "briefwire", *args[1:], "--port", str(port)],
        cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + SERVE_SECONDS
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/", timeout=5).status_code == 200:
                    return None
            except httpx.TransportError:
                time.sleep(0.5)
        return f"{shlex.join(args)}: the desk never answered (exit {proc.poll()})"
    finally:
        proc.terminate()
        proc.communicate(timeout=30)


def test_readme_tour_runs_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "examples").symlink_to(REPO / "examples")
    monkeypatch.chdir(tmp_path)  # the README's relative paths
    monkeypatch.delenv("BRIEFWIRE_DB", raising=False)
    env = {k: v for k, v in os.environ.items() if k != "BRIEFWIRE_DB"}
    runner = CliRunner()
    commands = tour()
    assert len(commands) >= 10 and commands[0][:2] == ["briefwire", "ingest"]
    failures = []
    for args in commands:
        problem = _serve(args, tmp_path, env) if args[1] == "serve" else _run(runner, args)
        if problem:
            failures.append(problem)
    assert failures == [], "\n\n".join(failures)
    assert (tmp_path / "brief.md").exists() and (tmp_path / "public.db").exists()
