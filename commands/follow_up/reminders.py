"""Overdue actions are reminded to their owner, in working hours, until they are done."""

from __future__ import annotations

from commands.core.context import Workspace
from commands.core.effects import Effect, PostInRoom
from commands.core.message import bold, lines, text
from commands.core.timefmt import short_moment
from commands.follow_up.entries import action_line, owner_people
from commands.follow_up.working_hours import working_moment
from commands.texts import follow_up as texts
from storage.reminders import Reminder, ReminderKind


async def remind_overdue_action(reminder: Reminder, workspace: Workspace) -> list[Effect] | None:
    """An overdue action, to its owner; again after `actions.remind_every`, in working hours."""
    if reminder.action_id is None:
        return None
    action = await workspace.follow_up.action(reminder.action_id)
    if action is None or action.done_at is not None or action.due_at is None:
        return None
    settings, now = workspace.settings, workspace.now
    zone = settings.platform.zone
    following = working_moment(now + settings.actions.remind_every, settings.actions, zone)
    await workspace.remind(ReminderKind.ACTION_OVERDUE, following, action_id=action.id)
    message = lines(
        bold(
            text(
                texts.ACTION_OVERDUE_REMINDER.format(
                    number=action.id, moment=short_moment(action.due_at, zone)
                )
            )
        ),
        action_line(action, workspace),
        texts.ACTION_HOW_TO_FINISH.format(number=action.id),
    )
    return [PostInRoom(action.room_id, message, mentions=tuple(owner_people(action, workspace)))]
