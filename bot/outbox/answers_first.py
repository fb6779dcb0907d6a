"""Answers go first: room work waits its turn while a command is being answered.

Opening an incident room keeps the homeserver busy for a while (the room, its state, an invite
per member). An answer to a command sent meanwhile would wait behind that work, so the rooms
lane takes its steps one by one and, before each, lets the answers that are under way go out:
commands being handled, and messages handed to the messages lane and not yet accepted. It never
waits longer than `limit` for one step, so a steady stream of commands cannot hold a room up.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

POLL_SECONDS = 0.01  # how often a waiting step looks again


class AnswersFirst:
    def __init__(self, limit: float, messages_under_way: Callable[[], bool]) -> None:
        """`messages_under_way`: whether the messages lane has rows it is delivering or has
        been handed and not started yet."""
        self._limit = limit
        self._messages_under_way = messages_under_way
        self._handling = 0

    @asynccontextmanager
    async def handling(self) -> AsyncIterator[None]:
        """Around the handling of a command, until its rows are handed to delivery."""
        self._handling += 1
        try:
            yield
        finally:
            self._handling -= 1

    @property
    def answering(self) -> bool:
        return self._handling > 0 or self._messages_under_way()

    async def turn(self) -> None:
        """Until no answer is under way, or `limit` seconds have passed."""
        await asyncio.sleep(0)  # rows handed over just now start first
        deadline = time.monotonic() + self._limit
        while self.answering and time.monotonic() < deadline:
            await asyncio.sleep(POLL_SECONDS)
