"""The biweekly unannounced preventive visit: planning, preparation rooms, the cadence."""

from commands.preventive import visits

COMMANDS = visits.COMMANDS
REMINDERS = {visits.CADENCE: visits.cadence_warning}
REACTIONS = ()
AT_START = (visits.replan_cadence,)
LIVE = {}
