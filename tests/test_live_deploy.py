"""The systemd unit, the cron line and the sources file in docs/ are valid and do what they say."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefwire.cli import app
from briefwire.watch import load_toml

DEPLOY = Path(__file__).resolve().parent.parent / "docs" / "deploy"
BRIEFWIRE = Path(sys.executable).parent / "briefwire"


def _unit_here(tmp_path: Path, text: str) -> Path:
    """The unit with its paths pointed at this machine (the installed command, a scratch folder)."""
    text = text.replace("/opt/briefwire/.venv/bin/briefwire", str(BRIEFWIRE))
    text = text.replace("/var/lib/briefwire", str(tmp_path))
    unit = tmp_path / "briefwire-watch.service"
    unit.write_text(text, encoding="utf-8")
    return unit


def _verify(unit: Path) -> subprocess.CompletedProcess[str]:
    tool = shutil.which("systemd-analyze")
    if tool is None:
        pytest.skip("systemd-analyze is not installed (Debian's systemd package has it)")
    return subprocess.run([tool, "verify", str(unit)], capture_output=True, text=True, check=False)


def test_systemd_unit_passes_systemd_analyze_verify(tmp_path: Path) -> None:
    text = (DEPLOY / "briefwire-watch.service").read_text(encoding="utf-8")
    result = _verify(_unit_here(tmp_path, text))
    problems = [line for line in result.stderr.splitlines() if "briefwire-watch.service" in line]
    assert result.returncode == 0 and not problems, result.stderr
    assert "KillSignal=SIGTERM" in text and "watch --log-format json" in text


def test_systemd_analyze_verify_catches_a_broken_unit(tmp_path: Path) -> None:
    text = (DEPLOY / "briefwire-watch.service").read_text(encoding="utf-8")
    result = _verify(_unit_here(tmp_path, text.replace("Type=exec", "Type=nonsense")))
    assert "briefwire-watch.service" in result.stderr


def test_cron_line_runs_a_valid_watch_once(tmp_path: Path) -> None:
    [line] = [
        raw
        for raw in (DEPLOY / "briefwire-watch.cron").read_text(encoding="utf-8").splitlines()
        if raw.strip() and not raw.startswith("#")
    ]
    fields = line.split(None, 5)
    assert fields[:5] == ["*/5", "*", "*", "*", "*"]
    words = shlex.split(fields[5].split(">>")[0].split("&&")[1])
    assert words[:4] == ["flock", "-n", "/var/lib/briefwire/watch.lock", "/opt/briefwire/.venv/bin/briefwire"]
    args = [str(tmp_path / "ledger.db") if w == "/var/lib/briefwire/ledger.db" else w for w in words[4:]]
    (tmp_path / "inbox").mkdir()
    runner = CliRunner()
    added = runner.invoke(
        app, ["sources", "add", "folder", str(tmp_path / "inbox"), "--db", args[args.index("--db") + 1]]
    )
    assert added.exit_code == 0, added.output
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert '"status": "ok"' in result.output


def test_example_sources_file_imports(tmp_path: Path) -> None:
    text = (DEPLOY / "sources.toml").read_text(encoding="utf-8")
    (tmp_path / "inbox").mkdir()
    example = tmp_path / "sources.toml"
    example.write_text(text.replace("/var/lib/briefwire/inbox", str(tmp_path / "inbox")), encoding="utf-8")
    sources = {s.name: s for s in load_toml(example)}
    assert {s.kind for s in sources.values()} == {"feed", "telegram", "page", "folder"}
    assert sources["example-channel"].target == "examplechannel"
    assert sources["example-channel"].interval_s == 30
    assert sources["example-page"].interval_s == 3600 and sources["example-page"].source_kind == "official"
    assert sources["inbox"].interval_s == 600
