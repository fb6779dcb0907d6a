"""The reminder clock holds jobs only for reminders due within its horizon, and still sends every
reminder once, on time: one far ahead once the horizon reaches it, one a command adds, none that
was cancelled, and the overdue ones at start-up (late, and saying so)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select

from bot.dispatch import Dispatcher
from bot.reminder_clock import FOLLOW_DELAY, ReminderClock
from bot.rooms import PlatformRooms
from commands import build_registry
from config.settings import Settings
from storage.cases import Case
from storage.database import Database
from storage.outbox import OutboxEffect, OutboxKind
from storage.reminders import Reminder, ReminderKind, Reminders
from tests.unit.helpers import INCIDENT, PLATFORM, command, dispatcher_at, make_settings

SIGNAL = "!signaal Slachterij A; regio: VNOG"
LATE = "Te laat verstuurd"


def clock_settings(window: dict[str, Any] | None = None, **scheduler: str) -> Settings:
    base = make_settings(**(window or {})).model_dump(mode="json")
    return Settings(**{**base, "scheduler": scheduler})


async def open_case(database: Database, settings: Settings, now: datetime, name: str = "A") -> int:
    body = SIGNAL.replace("Slachterij A", f"Slachterij {name}")
    await dispatcher_at(database, now, settings).handle(command(body, sent=now))
    async with database.transaction() as session:
        case = await session.scalar(select(Case).order_by(Case.id.desc()))
        assert case is not None
        return case.id


async def add_reminders(database: Database, case_id: int, *dues: datetime) -> list[Reminder]:
    async with database.transaction() as session:
        rows = [
            await Reminders(session).add(ReminderKind.LADDER, due, case_id=case_id) for due in dues
        ]
    return rows


async def reminder(database: Database, reminder_id: int) -> Reminder:
    async with database.transaction() as session:
        row = await session.get(Reminder, reminder_id)
        assert row is not None
        return row


async def case_reminders(database: Database) -> list[Reminder]:
    """The reminders of the (only) case, soonest first."""
    async with database.transaction() as session:
        query = select(Reminder).where(Reminder.case_id.is_not(None)).order_by(Reminder.due_at)
        return list((await session.scalars(query)).all())


def job_due(clock: ReminderClock, reminder_id: int) -> datetime | None:
    """When the scheduler will send the reminder; None when it holds no job for it."""
    job = clock.scheduler.get_job(f"reminder-{reminder_id}")
    return None if job is None else job.trigger.run_date


def sends(written: list[OutboxEffect], text: str = "") -> list[OutboxEffect]:
    return [row for row in written if row.kind == OutboxKind.SEND and text in row.payload["body"]]


async def until(check: Any, seconds: float) -> None:
    """Poll `check()` (async) until it is true, for at most `seconds`."""
    for _ in range(int(seconds * 20)):
        if await check():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("not within the time allowed")


async def test_only_reminders_within_the_horizon_are_held_and_the_safety_net_pulls_in_the_next(
    database: Database,
) -> None:
    now = datetime.now(UTC)
    when = [now]
    settings = clock_settings(safety_net="1m", horizon="10m")
    case_id = await open_case(database, settings, now)
    soon, after, far = await add_reminders(
        database,
        case_id,
        now + timedelta(minutes=9),
        now + timedelta(minutes=11),  # just after the horizon
        now + timedelta(days=20),
    )
    written: list[OutboxEffect] = []
    clock = ReminderClock(database, settings, lambda: when[0], (PLATFORM, PLATFORM), written.extend)
    await clock.start()
    try:
        assert job_due(clock, soon.id) == soon.due_at
        assert job_due(clock, after.id) is None
        assert job_due(clock, far.id) is None
        assert clock.jobs() == 1  # the case's own ladder (12 h ahead and later) is not held either
        when[0] = now + timedelta(minutes=1)  # the next safety-net check
        await clock.rebuild()
        assert job_due(clock, after.id) == after.due_at  # held 10 minutes before it is due
        assert job_due(clock, far.id) is None
        when[0] = far.due_at - timedelta(minutes=10)
        await clock.rebuild()
        assert job_due(clock, far.id) == far.due_at
        assert written == []  # nothing was due
    finally:
        clock.stop()


async def test_reminders_a_command_adds_or_cancels_are_followed_within_the_horizon(
    database: Database,
) -> None:
    now = datetime.now(UTC)
    when = [now]
    window = {"repressive": "1h", "reminders_before": ["55m"]}  # a rung 5 minutes in
    settings = clock_settings(window, safety_net="1m", horizon="10m")
    clock = ReminderClock(database, settings, lambda: when[0], (PLATFORM, PLATFORM), lambda _: None)
    await clock.start()
    dispatcher = Dispatcher(
        settings, database, build_registry(), lambda: when[0], PlatformRooms(PLATFORM), clock.follow
    )
    try:
        await dispatcher.handle(command(SIGNAL, sent=now))
        await asyncio.sleep(FOLLOW_DELAY * 2)
        rung, deadline = await case_reminders(database)
        assert job_due(clock, rung.id) == rung.due_at
        assert job_due(clock, deadline.id) is None  # an hour ahead: a later check reads it
        when[0] = deadline.due_at - timedelta(minutes=9)
        await clock.rebuild()
        assert job_due(clock, deadline.id) == deadline.due_at
        async with database.transaction() as session:
            (await session.scalar(select(Case))).room_id = INCIDENT  # type: ignore[union-attr]
        decided = "!besluit geen inzet al gecontroleerd door NVWA"
        await dispatcher.handle(command(decided, room=INCIDENT, sent=when[0]))
        await asyncio.sleep(FOLLOW_DELAY * 2)
        assert (job_due(clock, rung.id), job_due(clock, deadline.id)) == (None, None)
        await clock.rebuild()
        assert clock.jobs() == 0  # cancelled stays out
    finally:
        clock.stop()


async def test_overdue_reminders_are_sent_once_at_start_up_and_say_they_are_late(
    database: Database,
) -> None:
    now = datetime.now(UTC)
    settings = clock_settings(safety_net="1m", horizon="10m")
    overdue = [  # one rung of each of six cases fell due while the bot was down
        (await add_reminders(database, case_id, now - timedelta(minutes=30 + index)))[0]
        for index in range(6)
        for case_id in [await open_case(database, settings, now - timedelta(hours=1), str(index))]
    ]
    written: list[OutboxEffect] = []
    clock = ReminderClock(database, settings, lambda: now, (PLATFORM, PLATFORM), written.extend)
    await clock.start()
    try:

        async def all_handled() -> bool:
            rows = [await reminder(database, row.id) for row in overdue]
            return all(row.sent_at or row.cancelled_at for row in rows)

        await until(all_handled, 10)
        await clock.rebuild()  # a later check finds nothing more to send
        await asyncio.sleep(0.2)
        for row in overdue:
            assert (await reminder(database, row.id)).sent_at == now
        assert len(sends(written, LATE)) == len(overdue)  # each once, saying it is late
        assert clock.jobs() == 0  # the cases' own ladders are hours ahead
    finally:
        clock.stop()


async def test_a_reminder_far_ahead_is_sent_on_time_once_the_horizon_reaches_it(
    database: Database,
) -> None:
    # A 1-hour window whose ladder rung falls 5 seconds after the signal; the clock holds 2 s.
    now = datetime.now(UTC)
    window = {"repressive": "1h", "reminders_before": ["59m55s"]}
    settings = clock_settings(window, safety_net="1s", horizon="2s")
    await open_case(database, settings, now)
    rung, deadline = await case_reminders(database)
    assert (rung.kind, deadline.kind) == (ReminderKind.LADDER, ReminderKind.DEADLINE)
    written: list[OutboxEffect] = []
    clock = ReminderClock(
        database, settings, lambda: datetime.now(UTC), (PLATFORM, PLATFORM), written.extend
    )
    await clock.start()
    try:
        assert job_due(clock, rung.id) is None  # 5 s ahead: beyond the horizon

        async def held() -> bool:
            return job_due(clock, rung.id) is not None

        await until(held, 5)
        assert job_due(clock, rung.id) == rung.due_at
        assert datetime.now(UTC) < rung.due_at  # pulled in before it was due

        async def sent() -> bool:
            return (await reminder(database, rung.id)).sent_at is not None

        await until(sent, 8)
        sent_at = (await reminder(database, rung.id)).sent_at
        assert sent_at is not None and sent_at >= rung.due_at
        assert len(sends(written, "tot de deadline")) == 1
        assert sends(written, LATE) == []
        assert job_due(clock, deadline.id) is None  # an hour ahead: still not held
    finally:
        clock.stop()
