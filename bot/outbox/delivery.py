"""Delivering the outbox to Matrix: in order per room, retried with backoff, never twice."""

from __future__ import annotations

import asyncio
import base64
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import asdict
from datetime import datetime
from functools import partial
from typing import Any

from nio import RoomSendError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.backoff import exponential
from bot.directory_cache import DirectoryCache
from bot.matrix.client import BotClient
from bot.matrix.content import edit, notice
from bot.matrix.room_media import PinForbidden, pin, upload
from bot.ops.metrics import Metrics
from bot.outbox.answers_first import AnswersFirst
from bot.outbox.errors import DeliveryError, NotReady
from bot.outbox.fitting import fit_content
from bot.outbox.guarded import RoomClosed, is_guard_row
from bot.outbox.incident_rooms import IncidentRooms
from bot.outbox.refusals import Refusals
from bot.outbox.room_queues import RoomQueues
from bot.room_guard import RoomGuard
from commands.core.context import FileRender, LiveRender, Workspace, open_workspace
from commands.core.roster import Directory
from config.settings import Settings
from storage.database import Database
from storage.live import LiveMessages
from storage.outbox import Lane, Outbox, OutboxEffect, OutboxKind

log = logging.getLogger(__name__)

TAKEN_KEPT = 10_000
ANSWER_WAIT = 2.0  # seconds a new room waits in memory for its answer to go out


