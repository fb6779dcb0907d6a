"""The daily run at `privacy.retention_at`, local time: one reminder that plans the next.

It says nothing in Matrix (it returns no effects, so its reminder is marked sent) and logs
counts only: never a case number, never a text.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from commands.core.context import Workspace
from commands.core.effects import Effect
from config.settings import Settings
from storage.reminders import Reminder, ReminderKind
from storage.retention import due
from storage.retention_apply import apply

log = logging.getLogger(__name__)


def next_run(settings: Settings, after: datetime) -> datetime:
    """The first `privacy.retention_at` on the platform's clock after `after`, in UTC."""
    zone = settings.platform.zone
    day = after.astimezone(zone).date()
    for offset in range(3):  # today, tomorrow, or after a day that skips the hour
        wall = datetime.combine(day + timedelta(days=offset), settings.privacy.retention_at)
        moment = wall.replace(tzinfo=zone).astimezone(UTC)
        if moment > after:
            return moment
    raise AssertionError("a time of day recurs within three days")


async def plan_retention(workspace: Workspace) -> None:
    """At start-up: one open retention reminder. One already due is kept (it runs now, late);
    one planned for another time of day than configured is moved."""
    wanted = next_run(workspace.settings, workspace.now)
    for row in await workspace.reminders.of_kind(ReminderKind.RETENTION):
        if row.sent_at is not None or row.cancelled_at is not None:
            continue
        if row.due_at == wanted or row.due_at <= workspace.now:
            return
        row.cancelled_at = workspace.now  # retention_at changed
        workspace.reminder_changes.cancelled.append(row.id)
    await workspace.remind(ReminderKind.RETENTION, wanted)


async def run_retention(reminder: Reminder, workspace: Workspace) -> list[Effect]:
    """Apply what is due, in the reminder's transaction, and plan tomorrow's run."""
    session = workspace.cases.session
    plan = await due(session, workspace.settings.privacy, workspace.now)
    done = await apply(session, plan, workspace.now)
    await workspace.remind(ReminderKind.RETENTION, next_run(workspace.settings, workspace.now))
    log.info(
        "retention: anonymised %s; deleted %s; held %d records",
        _counts(done.anonymised),
        _counts(done.deleted),
        sum(records.held for records in plan.records),
    )
    return []


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{table} {count}" for table, count in counts.items()) or "nothing"
