"""The members directory: who belongs to which entity and region, in which role, and who
stands in for whom while they are away. Kept in the database, managed in the chat."""

from commands.directory import away, listing, members
from storage.reminders import ReminderKind

COMMANDS = (*members.COMMANDS, *listing.COMMANDS, *away.COMMANDS)
REMINDERS = {ReminderKind.ABSENCE: away.absence_boundary}
REACTIONS = ()
AT_START = ()
LIVE = {}
FILES = {}
