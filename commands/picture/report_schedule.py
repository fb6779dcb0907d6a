"""When the accountability report is due: its periods (calendar months, or a fixed duration
from `accountability.first`), and the one open reminder for the next period to report."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from commands.core.context import Workspace
from commands.core.schedule import first_start
from config.settings import Settings
from storage.figures import Window
from storage.reminders import ReminderKind


def _local(settings: Settings, moment: datetime) -> datetime:
    return moment.astimezone(settings.platform.zone)


def _month_start(settings: Settings, year: int, month: int) -> datetime:
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return datetime(year, month, 1, tzinfo=settings.platform.zone).astimezone(UTC)


def _anchor(settings: Settings, started: datetime) -> datetime:
    first = settings.accountability.first
    if first is None:
        return started
    return (first if first.tzinfo else first.replace(tzinfo=settings.platform.zone)).astimezone(UTC)


def period_containing(settings: Settings, moment: datetime, started: datetime) -> Window:
    """The report period that `moment` falls in."""
    every = settings.accountability.every
    if every == "month":
        local = _local(settings, moment)
        return Window(
            _month_start(settings, local.year, local.month),
            _month_start(settings, local.year, local.month + 1),
        )
    anchor = _anchor(settings, started)
    index = (moment - anchor) // every
    return Window(anchor + every * index, anchor + every * (index + 1))


def following(settings: Settings, window: Window, started: datetime) -> Window:
    return period_containing(settings, window.until, started)


def due_at(settings: Settings, window: Window) -> datetime:
    """Posted `post_after` after the period ends, counted in wall-clock time (09:00 stays 09:00)."""
    end = _local(settings, window.until).replace(tzinfo=None) + settings.accountability.post_after
    return end.replace(tzinfo=settings.platform.zone).astimezone(UTC)


def period_due(settings: Settings, due: datetime, started: datetime) -> Window:
    """The period a reminder due at `due` reports on."""
    end = _local(settings, due).replace(tzinfo=None) - settings.accountability.post_after
    last_moment = end.replace(tzinfo=settings.platform.zone).astimezone(UTC) - timedelta(
        microseconds=1
    )
    return period_containing(settings, last_moment, started)


def next_to_report(
    settings: Settings, last_reported: Window | None, now: datetime, started: datetime
) -> Window:
    """The period whose report comes next: the one after the last reported, or the one the bot
    first started in. After a long outage only the latest finished period is still sent late
    (earlier ones stay available with !verantwoording), so a restart never floods LOT-C."""
    if last_reported is not None:
        candidate = following(settings, last_reported, started)
    else:
        candidate = period_containing(settings, started, started)
    current = period_containing(settings, now, started)
    latest_finished = period_containing(
        settings, current.since - timedelta(microseconds=1), started
    )
    if latest_finished.since > candidate.since and latest_finished.until > started:
        return latest_finished
    return candidate


async def ensure_report(workspace: Workspace) -> None:
    """At start-up: exactly one open accountability reminder, for the period after the last one
    sent. A configuration change cancels the reminder that no longer fits."""
    settings = workspace.settings
    rows = await workspace.reminders.of_kind(ReminderKind.ACCOUNTABILITY)
    wanted: datetime | None = None
    if settings.accountability.enabled:
        started = await first_start(workspace)
        sent = [row.due_at for row in rows if row.sent_at is not None]
        last = period_due(settings, max(sent), started) if sent else None
        wanted = due_at(settings, next_to_report(settings, last, workspace.now, started))
    for row in rows:
        if row.sent_at is None and row.cancelled_at is None:
            if row.due_at == wanted:
                return
            row.cancelled_at = workspace.now
            workspace.reminder_changes.cancelled.append(row.id)
    if wanted is not None:
        await workspace.remind(ReminderKind.ACCOUNTABILITY, wanted)


async def plan_after(workspace: Workspace, reported: Window) -> None:
    """Once a period's report is out: the reminder for the next one."""
    started = await first_start(workspace)
    upcoming = next_to_report(workspace.settings, reported, workspace.now, started)
    await workspace.remind(ReminderKind.ACCOUNTABILITY, due_at(workspace.settings, upcoming))
