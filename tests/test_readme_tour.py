"""The README's short tour runs as written on the example corpus (issue 12, item 18: `show 3f9a`
and `search "draft office"` failed). Each command runs as the real CLI in a folder holding
`examples/`, in the README's order; `serve` is started, must answer, and is stopped."""

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

REPO = Path(__file__).resolve().parent.parent
README = REPO / "README.md"
COMMAND_SECONDS = 600
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


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> str | None:
    """None if the command worked, else what went wrong."""
    done = subprocess.run(
        [sys.executable, "-m", "briefwire", *args[1:]],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=COMMAND_SECONDS, check=False,
    )  # fmt: skip
    found_nothing = args[1] in ("search", "entity") and "(nothing)" in done.stdout
    if done.returncode != 0 or "Traceback" in done.stderr or found_nothing:
        return f"{shlex.join(args)}: exit {done.returncode}\n{done.stdout[-800:]}\n{done.stderr[-800:]}"
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


def test_readme_tour_runs_as_written(tmp_path: Path) -> None:
    (tmp_path / "examples").symlink_to(REPO / "examples")
    env = {k: v for k, v in os.environ.items() if k != "BRIEFWIRE_DB"}
    commands = tour()
    assert len(commands) >= 10 and commands[0][:2] == ["briefwire", "ingest"]
    failures = []
    for args in commands:
        problem = _serve(args, tmp_path, env) if args[1] == "serve" else _run(args, tmp_path, env)
        if problem:
            failures.append(problem)
    assert failures == [], "\n\n".join(failures)
    assert (tmp_path / "brief.md").exists() and (tmp_path / "public.db").exists()
