"""The biweekly platform meeting: its dates and the agenda the bot posts before it."""

from commands.agenda import cycle
from storage.reminders import ReminderKind

COMMANDS = (cycle.COMMAND,)
REMINDERS = {ReminderKind.AGENDA: cycle.post_agenda}
REACTIONS = ()
AT_START = (cycle.ensure_agenda,)
LIVE = {}
FILES = {}
