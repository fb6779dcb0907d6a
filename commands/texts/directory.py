"""The members directory: entities, regions and roles."""

from __future__ import annotations

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
