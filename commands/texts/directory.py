"""The members directory: entities, regions and roles."""

from __future__ import annotations

from commands.texts.command_help import CommandHelp, HelpGroup

ENTITY_MISSING = "Noem de entiteit: ISZW, NVWA, GGD, RIVM, VR of een veiligheidsregio (VNOG, VR06)."
ENTITY_UNKNOWN = "Onbekende entiteit '{value}'. Kies ISZW, NVWA, GGD, RIVM, VR of een veiligheidsregio (VNOG, VR06)."
ENTITY_NOT_COORDINATOR = (
    "{entity} kan geen coördinerende entiteit zijn; kies ISZW, NVWA, GGD, RIVM of een VR."
)
ENTITY_NEEDS_REGION = "Voor {entity} moet de regio van de zaak bekend zijn; noem de regio erbij, bijvoorbeeld '{entity} VNOG'."
#: How the bot itself is named where an actor is shown (timeline, minutes), not by its Matrix id.
BOT_NAME = "signaalbot"

# -- absence -----------------------------------------------------------------------------------
AWAY_LINE = "Afwezig: {people}."
AWAY_WITH_SUBSTITUTE = "{who} tot {until}, vervanger {substitute}"
AWAY_WITHOUT_SUBSTITUTE = "{who} tot {until}, geen vervanger"

#: The reason in the room's history when the bot takes someone out of an incident room.
ROOM_REMOVED_REASON = "Niet meer in de ledenlijst van het platform."

# -- !lid ----------------------------------------------------------------------------------------
MEMBER_HELP = CommandHelp(
    name="lid",
    summary="Beheer de ledenlijst: voeg een lid toe, wijzig of verwijder het, of bekijk een lid "
    "met zijn wijzigingen (toevoegen, wijzigen en verwijderen: alleen projectleiders).",
    usage="!lid toevoegen @wie:server <entiteit> [regio] [rol] [naam: ...] | "
    "!lid wijzig @wie:server [entiteit] [regio] [rol] [naam: ...] | !lid verwijder @wie:server | "
    "!lid @wie:server",
    details="Entiteiten: ISZW (ook NLA of Arbeidsinspectie), NVWA, GGD, RIVM, VR, LOT-C; GGD en VR "
    "met hun regio. Rollen: lid, vervanger, projectleider, operationeel leider (meer dan één mag). "
    "Een wijziging geldt meteen: een nieuw lid kan direct commando's geven en wordt uitgenodigd in "
    "de open zaken van zijn regio; een verwijderd lid niet meer, en het gaat uit de open "
    "incidentkamers.",
    examples=(
        "!lid toevoegen @piet:example.org GGD VNOG naam: Piet Jansen",
        "!lid wijzig @piet:example.org projectleider",
        "!lid verwijder @piet:example.org",
        "!lid @piet:example.org",
    ),
    group=HelpGroup.NETWORK,
)
MEMBERS_HELP = CommandHelp(
    name="leden",
    summary="Toon de ledenlijst, of alleen een entiteit of een regio; wie afwezig is, staat erbij.",
    usage="!leden [entiteit | regio]",
    examples=("!leden", "!leden GGD", "!leden VNOG"),
    group=HelpGroup.NETWORK,
)
MEMBER_ACTIONS = {
    "toevoegen": "add",
    "wijzig": "change",
    "wijzigen": "change",
    "verwijder": "remove",
    "verwijderen": "remove",
}
MEMBER_WHO_MISSING = "Noem het lid met zijn Matrix-id, zoals @piet:example.org."
MEMBER_ONE_ONLY = "Noem één lid per keer."
MEMBER_NOT_LEADER = "Alleen een projectleider kan de ledenlijst wijzigen."
MEMBER_EXISTS = "{who} staat al in de ledenlijst; wijzig het lid met !lid wijzig {user_id} ..."
MEMBER_UNKNOWN = "{user_id} staat niet in de ledenlijst."
MEMBER_IS_BOT = "De bot zelf staat niet in de ledenlijst."
MEMBER_ENTITY_NEEDED = "Noem de entiteit van het nieuwe lid: ISZW, NVWA, GGD, RIVM, VR of LOT-C."
MEMBER_REGION_NEEDED = (
    "Een lid van {entity} hoort bij een regio; noem die erbij, zoals '{entity} VNOG'."
)
MEMBER_REGION_UNKNOWN = "Onbekende regio '{value}'."
MEMBER_WORD_UNKNOWN = (
    "'{value}' is geen entiteit, regio of rol. Entiteiten: ISZW, NVWA, GGD, RIVM, VR, LOT-C; "
    "rollen: lid, vervanger, projectleider, operationeel leider."
)
MEMBER_REGION_WHICH = "Welke regio bedoelt u met '{value}'? {options}"
MEMBER_NOTHING_TO_CHANGE = "Wat moet er veranderen? Noem een entiteit, regio, rol of 'naam: ...'."
MEMBER_UNCHANGED = "{who} staat al zo in de ledenlijst."
MEMBER_LAST_LEADER = (
    "{who} is de laatste projectleider; wijs eerst een andere projectleider aan "
    "(!lid wijzig @wie projectleider)."
)
MEMBER_NAME_TOO_LONG = "Een naam is hoogstens {limit} tekens."
MEMBER_ADDED = "{who} staat nu in de ledenlijst: {entry}."
MEMBER_ADDED_ROOMS = "Uitgenodigd in {count} open incidentkamer(s)."
MEMBER_CHANGED = "{who} gewijzigd: {entry}."
MEMBER_REMOVED = "{who} staat niet meer in de ledenlijst en kan geen commando's meer geven."
MEMBER_REMOVED_ROOMS = "Gaat uit {count} open incidentkamer(s)."
MEMBER_IN_CONFIG = (
    "Let op: {user_id} staat in het configuratiebestand van de bot; bij de volgende start geldt "
    "weer wat daar staat, tot de beheerder het aanpast."
)
MEMBER_ENTRY = "{entity} · {roles}{name}"
MEMBER_SUBSTITUTE_LINE = "Vervanger: {substitute}"
MEMBER_AWAY_LINE = "Afwezig van {since} tot {until}"
MEMBER_HISTORY_HEADER = "Wijzigingen (nieuwste eerst):"
MEMBER_HISTORY_LINE = "{moment} · {change} · door {actor}"
CHANGE_LABELS = {
    "added": "toegevoegd",
    "changed": "gewijzigd",
    "removed": "verwijderd",
    "substitute": "vervanger",
    "away": "afwezig",
    "back": "terug",
    "contact_added": "contact toegevoegd",
    "contact_removed": "contact verwijderd",
    "contact_point": "aanspreekpunt",
}
CONFIG_ACTOR_LABEL = "het configuratiebestand"
MEMBERS_HEADER = "Ledenlijst ({count} leden)"
MEMBERS_NONE = "Geen leden gevonden voor '{value}'."
MEMBERS_UNKNOWN = "'{value}' is geen entiteit of regio."
MEMBERS_AWAY_MARK = " (afwezig tot {until})"
#: Roles as members type them; stored as these codes.
ROLE_WORDS = {
    "lid": "lid",
    "vervanger": "vervanger",
    "projectleider": "projectleider",
    "operationeel leider": "operationeel leider",
}

