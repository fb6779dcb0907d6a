"""The decision and action lists, notes for the minutes, and reminders of overdue actions."""

from commands.follow_up import entries, lists
from commands.follow_up.reminders import remind_overdue_action
from storage.reminders import ReminderKind

COMMANDS = (*entries.COMMANDS, *lists.COMMANDS)
REMINDERS = {ReminderKind.ACTION_OVERDUE: remind_overdue_action}
REACTIONS = ()
AT_START = ()
LIVE = {}
FILES = {}
