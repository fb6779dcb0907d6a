"""Preventive visits: planning, preparation rooms, the calendar and the cadence."""

from __future__ import annotations

from commands.texts.command_help import CommandHelp, HelpGroup

# --- Preventive visits (!preventief, !kalender) ----------------------------------------------
PREVENTIVE_WHEN_MISSING = "Wanneer is het bezoek? Begin met een moment, zoals 'dinsdag 10:00'."
PREVENTIVE_IN_PAST = "{moment} is al voorbij. Plan een bezoek dat nog komt."
PREVENTIVE_REGION_MISSING = "In welke regio? Noem de regio na het moment, zoals 'VNOG'."
PREVENTIVE_SUBJECT_MISSING = "Welk bedrijf of welke sector? Noem het na de regio."
PREVENTIVE_WHICH = (
    "Welk preventief bezoek? Gebruik dit in de voorbereidingskamer, of zet het nummer erbij."
)
PREVENTIVE_NOT_FOUND = "Er is geen preventief bezoek {number}."
PREVENTIVE_PLANNED = "Preventief bezoek {number} gepland: {title}"
PREVENTIVE_PLANNED_DETAILS = "Wanneer: {moment} · Regio: {region} · Coördinatie: {coordinator}"
PREVENTIVE_DONE = "Preventief bezoek {number} uitgevoerd op {moment}."
TIMELINE_PREVENTIVE_PLANNED = "Preventief bezoek gepland op {moment}"
CALENDAR_HEADER = "Preventieve bezoeken"
CALENDAR_EARLIER = "({count} eerdere bezoeken niet getoond)"
CALENDAR_EMPTY = "Er zijn nog geen preventieve bezoeken. Plan er een met !preventief."
CALENDAR_LINE = "{number} · {moment} · {region} · {title} · {coordinator} · {state}"
CALENDAR_PLANNED = "gepland"
CALENDAR_CANCELLED = "vervallen"
CALENDAR_REPORT_MISSING = "uitgevoerd, rapportage ontbreekt"
CALENDAR_REPORT_IN = "uitgevoerd, rapportage ontvangen"
CADENCE_WARNING = (
    "Er is nog geen preventief bezoek gepland binnen {every} na het vorige: het volgende moet "
    "uiterlijk {due} plaatsvinden."
)
CADENCE_WARNING_FIRST = (
    "Er is nog geen preventief bezoek gepland binnen {every} na de start van signaalbot: het "
    "eerste moet uiterlijk {due} plaatsvinden."
)
CADENCE_SUGGESTIONS = "Regio's met recente signalen en geen bezoek: {regions}."
CADENCE_NO_SUGGESTIONS = "Er zijn geen regio's met recente signalen zonder bezoek."
CADENCE_REGION = "{region} ({count} signalen)"
CADENCE_REGION_ONE = "{region} (1 signaal)"
CADENCE_HOW = "Plan het met !preventief <wanneer> <regio> <bedrijf of sector>."
PREVENTIVE_NO_COORDINATOR = "nog geen coördinator"
#: The last line of the answer until the room exists; then the room's link takes its place.
PREVENTIVE_SUBJECT_FIELD = "bedrijf of sector"
PREVENTIVE_ROOM_OPENING = "De voorbereidingskamer wordt geopend; u wordt uitgenodigd."

# Command help: name, aliases, summary, usage, details and examples, one value each.
PREVENTIVE_HELP = CommandHelp(
    name="preventief",
    summary="Plan een preventief bedrijfsbezoek, of meld het uitgevoerd.",
    usage="!preventief <wanneer> <regio> <bedrijf of sector> [coordinator <entiteit>] | "
    "!preventief uitgevoerd [nummer] [wanneer]",
    details="Eens per twee weken bezoekt het platform onaangekondigd een bedrijf, voorbereid met de "
    "veiligheidsregio. Ik open een voorbereidingskamer met de landelijke leden en de leden van "
    "die regio, herinner aan de voorbereiding en na het bezoek aan de rapportage (!rapport).",
    examples=(
        "!preventief 8 dec 9:00 VNOG vleesverwerking coordinator ISZW",
        "!preventief dinsdag 10:00 Twente Kwekerij Zonneveld coordinator GGD",
        "!preventief uitgevoerd",
        "!preventief uitgevoerd 2026-014 gisteren 10:00",
    ),
    group=HelpGroup.CYCLE,
)

CALENDAR_HELP = CommandHelp(
    name="kalender",
    summary="Toon de preventieve bezoeken: uitgevoerd en gepland.",
    usage="!kalender",
    examples=("!kalender",),
    group=HelpGroup.CYCLE,
)
