"""One event, one transaction: run the handler, store its effects in the outbox, mark handled.

Commands, reactions and redactions all pass through here, so each is handled at most once.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.audit_events import Audited, audited, command_action, ignored, room_object
from bot.directory_cache import DirectoryCache
from bot.events import IncomingCommand, IncomingReaction, IncomingRedaction, ReplyTarget
from bot.ops.metrics import Metrics
from bot.outbox.guarded import mark_as_guard
from bot.outbox.writer import write_effects
from bot.rooms import PlatformRooms
from bot.screening import noting, screened_command, screened_reaction
from commands.core.context import Context, stores
from commands.core.effects import Effect, Reply
from commands.core.help import plain_words
from commands.core.message import Message, text
from commands.core.reactions import Reaction
from commands.core.registry import Registry
from commands.core.roster import Person
from commands.guard.outsiders import command_refused, outsiders_of
from commands.texts import core as texts
from config.settings import Settings
from storage.audit import AuditResult, AuditTrail
from storage.bot_state import AlreadyHandled, BotState
from storage.cases import Case, CaseStore
from storage.database import Database
from storage.outbox import Outbox, OutboxEffect
from storage.reminders import ReminderChanges
from storage.room_guard import RoomOutsiders

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
Event = IncomingCommand | IncomingReaction | IncomingRedaction
Act = Callable[[Context], Awaitable[list[Effect]]]


class Dispatcher:
    def __init__(
        self,
        settings: Settings,
        database: Database,
        registry: Registry,
        clock: Clock,
        rooms: PlatformRooms,
        on_replanned: Callable[[ReminderChanges], None],
        direct: Callable[[str], bool] = lambda _room_id: False,
        directory: DirectoryCache | None = None,
        metrics: Metrics | None = None,
    ) -> None:
        """`on_replanned` is told when a handler changed reminders, after the commit; `direct`
        says whether a room is a member's direct chat with the bot (bot.rooms.DirectChats);
        `directory` is the bot's directory (one of its own when none is given)."""
        self.directory = directory or DirectoryCache(database, settings, clock)
        self.metrics = metrics
        self.rooms = rooms
        self.direct = direct
        self.on_replanned = on_replanned
        self.settings = settings
        self.database = database
        self.registry = registry
        self.clock = clock

    async def handle(self, command: IncomingCommand) -> list[OutboxEffect]:
        """Handle a command at most once. Returns the outbox rows it committed.

        Personal data is screened out of the body first: nothing after this sees the original."""
        command, found = screened_command(command, self.registry, self.settings, self._today())
        if command.is_plain and not await self._answers_plain(command):
            return []
        try:
            act = noting(self._command_act(command), found)
            return await self._once(command, command.target, act)
        except Exception:
            # Nothing of the failed attempt was stored; say so once instead of retrying forever.
            log.exception("command %s in %s failed", command.event_id, command.room_id)
            return await self._answer_only(command, text(texts.FAILURE))

    async def handle_reaction(self, reaction: IncomingReaction) -> list[OutboxEffect]:
        """An answer to an invitation, or a 📌. Replies go to the message reacted to; the text
        of a pinned message is screened before it goes onto the timeline."""
        reaction, removed = screened_reaction(reaction, self.settings, self._today())
        found = Reaction(
            reaction.target_event_id, reaction.key, reaction.target_sender, reaction.target_text
        )
        target = ReplyTarget(reaction.room_id, reaction.target_event_id)

        async def act(context: Context) -> list[Effect]:
            return await self.registry.reactions.on_reaction(found, context)

        return await self._quietly(reaction, target, noting(act, removed, only_to_an_answer=True))

    async def handle_redaction(self, redaction: IncomingRedaction) -> list[OutboxEffect]:
        """A member took a reaction back."""

        async def act(context: Context) -> list[Effect]:
            return await self.registry.reactions.on_withdrawn(redaction.redacts, context)

        return await self._quietly(redaction, None, act)

    async def _quietly(
        self, event: Event, target: ReplyTarget | None, act: Act
    ) -> list[OutboxEffect]:
        """Reactions and redactions: non-members are ignored, failures only logged."""
        if not await self.is_member(event.sender):
            return []
        try:
            return await self._once(event, target, act)
        except Exception:
            log.exception("%s in %s failed", event.event_id, event.room_id)
            return []

    async def _answers_plain(self, command: IncomingCommand) -> bool:
        """Plain words are answered only in a member's direct chat, never in an incident room
        that has two members so far; anything else is conversation, not for the bot."""
        if not await self.is_member(command.sender) or not self.direct(command.room_id):
            return False
        async with self.database.transaction() as session:
            return await CaseStore(session).by_room(command.room_id) is None

    def _today(self) -> date:
        return self.clock().astimezone(self.settings.platform.zone).date()

    async def is_member(self, user_id: str) -> bool:
        return user_id in await self.directory.current()

    def _command_act(self, command: IncomingCommand) -> Act:
        async def act(context: Context) -> list[Effect]:
            if command.is_edit:
                context.audit_result = AuditResult.IGNORED
                return [Reply(text(texts.EDITED_COMMAND))]
            if command.is_plain:
                return plain_words(self.registry, command.body)
            return await self.registry.run(command.body, context)

        return act

    async def _once(self, event: Event, target: ReplyTarget | None, act: Act) -> list[OutboxEffect]:
        try:
            return await self._run_once(event, target, act)
        except AlreadyHandled:
            return []

    async def _run_once(
        self, event: Event, target: ReplyTarget | None, act: Act
    ) -> list[OutboxEffect]:
        now, started = self.clock(), time.perf_counter()
        context: Context | None = None
        directory = await self.directory.current()
        async with self.database.transaction() as session:
            state = BotState(session)
            await state.claim_event(event.event_id, event.room_id, now)
            member = directory.member(event.sender)
            refused = member is None  # what non-members are told shows no case data
            if member is None:
                effects = await self._non_member(state, event, now)
                room_case = await self._room_case(session, event.room_id)
                entry = ignored(event, self.registry, room_case)
            else:
                context = await self._context(session, event, member, now)
                effects = await self._refused_while_guarded(session, context, event)
                refused = bool(effects)
                effects = effects or await self._act_in_room(context, event, act)
                entry = audited(event, context, self.registry)
            rows = await write_effects(Outbox(session), effects, now, target, self.rooms.alert)
            if refused:
                mark_as_guard(rows)  # goes out while an outsider is in the room
            if entry is not None:
                await _append(session, entry, event, now)
        if entry is not None:
            _log_handled(entry, event, started)
        self._count(event, entry, rows)
        if context is not None and context.directory_changed:
            await self.directory.reload()
        if context is not None and context.reminder_changes:
            try:
                self.on_replanned(context.reminder_changes)
            except Exception:  # committed already; the scheduler's safety net catches up
                log.exception("could not schedule the reminders of %s", event.event_id)
        return rows

    def _count(self, event: Event, entry: Audited | None, rows: list[OutboxEffect]) -> None:
        """A committed command, for the metrics; its latency is seen when its answer is out."""
        if self.metrics is None or entry is None or not isinstance(event, IncomingCommand):
            return
        self.metrics.command_handled(entry.action, entry.result)
        answer = next(
            (row.id for row in rows if row.payload.get("reply_to") == event.event_id), None
        )
        if answer is not None:
            self.metrics.answer_awaited(answer, event.sent_ts / 1000)

    async def _non_member(self, state: BotState, event: Event, now: datetime) -> list[Effect]:
        """Logged every time; told once per room and day that the bot works for members only."""
        log.warning("ignored a command from non-member %s in %s", event.sender, event.room_id)
        day = now.astimezone(self.settings.platform.zone).date().isoformat()
        if not await state.claim_non_member_notice(event.room_id, day):
            return []
        return [Reply(text(texts.MEMBERS_ONLY))]

    async def _context(
        self, session: AsyncSession, event: Event, member: Person, now: datetime
    ) -> Context:
        room_case = await self._room_case(session, event.room_id)
        return Context(
            sender=event.sender,
            member=member,
            room_id=event.room_id,
            event_id=event.event_id,
            sent_at=datetime.fromtimestamp(event.sent_ts / 1000, UTC),
            mentions=event.mentions if isinstance(event, IncomingCommand) else (),
            now=now,
            settings=self.settings,
            directory=await self.directory.current(),
            platform_room=self.rooms.platform,
            alert_room=self.rooms.lotc,
            room_case=room_case,
            **stores(session),
        )

    async def _refused_while_guarded(
        self, session: AsyncSession, context: Context, event: Event
    ) -> list[Effect]:
        """A command in a case room that someone outside the directory can read gets only
        the reason why; nothing runs. Reactions still count (what they post waits)."""
        if context.room_case is None or not isinstance(event, IncomingCommand):
            return []
        present = await RoomOutsiders(session).in_room(context.room_id)
        outsiders = outsiders_of(present, context.directory)
        if not outsiders:
            return []
        context.audit_result = AuditResult.REFUSED
        return [Reply(command_refused(outsiders))]

    async def _room_case(self, session: AsyncSession, room_id: str) -> Case | None:
        """The case whose incident room this is; none for the platform and LOT-C rooms."""
        if room_id in self.rooms.commands:
            return None
        return await CaseStore(session).by_room(room_id)

    async def _act_in_room(self, context: Context, event: Event, act: Act) -> list[Effect]:
        """Commands work in the platform and LOT-C rooms, in incident rooms and in a member's
        direct chat with the bot (as in the platform room), nowhere else."""
        if context.room_case is None and context.room_id not in self.rooms.commands:
            if not isinstance(event, IncomingCommand):
                return []
            if not self.direct(context.room_id):
                context.audit_result = AuditResult.REFUSED
                return [Reply(text(texts.WRONG_ROOM))]
        return await act(context)

    async def _answer_only(self, command: IncomingCommand, message: Message) -> list[OutboxEffect]:
        """After a failure: the answer, and the audit record that the command failed."""
        now = self.clock()
        try:
            async with self.database.transaction() as session:
                await BotState(session).claim_event(command.event_id, command.room_id, now)
                rows = await write_effects(Outbox(session), [Reply(message)], now, command.target)
                room_case = await self._room_case(session, command.room_id)
                entry = Audited(
                    command_action(command, self.registry),
                    AuditResult.FAILED,
                    room_object(room_case),
                )
                await _append(session, entry, command, now)
            self._count(command, entry, rows)
            return rows
        except AlreadyHandled:
            return []


def _log_handled(entry: Audited, event: Event, started: float) -> None:
    """One line per handled event, with its codes and ids as fields (see bot/log_format.py)."""
    duration_ms = round((time.perf_counter() - started) * 1000, 1)
    case = entry.object.removeprefix("case:") if entry.object.startswith("case:") else None
    log.info(
        "%s %s in %.1f ms",
        entry.action,
        entry.result,
        duration_ms,
        extra={
            "event_id": event.event_id,
            "room": event.room_id,
            "command": entry.action,
            "result": str(entry.result),
            "case": case,
            "duration_ms": duration_ms,
        },
    )


async def _append(session: AsyncSession, entry: Audited, event: Event, now: datetime) -> None:
    await AuditTrail(session).append(
        action=entry.action,
        object=entry.object,
        result=entry.result,
        actor=event.sender,
        at=now,
        room=event.room_id,
        event=event.event_id,
    )
