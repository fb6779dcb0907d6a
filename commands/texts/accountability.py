"""The accountability report to the Operationeel Leider LOT-C and the chair of the Landelijke
Regietafel (plan 1.4): the same sentences in the chat and in the PDF."""

from __future__ import annotations

REPORT_FILE = "verantwoording-{period}.pdf"
TITLE = "Verantwoording samenwerkingsplatform: {period}"
ADDRESSEES = "Aan de Operationeel Leider LOT-C en de voorzitter van de Landelijke Regietafel"
PERIOD = "Periode: {period} ({first} tot en met {last}), vergeleken met {previous}."
GENERATED = "Opgesteld door signaalbot op {moment}."
PAGE = "{title} · pagina {page} van {pages}"
AUTHOR = "signaalbot"
NO_VALUE = "–"
COMPARED = "{label}: {current} ({previous_label}: {previous}, {trend})"
LIST_JOIN = ", "
CELL_WITH_PREVIOUS = "{current} ({previous})"

# Signals.
SIGNALS = "Signalen"
SIGNALS_ALL = "Signalen"
SIGNALS_OPENED = "Nieuwe zaken"
SIGNALS_JOINED = "Herhaalde signalen bij een open zaak"
SIGNALS_TOP_REGIONS = "Meeste signalen: {regions}."
SIGNALS_REGION = "{region} {current} ({previous_label}: {previous})"
SIGNALS_NO_REGION = "Geen signalen in deze periode."

# Repressive visits.
VISITS = "Repressieve inzetten"
VISITS_FIGURE = "Cijfer"
VISITS_TREND = "Trend"
VISITS_COUNT = "Inzetten"
VISITS_WITHIN = "Binnen {promise}"
VISITS_SHARE = "Aandeel binnen {promise}"
VISITS_MEDIAN = "Mediane doorlooptijd"
VISITS_P90 = "Doorlooptijd, 90e percentiel"
VISITS_SLOWEST = "Langste doorlooptijden: {cases}."
VISITS_SLOW_CASE = "{number} ({lead_time})"

# The funnel.
FUNNEL = "Van signaal tot afsluiting"
FUNNEL_LINE = (
    "Gemeld {signalled} → besluit {decided} (waarvan {visit_decided} tot inzet) → "
    "inzet uitgevoerd {visited} → rapportage {reported} → afgesloten {closed}."
)
FUNNEL_STUCK = "Wachten nog: {steps}."
FUNNEL_NONE_STUCK = "Geen zaak uit deze periode blijft hangen."
STUCK_SIGNAL = "{count} op een besluit"
STUCK_DECISION = "{count} op de inzet"
STUCK_VISIT = "{count} op de rapportage"
STUCK_REPORT = "{count} op afsluiting"
OPEN_NOW = "Nu open: {count} zaken, waarvan {overdue} over tijd."

# Preventive visits.
PREVENTIVE = "Preventieve inzet"
PREVENTIVE_DONE = "Uitgevoerd"
PREVENTIVE_PLANNED = "Gepland: {count}."
CADENCE_HELD = (
    "Het ritme van elke {cadence} is gehouden; de langste periode zonder bezoek was {gap}."
)
CADENCE_MISSED = (
    "Het ritme van elke {cadence} is niet gehouden: de langste periode zonder bezoek was {gap}."
)

# Actions and decisions.
FOLLOW_UP = "Acties en besluiten"
ACTIONS_OPEN = "Open acties: {count}, waarvan {overdue} over tijd."
DECISIONS = "Besluiten"

# Reports.
REPORTS = "Rapportages"
REPORTS_FILED = "Ingediend"

# The sector ranking.
RISK = "Sectoren naar risico"
RISK_EXPLAINED = (
    "Per sector wat de rangschikking telt, met tussen haakjes de vorige periode: de bedrijven "
    "met een signaal, de besluiten tot inzet en de rapportages die maatregelen noemden."
)
RISK_NONE = "Geen sectoren om te rangschikken in deze periode."
RISK_COLUMNS = (
    "Sector",
    "Bedrijven",
    "Besluiten tot inzet",
    "Maatregelen",
    "Score",
    "Sterk gestegen",
)
RISK_SECTOR = "{rank}. {sector}"
RISK_SECTOR_IN_REGION = "{rank}. {sector}, {region}"
RISK_RISING = "ja"
RISK_NOT_RISING = "nee"

# Charts (the PDF only).
CHARTS = "Grafieken"
