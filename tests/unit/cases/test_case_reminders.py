"""A new case's reminders are written in one statement; each one the scheduler is told of has
the id and due time the database holds for it, so the right reminder fires at the right time."""

from __future__ import annotations

from sqlalchemy import select

from bot.dispatch import Dispatcher
from bot.rooms import PlatformRooms
from commands import build_registry
from storage.database import Database
from storage.reminders import Reminder, ReminderChanges
from tests.unit.helpers import NOW, PLATFORM, command, make_settings


async def test_the_scheduler_is_told_each_new_reminder_as_stored(database: Database) -> None:
    told: list[ReminderChanges] = []
    settings = make_settings(reminders_before=["12h", "4h", "1h"])
    dispatcher = Dispatcher(
        settings, database, build_registry(), lambda: NOW, PlatformRooms(PLATFORM), told.append
    )
    await dispatcher.handle(command("!signaal Slachterij De Vries; regio: VR06"))
    async with database.transaction() as session:
        stored = (await session.scalars(select(Reminder).order_by(Reminder.id))).all()
        rows = {row.id: (row.kind, row.due_at) for row in stored}
    (changes,) = told
    added = {reminder.id: (reminder.kind, reminder.due_at) for reminder in changes.added}
    assert len(rows) == 4  # three rungs before the deadline, and the deadline
    assert added == rows
    assert len({due for _kind, due in rows.values()}) == 4
