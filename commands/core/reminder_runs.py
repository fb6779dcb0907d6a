"""What a due reminder does, by what it is about: a case's window, a meeting, an action.

Returns the effects to send, or None when its reason has gone (it is then cancelled).
"""

from __future__ import annotations

from commands import texts
from commands.agenda.cycle import AGENDA, post_agenda
from commands.cases.reminders import reminder_effects
from commands.cases.window import DEADLINE, LADDER, REPORT, next_report_reminder, still_due
from commands.core.context import Workspace
from commands.core.effects import Effect, PostInRoom
from commands.core.message import bold, lines, text
from commands.core.timefmt import short_moment
from commands.follow_up.entries import ACTION_OVERDUE, action_line, owner_people
from commands.follow_up.working_hours import working_moment
from commands.meetings.flow import CONVENE, MEETING_SOON, convene_unanswered, remind_soon
from commands.preventive.visits import CADENCE, cadence_warning
from storage.reminders import Reminder


async def run_reminder(reminder: Reminder, workspace: Workspace) -> list[Effect] | None:
    if reminder.case_id is not None:
        return await _case(reminder, reminder.case_id, workspace)
    if reminder.meeting_id is not None:
        meeting = await workspace.meetings.by_id(reminder.meeting_id)
        if meeting is None:
            return None
        if reminder.kind == CONVENE:
            return await convene_unanswered(meeting, workspace)
        if reminder.kind == MEETING_SOON:
            return await remind_soon(meeting, workspace)
    if reminder.action_id is not None and reminder.kind == ACTION_OVERDUE:
        return await _action(reminder.action_id, workspace)
    if reminder.kind == AGENDA:
        return await post_agenda(reminder, workspace)
    if reminder.kind == CADENCE:
        return await cadence_warning(reminder, workspace)
    return None


async def _case(reminder: Reminder, case_id: int, workspace: Workspace) -> list[Effect] | None:
    case = await workspace.cases.by_id(case_id)
    assert case is not None
    settings, now = workspace.settings, workspace.now
    if not still_due(case, reminder.kind):
        return None
    # After downtime several rungs of the ladder are due at once: only the last one speaks.
    if reminder.kind == LADDER and await workspace.reminders.later_one_due(
        reminder, now, kinds=(LADDER, DEADLINE)
    ):
        return None
    if reminder.kind == DEADLINE:
        case.overdue = True
        await workspace.cases.record(
            case,
            at=now,
            actor=settings.matrix.user_id,
            kind="escalatie",
            text=texts.TIMELINE_OVERDUE,
        )
    if reminder.kind == REPORT:
        due = next_report_reminder(now, settings.window, settings.platform.zone)
        await workspace.remind(REPORT, due, case_id=case.id)
    return reminder_effects(case, reminder.kind, reminder.due_at, now, settings)


async def _action(action_id: int, workspace: Workspace) -> list[Effect] | None:
    """An overdue action, to its owner; again after `actions.remind_every`, in working hours."""
    action = await workspace.follow_up.action(action_id)
    if action is None or action.done_at is not None or action.due_at is None:
        return None
    settings, now = workspace.settings, workspace.now
    zone = settings.platform.zone
    following = working_moment(now + settings.actions.remind_every, settings.actions, zone)
    await workspace.remind(ACTION_OVERDUE, following, action_id=action.id)
    message = lines(
        bold(
            text(
                texts.ACTION_OVERDUE_REMINDER.format(
                    number=action.id, moment=short_moment(action.due_at, zone)
                )
            )
        ),
        action_line(action, settings, now),
        texts.ACTION_HOW_TO_FINISH.format(number=action.id),
    )
    return [PostInRoom(action.room_id, message, mentions=tuple(owner_people(action, settings)))]
