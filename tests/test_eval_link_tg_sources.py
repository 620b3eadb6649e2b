"""How many independent sources the Telegram pair sets expect of each happening."""

from __future__ import annotations

from typing import Any

from briefwire.evaluate.link_sets import TgSet
from briefwire.evaluate.linking import _tg_sources


def _pair(a: str, b: str, cluster: str, kind: str = "same") -> dict[str, Any]:
    return {"a": a, "b": b, "same": True, "kind": kind, "cluster": cluster, "type": "other"}


def test_eval_a_copy_in_one_happening_does_not_join_the_two_channels_in_another() -> None:
    pairs = (
        _pair("100_1.txt", "200_1.txt", "h-copy", kind="copy"),  # 200 re-posted 100's post
        _pair("100_2.txt", "200_2.txt", "h-own"),  # later, each channel reported on its own
        _pair("100_2.txt", "300_2.txt", "h-own"),
    )
    expected = _tg_sources(TgSet("t", "dev", pairs))
    assert expected == {"h-copy": 1, "h-own": 3}
