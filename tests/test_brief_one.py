"""One brief: `briefwire brief` and the desk choose, order and render the same items."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from briefwire import api, report
from briefwire.cli import app
from tests.webdata import Standard, desk_client, post

runner = CliRunner()
MARCH = {"since": "2024-03-01", "until": "2024-03-31"}


def test_brief_cli_honours_the_desks_exclude_and_gives_the_desks_export(
    tmp_path: Path, std: Standard, client: TestClient
) -> None:
    post(client, "/brief/include", {**MARCH, "event": std.hostile_event, "action": "exclude"})
    desk_md = client.get("/brief/export.md", params=MARCH).text
    desk_html = client.get("/brief/export.html", params=MARCH).text
    out = tmp_path / "cli"
    period = ["--from", MARCH["since"], "--to", MARCH["until"]]
    result = runner.invoke(app, ["brief", "--db", str(tmp_path / "desk.db"), *period, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.with_suffix(".md").read_text(encoding="utf-8") == desk_md
    assert out.with_suffix(".html").read_text(encoding="utf-8") == desk_html
    assert "A fight near an enlistment office" not in desk_md and "Kurgan" in desk_md


def test_brief_desk_builder_lists_the_events_the_cli_brief_is_made_of(tmp_path: Path, std: Standard) -> None:
    from briefwire.web.routes.brief import brief_items  # noqa: PLC0415 - the desk's own selection

    with api.Workspace(tmp_path / "desk.db") as ws:
        made = api.brief(ws, MARCH["since"], MARCH["until"])
        desk = {i["event_id"] for i in brief_items(ws.store, MARCH["since"], MARCH["until"])}  # type: ignore[arg-type]
    in_brief = {k for i in made.items() for k in i.event_keys}
    assert in_brief and in_brief <= desk
    assert desk - in_brief <= {
        k for k in desk if k == std.casualty_event
    }  # a named death is in the paragraph


def test_brief_desk_order_applies_to_the_cli_brief(tmp_path: Path) -> None:
    from tests.webdata import ClaimSpec, Ledger  # noqa: PLC0415

    led = Ledger(tmp_path / "b.db")
    keys = []
    for i, day in enumerate(("2024-03-01", "2024-03-02", "2024-03-03")):
        doc = led.document(
            [f"Item {i}: notices were served."],
            title=f"d{i}",
            published=day,
            claims=(ClaimSpec("notices were served", summary=f"Item number {i}"),),
        )
        keys.append(led.event((doc, 0)))
    led.link()
    led.close()
    client = desk_client(tmp_path / "b.db")
    post(client, "/brief/move", {"event": keys[2], "direction": "up"})
    post(client, "/brief/move", {"event": keys[2], "direction": "up"})
    with api.Workspace(tmp_path / "b.db") as ws:
        md = report.render_markdown(api.brief(ws))
    assert md.index("Item number 2") < md.index("Item number 0") < md.index("Item number 1")


def test_brief_day_is_the_daily_brief_and_a_reversed_range_is_an_error(
    tmp_path: Path, std: Standard, client: TestClient
) -> None:
    db = str(tmp_path / "desk.db")
    day = runner.invoke(app, ["brief", "--db", db, "--day", "2024-03-07", "--out", str(tmp_path / "d")])
    assert day.exit_code == 0, day.output
    text = (tmp_path / "d.md").read_text(encoding="utf-8")
    assert text.startswith("# Mobilization brief: 2024-03-07\n") and "Ufa" in text and "Kurgan" not in text
    reversed_ = runner.invoke(app, ["brief", "--db", db, "--from", "2024-03-31", "--to", "2024-03-01"])
    assert reversed_.exit_code == 2 and "before it starts" in reversed_.output
    empty = runner.invoke(app, ["brief", "--db", db, "--day", "2019-01-01", "--out", str(tmp_path / "e")])
    assert empty.exit_code == 2 and "no document" in empty.output and not (tmp_path / "e.md").exists()
    both = runner.invoke(app, ["brief", "--db", db, "--day", "2024-03-07", "--from", "2024-03-01"])
    assert both.exit_code == 2
    assert (
        client.get("/brief/export.md", params={"since": "2024-03-31", "until": "2024-03-01"}).status_code
        == 400
    )
