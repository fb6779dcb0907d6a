"""Every Dutch sentence the bot says, in one place, so wording can be reviewed without code."""

from __future__ import annotations

# Command registrations: summaries, usage lines and examples.
SIGNAAL_SUMMARY = "Meld een mogelijke brandhaard bij een bedrijf; opent een zaak met incidentkamer."
SIGNAAL_USAGE = "!signaal <titel>; regio: <regio>; sector: <sector>; bron: <bron>; ..."
SIGNAAL_DETAILS = (
    "Na de titel volgen optionele velden, elk op een eigen regel of gescheiden door ';':\n"
    "regio: code, naam of afkorting (VR06, VNOG) of 'onbekend'\n"
    "sector: bijvoorbeeld vleesverwerking, tuinbouw, logistiek\n"
    "bron: meldpunt, veiligheidsregio, GGD, media, inspectie of anders\n"
    "locatie: plaats of adres\n"
    "kvk: KvK-nummer (8 cijfers)\n"
    "aspect: wonen, werken en/of vervoer\n"
    "omschrijving: wat er is gemeld"
)
SIGNAAL_EXAMPLES = (
    "!signaal Slachterij De Vries, Groenlo; regio: VNOG; sector: vleesverwerking; bron: meldpunt",
    "!signaal Kwekerij Zonneveld\nregio: VR15\nkvk: 12345678\naspect: wonen, vervoer\n"
    "omschrijving: 12 zieke medewerkers, gedeelde huisvesting",
)
STATUS_SUMMARY = "Toon de stand van een zaak (in een incidentkamer: die zaak)."
STATUS_USAGE = "!status [zaaknummer]"
STATUS_EXAMPLES = ("!status 2026-017", "!status 17", "!status")
ZAKEN_SUMMARY = "Toon de open zaken, nieuwste eerst."
ZAKEN_USAGE = "!zaken"
ZAKEN_EXAMPLES = ("!zaken",)
HELP_SUMMARY = "Toon de commando's, of uitleg over één commando."
HELP_USAGE = "!help [commando]"
HELP_EXAMPLES = ("!help", "!help signaal")

# Field names as members type them.
FIELD_REGION = "regio"
FIELD_SECTOR = "sector"
FIELD_SOURCE = "bron"
FIELD_LOCATION = "locatie"
FIELD_KVK = "kvk"
FIELD_ASPECT = "aspect"
FIELD_DESCRIPTION = "omschrijving"
FIELD_ALIASES = {
    "plaats": FIELD_LOCATION,
    "adres": FIELD_LOCATION,
    "aspecten": FIELD_ASPECT,
    "toelichting": FIELD_DESCRIPTION,
    "veiligheidsregio": FIELD_REGION,
}
REGION_UNKNOWN_WORD = "onbekend"

SOURCES = {
    "meldpunt": "meldpunt (0800-5151 / website)",
    "veiligheidsregio": "veiligheidsregio",
    "ggd": "GGD",
    "media": "media",
    "inspectie": "inspectie",
    "anders": "anders",
}
SOURCE_ALIASES = {
    "vr": "veiligheidsregio",
    "0800": "meldpunt",
    "website": "meldpunt",
    "melding": "meldpunt",
    "pers": "media",
    "krant": "media",
    "nla": "inspectie",
    "iszw": "inspectie",
    "nvwa": "inspectie",
    "overig": "anders",
}
ASPECTS = ("wonen", "werken", "vervoer")

# Errors. Each ends up above the usage of the command.
UNKNOWN_COMMAND = "Onbekend commando '{name}'."
DID_YOU_MEAN = "Bedoelde u {options}?"
HELP_HINT = "Typ !help voor alle commando's."
USAGE = "Gebruik: {usage}"
EXAMPLE = "Voorbeeld: {example}"
TOO_LONG = "Uw bericht is te lang ({length} tekens; maximaal {limit})."
TITLE_MISSING = (
    "Geef een titel: het bedrijf en de plaats, bijvoorbeeld 'Slachterij De Vries, Groenlo'."
)
TITLE_TOO_LONG = "De titel is te lang ({length} tekens; maximaal {limit})."
FIELD_TOO_LONG = "Het veld '{field}' is te lang ({length} tekens; maximaal {limit})."
FIELD_UNKNOWN = "Onbekend veld '{field}'. Velden: {fields}."
FIELD_EMPTY = "Het veld '{field}' is leeg."
FIELD_TWICE = "Het veld '{field}' staat er twee keer in."
REGION_NOT_FOUND = "Onbekende regio '{value}'."
REGION_HINT = "Gebruik een code (VR01 t/m VR25), een naam of afkorting (VNOG), of 'onbekend'."
SECTOR_NOT_FOUND = "Onbekende sector '{value}'."
SECTOR_HINT = "Sectoren: {sectors}."
SOURCE_NOT_FOUND = "Onbekende bron '{value}'. Kies uit: {sources}."
KVK_INVALID = "'{value}' is geen KvK-nummer: dat zijn 8 cijfers."
ASPECT_INVALID = "Onbekend aspect '{value}'. Kies uit: wonen, werken, vervoer."
CASE_NUMBER_INVALID = "'{value}' is geen zaaknummer. Gebruik bijvoorbeeld 2026-017 of 17."
CASE_NOT_FOUND = "Zaak {number} bestaat niet."
STATUS_NEEDS_NUMBER = "Welke zaak? Geef het zaaknummer, of typ !status in de incidentkamer."
NO_ARGUMENTS = "!{name} heeft geen argumenten."
HELP_UNKNOWN = "Er is geen commando '{name}'."
FAILURE = (
    "Er ging iets mis bij het verwerken van uw commando; het is niet uitgevoerd. "
    "Probeer het opnieuw of meld het bij de beheerder."
)

