"""What reminders and the escalation say, and to whom."""

from __future__ import annotations

from datetime import datetime

from commands import texts
from commands.cases.views import region_label
from commands.cases.window import DEADLINE, LADDER, PREPARE, REPORT, missing
from commands.core.effects import AlertLotC, Effect, PostInCaseRoom, RefreshCard
from commands.core.message import Message, bold, lines
from commands.core.moments import format_moment
from commands.core.timefmt import duration
from commands.directory.people import alert_people, coordinator_label, people_who_can_act
from config.settings import Settings
from storage.cases import Case


def reminder_effects(
    case: Case, kind: str, due: datetime, now: datetime, settings: Settings
) -> list[Effect]:
    zone = settings.platform.zone
    late_line = (
        texts.REMINDER_LATE.format(due=format_moment(due, zone, now))
        if now - due > settings.window.late_after
        else None
    )
    lacking = texts.REMINDER_MISSING.format(missing=", ".join(missing(case)))
    if kind == LADDER:
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
            RefreshCard(case.id),
        ]
    if kind == DEADLINE:
        message = _escalation(case, lacking, late_line)
        alerted = tuple(alert_people(settings))
        return [AlertLotC(message, alerted), PostInCaseRoom(case.id, message), RefreshCard(case.id)]
    if kind == REPORT:
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
    if kind == PREPARE:
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
        texts.ESCALATION_STATE.format(status=case.status),
        lacking,
        late_line,
    )
