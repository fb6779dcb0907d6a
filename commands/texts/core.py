"""The framework's words: usage and errors every command shares, help, the bot's own notices."""

from __future__ import annotations

from commands.texts.command_help import CommandHelp, HelpGroup

# Errors. Each ends up above the usage of the command.
UNKNOWN_COMMAND = "Onbekend commando '{name}'."
DID_YOU_MEAN = "Bedoelde u {options}?"
HELP_HINT = "Typ !help voor alle commando's."
#: Choices in a sentence: `A, B of C`.
OPTIONS_LAST = "{options} of {last}"
USAGE = "Gebruik: {usage}"
EXAMPLE = "Voorbeeld: {example}"
FIELD_TOO_LONG = "Het veld '{field}' is te lang ({length} tekens; maximaal {limit})."
TOO_LONG = "Uw bericht is te lang ({length} tekens; maximaal {limit})."
NO_ARGUMENTS = "!{name} heeft geen argumenten."
HELP_UNKNOWN = "Er is geen commando '{name}'."
FAILURE = (
    "Er ging iets mis bij het verwerken van uw commando; het is niet uitgevoerd. "
    "Probeer het opnieuw of meld het bij de beheerder."
)
TOO_BIG = (
    "Het antwoord is te groot voor één bericht en is niet verstuurd. "
    "Meld het bij de beheerder als u het nodig heeft."
)
TOO_BIG_FILE = (
    "Het antwoord is te groot voor één bericht; het staat volledig in het bestand {filename}."
)
TOO_BIG_FILENAME = "antwoord.txt"
ANSWER_REFUSED = (
    "Ik kon uw commando niet beantwoorden: de server weigerde mijn antwoord. "
    "Meld het bij de beheerder (bericht {row})."
)
HELP_HEADER = "Commando's van signaalbot:"
# The overview's groups, in the order of HelpGroup; in an incident room its case comes first.
HELP_GROUPS = {
    HelpGroup.SIGNAL: "Melden",
    HelpGroup.CASE: "De zaak",
    HelpGroup.MEETING: "Overleg",
    HelpGroup.FOLLOW_UP: "Acties en besluiten",
    HelpGroup.CYCLE: "Tweewekelijkse cyclus",
    HelpGroup.PICTURE: "Beeld en verantwoording",
    HelpGroup.NETWORK: "Netwerk",
    HelpGroup.OTHER: "Verder",
}
HELP_THIS_CASE = "Zaak {number}, in deze kamer zonder zaaknummer"
ALIASES_LINE = "Ook: {aliases}"
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
    "Ik werk in de platformkamer, in de incidentkamers van zaken en in een privégesprek met mij; "
    "stuur uw commando daar."
)
# A member's plain words in a direct chat with the bot. Words and phrases are compared in lower
# case without punctuation: 'Hallo!' is 'hallo', '?' is ''.
GREETING_WORDS = frozenset(
    {
        "help",
        "hulp",
        "hallo",
        "hoi",
        "hey",
        "hi",
        "dag",
        "goedemorgen",
        "goedemiddag",
        "goedenavond",
    }
)
HELP_PHRASES = frozenset(
    {
        "",
        "wat kan je",
        "wat kun je",
        "wat kan jij",
        "wat kun jij",
        "wat kan je doen",
        "wat kun je doen",
        "wat doe je",
        "uitleg",
    }
)
DIRECT_WELCOME = (
    "Hallo! Hier werken alle commando's zoals in de platformkamer; een zaak noemt u met haar "
    "nummer, of u typt het commando in de incidentkamer."
)
DIRECT_HINT = (
    "Commando's beginnen met een uitroepteken, zoals !zaken of !signaal <titel>. "
    "Typ help voor het overzicht."
)
UNDECRYPTABLE = (
    "Ik kan uw versleutelde bericht nog niet lezen: de sleutels hebben mijn apparaat "
    "{device} niet bereikt. Zet in Element 'Nooit versleutelde berichten naar niet-geverifieerde "
    "sessies sturen' uit (Instellingen > Beveiliging), of verifieer het apparaat {device} van "
    "{bot}. Zodra de sleutels binnen zijn, voer ik uw commando alsnog uit."
)

# Command help: name, aliases, summary, usage, details and examples, one value each.
HELP_HELP = CommandHelp(
    name="help",
    aliases=("hulp", "?"),
    summary="Toon de commando's, of uitleg en voorbeelden bij één commando.",
    usage="!help [commando]",
    examples=("!help", "!help signaal"),
    group=HelpGroup.OTHER,
)
