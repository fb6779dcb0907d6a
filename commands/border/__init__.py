"""Across the border: the German and Belgian counterparts of the border regions, and the cases
that reach across."""

from commands.border import overview, start

COMMANDS = (overview.COMMAND,)
REMINDERS = {}
REACTIONS = ()
AT_START = (start.check_counterparts,)
LIVE = {}
FILES = {}
