"""The netwerkkaart: which entity may do what on which legal basis, as a table and a drawing."""

COMMANDS = ()
REMINDERS = {}
REACTIONS = ()
AT_START = ()
LIVE = {}
FILES = {}
