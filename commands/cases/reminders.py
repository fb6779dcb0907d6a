"""A case's reminders and its escalation: whether they are still due, what they say, to whom."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from commands.cases.views import CARD, region_label
from commands.cases.window import (
    missing,
    next_report_reminder,
    still_due,
)
from commands.core.absence import absence_note
from commands.core.context import Workspace
from commands.core.effects import AlertLotC, Effect, PostInCaseRoom, RefreshLive
from commands.core.message import Message, bold, lines
from commands.core.moments import format_moment
from commands.core.people import alert_people, coordinator_label, people_who_can_act
from commands.core.roster import Directory
from commands.core.timefmt import duration
from commands.texts import cases as texts
from config.settings import Settings
from storage.cases import Case, TimelineKind
from storage.reminders import Reminder, ReminderKind


@dataclass(frozen=True)
class _Due:
    """What every reminder of a case shows: the case, what it lacks, and whether it is late."""

    case: Case
    lacking: str
    late_line: str | None
    now: datetime
    settings: Settings
    directory: Directory

    def moment(self, value: datetime) -> str:
        return format_moment(value, self.settings.platform.zone, self.now)

    def to_those_who_can_act(self, message: Message) -> PostInCaseRoom:
        """To the coordinator's members, and to the substitute of each who is away (said in
        the message, so nobody wonders why they are mentioned)."""
        people = people_who_can_act(self.case, self.directory, self.now)
        away = absence_note(self.directory, people, self.settings.platform.zone, self.now)
        return PostInCaseRoom(self.case.id, lines(message, away), tuple(people))


def reminder_effects(
    case: Case, kind: ReminderKind, due: datetime, workspace: Workspace
) -> list[Effect]:
    settings, now = workspace.settings, workspace.now
    late = now - due > settings.window.late_after
    late_line = (
        texts.REMINDER_LATE.format(due=format_moment(due, settings.platform.zone, now))
        if late
        else None
    )
    lacking = texts.REMINDER_MISSING.format(missing=", ".join(missing(case)))
    return _BY_KIND[kind](_Due(case, lacking, late_line, now, settings, workspace.directory))


def _ladder(due: _Due) -> list[Effect]:
    case = due.case
    heading = texts.REMINDER_LADDER.format(
        number=case.number,
        remaining=duration(case.deadline_at - due.now),
        deadline=due.moment(case.deadline_at),
    )
    message = lines(bold(heading), due.lacking, due.late_line)
    return [due.to_those_who_can_act(message), RefreshLive(CARD, case.id)]


def _deadline(due: _Due) -> list[Effect]:
    message = _escalation(due.case, due.lacking, due.late_line)
    alerted, card = tuple(alert_people(due.directory, due.now)), RefreshLive(CARD, due.case.id)
    return [AlertLotC(message, alerted), PostInCaseRoom(due.case.id, message), card]


def _report(due: _Due) -> list[Effect]:
    case = due.case
    assert case.visited_at is not None
    coordinator = (
        coordinator_label(case.coordinator, case.coordinator_region)
        if case.coordinator
        else texts.COORDINATOR_UNKNOWN
    )
    heading = texts.REPORT_REMINDER.format(
        number=case.number, visited=due.moment(case.visited_at), coordinator=coordinator
    )
    return [due.to_those_who_can_act(lines(bold(heading), due.late_line))]


def _prepare(due: _Due) -> list[Effect]:
    heading = texts.PREVENTIVE_PREPARE_REMINDER.format(
        number=due.case.number, moment=due.moment(due.case.deadline_at)
    )
    message = lines(
        bold(heading), texts.PREVENTIVE_CHECKLIST, texts.PREVENTIVE_REPORTING_LINE, due.late_line
    )
    return [due.to_those_who_can_act(message)]


_BY_KIND: dict[ReminderKind, Callable[[_Due], list[Effect]]] = {
    ReminderKind.LADDER: _ladder,
    ReminderKind.DEADLINE: _deadline,
    ReminderKind.REPORT: _report,
    ReminderKind.PREPARE: _prepare,
}


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
    if not still_due(case, reminder.kind, now):
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
    return reminder_effects(case, reminder.kind, reminder.due_at, workspace)
