"""The decision and action lists, notes for the minutes, and reminders of overdue actions."""

from commands.follow_up import entries, lists
from commands.follow_up.reminders import remind_overdue_action

COMMANDS = (*entries.COMMANDS, *lists.COMMANDS)
REMINDERS = {entries.ACTION_OVERDUE: remind_overdue_action}
REACTIONS = ()
AT_START = ()
LIVE = {}
