"""Across the border: the German and Belgian counterparts of the border regions, and the cases
that reach across."""

COMMANDS = ()
REMINDERS = {}
REACTIONS = ()
AT_START = ()
LIVE = {}
FILES = {}
