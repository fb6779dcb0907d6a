"""Signals and the cases they become: intake, the 24-hour window, the visit and its report."""

from commands.cases import corrections, flow, intake, queries, report
from commands.cases.pins import PIN_RULE
from commands.cases.reminders import run_case_reminder
from commands.cases.views import CARD, render_card
from storage.reminders import ReminderKind

COMMANDS = (
    intake.COMMAND,
    *flow.COMMANDS,
    corrections.COMMAND,
    *report.COMMANDS,
    queries.STATUS,
    queries.CASES,
)
REMINDERS = dict.fromkeys(
    (ReminderKind.LADDER, ReminderKind.DEADLINE, ReminderKind.REPORT, ReminderKind.PREPARE),
    run_case_reminder,
)
REACTIONS = (PIN_RULE,)
AT_START = ()
LIVE = {CARD: render_card}
FILES = {}
