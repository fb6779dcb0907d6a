"""One command, one transaction: run the handler, store its effects in the outbox, mark handled."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime

from bot.events import IncomingCommand
from bot.outbox_writer import write_effects
from commands import texts
from commands.context import Context
from commands.effects import Effect, Reply
from commands.message import Message, text
from commands.registry import Registry
from config.settings import Settings
from storage.bot_state import AlreadyHandled, BotState
from storage.cases import CaseStore
from storage.database import Database
from storage.models import OutboxEffect
from storage.outbox import Outbox
from storage.reminders import ReminderChanges, Reminders

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]


class Dispatcher:
    def __init__(
        self,
        settings: Settings,
        database: Database,
        registry: Registry,
        clock: Clock,
        command_rooms: set[str],
        alert_room: str,
        on_replanned: Callable[[ReminderChanges], None],
    ) -> None:
        """`command_rooms`: rooms besides incident rooms where commands work (platform, LOT-C).

        `alert_room` is where LOT-C is alerted; `on_replanned` is told when reminders changed.
        """
        self.alert_room = alert_room
        self.on_replanned = on_replanned
        self.command_rooms = command_rooms
        self.settings = settings
        self.database = database
        self.registry = registry
        self.clock = clock

    async def handle(self, command: IncomingCommand) -> list[OutboxEffect]:
        """Handle a command at most once. Returns the outbox rows it committed."""
        try:
            return await self._handle(command)
        except Exception:
            # Nothing of the failed attempt was stored; say so once instead of retrying forever.
            log.exception("command %s in %s failed", command.event_id, command.room_id)
            return await self._answer_only(command, text(texts.FAILURE))

    async def _handle(self, command: IncomingCommand) -> list[OutboxEffect]:
        try:
            return await self._run_once(command)
        except AlreadyHandled:
            return []

    async def _run_once(self, command: IncomingCommand) -> list[OutboxEffect]:
        now = self.clock()
        context: Context | None = None
        async with self.database.transaction() as session:
            state = BotState(session)
            await state.claim_event(command.event_id, command.room_id, now)
            member = self.settings.member(command.sender)
            outbox = Outbox(session)
            if member is None:
                log.warning(
                    "ignored a command from non-member %s in %s", command.sender, command.room_id
                )
                day = now.astimezone(self.settings.platform.zone).date().isoformat()
                if not await state.claim_non_member_notice(command.room_id, day):
                    return []
                effects: list[Effect] = [Reply(text(texts.MEMBERS_ONLY))]
            elif command.is_edit:
                effects = [Reply(text(texts.EDITED_COMMAND))]
            else:
                cases = CaseStore(session)
                in_command_room = command.room_id in self.command_rooms
                room_case = None if in_command_room else await cases.by_room(command.room_id)
                context = Context(
                    sender=command.sender,
                    member=member,
                    room_id=command.room_id,
                    event_id=command.event_id,
                    sent_at=datetime.fromtimestamp(command.sent_ts / 1000, UTC),
                    now=now,
                    settings=self.settings,
                    cases=cases,
                    reminders=Reminders(session),
                    room_case=room_case,
                )
                if room_case is None and not in_command_room:
                    effects = [Reply(text(texts.WRONG_ROOM))]
                else:
                    effects = await self.registry.run(command.body, context)
            rows = await write_effects(outbox, effects, now, command.target, self.alert_room)
        if context is not None and context.reminder_changes:
            try:
                self.on_replanned(context.reminder_changes)
            except Exception:  # committed already; the scheduler's safety net catches up
                log.exception("could not schedule the reminders of %s", command.event_id)
        return rows

    async def _answer_only(self, command: IncomingCommand, message: Message) -> list[OutboxEffect]:
        now = self.clock()
        try:
            async with self.database.transaction() as session:
                await BotState(session).claim_event(command.event_id, command.room_id, now)
                return await write_effects(Outbox(session), [Reply(message)], now, command.target)
        except AlreadyHandled:
            return []
