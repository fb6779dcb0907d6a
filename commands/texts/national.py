"""The national picture: `!landelijk`, and importing the partners' figures."""

from __future__ import annotations

from commands.texts.command_help import CommandHelp, HelpGroup

# --- Importing figures (signaalbot import landelijk FILE) -------------------------------------
#: The columns of an import file, in the order of the CSV example.
COLUMN_REGION = "regio"
COLUMN_INDICATOR = "indicator"
COLUMN_VALUE = "waarde"
COLUMN_SOURCE = "bron"
COLUMN_AS_OF = "peildatum"
COLUMNS = (COLUMN_REGION, COLUMN_INDICATOR, COLUMN_VALUE, COLUMN_SOURCE, COLUMN_AS_OF)

FILE_UNREADABLE = "{file}: het bestand kan niet worden gelezen ({reason})."
FILE_KIND_UNKNOWN = "{file}: gebruik een CSV-bestand (.csv) of een YAML-bestand (.yaml, .yml)."
FILE_NOT_UTF8 = "het bestand is geen UTF-8-tekst; sla het op als UTF-8 (CSV UTF-8)."
FILE_EMPTY = "het bestand bevat geen cijfers."
CSV_INVALID = "dit is geen leesbare CSV."
YAML_INVALID = "dit is geen geldige YAML."
YAML_NOT_A_LIST = "verwacht een lijst met per cijfer de velden {columns}."
YAML_NOT_A_MAPPING = "verwacht de velden {columns} van één cijfer."
COLUMN_UNKNOWN = "onbekende kolom '{column}'. Kolommen: {columns}."
COLUMN_TWICE = "de kolom '{column}' staat er twee keer in."
COLUMN_MISSING = "de kolom '{column}' ontbreekt."
CELLS_TOO_MANY = "meer waarden dan kolommen."
VALUE_EMPTY = "leeg."
VALUE_NOT_TEXT = "verwacht één waarde, geen lijst."
REGION_UNKNOWN = "onbekende regio '{value}'. Gebruik een code (VR01 t/m VR25) of een naam."
INDICATOR_UNKNOWN = "onbekende indicator '{value}'. Indicatoren: {indicators}."
NUMBER_INVALID = "'{value}' is geen getal. Schrijf bijvoorbeeld 1234 of 1.234."
NUMBER_NOT_WHOLE = (
    "'{value}' is geen geheel aantal. De komma is het decimaalteken; schrijf duizendtallen als "
    "1.234 of 1234."
)
NUMBER_NEGATIVE = "'{value}' is negatief; een aantal is 0 of meer."
SECTOR_UNKNOWN = "onbekende sector '{value}'. Sectoren: {sectors}."
SECTORS_NONE = "noem een of meer sectoren, gescheiden door komma's."
SOURCE_TOO_LONG = "de bron is {length} tekens; maximaal {limit}."
SOURCE_MISSING = "noem de bron: de partner of publicatie van het cijfer."
DATE_INVALID = "'{value}' is geen datum. Schrijf bijvoorbeeld 2026-10-01 of 1-10-2026."
DATE_IN_FUTURE = "{date} ligt in de toekomst."
FIGURE_TWICE = "{region}, {indicator} staat ook op regel {line}."
DID_YOU_MEAN = "Bedoelde u {options}?"
IMPORT_REFUSED = "Niets geïmporteerd: {count} probleem gevonden."
IMPORT_REFUSED_MANY = "Niets geïmporteerd: {count} problemen gevonden."
IMPORTED = "{figures} geïmporteerd voor {regions}, uit {file}."
FIGURES_ONE = "1 cijfer"
FIGURES_MANY = "{count} cijfers"
REGIONS_ONE = "1 regio"
REGIONS_MANY = "{count} regio's"

# --- !landelijk ------------------------------------------------------------------------------
HEADER_REGION = "Landelijk beeld: {region}"
HEADER_NATIONAL = "Landelijk beeld: alle regio's"
#: The aspects a signal names (their codes) and their headings, in the order shown.
ASPECT_HEADINGS = {"wonen": "Wonen", "werken": "Werken", "vervoer": "Vervoer"}
FIGURE = "{name}: {value} (bron: {source}, peildatum {as_of})"
FIGURE_MISSING = "{name}: geen cijfer geïmporteerd"
COUNT = "{count} {unit}"
NATIONAL_FIGURE = "{name}: {value} ({regions} van {all} regio's; {sources}, peildatum {as_of})"
NATIONAL_SECTOR = "{sector} ({regions})"
ONE_SOURCE = "bron: {source}"
SOURCES = "{count} bronnen"
AS_OF_RANGE = "{first} t/m {last}"
SIGNALS = "Signalen: {window} in de laatste {length}, {total} in totaal"
NO_FIGURES = "Er zijn nog geen landelijke cijfers geïmporteerd."
FIGURES_HOW = "Cijfers komen van partners; een beheerder importeert ze."
REGION_NOT_FOUND = "Onbekende regio '{value}'."
REGION_AMBIGUOUS = "'{value}' past bij meer dan één regio: {options}. Welke bedoelt u?"

NATIONAL_HELP = CommandHelp(
    name="landelijk",
    aliases=("nationaal",),
    summary="Toon het landelijk beeld van wonen, werken en vervoer, voor één regio of het land.",
    usage="!landelijk [regio]",
    details=(
        "Per aspect de cijfers die partners aanleverden (met bron en peildatum) en de signalen "
        "over dat aspect. Zonder regio: de totalen van de regio's die cijfers aanleverden."
    ),
    examples=("!landelijk VNOG", "!landelijk"),
    group=HelpGroup.PICTURE,
)
