"""Signals and the cases they become: intake, the 24-hour window, the visit and its report."""

from commands.cases import flow, intake, queries, report
from commands.cases.pins import PIN_RULE
from commands.cases.reminders import run_case_reminder
from commands.cases.views import CARD, render_card
from commands.cases.window import DEADLINE, LADDER, PREPARE, REPORT

COMMANDS = (intake.COMMAND, *flow.COMMANDS, *report.COMMANDS, queries.STATUS, queries.CASES)
REMINDERS = dict.fromkeys((LADDER, DEADLINE, REPORT, PREPARE), run_case_reminder)
REACTIONS = (PIN_RULE,)
AT_START = ()
LIVE = {CARD: render_card}
