"""The biweekly unannounced preventive visit: planning, preparation rooms, the cadence."""

from commands.preventive import visits
from storage.reminders import ReminderKind

COMMANDS = visits.COMMANDS
REMINDERS = {ReminderKind.CADENCE: visits.cadence_warning}
REACTIONS = ()
AT_START = (visits.replan_cadence,)
LIVE = {}
FILES = {}
