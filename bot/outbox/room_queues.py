"""One task per room: a room's messages go out in order, and no room waits for another.

A delivery pass hands every room (or case) its rows and returns at once. Each room's rows are
delivered by a task of its own, so a room whose request hangs (a slow key share, a homeserver
retrying a rate limit) or that waits for a retry never holds up the answers in other rooms.
A room still busy with an earlier pass keeps going; its new rows are read from the table when
it is done. Retries that fall due wake the lane by a timer.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from functools import partial

from storage.outbox import OutboxEffect

log = logging.getLogger(__name__)

#: Rows held back (they wait for something, or for a retry), and seconds until a retry is due.
Outcome = tuple[bool, float | None]


class RoomQueues:
    def __init__(
        self,
        deliver: Callable[[list[OutboxEffect]], Awaitable[Outcome]],
        wake: Callable[[], None],
        retry_after_crash: float,
    ) -> None:
        """`deliver` sends one room's rows in order; `wake` runs a pass that reads the table."""
        self._deliver = deliver
        self._wake = wake
        self._retry_after_crash = retry_after_crash
        self._busy: dict[str, asyncio.Task[Outcome]] = {}
        self._deferred: set[str] = set()  # rooms that got rows while they were busy
        self._held: set[str] = set()  # rooms whose last run held rows back
        self._timer: asyncio.TimerHandle | None = None

    @property
    def holding(self) -> bool:
        """Some room holds rows back: the next pass should read the table for them."""
        return bool(self._held)

    def serve(self, queues: dict[str, list[OutboxEffect]]) -> None:
        """Start delivering each room's rows; a room that is busy gets them after it is done."""
        for target, rows in queues.items():
            if target in self._busy:
                self._deferred.add(target)
                continue
            task = asyncio.create_task(self._deliver(rows), name=f"outbox {target}")
            self._busy[target] = task
            task.add_done_callback(partial(self._done, target))

    async def idle(self) -> None:
        """Until no room has a run going (a run may start another, for rows that came later)."""
        while self._busy:
            await asyncio.gather(*self._busy.values(), return_exceptions=True)

    def cancel(self) -> None:
        for task in self._busy.values():
            task.cancel()
        if self._timer is not None:
            self._timer.cancel()

    def _done(self, target: str, task: asyncio.Task[Outcome]) -> None:
        del self._busy[target]
        if task.cancelled():
            return
        error = task.exception()
        if error is not None:
            log.error("delivering to %s failed; retrying", target, exc_info=error)
            held, wait = True, self._retry_after_crash
        else:
            held, wait = task.result()
        if held:
            self._held.add(target)
        else:
            self._held.discard(target)
        if wait is not None:
            self._wake_in(wait)
        if target in self._deferred:
            self._deferred.discard(target)
            self._wake()

    def _wake_in(self, seconds: float) -> None:
        """One timer for the lane, at the earliest retry due."""
        loop = asyncio.get_running_loop()
        if self._timer is not None:
            if self._timer.when() <= loop.time() + seconds:
                return
            self._timer.cancel()
        self._timer = loop.call_later(seconds, self._fire)

    def _fire(self) -> None:
        self._timer = None
        self._wake()
