"""Periods and scopes of the picture commands: the words members type for a period, the labels
shown for it, and what the bot answers when it cannot read a period, region or sector."""

from __future__ import annotations

from commands.texts import moments

#: For the help and usage of `!beeld`, `!risico` and `!verantwoording`.
PERIOD_HELP = (
    "Periode (optioneel): '14d', '3 weken', 'deze week', 'vorige maand', 'nov', "
    "'november 2025', '2026' of 'sinds 1 nov'."
)
SCOPE_HELP = (
    "Daarna eventueel een regio (VR06, VNOG, Noord- en Oost-Gelderland) "
    "of een sector (bouw, land- en tuinbouw)."
)

# The words members type. Month names and their abbreviations come from the Dutch locale.
COUNT_UNITS = {
    "d": "day",
    "dag": "day",
    "dagen": "day",
    "w": "week",
    "wk": "week",
    "week": "week",
    "weken": "week",
}
CALENDAR_UNITS = {"week": "week", "wk": "week", "maand": "month", "jaar": "year"}
LAST_WORDS = ("laatste", "afgelopen", "de laatste", "de afgelopen")
THIS_WORDS = ("deze", "dit", "huidige", "lopende")
PREVIOUS_WORDS = ("vorige", "vorig")
SINCE_WORDS = ("sinds", "vanaf")
NUMBER_WORDS = moments.NUMBER_WORDS  # the same words as in times: "over drie weken"

# Labels, as they appear in the chat and in reports.
LAST = "de laatste {amount}"
BEFORE = "de {amount} daarvoor"
#: A count of one, and of more, of each unit.
AMOUNTS = {"day": ("dag", "{count} dagen"), "week": ("week", "{count} weken")}
WEEK_LABEL = "week {week} van {year}"
MONTH_LABEL = "{month} {year}"
SO_FAR = "{label} tot nu"
SAME_PART = "hetzelfde deel van {label}"
SINCE_LABEL = "sinds {moment}"
BETWEEN_LABEL = "{since} tot {until}"
EQUALLY_LONG_BEFORE = "de even lange periode daarvoor"

# What could not be read. A problem with a period is followed by PERIOD_HELP.
PERIOD_UNREADABLE = "Ik kan '{said}' niet als periode lezen."
TWO_PERIODS = "Noem één periode: '{first}' en '{second}' zijn er twee."
PERIOD_PLACE = "Zet de periode ('{said}') vóór of na de regio of sector."
ZERO_COUNT = "'{said}' is geen periode: tel minstens 1 dag of 1 week."
TOO_EARLY = "'{said}' begint vóór 2000; zo ver terug gaat een periode niet."
IN_FUTURE = "'{said}' is nog niet begonnen: dat begint op {start}."
NO_SUCH_DATE = "{named} bestaat niet."
NO_SUCH_MONTH = "In '{said}' staat geen bestaande maand (de dag komt eerst)."

SCOPE_UNKNOWN = "'{said}' is geen periode, regio of sector die ik ken."
SCOPE_AMBIGUOUS = "'{said}' past bij meer dan één {kind}: {options}. Welke bedoelt u?"
SCOPE_BOTH = "'{said}' noemt een regio ({region}) én een sector ({sector}); kies er één."
SCOPE_KINDS = {"region": "regio", "sector": "sector"}
