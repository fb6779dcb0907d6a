"""Shared by the meeting and follow-up tests: asking, reacting, reading rows and reminders."""

from __future__ import annotations

from datetime import datetime
from itertools import count

from sqlalchemy import select

from bot.dispatch import Dispatcher
from bot.events import IncomingReaction
from bot.reminder_clock import ReminderClock
from config.settings import Settings
from storage.database import Database
from storage.live import LiveMessages
from storage.meetings import Meeting
from storage.outbox import OutboxEffect
from storage.reminders import Reminder
from tests.unit.helpers import (
    INCIDENT,
    NOW,
    PLATFORM,
    command,
    open_case,
)

LOTC = "@lotc:example.org"

ISZW = "@iszw:example.org"

VR06 = "@vr06:example.org"

GGD06 = "@ggd06:example.org"

_ids = count(1)


async def rows(database: Database) -> list[OutboxEffect]:
    async with database.transaction() as session:
        return list((await session.scalars(select(OutboxEffect).order_by(OutboxEffect.id))).all())


async def ask(dispatcher: Dispatcher, body: str, sender: str = ISZW, room: str = INCIDENT) -> str:
    written = await dispatcher.handle(command(body, sender=sender, room=room))
    return written[0].payload["body"]


async def meeting(database: Database) -> Meeting:
    async with database.transaction() as session:
        found = await session.scalar(select(Meeting).order_by(Meeting.id.desc()))
        assert found is not None
        return found


async def reminders(database: Database, kind: str) -> list[Reminder]:
    async with database.transaction() as session:
        query = select(Reminder).where(Reminder.kind == kind).order_by(Reminder.id)
        return list((await session.scalars(query)).all())


async def fire_due(database: Database, settings: Settings, at: datetime, kind: str) -> list:
    """Fire every open reminder of `kind` with the clock at `at`; returns the rows written."""
    written: list[OutboxEffect] = []
    clock = ReminderClock(database, settings, lambda: at, (PLATFORM, PLATFORM), written.extend)
    for reminder in await reminders(database, kind):
        if reminder.sent_at is None and reminder.cancelled_at is None:
            await clock.fire(reminder.id)
    return written


async def react(
    dispatcher: Dispatcher, sender: str, target: str, key: str, room: str = INCIDENT
) -> str:
    event_id = f"$reaction{next(_ids)}"
    await dispatcher.handle_reaction(
        IncomingReaction(room, event_id, sender, int(NOW.timestamp() * 1000), target, key)
    )
    return event_id


async def convened(dispatcher: Dispatcher, database: Database) -> None:
    await open_case(dispatcher, database)
    await ask(dispatcher, "!overleg morgen 14:00 afstemming")
    await ask(dispatcher, "!overleg bevestig 1", sender=LOTC, room=PLATFORM)
    async with database.transaction() as session:  # as delivery records it
        await LiveMessages(session).record("invitation", 1, INCIDENT, "$invitation")
