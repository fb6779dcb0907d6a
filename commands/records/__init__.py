"""Records for the archive and for Woo requests: the case dossier (`!dossier`)."""

from commands.records import command
from commands.records.files import FILES

COMMANDS = (command.COMMAND,)
REMINDERS = {}
REACTIONS = ()
AT_START = ()
LIVE = {}
__all__ = ["AT_START", "COMMANDS", "FILES", "LIVE", "REACTIONS", "REMINDERS"]
