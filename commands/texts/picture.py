"""The operational picture: counts and lead times."""

from __future__ import annotations

AGENDA_NEW_SIGNALS = "Nieuwe signalen: {count}"
AGENDA_NEW_SIGNALS_LISTED = "Nieuwe signalen: {count} ({cases})"
AGENDA_VISITS = "Repressieve inzetten: {count}, waarvan {in_time} binnen {promise}"
AGENDA_LEAD_TIME = "{number}: doorlooptijd {lead_time} ({verdict})"
AGENDA_IN_TIME = "op tijd"
AGENDA_TOO_LATE = "te laat"
AGENDA_OPEN = "Open zaken: {count}, waarvan {overdue} over tijd"
AGENDA_PREVENTIVE_COUNTS = "Preventieve bezoeken: {done} uitgevoerd, {planned} gepland"
AGENDA_NO_REPORTS = "Geen nieuwe rapportages."
AGENDA_REPORT = "{number} ({kind}) · {title} · {coordinator} · ingediend {moment}"
