"""Contacts outside Matrix and the regional contact points: whom to call in a region."""

COMMANDS = ()
REMINDERS = {}
REACTIONS = ()
AT_START = ()
LIVE = {}
FILES = {}
