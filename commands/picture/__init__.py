"""The operational and national picture, the sector ranking and the accountability report."""

from commands.picture import accountability, national, overview, ranking
from commands.picture.files import FILES
from commands.picture.report_schedule import ensure_report
from storage.reminders import ReminderKind

COMMANDS = (overview.COMMAND, ranking.COMMAND, national.COMMAND, accountability.COMMAND)
REMINDERS = {ReminderKind.ACCOUNTABILITY: accountability.post_report}
REACTIONS = ()
AT_START = (ensure_report,)
LIVE = {}
__all__ = ["AT_START", "COMMANDS", "FILES", "LIVE", "REACTIONS", "REMINDERS"]
