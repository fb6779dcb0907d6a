"""The operational picture: counts and lead times, their trend, and the sector ranking."""

from __future__ import annotations

from storage.figures import Trend

AGENDA_NEW_SIGNALS = "Nieuwe signalen: {count}"
AGENDA_NEW_SIGNALS_LISTED = "Nieuwe signalen: {count} ({cases})"
AGENDA_JOINED = "Herhaalde signalen bij een open zaak: {count}"
AGENDA_VISITS = "Repressieve inzetten: {count}, waarvan {in_time} binnen {promise}"
AGENDA_LEAD_SUMMARY = "Doorlooptijd: mediaan {median}, 90% binnen {p90}"
AGENDA_LEAD_TIME = "{number}: doorlooptijd {lead_time} ({verdict})"
AGENDA_IN_TIME = "op tijd"
AGENDA_TOO_LATE = "te laat"
AGENDA_MORE = "… en nog {count}"
AGENDA_OPEN = "Open zaken: {count}, waarvan {overdue} over tijd"
AGENDA_PREVENTIVE_COUNTS = "Preventieve bezoeken: {done} uitgevoerd, {planned} gepland"
AGENDA_RISING = (
    "Sterk stijgend: sector {sector} (laatste {window}): bedrijven {companies}"
    " (was {companies_before}), besluiten tot inzet {visits} (was {visits_before}),"
    " rapporten met maatregelen {measures} (was {measures_before})"
)
AGENDA_SECTOR_UNKNOWN = "onbekend"
AGENDA_NO_REPORTS = "Geen nieuwe rapportages."
AGENDA_NO_REPORTS_BEFORE = "Geen nieuwe rapportages (vorige periode {previous})."
AGENDA_REPORTS_FILED = "Ingediend: {count}"
AGENDA_REPORT = "{number} ({kind}) · {title} · {coordinator} · ingediend {moment}"

# A count next to the same count in the period before: "· vorige periode 3 ↑".
AGENDA_TREND = " · vorige periode {previous} {arrow}"
AGENDA_TREND_DONE = " · vorige periode {previous} uitgevoerd {arrow}"
TREND_ARROWS = {Trend.UP: "↑", Trend.DOWN: "↓", Trend.SAME: "="}
