"""Contacts outside Matrix and the regional contact points."""

from __future__ import annotations

from commands.texts.command_help import CommandHelp, HelpGroup
from storage.contacts import ContactKind

#: How each kind of contact is shown; a member may also type these to name the kind.
KIND_LABELS: dict[ContactKind, str] = {
    ContactKind.GEMEENTE: "Gemeente",
    ContactKind.POLITIE: "Politie",
    ContactKind.ILT: "Inspectie Leefomgeving en Transport (ILT)",
    ContactKind.SNF: "Stichting Normering Flexwonen (SNF)",
    ContactKind.SNA: "Stichting Normering Arbeid (SNA)",
    ContactKind.ISZW: "Nederlandse Arbeidsinspectie",
    ContactKind.NVWA: "NVWA",
    ContactKind.GGD: "GGD",
    ContactKind.VR: "Veiligheidsregio",
    ContactKind.GESUNDHEITSAMT: "Gesundheitsamt (DE)",
    ContactKind.KREIS: "Kreis (DE)",
    ContactKind.PROVINCE_BE: "Provincie (BE)",
    ContactKind.ZONE_BE: "Hulpverleningszone (BE)",
    ContactKind.ZORG_BE: "Agentschap Zorg en Gezondheid (BE)",
    ContactKind.OTHER: "Anders",
}
#: Other words for a kind, besides its code and its label.
KIND_ALIASES: dict[str, ContactKind] = {
    "politie": ContactKind.POLITIE,
    "inspectie leefomgeving en transport": ContactKind.ILT,
    "stichting normering flexwonen": ContactKind.SNF,
    "stichting normering arbeid": ContactKind.SNA,
    "arbeidsinspectie": ContactKind.ISZW,
    "nla": ContactKind.ISZW,
    "veiligheidsregio": ContactKind.VR,
    "landkreis": ContactKind.KREIS,
    "stadt": ContactKind.KREIS,
    "provincie": ContactKind.PROVINCE_BE,
    "hulpverleningszone": ContactKind.ZONE_BE,
    "zorg en gezondheid": ContactKind.ZORG_BE,
    "overig": ContactKind.OTHER,
}
#: The countries a contact can be in, by what a member may type.
COUNTRY_NAMES = {
    "nl": "NL",
    "nederland": "NL",
    "de": "DE",
    "duitsland": "DE",
    "deutschland": "DE",
    "be": "BE",
    "belgie": "BE",
}
COUNTRY_CODES = {"DE": "49", "BE": "32"}
COUNTRY_LABELS = {"NL": "Nederland", "DE": "Duitsland", "BE": "België"}

# -- the fields of a contact, in the chat and in an import file ------------------------------
FIELD_NAME = "naam"
FIELD_ORGANISATION = "organisatie"
FIELD_KIND = "soort"
FIELD_ROLE = "rol"
FIELD_PHONE = "telefoon"
FIELD_EMAIL = "e-mail"
FIELD_REGIONS = "regio's"
FIELD_COUNTRY = "land"
FIELD_POINT = "aanspreekpunt"  # import only: make the contact the point of its regions
#: The fields of `!contact toevoegen`, and the other ways to write them.
FIELDS = (
    FIELD_NAME,
    FIELD_ORGANISATION,
    FIELD_KIND,
    FIELD_ROLE,
    FIELD_PHONE,
    FIELD_EMAIL,
    FIELD_REGIONS,
    FIELD_COUNTRY,
)
FIELD_ALIASES = {
    "organisation": FIELD_ORGANISATION,
    "org": FIELD_ORGANISATION,
    "type": FIELD_KIND,
    "functie": FIELD_ROLE,
    "tel": FIELD_PHONE,
    "telefoonnummer": FIELD_PHONE,
    "email": FIELD_EMAIL,
    "mail": FIELD_EMAIL,
    "regio": FIELD_REGIONS,
    "regios": FIELD_REGIONS,
}

# -- problems with a value ---------------------------------------------------------------------
NAME_MISSING = "Wie of wat is het contact? De naam ontbreekt."
KIND_MISSING = "Welke soort contact is het? Bijvoorbeeld gemeente, politie of ggd."
KIND_UNKNOWN = "Onbekende soort '{value}'. Kies uit: {kinds}."
REGIONS_MISSING = "Voor welke regio('s) is het contact? Bijvoorbeeld VR06, of VNOG, Twente."
REGION_UNKNOWN = "Onbekende veiligheidsregio '{value}'."
REGION_SUGGEST = "Onbekende veiligheidsregio '{value}'. Bedoelde u {options}?"
REGION_AMBIGUOUS = "'{value}' past bij meer regio's: {options}. Noem er één (of elk apart)."
REACH_MISSING = "Hoe is het contact te bereiken? Vul telefoon of e-mail in (of beide)."
PHONE_INVALID = "'{value}' is geen geldig telefoonnummer."
PHONE_NEEDS_COUNTRY_CODE = (
    "'{value}': schrijf een nummer in {country} met +{code} ervoor, zoals +{code} …"
)
EMAIL_INVALID = "'{value}' is geen geldig e-mailadres; schrijf het als naam@organisatie.nl."
COUNTRY_UNKNOWN = "Onbekend land '{value}'. Kies NL, DE of BE."
VALUE_TOO_LONG = "Het veld '{field}' is te lang ({length} tekens; maximaal {limit})."
PART_WITHOUT_FIELD = (
    "'{part}' heeft geen veldnaam. Schrijf elk deel na de naam als veld: waarde, "
    "bijvoorbeeld rol: handhaver wonen."
)
FIELD_UNKNOWN = "Onbekend veld '{field}'. De velden zijn: {fields}."
FIELD_TWICE = "Het veld '{field}' staat er twee keer in."

