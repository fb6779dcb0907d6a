"""The daily run: planned at start, at `privacy.retention_at` local time, silent in Matrix,
applied in its reminder's transaction, and planned again for the next day."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import pytest

from commands.retention.daily import next_run
from storage.cases import Case
from storage.database import Database
from storage.outbox import OutboxEffect
from storage.reminders import Reminder, ReminderKind
from tests.unit.agenda.helpers import clock_at, open_reminders
from tests.unit.helpers import NOW
from tests.unit.retention.helpers import YEAR, add, all_of, closed_case, retention_settings

# NOW is Saturday 28 November 2026, 10:30 in Amsterdam (UTC+1).
TOMORROW_0330 = datetime(2026, 11, 29, 2, 30, tzinfo=UTC)


async def test_start_plans_one_run_at_retention_at_local_time(database: Database) -> None:
    settings = retention_settings(retention_at="03:30")
    clock = clock_at(database, settings, [NOW], [])
    for _ in range(2):  # a second start plans nothing more
        async with database.transaction() as session:
            await clock._plan_cycle(session)
    (planned,) = await open_reminders(database, ReminderKind.RETENTION)
    assert planned.due_at == TOMORROW_0330


async def test_a_changed_time_of_day_moves_the_planned_run(database: Database) -> None:
    for at in ("03:30", "22:15"):
        clock = clock_at(database, retention_settings(retention_at=at), [NOW], [])
        async with database.transaction() as session:
            await clock._plan_cycle(session)
    (planned,) = await open_reminders(database, ReminderKind.RETENTION)
    assert planned.due_at == datetime(2026, 11, 28, 21, 15, tzinfo=UTC)


def test_the_run_stays_at_its_local_time_across_daylight_saving() -> None:
    settings = retention_settings(retention_at="03:30")
    summer = next_run(settings, datetime(2026, 10, 23, 12, 0, tzinfo=UTC))
    winter = next_run(settings, summer)
    assert (summer.hour, winter.hour) == (1, 2)  # 03:30 CEST on the 24th, 03:30 CET on the 25th
    assert (winter - summer).total_seconds() == 25 * 3600


async def test_the_run_anonymises_says_nothing_and_plans_the_next_day(
    database: Database, caplog: pytest.LogCaptureFixture
) -> None:
    old = closed_case(2 * YEAR)
    await add(database, old)
    settings = retention_settings(retention_at="03:30")
    when = [NOW]
    written: list[OutboxEffect] = []
    clock = clock_at(database, settings, when, written)
    async with database.transaction() as session:
        await clock._plan_cycle(session)
    (planned,) = await open_reminders(database, ReminderKind.RETENTION)
    when[0] = TOMORROW_0330
    with caplog.at_level(logging.INFO, logger="commands.retention.daily"):
        await clock.fire(planned.id)
    (logged,) = [record.getMessage() for record in caplog.records if record.name.endswith("daily")]
    assert "cases 1" in logged and "timeline_entries 0" in logged
    assert old.number not in logged and "Jansen" not in logged  # counts only
    assert written == [] and await all_of(database, OutboxEffect) == []
    (case,) = await all_of(database, Case)
    assert case.title == old.number and case.anonymised_at == TOMORROW_0330
    fired = {row.id: row for row in await all_of(database, Reminder)}[planned.id]
    assert fired.sent_at == TOMORROW_0330 and fired.cancelled_at is None
    (following,) = await open_reminders(database, ReminderKind.RETENTION)
    assert following.due_at == datetime(2026, 11, 30, 2, 30, tzinfo=UTC)
