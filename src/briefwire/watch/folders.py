"""Folders that change: watchfiles tells the watch at once instead of at the next interval."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from .sources import Source, State


class FolderEvents:
    """One watchfiles task per watched, unpaused folder; ``kick(name)`` when one changes."""

    def __init__(self, kick: Callable[[str], None]) -> None:
        self.kick = kick
        self.tasks: dict[str, asyncio.Task[None]] = {}
        # Set on close: watchfiles' own thread then ends at its next step, not minutes later.
        self.stopping = asyncio.Event()

    def follow(self, sources: list[tuple[Source, State]]) -> None:
        """Start watching new folder sources, stop watching removed or paused ones."""
        wanted = {s.name: s for s, st in sources if s.kind == "folder" and not st.paused}
        for name in [n for n in self.tasks if n not in wanted]:
            self.tasks.pop(name).cancel()
        for name, source in wanted.items():
            if name not in self.tasks:
                self.tasks[name] = asyncio.create_task(self._events(source))

    async def close(self) -> None:
        self.stopping.set()
        for task in self.tasks.values():
            task.cancel()
        await asyncio.gather(*self.tasks.values(), return_exceptions=True)
        self.tasks.clear()

    async def _events(self, source: Source) -> None:
        from watchfiles import awatch  # noqa: PLC0415 - only a watch with folders needs it

        try:
            async for _ in awatch(source.target, stop_event=self.stopping, debounce=200, step=50):
                self.kick(source.name)
        except FileNotFoundError:
            return  # the folder went away: its polls report that
