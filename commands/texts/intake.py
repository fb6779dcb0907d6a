"""Signals coming in and corrected: the field names members type, how values are read, what the
answer says about a field it could not read, and `!wijzig`."""

from __future__ import annotations

from commands.texts.command_help import CommandHelp, HelpGroup
from storage.cases import IntakeField

# Field names as members type them.
FIELD_REGION = "regio"
FIELD_SECTOR = "sector"
FIELD_SOURCE = "bron"
FIELD_LOCATION = "locatie"
FIELD_KVK = "kvk"
FIELD_BORDER = "grens"
FIELD_ASPECT = "aspect"
FIELD_DESCRIPTION = "omschrijving"
FIELD_TITLE = "bedrijf"  # the title: a field too, for a title that is not on the first line
FIELD_ALIASES = {
    "plaats": FIELD_LOCATION,
    "adres": FIELD_LOCATION,
    "aspecten": FIELD_ASPECT,
    "toelichting": FIELD_DESCRIPTION,
    "veiligheidsregio": FIELD_REGION,
    "grensland": FIELD_BORDER,
    # Other ways to write the field names (spaces, hyphens and case do not matter).
    **dict.fromkeys(
        ("bedrijfsnaam", "naam bedrijf", "werkgever", "firma", "onderneming", "titel"), FIELD_TITLE
    ),
    **dict.fromkeys(("vr", "regio's"), FIELD_REGION),
    **dict.fromkeys(("branche", "bedrijfstak", "soort bedrijf", "type bedrijf"), FIELD_SECTOR),
    **dict.fromkeys(
        ("melder", "gemeld door", "bron melding", "herkomst", "afkomstig van"), FIELD_SOURCE
    ),
    **dict.fromkeys(
        ("locaties", "plaatsnaam", "vestiging", "vestigingsadres", "vestigingsplaats", "gemeente"),
        FIELD_LOCATION,
    ),
    **dict.fromkeys(("kvk nummer", "kvk nr", "kamer van koophandel"), FIELD_KVK),
    **dict.fromkeys(("thema", "thema's"), FIELD_ASPECT),
    **dict.fromkeys(
        ("beschrijving", "opmerking", "opmerkingen", "details", "info", "informatie", "melding"),
        FIELD_DESCRIPTION,
    ),
    **dict.fromkeys(("bericht", "situatie", "samenvatting"), FIELD_DESCRIPTION),
}
#: Each field's code and its name in answers (`!wijzig 2026-017 regio: ...`).
FIELD_NAMES = {
    IntakeField.TITLE: FIELD_TITLE,
    IntakeField.REGION: FIELD_REGION,
    IntakeField.SECTOR: FIELD_SECTOR,
    IntakeField.SOURCE: FIELD_SOURCE,
    IntakeField.LOCATION: FIELD_LOCATION,
    IntakeField.KVK: FIELD_KVK,
    IntakeField.BORDER: FIELD_BORDER,
    IntakeField.ASPECT: FIELD_ASPECT,
    IntakeField.DESCRIPTION: FIELD_DESCRIPTION,
}
#: Words before a colon at the very start of a signal that only announce it (and e-mail
#: subject prefixes): `!signaal Melding: Slachterij X` has the title "Slachterij X".
TITLE_LINE_LABELS = ("melding", "signaal", "onderwerp", "betreft", "re", "fw", "fwd")
REGION_UNKNOWN_WORD = "onbekend"
#: A value that says it is not known leaves the field empty and needs no correction.
UNKNOWN_WORDS = frozenset(
    {REGION_UNKNOWN_WORD, "nog onbekend", "niet bekend", "nog niet bekend", "weet niet", "nvt"}
)
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
    **dict.fromkeys(("arbeidsinspectie", "szw"), "inspectie"),
    **dict.fromkeys(("nieuws", "social media", "tv", "radio", "omroep"), "media"),
}
ASPECTS = ("wonen", "werken", "vervoer")
ASPECT_ALIASES = {
    **dict.fromkeys(("huisvesting", "woning", "woningen", "logies"), "wonen"),
    **dict.fromkeys(("werk", "werkplek", "werkvloer", "arbeid"), "werken"),
    **dict.fromkeys(("transport", "busvervoer", "busjes"), "vervoer"),
}
TITLE_MISSING = (
    "Geef een titel: het bedrijf en de plaats, bijvoorbeeld 'Slachterij De Vries, Groenlo'."
)
FIELD_UNKNOWN = "Onbekend veld '{field}'. Velden: {fields}."
REGION_NOT_FOUND = "Onbekende regio '{value}'."
REGION_HINT = "Gebruik een code (VR01 t/m VR25), een naam of afkorting (VNOG), of 'onbekend'."
SECTOR_NOT_FOUND = "Onbekende sector '{value}'."
SECTOR_HINT = "Sectoren: {sectors}."
SOURCE_NOT_FOUND = "Onbekende bron '{value}'. Kies uit: {sources}."
KVK_INVALID = "'{value}' is geen KvK-nummer: dat zijn 8 cijfers."
ASPECT_INVALID = "Onbekend aspect '{value}'. Kies uit: wonen, werken, vervoer."
VALUE_AMBIGUOUS = "'{value}' past bij meer dan één {field}: {options}. Welke bedoelt u?"
# What a signal's answer says about the fields it could not read; the case opened regardless.
UNREAD_FIX = "Verbeter het met !wijzig {number} {field}: <waarde>."
FIELDS_UNKNOWN = "Onbekende velden: {names}. Velden: {fields}."
STRANGERS_KEPT = "Die tekst staat in de omschrijving."
FIELD_CUT = "{field} ingekort tot {limit} tekens."
TITLE_CUT = "De titel is ingekort tot {limit} tekens; de hele titel staat in de omschrijving."

