"""Wiring: database, Matrix session, sync loop, dispatcher and outbox delivery."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from nio import AsyncClient, JoinError, RoomResolveAliasError

from bot.directory_cache import DirectoryCache
from bot.dispatch import Dispatcher
from bot.events import IncomingCommand, IncomingReaction, IncomingRedaction
from bot.held_messages import HeldMessages
from bot.matrix.client import BotClient
from bot.matrix.session import log_in
from bot.ops.active_lock import LockLost, active_lock, while_active
from bot.ops.metrics import Metrics
from bot.ops.server import OpsServer
from bot.outbox.delivery import Delivery
from bot.reactions import ReactionReader
from bot.reminder_clock import ReminderClock
from bot.room_guard import RoomGuard
from bot.rooms import DirectChats, PlatformRooms
from bot.sync_loop import FatalSyncError, SyncHandlers, SyncLoop
from commands import FILES, LIVE, build_registry
from commands.core.registry import Registry
from config.settings import Settings
from storage.database import Database
from storage.migrate import upgrade_to_head

log = logging.getLogger(__name__)


def utc_now() -> datetime:
    return datetime.now(UTC)


async def run_until_stopped(settings: Settings, on_ready: Callable[[], None] | None = None) -> None:
    """Run the bot until SIGTERM or Ctrl-C; then close the database and the HTTP session."""
    task = asyncio.current_task()
    assert task is not None
    loop = asyncio.get_running_loop()
    for stop_signal in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(stop_signal, task.cancel)
    with contextlib.suppress(asyncio.CancelledError):
        await SignaalBot(settings, on_ready=on_ready).run()
    log.info("stopped")


class SignaalBot:
    def __init__(
        self,
        settings: Settings,
        clock: Callable[[], datetime] = utc_now,
        on_ready: Callable[[], None] | None = None,
    ) -> None:
        self.on_ready = on_ready
        self.settings = settings
        self.clock = clock
        self.database = Database(settings.storage.url)
        self.directory = DirectoryCache(self.database, settings, clock)
        self.metrics = Metrics(settings.ops.late_after)

    async def run(self) -> None:
        """Stand by until this instance holds the active lock, then work; stand by again if the
        lock may be lost (only one instance ever syncs, sends or opens the crypto store)."""
        ops = OpsServer(self.settings, self.database, self.metrics, self.clock)
        if self.settings.ops.listen is not None:
            await ops.start(*self.settings.ops.host_and_port)
        storage = self.settings.storage
        lock = active_lock(storage.url, storage.data_dir, self.settings.ops.failover_after)
        try:
            while True:
                await lock.acquire()
                self.metrics.set_active(True)
                try:
                    await while_active(lock, self._work())
                    return
                except LockLost as lost:
                    log.error("stopped all work (%s); standing by", lost)
                finally:
                    self.metrics.set_active(False)
                    await lock.release()
                # Let another instance take over first, rather than flap back and forth.
                await asyncio.sleep(self.settings.ops.failover_after.total_seconds())
        finally:
            await ops.stop()
            await self.database.close()

    async def _work(self) -> None:
        await upgrade_to_head(self.database)
        await self.directory.current()  # the configuration's members merged in, and logged
        try:
            await self._run_session(forget_stored=False)
        except FatalSyncError:
            if self.settings.matrix.password is None:
                raise
            log.warning("the stored access token was refused; logging in again")
            await self._run_session(forget_stored=True)

    async def _run_session(self, *, forget_stored: bool) -> None:
        client = await log_in(self.settings, forget_stored=forget_stored)
        reminders: ReminderClock | None = None
        try:
            rooms = await self._platform_rooms(client)
            guard = RoomGuard(
                self.database, self.settings, self.clock, self.directory, rooms.platform
            )
            delivery = self._delivery(client, rooms.platform, guard)
            reminders = ReminderClock(
                self.database,
                self.settings,
                self.clock,
                (rooms.platform, rooms.alert),
                delivery.hand_over,
                self.directory,
                self.metrics,
            )
            registry = build_registry()
            dispatcher = Dispatcher(
                self.settings,
                self.database,
                registry,
                self.clock,
                rooms,
                reminders.follow,
                DirectChats(client, rooms),
                self.directory,
                self.metrics,
            )
            handlers = self._sync_handlers(client, registry, dispatcher, delivery, guard)
            held = (
                HeldMessages(client, self.database, self.settings, self.clock, self.directory)
                if client.olm
                else None
            )
            sync = SyncLoop(client, self.database, self.settings, handlers, held, self.metrics)
            await reminders.start()
            async with asyncio.TaskGroup() as tasks:
                tasks.create_task(sync.run())
                tasks.create_task(delivery.run())
        except* FatalSyncError as group:
            raise group.exceptions[0] from None
        finally:
            if reminders is not None:
                reminders.stop()
            # Never log out: that would end the device and its token.
            await client.close()

    def _delivery(self, client: BotClient, platform_room: str, guard: RoomGuard) -> Delivery:
        def encrypt_new_rooms() -> bool:
            """`auto`: incident rooms are encrypted when the platform room is."""
            mode = self.settings.matrix.encryption
            room = client.rooms.get(platform_room)
            return mode == "on" or (mode == "auto" and room is not None and room.encrypted)

        return Delivery(
            client,
            self.database,
            self.settings,
            self.clock,
            encrypt_new_rooms,
            live=LIVE,
            files=FILES,
            platform_room=platform_room,
            directory=self.directory,
            guard=guard,
            metrics=self.metrics,
        )

    def _sync_handlers(
        self,
        client: AsyncClient,
        registry: Registry,
        dispatcher: Dispatcher,
        delivery: Delivery,
        guard: RoomGuard,
    ) -> SyncHandlers:
        """What the sync loop does with each kind of event: dispatch it, deliver what it wrote."""
        reactions = ReactionReader(client, registry.reactions)

        async def on_command(command: IncomingCommand) -> None:
            async with delivery.answers_first.handling():
                rows = await dispatcher.handle(command)
                delivery.answers_first.owe(rows)
                delivery.hand_over(rows)

        async def on_reaction(reaction: IncomingReaction) -> None:
            if not await dispatcher.is_member(reaction.sender):
                return
            if not registry.reactions.matters(reaction.key):
                return
            reaction = await reactions.with_target(reaction)
            delivery.hand_over(await dispatcher.handle_reaction(reaction))

        async def on_redaction(redaction: IncomingRedaction) -> None:
            delivery.hand_over(await dispatcher.handle_redaction(redaction))

        async def on_invite(room_id: str, sender: str) -> None:
            await self._answer_invite(client, room_id, sender)

        async def on_membership(room_id: str, events: list[dict[str, Any]]) -> None:
            guarded = await guard.handle(room_id, events)
            delivery.hand_over(guarded.rows)
            if guarded.reopened:
                delivery.wake()  # what waited for the outsiders to leave goes out now

        return SyncHandlers(
            command=on_command,
            reaction=on_reaction,
            redaction=on_redaction,
            invite=on_invite,
            outbox_rows=delivery.hand_over,
            rooms_changed=delivery.wake,
            ready=self.on_ready,
            direct=dispatcher.direct,
            membership=on_membership,
        )

    async def _platform_rooms(self, client: AsyncClient) -> PlatformRooms:
        """Room ids of the platform room and the LOT-C room; the bot joins them if it can."""
        rooms: list[str] = []
        for room in (self.settings.platform.room, self.settings.platform.lotc_room):
            if room is None:
                continue
            room_id = room
            if room.startswith("#"):
                resolved = await client.room_resolve_alias(room)
                if isinstance(resolved, RoomResolveAliasError):
                    raise RuntimeError(f"cannot resolve room alias {room}: {resolved.message}")
                room_id = resolved.room_id
            joined = await client.join(room_id)
            if isinstance(joined, JoinError):
                log.warning(
                    "could not join %s yet (%s); waiting for an invite", room, joined.message
                )
            rooms.append(room_id)
        return PlatformRooms(rooms[0], rooms[1] if len(rooms) > 1 else None)

    async def _answer_invite(self, client: AsyncClient, room_id: str, sender: str) -> None:
        """Join rooms members invite the bot to; leave invites from anyone else."""
        if sender not in await self.directory.current():
            log.warning("declined an invite to %s from non-member %s", room_id, sender)
            await client.room_leave(room_id)
            return
        response = await client.join(room_id)
        if isinstance(response, JoinError):
            log.warning("could not join %s: %s", room_id, response.message)
