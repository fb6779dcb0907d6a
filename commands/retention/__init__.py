"""The daily retention run: records past their term anonymised, bookkeeping deleted.

No commands: operators look ahead with `signaalbot retention --dry-run`.
"""

from commands.retention import daily
from storage.reminders import ReminderKind

COMMANDS = ()
REMINDERS = {ReminderKind.RETENTION: daily.run_retention}
REACTIONS = ()
AT_START = (daily.plan_retention,)
LIVE = {}
FILES = {}
