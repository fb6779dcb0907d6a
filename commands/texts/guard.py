"""Rooms stay closed: someone outside the directory in an incident or preparation room."""

from __future__ import annotations

#: How the outsider came in, by membership code; an invitation names who sent it.
CAME_IN = {"invite": "is uitgenodigd", "join": "is binnengekomen"}
INVITED_BY = "is uitgenodigd door {by}"
#: By case kind code.
ROOM_KINDS = {"repressive": "incidentkamer", "preventive": "voorbereidingskamer"}

# -- in the room ---------------------------------------------------------------------------------
ROOM_WARNING = (
    "Let op: {who} {came_in} in deze kamer, maar staat niet in de ledenlijst van het "
    "Samenwerkingsplatform. Zolang {who} in deze kamer is, toont de bot hier geen zaakgegevens: "
    "commando's krijgen geen antwoord met gegevens en berichten van de bot wachten tot {who} weg is."
)
ROOM_WHAT_TO_DO = (
    "Trek de uitnodiging in of verwijder {who} uit de kamer. Hoort {who} bij het platform, vraag "
    "dan een projectleider om {who} toe te voegen met !lid toevoegen."
)
ROOM_REMOVING = (
    "De bot verwijdert {who} uit deze kamer. Hoort {who} bij het platform, vraag dan een "
    "projectleider om {who} toe te voegen met !lid toevoegen en nodig {who} daarna opnieuw uit."
)
ROOM_OPEN_AGAIN = (
    "Iedereen in deze kamer staat weer in de ledenlijst; de bot toont hier weer zaakgegevens "
    "en stuurt wat bleef wachten."
)

# -- to the project leaders, in the platform room --------------------------------------------------
LEADERS_NOTICE = (
    "Projectleiders: {who} {came_in} in de {room_kind} {room}, maar staat niet in de ledenlijst. "
    "De bot heeft daar gewaarschuwd en toont er geen zaakgegevens zolang {who} er is."
)
LEADERS_WHAT_TO_DO = "Verwijder {who} uit de kamer, of voeg {who} toe met !lid toevoegen."
LEADERS_REMOVING = "De bot verwijdert {who} uit de kamer (privacy.guard_rooms: kick)."

# -- a command typed while an outsider is there ------------------------------------------------------
COMMAND_REFUSED = (
    "In deze kamer is nu iemand die niet in de ledenlijst staat ({who}). Zolang die er is, geeft "
    "de bot hier geen zaakgegevens. Geef uw commando in de platformkamer, met het zaaknummer."
)

#: The reason in the room's history when the bot takes an outsider out.
REMOVAL_REASON = (
    "Niet in de ledenlijst van het Samenwerkingsplatform; deze kamer is alleen voor leden."
)
