"""Shared by the agenda and preventive tests: settings with a cycle, a movable clock, firing reminders."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from bot.dispatch import Dispatcher
from bot.reminder_clock import ReminderClock
from bot.rooms import PlatformRooms
from commands import build_registry
from config.settings import Settings
from storage.database import Database
from storage.reminders import Reminder
from tests.unit.helpers import PLATFORM, command, make_settings

ISZW = "@iszw:example.org"

VR06 = "@vr06:example.org"


def cycle_settings(**sections: object) -> Settings:
    base = make_settings()
    return Settings(**{**base.model_dump(mode="json"), **sections})


def dispatcher_at(database: Database, settings: Settings, when: list[datetime]) -> Dispatcher:
    """`when[0]` is the clock; tests move it."""
    return Dispatcher(
        settings,
        database,
        build_registry(),
        lambda: when[0],
        PlatformRooms(PLATFORM),
        lambda _changes: None,
    )


async def ask(
    dispatcher: Dispatcher, body: str, when: datetime, room: str = PLATFORM, sender: str = ISZW
) -> str:
    written = await dispatcher.handle(command(body, sender=sender, room=room, sent=when))
    return written[0].payload["body"]


async def open_reminders(database: Database, kind: str) -> list[Reminder]:
    async with database.transaction() as session:
        query = select(Reminder).where(
            Reminder.kind == kind, Reminder.sent_at.is_(None), Reminder.cancelled_at.is_(None)
        )
        return list((await session.scalars(query)).all())


def clock_at(database: Database, settings: Settings, when: list[datetime], written: list):
    return ReminderClock(database, settings, lambda: when[0], (PLATFORM, PLATFORM), written.extend)


async def fire_open(clock: ReminderClock, database: Database, kind: str) -> None:
    for reminder in await open_reminders(database, kind):
        await clock.fire(reminder.id)
