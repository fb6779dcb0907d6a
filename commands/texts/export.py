"""The picture's export: the workbook's sheets, columns and figures, the CSV, the file names."""

from __future__ import annotations

from storage.figures import Trend

# File names; {period} is `2026-11` for a calendar month, else its first and last day.
WORKBOOK_FILE = "beeld-{period}.xlsx"
CASES_FILE = "beeld-zaken-{period}.csv"
PERIOD_DAYS = "{first}-tot-en-met-{last}"

# Words in cells.
YES = "ja"
NO = "nee"
UNKNOWN = "onbekend"
ALL = "alle"
DURATION_JOIN = " en "
TREND_LABELS = {Trend.UP: "hoger", Trend.DOWN: "lager", Trend.SAME: "gelijk"}

# Sheets.
SHEET_SUMMARY = "Samenvatting"
SHEET_CASES = "Zaken"
SHEET_REPEATS = "Herhaalde signalen"
SHEET_REGIONS = "Per regio"
SHEET_SECTORS = "Per sector"
SHEET_LEAD_TIMES = "Doorlooptijden"

# The summary.
SUMMARY_TITLE = "Operationeel beeld {period}"
SUMMARY_SCOPE = "Regio: {region} · Sector: {sector}"
SUMMARY_COLUMNS = ("Cijfer", "Deze periode", "Vorige periode", "Trend")
FIGURE_SIGNALS = "Signalen (nieuwe zaken en herhaalde signalen)"
FIGURE_OPENED = "Nieuwe zaken"
FIGURE_JOINED = "Herhaalde signalen bij een open zaak"
FIGURE_VISITS = "Repressieve inzetten"
FIGURE_WITHIN = "Inzetten binnen {promise}"
FIGURE_SHARE = "Aandeel binnen {promise}"
FIGURE_MEDIAN = "Mediane doorlooptijd (uren)"
FIGURE_P90 = "Doorlooptijd, 90e percentiel (uren)"
FIGURE_REPORTS = "Rapportages ingediend"
FIGURE_PREVENTIVE_DONE = "Preventieve bezoeken uitgevoerd"
FIGURE_PREVENTIVE_PLANNED = "Preventieve bezoeken gepland"
FIGURE_LONGEST_GAP = "Langste periode zonder preventief bezoek (dagen)"
FIGURE_CADENCE_HELD = "Ritme van preventieve bezoeken gehouden"
FIGURE_OPEN_NOW = "Open zaken nu"
FIGURE_OVERDUE_NOW = "Zaken over tijd nu"
FIGURE_FUNNEL_SIGNALLED = "Trechter: gemeld"
FIGURE_FUNNEL_DECIDED = "Trechter: besluit genomen"
FIGURE_FUNNEL_VISIT_DECIDED = "Trechter: besloten tot inzet"
FIGURE_FUNNEL_VISITED = "Trechter: inzet uitgevoerd"
FIGURE_FUNNEL_REPORTED = "Trechter: rapportage ingediend"
FIGURE_FUNNEL_CLOSED = "Trechter: afgesloten"
FIGURE_STUCK_SIGNAL = "Wacht op een besluit"
FIGURE_STUCK_DECISION = "Wacht op de inzet"
FIGURE_STUCK_VISIT = "Wacht op de rapportage"
FIGURE_STUCK_REPORT = "Wacht op afsluiting"

# The other sheets' columns.
CASE_COLUMNS = (
    "Zaaknummer",
    "Soort",
    "Regio",
    "Sector",
    "Status",
    "Gemeld",
    "Besluit",
    "Inzet gepland",
    "Inzet uitgevoerd",
    "Doorlooptijd (uren)",
    "Binnen {promise}",
    "Over tijd",
    "Rapportage ingediend",
    "Afgesloten",
)
REPEAT_COLUMNS = ("Zaaknummer", "Ontvangen")
REGION_COLUMNS = (
    "Regio",
    "Signalen",
    "Signalen vorige periode",
    "Trend",
    "Preventief uitgevoerd",
    "Preventief gepland",
)
SECTOR_COLUMNS = ("Sector", "Signalen", "Signalen vorige periode", "Trend")
LEAD_TIME_COLUMNS = ("Doorlooptijd (hele uren)", "Inzetten")