# -- !contact ----------------------------------------------------------------------------------
CONTACT_WHAT = (
    "Wie zoekt u? Noem een regio (VNOG, VR06), een entiteit (ISZW, NVWA, GGD) of een naam."
)
ONLY_PROJECT_LEADERS = "Alleen een projectleider kan {what}."
WHAT_ADD = "contacten toevoegen"
WHAT_REMOVE = "contacten verwijderen"
WHAT_POINT = "aanspreekpunten benoemen"
NUMBER_MISSING = "Welk contact? Zet het nummer erachter, zoals !contact verwijder 12."
CONTACT_NOT_FOUND = "Contact {number} bestaat niet. Met !contact <naam> vindt u het nummer."
CONTACT_ADDED = "Contact {number} opgeslagen:"
CONTACT_REMOVED = "Contact {number} verwijderd: {name}."
CONTACT_WAS_POINT = "Daarmee staat open: aanspreekpunt {points}."
CONTACT_LINE = "#{number} {name}"
CONTACT_REGIONS = "regio's {regions}"
CONTACT_COUNTRY = "{country}"
SEPARATOR = " · "

REGION_HEADER = "Aanspreekpunten {region}"
POINT_LINE = "{entity}: {who} · bevoegdheden: {powers}"
POINT_NONE = "nog geen aanspreekpunt"
POINT_AWAY = "{who} · {absence}"
POINT_STAND_IN = " Bel nu {who}."
POWERS_COMMAND = "!netwerk {entity}"
POWERS_WITH_LINE = "{line} (meer: {more})"
OTHERS_HEADER = "Andere contacten voor {region}"
OTHERS_NONE = "Geen andere contacten voor deze regio."
ENTITY_HEADER = "Aanspreekpunten {entity} per regio · bevoegdheden: {powers}"
ENTITY_POINT = "{region}: {who}"
ENTITY_GAPS = "Nog geen aanspreekpunt: {regions}"
ENTITY_NONE = "Nog voor geen enkele regio een aanspreekpunt {entity}."
POINT_ENTITY_LABELS = {"ISZW": "Arbeidsinspectie (ISZW)", "NVWA": "NVWA", "GGD": "GGD"}
SEARCH_HEADER = "Gevonden voor '{words}'"
SEARCH_MEMBERS = "Leden"
SEARCH_CONTACTS = "Contacten"
SEARCH_NONE = "Geen contact, lid of regio gevonden voor '{words}'."
REGION_OPTIONS = "Bedoelde u {options}?"
MEMBER_LINE = "{who} · {entity}"
SEARCH_WORDS_MIN = 2  # a shorter word finds too much

# -- !aanspreekpunt ----------------------------------------------------------------------------
POINT_WORDS_MISSING = "Noem de regio, de entiteit en wie: een lid, een contactnummer of 'geen'."
POINT_REGION_MISSING = "Voor welke regio? Zet de regio vooraan, zoals !aanspreekpunt VNOG GGD 12."
POINT_ENTITY_MISSING = (
    "Voor welke entiteit? Een aanspreekpunt is er voor ISZW (Arbeidsinspectie), NVWA of GGD."
)
POINT_TARGET_MISSING = (
    "Wie wordt het aanspreekpunt? Noem een lid (@naam:server), een contactnummer of 'geen'."
)
POINT_TARGET_UNKNOWN = (
    "'{value}' is geen lid (@naam:server), contactnummer of 'geen'. Een contact vindt u met "
    "!contact <naam>."
)
POINT_CLEAR_WORD = "geen"
POINT_MEMBER_UNKNOWN = "{user} staat niet in de ledenlijst van het platform."
POINT_MEMBER_OTHER_ENTITY = (
    "{who} is lid van {their}, niet van {entity}. Kies een lid van {entity} of een contact."
)
POINT_MEMBER_OTHER_REGION = (
    "{who} is lid van {their}, niet van de GGD in {region}. Kies iemand van die regio."
)
POINT_CONTACT_OTHER_REGION = "Contact {number} ({name}) staat niet voor {region} in de lijst. Kies een contact van die regio."
POINT_SET = "Aanspreekpunt {entity} voor {region}: {who}."
POINT_WAS = "(was: {who})"
POINT_CLEARED = "Aanspreekpunt {entity} voor {region} gewist; de regio staat open op de agenda."
POINT_WAS_NOT_SET = "{region} had geen aanspreekpunt {entity}; er is niets gewist."

