"""Moments: the words members type for days, times and durations, and what the bot answers when
it cannot read one."""

from __future__ import annotations

EXAMPLES = "'morgen 14:00', 'dinsdag 10:00', '1 december 9:00', 'over 2 uur' of 'nu'"
MOMENT_ERROR = "{problem} Voorbeelden die werken: {examples}."

# What could not be read. Each is followed by MOMENT_ERROR's examples.
NO_MOMENT = "Er staat geen moment, noem een dag en een tijd."
UNREADABLE = "Ik kan aan het begin van '{text}' geen moment lezen."
DURATION_AFTER_OVER = "Na 'over' verwacht ik een duur, zoals 'over 2 uur' of 'over 30 minuten'."
TIME_AFTER_OM = "Na 'om' verwacht ik een tijd, zoals 'om 14:00' of 'om 9 uur'."
DAY_NEEDS_TIME = "Bij '{said}' hoort ook een tijd, bijvoorbeeld '{example}'."
PARTS_DISAGREE = "'{said}' en 's {part}s' spreken elkaar tegen."
AMBIGUOUS_HOUR = (
    "Is '{said}' 's nachts of 's middags? Schrijf bijvoorbeeld '{afternoon}' of '{night}'."
)
NO_SUCH_MONTH = "In '{said}' staat geen bestaande maand (de dag komt eerst)."
NO_SUCH_DATE = "{named} bestaat niet."
TIME_SPAN = "Noem één begintijd: een tijdvak als '14:00-15:00' kan ik niet lezen."
NO_SUCH_TIME = "'{said}' is geen bestaande tijd."
OUTSIDE_PART = "{time} valt niet in de {part}."
WEEKDAY_DISAGREES = "{date} is een {named}, geen {said}."
SKIPPED_HOUR = "{time} bestaat niet op {date}: dan gaat de klok een uur vooruit."

# Shown lengths of time.
LESS_THAN_A_MINUTE = "minder dan een minuut"
DURATION_JOIN = " en "

# The words members type. Month and weekday names come from the Dutch locale.
MONTH_SPELLINGS = {"mrt": 3}
RELATIVE_DAYS = {"eergisteren": -2, "gisteren": -1, "vandaag": 0, "morgen": 1, "overmorgen": 2}
NUMBER_WORDS = {
    "een": 1,
    "één": 1,
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
    "twaalf": 12,
    "veertien": 14,
    "twintig": 20,
    "dertig": 30,
    "veertig": 40,
    "vijftig": 50,
}
HALVES = {"anderhalf": 1.5, "een half": 0.5, "een halve": 0.5}
UNITS = {
    "uur": 60.0,
    "uren": 60.0,
    "u": 60.0,
    "minuut": 1.0,
    "minuten": 1.0,
    "min": 1.0,
    "kwartier": 15.0,
}
PARTS = {
    "ochtend": "ochtend",
    "morgen": "ochtend",
    "middag": "middag",
    "avond": "avond",
    "ochtends": "ochtend",
    "morgens": "ochtend",
    "middags": "middag",
    "avonds": "avond",
    "nachts": "nacht",
}
PART_EXAMPLE = {None: "14:00", "ochtend": "9:00", "middag": "14:00", "avond": "19:00"}