# --- !wijzig: correcting the fields of a case ------------------------------------------------
CORRECTION_TITLE = "titel"
#: The field names `!wijzig` takes, as members type them (the aliases of FIELD_ALIASES work too).
CORRECTION_FIELDS = {
    CORRECTION_TITLE: IntakeField.TITLE,
    FIELD_REGION: IntakeField.REGION,
    FIELD_SECTOR: IntakeField.SECTOR,
    FIELD_SOURCE: IntakeField.SOURCE,
    FIELD_LOCATION: IntakeField.LOCATION,
    FIELD_KVK: IntakeField.KVK,
    FIELD_BORDER: IntakeField.BORDER,
    FIELD_ASPECT: IntakeField.ASPECT,
    FIELD_DESCRIPTION: IntakeField.DESCRIPTION,
}
CORRECTION_ALIASES = dict.fromkeys(("naam", "bedrijf", "bedrijfsnaam"), CORRECTION_TITLE)
#: Each field's name in `!wijzig`'s answers.
CORRECTION_NAMES = {code: name for name, code in CORRECTION_FIELDS.items()}
FIELD_EMPTY = "Het veld '{field}' is leeg."
FIELD_TWICE = "Het veld '{field}' staat er twee keer in."
#: Given as the new value, it empties the field (any field but the title).
CLEAR_WORD = REGION_UNKNOWN_WORD
CORRECTION_MISSING = (
    "Wat moet er anders? Geef het veld en de nieuwe waarde, bijvoorbeeld 'sector: logistiek'. "
    "Velden: {fields}."
)
CORRECTED = "Zaak {number} gewijzigd:"
CORRECTED_LINE = "{field}: {old} → {new}"
CORRECTION_WAS_UNREAD = "niet gelezen: '{typed}'"
CORRECTION_SAME = "{field} is al {value}"
CORRECTION_UNCHANGED = "Ongewijzigd: {same}."
CORRECTION_NOTHING = "Zaak {number} is niet gewijzigd: {same}."
CORRECTION_INVITED = "De VR- en GGD-leden van {region} worden uitgenodigd."
CORRECTION_TOLD = "{sender} wijzigde deze zaak:"
TIMELINE_CORRECTION = "Gewijzigd: {field} van '{old}' naar '{new}'"
CORRECTION_NUMBERED = "!wijzig 2026-017 sector: logistiek"
CORRECTION_HELP = CommandHelp(
    name="wijzig",
    aliases=("corrigeer", "correctie"),
    summary="Verbeter een gegeven van een zaak: titel, regio, sector, bron, locatie, kvk, grens, "
    "aspect of omschrijving.",
    usage="!wijzig [zaaknummer] <veld>: <waarde>",
    details="Elk lid kan een zaak verbeteren. Meer velden tegelijk: gescheiden door ';' of elk op "
    "een eigen regel. De waarde wordt gelezen zoals bij !signaal. 'onbekend' maakt een veld leeg "
    "(niet de titel). Een nieuwe titel wordt de naam van de incidentkamer; bij een nieuwe regio "
    "worden de VR- en GGD-leden van die regio uitgenodigd. Elke wijziging staat in de tijdlijn.",
    examples=(
        "!wijzig sector: logistiek",
        "!wijzig 2026-017 regio: VNOG; sector: kassen",
        "!wijzig titel: Slachterij De Vries B.V., Groenlo",
        "!wijzig kvk: onbekend",
        "!wijzig grens DE",
    ),
    group=HelpGroup.CASE,
)
