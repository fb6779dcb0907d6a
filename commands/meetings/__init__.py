"""Meetings via LOT-C: asking, convening, the invitation and its answers, the minutes."""

from commands.meetings import flow, minutes
from commands.meetings.attendance import ANSWER_RULE
from commands.meetings.views import INVITATION, render_invitation
from storage.reminders import ReminderKind

COMMANDS = (flow.COMMAND, minutes.COMMAND)
REMINDERS = {
    ReminderKind.CONVENE: flow.convene_unanswered,
    ReminderKind.MEETING_SOON: flow.remind_soon,
}
REACTIONS = (ANSWER_RULE,)
AT_START = ()
LIVE = {INVITATION: render_invitation}
FILES = {}
