"""The biweekly platform meeting and its agenda."""

from __future__ import annotations

from commands.texts.command_help import CommandHelp, HelpGroup

# --- The biweekly platform meeting (!agenda) --------------------------------------------------
PLATFORM_MEETING_TOPIC = "Tweewekelijks overleg van het Samenwerkingsplatform"
AGENDA_UNKNOWN_WORD = "Onbekend: '{word}'. Gebruik !agenda of !agenda punt <tekst>."
AGENDA_ITEM_MISSING = "Welk punt? Schrijf het achter !agenda punt."
AGENDA_ITEM_ADDED = "Agendapunt toegevoegd voor het overleg van {when}: {text}"
AGENDA_NEXT_MEETING = "het volgende overleg"
AGENDA_HEADER = "Agenda platformoverleg {when}"
AGENDA_DRAFT_HEADER = "Concept-agenda platformoverleg {when}"
AGENDA_HEADER_UNSCHEDULED = "Concept-agenda platformoverleg (geen vast overleg ingesteld)"
AGENDA_SINCE = "Sinds de vorige agenda ({since})."
AGENDA_SINCE_START = "Eerste agenda: alles sinds de start van signaalbot ({since})."
AGENDA_PICTURE = "1. Operationeel beeld"
AGENDA_PREVENTIVE = "2. Preventieve inzet"
AGENDA_PLAN = "3. Informatie- en communicatieplan"
AGENDA_REPORTS = "4. Rapportages"
AGENDA_ITEMS = "5. Ingebrachte punten en rondvraag"
AGENDA_NO_VISITS = "Geen preventieve bezoeken in deze periode."
AGENDA_NEXT_PLANNED = "Volgende preventieve bezoek: {number} op {moment}."
AGENDA_NEXT_MISSING = "Het volgende preventieve bezoek is nog niet gepland (uiterlijk {due})."
AGENDA_ACTIONS = "Open acties: {count}, waarvan {overdue} over tijd"
AGENDA_DECISIONS = "Nieuwe besluiten: {count}"
AGENDA_ITEM = "{text}"
AGENDA_ANY_OTHER_BUSINESS = "Rondvraag"
AGENDA_ITEM_FIELD = "agendapunt"

# Command help: name, aliases, summary, usage, details and examples, one value each.
AGENDA_HELP = CommandHelp(
    name="agenda",
    summary="Toon de concept-agenda van het volgende platformoverleg, of voeg een punt toe.",
    usage="!agenda | !agenda punt <tekst>",
    examples=("!agenda", "!agenda punt Communicatie richting uitzendbureaus"),
    group=HelpGroup.CYCLE,
)
