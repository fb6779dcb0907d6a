"""A case's reminders and its escalation: whether they are still due, what they say, to whom."""

from __future__ import annotations

from datetime import datetime

from commands.cases.views import CARD, region_label
from commands.cases.window import (
    missing,
    next_report_reminder,
    still_due,
)
from commands.core.context import Workspace
from commands.core.effects import AlertLotC, Effect, PostInCaseRoom, RefreshLive
from commands.core.message import Message, bold, lines
from commands.core.moments import format_moment
from commands.core.timefmt import duration
from commands.directory.people import alert_people, coordinator_label, people_who_can_act
from commands.texts import cases as texts
from config.settings import Settings
from storage.cases import Case, TimelineKind
from storage.reminders import Reminder, ReminderKind


def reminder_effects(
    case: Case, kind: ReminderKind, due: datetime, now: datetime, settings: Settings
) -> list[Effect]:
    zone = settings.platform.zone
    late_line = (
        texts.REMINDER_LATE.format(due=format_moment(due, zone, now))
        if now - due > settings.window.late_after
        else None
    )
    lacking = texts.REMINDER_MISSING.format(missing=", ".join(missing(case)))
    if kind == ReminderKind.LADDER:
        message = lines(
            bold(
                texts.REMINDER_LADDER.format(
                    number=case.number,
                    remaining=duration(case.deadline_at - now),
                    deadline=format_moment(case.deadline_at, zone, now),
                )
            ),
            lacking,
            late_line,
        )
        return [
            PostInCaseRoom(case.id, message, tuple(people_who_can_act(case, settings))),
            RefreshLive(CARD, case.id),
        ]
    if kind == ReminderKind.DEADLINE:
        message = _escalation(case, lacking, late_line)
        alerted, card = tuple(alert_people(settings)), RefreshLive(CARD, case.id)
        return [AlertLotC(message, alerted), PostInCaseRoom(case.id, message), card]
    if kind == ReminderKind.REPORT:
        assert case.visited_at is not None
        coordinator = (
            coordinator_label(case.coordinator, case.coordinator_region)
            if case.coordinator
            else texts.COORDINATOR_UNKNOWN
        )
        message = lines(
            bold(
                texts.REPORT_REMINDER.format(
                    number=case.number,
                    visited=format_moment(case.visited_at, zone, now),
                    coordinator=coordinator,
                )
            ),
            late_line,
        )
        return [PostInCaseRoom(case.id, message, tuple(people_who_can_act(case, settings)))]
    if kind == ReminderKind.PREPARE:
        message = lines(
            bold(
                texts.PREVENTIVE_PREPARE_REMINDER.format(
                    number=case.number, moment=format_moment(case.deadline_at, zone, now)
                )
            ),
            texts.PREVENTIVE_CHECKLIST,
            texts.PREVENTIVE_REPORTING_LINE,
            late_line,
        )
        return [PostInCaseRoom(case.id, message, tuple(people_who_can_act(case, settings)))]
    raise ValueError(f"unknown reminder kind {kind}")


def _escalation(case: Case, lacking: str, late_line: str | None) -> Message:
    return lines(
        bold(
            texts.ESCALATION.format(number=case.number, title=case.title, region=region_label(case))
        ),
        texts.ESCALATION_STATE.format(status=texts.STATUS_LABELS[case.status]),
        lacking,
        late_line,
    )


async def run_case_reminder(reminder: Reminder, workspace: Workspace) -> list[Effect] | None:
    """A rung of the ladder, the deadline, a report or preparation reminder; None: not due."""
    assert reminder.case_id is not None
    case = await workspace.cases.by_id(reminder.case_id)
    assert case is not None
    settings, now = workspace.settings, workspace.now
    if not still_due(case, reminder.kind):
        return None
    # After downtime several rungs of the ladder are due at once: only the last one speaks.
    if reminder.kind == ReminderKind.LADDER and await workspace.reminders.later_one_due(
        reminder, now, kinds=(ReminderKind.LADDER, ReminderKind.DEADLINE)
    ):
        return None
    if reminder.kind == ReminderKind.DEADLINE:
        case.overdue = True
        await workspace.cases.record(
            case,
            at=now,
            actor=settings.matrix.user_id,
            kind=TimelineKind.ESCALATION,
            text=texts.TIMELINE_OVERDUE,
        )
    if reminder.kind == ReminderKind.REPORT:
        due = next_report_reminder(now, settings.window, settings.platform.zone)
        await workspace.remind(ReminderKind.REPORT, due, case_id=case.id)
    return reminder_effects(case, reminder.kind, reminder.due_at, now, settings)
