"""Answers go first: room work waits its turn while a command is being answered.

Opening an incident room keeps the homeserver busy for a while (the room with its state and an
invite per member, then its topic). Before each of those steps the rooms lane lets the answers
under way go out first: commands being handled, and their answers until the homeserver has
accepted them. Other messages (a room's status card, an edit) do not hold rooms up. One step
never waits longer than `limit`, and an answer that cannot go (it waits for a retry) stops
counting after `limit`, so a steady stream of commands or a refused answer cannot hold a room up.
A step already under way is not interrupted: the homeserver finishes it while it takes the
answer in.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from storage.outbox import OutboxEffect

POLL_SECONDS = 0.01  # how often a waiting step looks again


class AnswersFirst:
    def __init__(self, limit: float) -> None:
        self._limit = limit
        self._handling = 0
        self._owed: dict[int, float] = {}  # answer row id -> when it was handed over

    @asynccontextmanager
    async def handling(self) -> AsyncIterator[None]:
        """Around the handling of a command, until its rows are handed to delivery."""
        self._handling += 1
        try:
            yield
        finally:
            self._handling -= 1

    def owe(self, rows: list[OutboxEffect]) -> None:
        """Rows a command wrote: its answers are under way until `delivered`."""
        now = time.monotonic()
        for row in rows:
            if row.payload.get("reply_to"):
                self._owed[row.id] = now

    def delivered(self, row_id: int) -> None:
        self._owed.pop(row_id, None)

    @property
    def answering(self) -> bool:
        if self._handling:
            return True
        stale = time.monotonic() - self._limit
        for row_id in [row_id for row_id, since in self._owed.items() if since < stale]:
            del self._owed[row_id]
        return bool(self._owed)

    async def turn(self) -> None:
        """Until no answer is under way, or `limit` seconds have passed."""
        await asyncio.sleep(0)  # rows handed over just now start first
        deadline = time.monotonic() + self._limit
        while self.answering and time.monotonic() < deadline:
            await asyncio.sleep(POLL_SECONDS)
