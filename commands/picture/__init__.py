"""The operational and national picture, the sector ranking and the accountability report."""

from commands.picture import accountability, national, overview, ranking
from commands.picture.drawings import (
    ACCOUNTABILITY_PDF,
    CASES_CSV,
    LEAD_CHART,
    REGION_CHART,
    TILE_MAP,
    WORKBOOK,
    chart_file,
    draw_csv,
    draw_workbook,
    lead_chart,
    region_chart,
    tile_map,
)
from commands.picture.report_schedule import ensure_report
from storage.reminders import ReminderKind

COMMANDS = (overview.COMMAND, ranking.COMMAND, national.COMMAND, accountability.COMMAND)
REMINDERS = {ReminderKind.ACCOUNTABILITY: accountability.post_report}
REACTIONS = ()
AT_START = (ensure_report,)
LIVE = {}
FILES = {
    LEAD_CHART: chart_file(lead_chart),
    REGION_CHART: chart_file(region_chart),
    TILE_MAP: chart_file(tile_map),
    WORKBOOK: draw_workbook,
    CASES_CSV: draw_csv,
    ACCOUNTABILITY_PDF: accountability.draw_report,
}