# Answers.
CASE_OPENED = "Zaak {number} geopend: {title}"
DEADLINE_LINE = "Repressieve inzet uiterlijk {deadline} ({remaining})."
ROOM_COMING = "De incidentkamer wordt geopend; u wordt uitgenodigd."
ROOM_READY = "Incidentkamer: "
REGION_ASK = (
    "Regio onbekend: alleen de landelijke entiteiten zijn uitgenodigd. "
    "Geef de regio door zodra die bekend is."
)
DUPLICATE_JOINED = (
    "Over dit bedrijf loopt al zaak {number} ({title}). Uw signaal is aan die zaak toegevoegd."
)
DUPLICATE_ROOM_TOLD = "Nieuw signaal over deze zaak van {sender}:"
CASES_NONE = "Er zijn geen open zaken."
CASES_HEADER = "Open zaken ({count}), nieuwste eerst:"
CASES_MORE = "… en nog {count} oudere zaken."
HELP_HEADER = "Commando's van signaalbot:"
HELP_FOOTER = "Typ !help <commando> voor uitleg en voorbeelden."
ALIASES_LINE = "Ook: {aliases}"

# Case views.
LABEL_STATUS = "Status"
LABEL_REGION = "Regio"
LABEL_SECTOR = "Sector"
LABEL_SOURCE = "Bron"
LABEL_LOCATION = "Locatie"
LABEL_KVK = "KvK"
LABEL_ASPECTS = "Aspecten"
LABEL_DESCRIPTION = "Omschrijving"
LABEL_SIGNALLED = "Gemeld"
LABEL_SIGNALLED_BY = "door"
LABEL_DEADLINE = "Uiterlijk inzet"
LABEL_ROOM = "Incidentkamer"
LABEL_TIMELINE = "Laatste gebeurtenissen"
NOT_KNOWN = "onbekend"
DEADLINE_PASSED = "verstreken, {elapsed} geleden"
DEADLINE_LEFT = "nog {remaining}"
ROOM_NOT_YET = "wordt geopend"
SUMMARY_HEADER = "Zaak {number}: {title}"
SUMMARY_COMMANDS = "Commando's in deze kamer: !status (stand van de zaak), !help."
TOPIC = "Regio: {region} · Sector: {sector} · Uiterlijk inzet: {deadline}"

# Timeline entry texts (the audit trail).
TIMELINE_SIGNAL = "Signaal ontvangen: {title}"
TIMELINE_REPEAT = "Herhaalsignaal: {title}"
TIMELINE_ROOM = "Incidentkamer geopend"

# Messages from the bot itself (not answers to a command).
MEMBERS_ONLY = (
    "signaalbot werkt alleen voor leden van het Samenwerkingsplatform. "
    "Neem contact op met de projectleider als u toegang nodig heeft."
)
EDITED_COMMAND = (
    "U heeft een commando bewerkt; bewerkingen worden niet opnieuw uitgevoerd. "
    "Stuur het commando opnieuw als dat de bedoeling is."
)
WRONG_ROOM = (
    "Ik werk in de platformkamer en in de incidentkamers van zaken; stuur uw commando daar."
)
UNDECRYPTABLE = (
    "Ik kan uw versleutelde bericht nog niet lezen: de sleutels hebben mijn apparaat "
    "{device} niet bereikt. Zet in Element 'Nooit versleutelde berichten naar niet-geverifieerde "
    "sessies sturen' uit (Instellingen > Beveiliging), of verifieer het apparaat {device} van "
    "{bot}. Zodra de sleutels binnen zijn, voer ik uw commando alsnog uit."
)