# -- !vervanger, !afwezig, !terug ---------------------------------------------------------------
SUBSTITUTE_HELP = CommandHelp(
    name="vervanger",
    summary="Noem wie u vervangt als u afwezig bent (of 'geen').",
    usage="!vervanger @wie:server | !vervanger geen",
    details="Zolang u afwezig bent (!afwezig), gaan herinneringen, vermeldingen, taken en "
    "uitnodigingen die voor u zijn ook naar uw vervanger.",
    examples=("!vervanger @piet:example.org", "!vervanger geen"),
    group=HelpGroup.NETWORK,
)
AWAY_HELP = CommandHelp(
    name="afwezig",
    summary="Meld dat u afwezig bent tot een moment; uw vervanger neemt het zolang over.",
    usage="!afwezig tot <wanneer> | !afwezig vanaf <wanneer> tot <wanneer>",
    details="'tot vrijdag' betekent: vrijdag bent u terug; 'tot en met vrijdag': zaterdag. "
    "Terug voor de tijd? Meld het met !terug.",
    examples=(
        "!afwezig tot vrijdag",
        "!afwezig tot en met 11 december",
        "!afwezig vanaf maandag tot donderdag 12:00",
    ),
    group=HelpGroup.NETWORK,
)
BACK_HELP = CommandHelp(
    name="terug",
    summary="Meld dat u weer aanwezig bent.",
    usage="!terug",
    group=HelpGroup.NETWORK,
)
SUBSTITUTE_MISSING = "Wie is uw vervanger? Noem hem met zijn Matrix-id, of schrijf 'geen'."
SUBSTITUTE_NOT_MEMBER = "{user_id} staat niet in de ledenlijst; een vervanger moet lid zijn."
SUBSTITUTE_SELF = "U kunt niet uw eigen vervanger zijn."
SUBSTITUTE_SET = "{substitute} is nu uw vervanger."
SUBSTITUTE_CLEARED = "U heeft geen vervanger meer."
SUBSTITUTE_SAME = "{substitute} was al uw vervanger."
AWAY_UNTIL_MISSING = "Tot wanneer bent u afwezig? Schrijf bijvoorbeeld '!afwezig tot vrijdag'."
AWAY_UNTIL_PAST = "{moment} is al voorbij."
AWAY_FROM_AFTER = "Het begin ({since}) ligt na het einde ({until})."
AWAY_SET = "U bent afwezig van {since} tot {until}."
AWAY_SUBSTITUTE = "{substitute} neemt het zolang over."
AWAY_NO_SUBSTITUTE = "U heeft geen vervanger: noem er een met !vervanger @wie:server."
AWAY_TELL_SUBSTITUTE = "{who} is afwezig van {since} tot {until}; u bent de vervanger."
BACK_DONE = "Welkom terug; u krijgt uw meldingen weer zelf."
BACK_NOT_AWAY = "U stond niet als afwezig gemeld."
NOW_WORD = "nu"
