"""The members directory: who belongs to which entity and region, and in which role."""

COMMANDS = ()
REMINDERS = {}
REACTIONS = ()
AT_START = ()
LIVE = {}
FILES = {}
