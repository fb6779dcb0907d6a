"""Across the border: counterparts, structures and cross-border cases."""

from __future__ import annotations

from commands.texts.command_help import CommandHelp, HelpGroup

COUNTRY_NAMES = {"DE": "Duitsland", "BE": "België"}
AND = " en "

# --- the `grens:` field of a signal --------------------------------------------------------
BORDER_NOT_FOUND = (
    "Onbekend land '{value}' bij grens. Kies DE (Duitsland) of BE (België), of 'nee'."
)
BORDER_SHOWN = "{name} ({code})"

# --- the room card -------------------------------------------------------------------------
CARD_HEADER = "Over de grens: {countries}"
CARD_COUNTERPART = "{name} ({kind}, {country})"
CARD_VIA = " · via {structures}"
CARD_NO_COUNTERPARTS = "Geen tegenhanger bekend voor deze zaak; zie !grens."
CARD_CONTACTS = "Contacten daar:"
CARD_NO_CONTACTS = "Nog geen contacten over de grens vastgelegd voor {region}."

# --- the proposed action -------------------------------------------------------------------
PROPOSAL = (
    "Zaak {number} reikt over de grens ({countries}). Voorstel voor {coordinator}: informeer "
    "{counterparts}. Neem het over als actie:"
)
PROPOSAL_TO = "{members}: "
PROPOSAL_ACTION = "!actie Informeer {counterparts} over zaak {number} {owner}"
COUNTERPARTS_UNKNOWN = "de autoriteiten in {countries}"

# --- !grens --------------------------------------------------------------------------------
OVERVIEW_HEADER = "Netwerk over de grens"
OVERVIEW_MARKERS = "Status: V geverifieerd in de genoemde bron, S secundair, U afgeleid."
REGION_HEADER = "Over de grens vanuit {region}: {countries}"
COUNTERPART_LINE = "{name} ({kind}, {country}) · {structures} · [{marker}] {source}"
NO_STRUCTURE = "geen vaste structuur bekend"
STRUCTURES_HEADER = "Structuren"
STRUCTURE_LINE = "{name}: {description} [{marker}]"
HEALTH_HEADER = "Gezondheidsdiensten"
HEALTH_LINE = "{text} [{marker}]"
CONTACTS_HEADER = "Contacten daar"
NO_CONTACTS = "Nog geen contacten over de grens vastgelegd voor {region}."
CASES_HEADER = "Open zaken over de grens"
NO_CASES = "Geen open zaken over de grens."
CASE_LINE = "{number} · {title} · {country}"
COUNTRY_UNKNOWN = "land onbekend"
MORE_CASES = "… en nog {count}"
NOT_BORDER = "{region} grenst niet aan Duitsland of België."
NOT_BORDER_CASES = "Open zaken van {region} die toch over de grens reiken:"
REGION_AMBIGUOUS = "'{value}' past bij meer dan één regio: {options}. Welke bedoelt u?"

GRENS_HELP = CommandHelp(
    name="grens",
    aliases=("grensnetwerk", "overdegrens"),
    summary="Toon het netwerk over de grens: de Duitse en Belgische tegenhangers van de "
    "grensregio's, hun structuren, contacten en open zaken.",
    usage="!grens [regio]",
    details="Zonder regio: elke grensregio met haar tegenhangers (Kreis, Landkreis, provincie) en "
    "de structuren waarin zij samenwerken (EMRIC, GROS, ERMWIC), met status en bron. Met een "
    "regio: haar tegenhangers, de vastgelegde contacten daar en de open zaken die over de grens "
    "reiken. Een zaak reikt over de grens als haar regio een grensregio is, het signaal "
    "'grens: DE' of 'grens: BE' zegt, of haar locatie een adres in Duitsland of België is.",
    examples=("!grens", "!grens VNOG", "!grens Zuid-Limburg"),
    group=HelpGroup.NETWORK,
)

# --- counts in the agenda and !beeld -------------------------------------------------------
AGENDA_CROSS_BORDER = "Zaken over de grens: {count}{countries}"
PICTURE_CROSS_BORDER = "Over de grens: {count}{countries}"
BY_COUNTRY = " ({items})"
PICTURE_BY_COUNTRY = ": {items}"
BY_COUNTRY_ITEM = "{country} {count}"