# -- the agenda --------------------------------------------------------------------------------
AGENDA_GAPS = "Geen aanspreekpunt {entity}: {regions}"

# -- `signaalbot import contacten FILE` --------------------------------------------------------
IMPORT_COLUMNS = (*FIELDS, FIELD_POINT)
IMPORT_REQUIRED = (FIELD_NAME, FIELD_KIND, FIELD_REGIONS)
FILE_UNREADABLE = "{file}: het bestand kan niet worden gelezen ({reason})."
FILE_NOT_UTF8 = "Het bestand is geen UTF-8-tekst."
FILE_KIND_UNKNOWN = "{file}: onbekende soort bestand; gebruik .csv of .yaml."
FILE_EMPTY = "Het bestand bevat geen contacten."
CSV_INVALID = "Deze regel is geen geldige CSV."
CELLS_TOO_MANY = "Deze regel heeft meer waarden dan de kopregel kolommen."
YAML_INVALID = "Het bestand is geen geldige YAML."
YAML_NOT_A_LIST = "Verwacht een lijst van contacten, elk met de sleutels {columns}."
YAML_NOT_A_MAPPING = "Verwacht een contact met de sleutels {columns}."
YAML_NOT_TEXT = "Verwacht tekst, geen lijst of tabel."
COLUMN_UNKNOWN = "Onbekende kolom '{column}'. De kolommen zijn: {columns}."
COLUMN_TWICE = "De kolom '{column}' staat er twee keer in."
COLUMN_MISSING = "De kolom '{column}' ontbreekt."
POINT_COLUMN_UNKNOWN = "'{value}': een aanspreekpunt is er voor ISZW, NVWA of GGD."
CONTACT_TWICE = "{name} staat al op regel {line}."
POINT_TWICE = "Het aanspreekpunt {entity} voor {region} staat al op regel {line}."
IMPORT_REFUSED = "Niets geïmporteerd: 1 probleem gevonden."
IMPORT_REFUSED_MANY = "Niets geïmporteerd: {count} problemen gevonden."
IMPORTED = (
    "Uit {file}: {added} toegevoegd, {updated} bijgewerkt, {unchanged} ongewijzigd; "
    "{points} aanspreekpunten benoemd."
)
IMPORTED_ADDED = "toegevoegd: {contact}"
IMPORTED_UPDATED = "bijgewerkt: {contact}"
IMPORTED_CONTACT = "#{number} {name}"
#: The actor on the audit trail of an import from the command line.
IMPORT_ACTOR = "import"

# Command help: name, aliases, summary, usage, details and examples, one value each.
CONTACT_HELP = CommandHelp(
    name="contact",
    aliases=("contacten",),
    summary="Wie bel ik in een regio: de aanspreekpunten van ISZW, NVWA en GGD en de contacten "
    "buiten Matrix (gemeente, politie, ILT, over de grens).",
    usage="!contact <regio | entiteit | naam> | !contact toevoegen <naam>; soort: …; regio: …; "
    "telefoon: …; e-mail: … | !contact verwijder <nr>",
    details="Met een regio: per entiteit het aanspreekpunt (en wie waarneemt als het lid afwezig "
    "is), daarna de andere contacten per soort. Met ISZW, NVWA of GGD: de aanspreekpunten per "
    "regio. Met andere woorden: de contacten en leden op naam, organisatie of rol. "
    "Toevoegen en verwijderen kan alleen een projectleider. Bij toevoegen zijn naam, soort en "
    "minstens één regio nodig, en telefoon of e-mail. Velden: organisatie, soort (gemeente, "
    "politie, ilt, snf, sna, iszw, nvwa, ggd, vr, gesundheitsamt, kreis, provincie_be, zone_be, "
    "zorg_be, anders), rol, telefoon, e-mail, regio (één of meer, met komma's), land (NL, DE of "
    "BE; een nummer in DE of BE met +49 of +32).",
    examples=(
        "!contact VNOG",
        "!contact toevoegen Team Wonen; organisatie: Gemeente Doetinchem; soort: gemeente; "
        "rol: handhaving huisvesting; telefoon: 0314 377 377; regio: VR06",
        "!contact verwijder 12",
        "!contact Doetinchem",
    ),
    group=HelpGroup.NETWORK,
)
POINT_HELP = CommandHelp(
    name="aanspreekpunt",
    summary="Benoem per regio het aanspreekpunt van ISZW, NVWA of GGD (een lid of een contact), "
    "of wis het.",
    usage="!aanspreekpunt <regio> <ISZW | NVWA | GGD> <@lid:server | contactnummer | geen>",
    details="Alleen een projectleider. Het aanspreekpunt is een lid van die entiteit (bij de GGD: "
    "van die regio) of een contact dat voor die regio in de lijst staat. Een regio zonder "
    "aanspreekpunt staat op de agenda van het platformoverleg tot er een is.",
    examples=(
        "!aanspreekpunt VNOG GGD @ggd06:example.org",
        "!aanspreekpunt Twente NVWA 12",
        "!aanspreekpunt VR06 ISZW geen",
    ),
    group=HelpGroup.NETWORK,
)
