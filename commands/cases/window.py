"""The 24-hour window as rules: what a case still lacks, and which reminders it needs."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from commands.core.context import Workspace
from commands.texts import cases as texts
from config.settings import Settings, WindowSettings
from storage.cases import Case, CaseKind, CaseStatus, Decision
from storage.reminders import ReminderKind


def window_open(case: Case) -> bool:
    """The window runs from the signal until the visit is done or the decision is no visit.

    Only repressive cases have one; a preventive visit has a planned time instead.
    """
    return (
        case.kind == CaseKind.REPRESSIVE
        and case.status != CaseStatus.CLOSED
        and case.visited_at is None
        and case.decision != Decision.NO_VISIT
    )


def preparation_due(case: Case) -> bool:
    return (
        case.kind == CaseKind.PREVENTIVE
        and case.status != CaseStatus.CLOSED
        and case.visited_at is None
    )


def report_due(case: Case) -> bool:
    return (
        case.status != CaseStatus.CLOSED
        and case.visited_at is not None
        and case.report_filed_at is None
    )


def missing(case: Case) -> list[str]:
    """What still stands between the case and a visit (or its report), in Dutch."""
    if case.status == CaseStatus.CLOSED:
        return []
    if report_due(case):
        return [texts.MISSING_REPORT]
    if preparation_due(case):
        return [texts.MISSING_VISIT]
    if not window_open(case):
        return []
    lacking = []
    if case.coordinator is None:
        lacking.append(texts.MISSING_COORDINATOR)
    if case.decision is None:
        lacking.append(texts.MISSING_DECISION)
    if case.visit_planned_at is None:
        lacking.append(texts.MISSING_PLAN)
    else:
        lacking.append(texts.MISSING_VISIT)
    return lacking


def planned_reminders(case: Case, settings: Settings) -> list[tuple[ReminderKind, datetime]]:
    """The reminders the case needs now, as (kind, due); later report reminders follow sent ones."""
    window = settings.window
    if preparation_due(case):
        if case.deadline_at <= case.signalled_at:
            return []  # planned for now: there is nothing left to prepare
        # Planned at shorter notice than `prepare_before`: the reminder goes at once.
        prepare = case.deadline_at - settings.preventive.prepare_before
        return [(ReminderKind.PREPARE, max(prepare, case.signalled_at))]
    if window_open(case):
        # A rung that would fall before the signal (a short window) is left out, not sent late.
        ladder = [
            (ReminderKind.LADDER, case.deadline_at - before)
            for before in window.reminders_before
            if case.deadline_at - before > case.signalled_at
        ]
        return [*ladder, (ReminderKind.DEADLINE, case.deadline_at)]
    if report_due(case):
        assert case.visited_at is not None
        return [(ReminderKind.REPORT, case.visited_at + window.report_after)]
    return []


def still_due(case: Case, kind: ReminderKind, now: datetime) -> bool:
    """Checked again just before sending: a reminder whose reason has gone is not sent."""
    if kind == ReminderKind.REPORT:
        return report_due(case)
    if kind == ReminderKind.PREPARE:
        return preparation_due(case) and case.deadline_at > now  # too late once it has begun
    return window_open(case)


def next_report_reminder(sent: datetime, window: WindowSettings, zone: ZoneInfo) -> datetime:
    """The next report reminder: `report_every` later, moved to `report_at` (local) if set."""
    due = sent + window.report_every
    if window.report_at is None:
        return due
    local = due.astimezone(zone)
    at = local.replace(
        hour=window.report_at.hour, minute=window.report_at.minute, second=0, microsecond=0
    )
    if at < local:
        at += timedelta(days=1)
    return at.astimezone(due.tzinfo)


async def replan_case(workspace: Workspace, case: Case, *, new_case: bool = False) -> None:
    """Bring the case's reminders in line with its state (the window's rules)."""
    plan = planned_reminders(case, workspace.settings)
    await workspace.reminders.replan(
        case, plan, workspace.now, workspace.reminder_changes, new_case=new_case
    )