class Delivery:
    def __init__(
        self,
        client: BotClient,
        database: Database,
        settings: Settings,
        clock: Callable[[], datetime],
        encrypt_new_rooms: Callable[[], bool],
        *,
        live: Mapping[str, LiveRender],
        platform_room: str,
        files: Mapping[str, FileRender] | None = None,
        directory: DirectoryCache | None = None,
        guard: RoomGuard | None = None,
        metrics: Metrics | None = None,
    ) -> None:
        """`live`: per kind of live message, how its family renders it (commands.LIVE);
        `files`: per kind of rendered file, how its family draws it (commands.FILES);
        `directory`: the bot's directory (one of its own when none is given);
        `guard`: who outside the directory is in which room (one of its own when none is given);
        `metrics`: told of every message the homeserver accepts (answers give the latency).
        """
        self.metrics = metrics
        self.directory = directory or DirectoryCache(database, settings, clock)
        self.guard = guard or RoomGuard(database, settings, clock, self.directory, platform_room)
        self.client = client
        self.files = files or {}
        self.database = database
        self.settings = settings
        self.clock = clock
        self.live = live
        self.platform_room = platform_room
        self.answers_first = AnswersFirst(settings.delivery.answers_first_wait.total_seconds())
        self.rooms = IncidentRooms(
            client,
            database,
            settings,
            self.directory,
            encrypt_new_rooms,
            platform_room,
            self.answers_first.turn,
        )
        self._wakeups = {Lane.MESSAGES: asyncio.Event(), Lane.ROOMS: asyncio.Event()}
        self._handed: dict[str, list[OutboxEffect]] = {lane: [] for lane in self._wakeups}
        # Read the outbox table on the next pass: at start, and whenever a pass left rows behind.
        self._rescan = dict.fromkeys(self._wakeups, True)
        self._taken: dict[int, None] = {}  # ids delivered by this process, newest last
        self._sent = asyncio.Condition()  # notified as soon as a message is accepted
        self._accepted: dict[int, None] = {}  # ids the homeserver accepted, newest last
        self._cannot_pin: set[str] = set()  # rooms where the bot lacks the power to pin
        # Different rooms are served side by side; one room's messages keep their order. Each
        # lane has its own slots, so a burst of new rooms never holds up answers or reminders.
        self._parallel = {
            lane: asyncio.Semaphore(settings.delivery.parallel) for lane in self._wakeups
        }
        # Refusals: rows that cannot go are set aside; RoomQueues: no room waits for another.
        self.refusals = Refusals(database, settings, clock, self.hand_over)
        retry = settings.delivery.retry_first.total_seconds()
        self._queues = {
            lane: RoomQueues(partial(self._deliver_in_order, lane), partial(self.wake, lane), retry)
            for lane in self._wakeups
        }

    def hand_over(self, rows: list[OutboxEffect]) -> None:
        """Rows just committed: delivered at once, without reading them back from the table."""
        for row in rows:
            self._handed[row.lane].append(row)
            self._wakeups[row.lane].set()

    def wake(self, *lanes: str) -> None:
        """Something rows may wait for has happened: look at the table again."""
        for lane in lanes or tuple(self._wakeups):
            self._rescan[lane] = True
            self._wakeups[lane].set()

    async def run(self) -> None:
        try:
            await asyncio.gather(*(self._run_lane(lane) for lane in self._wakeups))
        finally:
            for queues in self._queues.values():
                queues.cancel()

    async def _run_lane(self, lane: str) -> None:
        wakeup = self._wakeups[lane]
        while True:
            wakeup.clear()
            try:
                wait = await self.deliver_pending(lane)
            except Exception:
                log.exception("delivery lane %s failed; retrying", lane)
                self._rescan[lane] = True
                wait = self.settings.delivery.retry_first.total_seconds()
            if wakeup.is_set():
                continue
            try:
                await asyncio.wait_for(wakeup.wait(), timeout=wait)
            except TimeoutError:
                self._rescan[lane] = True

    async def deliver_pending(self, lane: str) -> float | None:
        """Start delivering what is due; returns seconds until the table is read again anyway.

        Reading it now and then finds rows an operator made pending again.
        """
        rows, self._handed[lane] = self._handed[lane], []
        if self._rescan[lane] or self._queues[lane].holding:
            self._rescan[lane] = False
            async with self.database.transaction() as session:
                rows = list(await Outbox(session).pending(lane))
        queues: dict[str, list[OutboxEffect]] = {}
        for row in rows:
            if row.id not in self._taken:
                queues.setdefault(_target(row), []).append(row)
        self._queues[lane].serve(queues)
        return self.settings.delivery.retry_max.total_seconds()

    async def _deliver_in_order(
        self, lane: str, rows: list[OutboxEffect]
    ) -> tuple[bool, float | None]:
        """The rows of one room (or case), oldest first, stopping at one that cannot go yet.

        Returns whether rows were held back, and the seconds until a retry is due.
        """
        closed = False  # rows wait for outsiders to leave; the guard's own rows go meanwhile
        async with self._parallel[lane]:
            for row in rows:
                now = self.clock()
                if row.next_attempt_at and row.next_attempt_at > now:
                    return True, (row.next_attempt_at - now).total_seconds()
                try:
                    await self._deliver(row)
                except RoomClosed:
                    closed = True
                    continue
                except NotReady:
                    if (wait := await self.refusals.not_ready(row)) is None:
                        continue  # waited too long: set aside
                    return True, wait
                except Exception as error:
                    if await self.refusals.failed(row, error):
                        continue  # refused for good, or failing too long: set aside
                    return True, await self._failed(row, error)
                _remember(self._taken, row.id)
                # A new room may release its messages, a sent live message its edits: rows held
                # back get another look (lanes holding nothing keep their fast path).
                holding = [other for other, queues in self._queues.items() if queues.holding]
                if holding:
                    self.wake(*holding)
        return closed, None

    async def idle(self, lane: str) -> None:
        """Until the rows handed to the lane's rooms so far are delivered or held back."""
        await self._queues[lane].idle()

    async def answer_sent(self, row_id: int, timeout: float = ANSWER_WAIT) -> bool:
        """Wait until this process has sent the row (True), or give up after `timeout`."""
        async with self._sent:
            try:
                await asyncio.wait_for(
                    self._sent.wait_for(lambda: row_id in self._accepted), timeout
                )
            except TimeoutError:
                return False
        return True

    async def _deliver(self, row: OutboxEffect) -> None:
        if row.kind == OutboxKind.OPEN_ROOM:
            self.hand_over(await self.rooms.open(row, self.clock(), self.answer_sent))
            return
        if row.kind == OutboxKind.UPDATE_ROOM:
            await self.rooms.update(row, self.clock())
            return
        room_id, content = await self._content(row)
        content = fit_content(content)  # what is rendered only now must fit too
        response = await self.client.room_send(
            room_id, "m.room.message", content, tx_id=row.txn_id, ignore_unverified_devices=True
        )
        if isinstance(response, RoomSendError):
            raise DeliveryError.of("room_send", response)
        async with self._sent:  # what waits for this message may go now, before our bookkeeping
            _remember(self._accepted, row.id)
            self._sent.notify_all()
        self.answers_first.delivered(row.id)
        if self.metrics is not None:
            self.metrics.delivered(row.id, time.time())
        if row.payload.get("pin") and room_id not in self._cannot_pin:
            await self._pin(room_id, response.event_id)
        async with self.database.transaction() as session:
            stored = await session.get(OutboxEffect, row.id)
            assert stored is not None
            stored.delivered_at = self.clock()
            stored.result_event_id = response.event_id
            if live := row.payload.get("live_as"):
                await LiveMessages(session).record(
                    live["kind"], live["subject"], room_id, response.event_id
                )

    async def _content(self, row: OutboxEffect) -> tuple[str, dict[str, Any]]:
        """The room the row goes to, and the content of the event it sends there."""
        payload = row.payload
        if row.kind == OutboxKind.LIVE:
            room_id, content = await self._live_edit(payload["live"])
            await self._closed_to(row, room_id)
            return room_id, content
        room_id = await self._room_of(row)
        await self._closed_to(row, room_id)
        if row.kind == OutboxKind.SEND:
            return room_id, notice(
                payload["body"],
                payload["html"],
                mentions=payload["mentions"],
                reply_to=payload.get("reply_to"),
                thread_root=payload.get("thread_root"),
            )
        if row.kind == OutboxKind.EDIT:
            target = await self._event_of(payload["target_row"])
            return room_id, edit(target, payload["body"], payload["html"])
        if row.kind == OutboxKind.UPLOAD:
            if "render" in payload:
                payload = await self._render(payload["render"])
            data = base64.b64decode(payload["data"])
            return room_id, await upload(
                self.client,
                room_id,
                payload["filename"],
                payload["mimetype"],
                data,
                image=payload.get("image"),
            )
        raise DeliveryError(f"unknown outbox kind {row.kind}")

    async def _closed_to(self, row: OutboxEffect, room_id: str) -> None:
        """Nothing but the guard's own rows goes to a room someone outside the directory can
        read; the others stay pending (not set aside) until the room is theirs alone again."""
        if not is_guard_row(row) and await self.guard.outsiders(room_id):
            raise RoomClosed

    async def _pin(self, room_id: str, event_id: str) -> None:
        """The message is out already; a pin it cannot get never holds the room's queue up."""
        fresh = room_id in self.rooms.fresh
        self.rooms.fresh.discard(room_id)
        try:
            await pin(self.client, room_id, event_id, fresh=fresh)
        except PinForbidden as error:
            self._cannot_pin.add(room_id)  # not asked again until a restart
            log.warning("no power to pin in %s (%s); messages there stay unpinned", room_id, error)
        except Exception as error:
            log.warning("could not pin %s in %s: %s", event_id, room_id, error)

    async def _live_edit(self, live: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        """The live message as it reads now (not as it did when the change was queued)."""
        render = self.live.get(live["kind"])
        if render is None:
            raise DeliveryError(f"no family renders live messages of kind {live['kind']}")
        directory = await self.directory.current()
        async with self.database.transaction() as session:
            found = await LiveMessages(session).get(live["kind"], live["subject"])
            if found is None:
                raise NotReady  # the message itself has not gone out yet
            workspace = self._workspace(session, directory)
            message = await render(workspace, live["subject"])
        if message is None:
            raise NotReady
        return self._synced(found.room_id), edit(found.event_id, message.body, message.html)

    async def _render(self, render: dict[str, Any]) -> dict[str, Any]:
        """A file drawn now by its family, from the spec its handler wrote (a read-only
        transaction: the drawing itself runs in a worker thread)."""
        draw = self.files.get(render["kind"])
        if draw is None:
            raise DeliveryError(f"no family renders files of kind {render['kind']}")
        directory = await self.directory.current()
        async with self.database.transaction() as session:
            made = await draw(self._workspace(session, directory), render["spec"])
        return {
            "filename": made.filename,
            "mimetype": made.mimetype,
            "data": base64.b64encode(made.data).decode("ascii"),
            "image": asdict(made.image) if made.image else None,
        }

    def _workspace(self, session: AsyncSession, directory: Directory) -> Workspace:
        return open_workspace(session, self.settings, directory, self.platform_room, self.clock())

    async def _room_of(self, row: OutboxEffect) -> str:
        room_id = row.payload.get("room_id")
        if room_id is None:
            room_id = await self.rooms.room_of(row.payload["case_id"])
            if room_id is None:
                raise NotReady
        return self._synced(room_id)

    def _synced(self, room_id: str) -> str:
        if self.client.olm and room_id not in self.client.rooms:
            raise NotReady  # nio encrypts only for rooms its sync has seen; wait for the sync
        return room_id

    async def _event_of(self, row_id: int) -> str:
        async with self.database.transaction() as session:
            target = await session.get(OutboxEffect, row_id)
        if target is None or target.result_event_id is None:
            raise NotReady
        return target.result_event_id

    async def _failed(self, row: OutboxEffect, error: Exception) -> float:
        settings = self.settings.delivery
        async with self.database.transaction() as session:
            stored = await session.get(OutboxEffect, row.id)
            assert stored is not None
            if row.kind != OutboxKind.OPEN_ROOM:  # opening a room counts its attempts itself
                stored.attempts += 1
            delay = exponential(settings.retry_first, settings.retry_max, stored.attempts)
            stored.next_attempt_at = self.clock() + delay
            stored.last_error = str(error)[:500]
        log.warning(
            "outbox %s (%s) failed, attempt %s, retry in %s: %s",
            row.id,
            row.kind,
            stored.attempts,
            delay,
            error,
        )
        return delay.total_seconds()


def _remember(ids: dict[int, None], row_id: int) -> None:
    """Add to a bounded, insertion-ordered set of row ids."""
    ids[row_id] = None
    if len(ids) > TAKEN_KEPT:
        del ids[next(iter(ids))]


def _target(row: OutboxEffect) -> str:
    """Rows for the same room (or case) are delivered in order; others do not wait for them."""
    if "room_id" in row.payload:
        return row.payload["room_id"]
    if "live" in row.payload:  # its room is known once the message is out
        return f"live:{row.payload['live']['kind']}:{row.payload['live']['subject']}"
    return f"case:{row.payload['case_id']}"
