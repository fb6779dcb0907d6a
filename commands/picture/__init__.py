"""The operational and national picture."""

COMMANDS = ()
REMINDERS = {}
REACTIONS = ()
AT_START = ()
LIVE = {}
FILES = {}
