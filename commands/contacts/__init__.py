"""Contacts outside Matrix and the regional contact points: whom to call in a region."""

from commands.contacts import entries, points

COMMANDS = (*entries.COMMANDS, *points.COMMANDS)
REMINDERS = {}
REACTIONS = ()
AT_START = ()
LIVE = {}
FILES = {}
