"""The netwerkkaart: which entity may do what on which legal basis, as a table and a drawing.

Other families say what an entity may do in one line with `powers_line`.
"""

from commands.network import command
from commands.network.files import FILES
from commands.network.rows import powers_line

COMMANDS = (command.COMMAND,)
REMINDERS = {}
REACTIONS = ()
AT_START = ()
LIVE = {}
__all__ = ["AT_START", "COMMANDS", "FILES", "LIVE", "REACTIONS", "REMINDERS", "powers_line"]
