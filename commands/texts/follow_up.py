"""The decision and action lists and notes."""

from __future__ import annotations

from commands.texts.command_help import CommandHelp, HelpGroup

CASE_LABEL = "zaak {number}"
# --- Decisions, actions and notes ------------------------------------------------------------
DECISION_TEXT_MISSING = (
    "Wat is het besluit? Schrijf het achter !besluit, of begin met 'inzet' of 'geen inzet' "
    "voor het besluit over de inzet van de zaak."
)
DECISION_RECORDED = "Besluit {number} vastgelegd{where}: {text}"
DECISION_LINE = "B{number} · {moment} · {text} · {who}{meeting}"
TIMELINE_GENERAL_DECISION = "Besluit: {text}"
DECISIONS_FILE = "besluitenlijst"
DECISIONS_COLUMNS = ("nummer", "datum", "besluit", "genomen door", "overleg", "zaak")
DECISIONS_HEADER = "Besluitenlijst"
DECISIONS_NONE = "Er zijn nog geen besluiten vastgelegd."
ACTION_TEXT_MISSING = "Wat is de actie? Schrijf haar achter !actie."
ACTION_DUE_IN_PAST = "De termijn {moment} is al voorbij."
ACTION_OWNER_UNKNOWN = (
    "{user} staat niet in de ledenlijst van het platform; kies een lid of een entiteit."
)
ACTION_ONE_OWNER = "Een actie heeft één eigenaar: noem één lid of één entiteit."
ACTION_RECORDED = "Actie {number} vastgelegd{where}."
ACTION_LINE = "A{number} · {text} · eigenaar {owner}{due}{done}"
ACTION_DUE = "voor {moment}"
ACTION_DUE_LATE = "voor {moment}, te laat"
ACTION_IS_DONE = "klaar {moment}"
ACTION_DONE_NUMBER_MISSING = "Welke actie is klaar? Zet het nummer erachter, zoals !actie klaar 12."
ACTION_NOT_FOUND = "Actie {number} bestaat niet."
ACTION_ALREADY_DONE = "Actie {number} is al klaar gemeld ({moment})."
ACTION_DONE = "Actie {number} is klaar: {text}"
ACTION_OVERDUE_REMINDER = "Actie {number} is over tijd (termijn {moment})."
ACTION_HOW_TO_FINISH = "Klaar? Meld het met !actie klaar {number}."
TIMELINE_ACTION = "Actie A{number}: {text}"
TIMELINE_ACTION_DONE = "Actie A{number} klaar"
ACTIONS_FILE = "actielijst"
ACTIONS_COLUMNS = (
    "nummer",
    "actie",
    "eigenaar",
    "termijn",
    "status",
    "klaar op",
    "klaar gemeld door",
    "afgesproken door",
    "afgesproken op",
    "overleg",
    "zaak",
)
ACTIONS_MORE = "… en nog {count}; !acties export geeft ze allemaal."
ACTION_STATE_OPEN = "open"
ACTION_STATE_LATE = "te laat"
ACTION_STATE_DONE = "klaar"
LIST_UNKNOWN_WORD = (
    "Onbekend: '{word}'. Zonder toevoeging toon ik de lijst; met 'export' een bestand."
)
LIST_EXPORTED = "De lijst staat in {filename} ({count} regels)."
ACTIONS_HEADER = "Open acties ({count})"
ACTIONS_NONE = "Er zijn geen open acties."
NOTE_TEXT_MISSING = "Wat is de notitie? Schrijf haar achter !notitie."
NOTE_NOWHERE = (
    "Hier is geen overleg of zaak om de notitie bij te bewaren. Gebruik !notitie in een "
    "incidentkamer, of nadat een overleg is bijeengeroepen."
)
NOTE_RECORDED = "Notitie vastgelegd{where}."

# Command help: name, aliases, summary, usage, details and examples, one value each.
ACTION_HELP = CommandHelp(
    name="actie",
    summary="Leg een actie vast met een eigenaar en eventueel een termijn, of meld haar klaar.",
    usage="!actie <tekst> [@wie | entiteit] [voor <wanneer>] | !actie klaar <nr>",
    details="De eigenaar is een lid (noem of vermeld hem), een entiteit aan het eind (ISZW, NVWA, GGD, "
    "VR, RIVM, LOT-C; GGD en VR met regio) of anders uzelf. Een termijn met alleen een dag "
    "('voor vrijdag') loopt tot het eind van de werktijd op die dag. Een actie die over tijd is, "
    "herinner ik de eigenaar hoogstens eens per dag, binnen werktijd.",
    examples=(
        "!actie Huisvesting opvragen bij de gemeente GGD voor vrijdag 12:00",
        "!actie GGD bellen voor vrijdag",
        "!actie Persbericht afstemmen @lotte:example.org voor morgen 17:00",
        "!actie klaar 12",
    ),
    group=HelpGroup.FOLLOW_UP,
)

NOTE_HELP = CommandHelp(
    name="notitie",
    summary="Voeg een notitie toe voor het oordeel in de notulen van het overleg.",
    usage="!notitie <tekst>",
    examples=("!notitie Risico op verdere verspreiding via gedeeld vervoer is hoog",),
    group=HelpGroup.MEETING,
)

ACTIONS_HELP = CommandHelp(
    name="acties",
    summary="Toon de open acties, die over tijd eerst (in een incidentkamer: van die zaak); 'export' "
    "geeft alle acties, ook de afgeronde, als CSV-bestand.",
    usage="!acties [export]",
    examples=("!acties", "!acties export"),
    group=HelpGroup.FOLLOW_UP,
)

DECISIONS_HELP = CommandHelp(
    name="besluiten",
    summary="Toon de besluitenlijst (in een incidentkamer: van die zaak); 'export' geeft alle besluiten "
    "als CSV-bestand.",
    usage="!besluiten [export]",
    examples=("!besluiten", "!besluiten export"),
    group=HelpGroup.FOLLOW_UP,
)
