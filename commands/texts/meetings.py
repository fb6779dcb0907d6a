"""Meetings via LOT-C: requests, invitations, answers, reminders and minutes."""

from __future__ import annotations

from commands.texts.command_help import CommandHelp, HelpGroup

# --- Meetings via LOT-C (!overleg) ---------------------------------------------------------
MEETING_LABEL = "overleg {number}"
MEETING_AS_SOON_AS_POSSIBLE = "zo snel mogelijk"
MEETING_ABOUT_GENERAL = "algemeen overleg van het platform"
MEETING_ABOUT_CASE = "zaak {number} · {title} ({status}, {remaining})"
MEETING_ABOUT = "Over: {about}"
MEETING_TOPIC = "Onderwerp: {topic}"
MEETING_PROPOSED = "Voorgesteld moment: {when}"
MEETING_WHEN = "Wanneer: {when}"
MEETING_VIDEO = "Videoverbinding: {link}"
MEETING_VIDEO_JOIN = "deelnemen"
MEETING_REQUEST_HEADER = "Verzoek om een overleg ({label})"
MEETING_REQUESTED_BY = "Aangevraagd door {who} ({entity})"
MEETING_HOW_TO_CONFIRM = (
    "LOT-C: bevestig met !overleg bevestig {number}, of stel een ander moment voor met "
    "!overleg bevestig {number} <wanneer>."
)
MEETING_CONVENE_BY = "Zonder bevestiging roep ik het overleg {moment} zelf bijeen."
MEETING_REQUESTED = "Overleg aangevraagd bij LOT-C ({label})."
MEETING_WAITING_FOR_LOTC = "Bevestigt LOT-C niet, dan roep ik het overleg {moment} zelf bijeen."
MEETING_IN_PAST = "{moment} is al voorbij. Kies een moment dat nog komt."
MEETING_NUMBER_MISSING = "Welk overleg? Zet het nummer achter '{word}'."
MEETING_CHANGE_NOT_ALLOWED = (
    "Alleen LOT-C of wie het overleg aanvroeg kan het verzetten of afzeggen."
)
MEETING_IS_CANCELLED = "{label} is afgezegd."
MEETING_MOVE_NOT_CONVENED = (
    "Overleg {number} is nog niet bijeengeroepen; LOT-C kan het bevestigen met een ander moment."
)
MEETING_MOVE_WHEN_MISSING = "Naar welk moment? Bijvoorbeeld: !overleg verzet 3 morgen 9:00."
MEETING_MOVED = (
    "{label} is verzet naar {when}. De uitnodiging en het agenda-bestand zijn bijgewerkt."
)
MEETING_CANCELLED = "{label} is afgezegd{reason}."
MEETING_CANCEL_REASON = ": {reason}"
MEETING_CANCEL_REASON_LINE = "Reden: {reason}"
MEETING_CANCELLED_HEADER = "AFGEZEGD: {label}"
MEETING_NOT_FOUND = "Overleg {number} bestaat niet."
MEETING_CONFIRM_LOTC_ONLY = "Alleen LOT-C kan een overleg bevestigen."
MEETING_ALREADY_CONVENED = "{label} is al bijeengeroepen, voor {when}."
MEETING_CONFIRM_WHEN_UNREADABLE = "Ik kan in '{value}' geen moment lezen."
MEETING_CONFIRMED = "Bevestigd: {label} op {when}."
MEETING_INVITATION_ELSEWHERE = "De uitnodiging staat in de kamer van het overleg."
MEETING_INVITATION_HEADER = "Uitnodiging: {label}"
MEETING_CONFIRMED_BY = "Bevestigd door {who} (LOT-C)"
MEETING_CONVENED_WITHOUT_LOTC = (
    "LOT-C heeft niet binnen {wait} bevestigd; daarom heb ik het overleg zelf bijeengeroepen."
)
MEETING_CONVENED_TELL_LOTC = (
    "{label} is zonder bevestiging van LOT-C bijeengeroepen, voor {when}. "
    "De uitnodiging staat in de kamer van het overleg."
)
MEETING_PARTICIPANTS = "Deelnemers: {people}"
MEETING_ANSWER_HOW = "Komt u? Reageer op dit bericht met ✅ (ik kom) of ❌ (ik kan niet)."
MEETING_TALLY_HEADER = "Aanwezigheid per entiteit:"
MEETING_NO_ANSWER = "nog geen antwoord: {names}"
MEETING_COUNTS = "{coming} komen, {away} kunnen niet, {silent} nog geen antwoord."
MEETING_SOON = "{label} begint {when}."
MEETING_SOON_ASK = "Nog geen antwoord van {people}: komt u? Reageer met ✅ of ❌ op de uitnodiging."
MEETING_ICS_SUMMARY = "Samenwerkingsplatform: {label} · {topic}"
MEETING_ICS_DESCRIPTION = "{about}\nVideolink: {url}"
NOBODY = "niemand"
TIMELINE_MEETING_REQUESTED = "{label} aangevraagd bij LOT-C"
TIMELINE_MEETING_CONVENED = "{label} bijeengeroepen voor {when}"
# --- Minutes (!notulen) -----------------------------------------------------------------
MINUTES_NO_MEETING = "In deze kamer is nog geen overleg bijeengeroepen. Vraag het aan met !overleg."
MINUTES_TITLE = "Notulen {label}"
MINUTES_ABOUT = "Over: {about}"
MINUTES_WHEN = "Datum: {when}"
MINUTES_TOPIC = "Onderwerp: {topic}"
MINUTES_REQUESTED = "Aangevraagd door: {who}"
MINUTES_PRESENT = "Aanwezig (✅): {names}"
MINUTES_ABSENT = "Afwezig (❌): {names}"
MINUTES_INVITED = "Uitgenodigd: {count}"
MINUTES_PICTURE = "Beeld"
MINUTES_JUDGEMENT = "Oordeel"
MINUTES_DECISION = "Besluit"
MINUTES_DECISIONS = "Besluiten"
MINUTES_ACTIONS = "Acties"
MINUTES_NONE = "geen"
MINUTES_EMPTY_PICTURE = "geen open zaken"
MINUTES_EMPTY_NOTES = "geen notities (voeg ze toe met !notitie <tekst>)"
MINUTES_NOTE = "{who}: {text}"
MINUTES_TIMELINE_ENTRY = "{moment} · {who} · {text}"
MINUTES_TOO_LONG = (
    "De notulen zijn te lang voor één bericht; ze staan volledig in het bestand hieronder."
)
MINUTES_EXPORTED = (
    "Dit concept staat ook als Markdown-bestand hieronder en is bij het overleg bewaard."
)
TIMELINE_MINUTES = "Notulen van {label} opgesteld"
MEETING_REGULAR = "Het vaste tweewekelijkse overleg; de agenda staat hierboven."
MEETING_TOPIC_FIELD = "onderwerp"
# Files the bot uploads.
ICS_FILE = "overleg-{number}.ics"
ICS_CANCELLED_FILE = "overleg-{number}-afgezegd.ics"
MINUTES_FILE = "notulen-overleg-{number}.md"

# Command help: name, aliases, summary, usage, details and examples, one value each.
MEETING_HELP = CommandHelp(
    name="overleg",
    summary="Vraag via LOT-C een (digitaal) overleg aan; in een incidentkamer over die zaak.",
    usage="!overleg [wanneer] [onderwerp] | !overleg bevestig <nr> [wanneer] | "
    "!overleg verzet <nr> <wanneer> | !overleg afzeggen <nr> [reden]",
    details="Zonder moment vraagt u het overleg zo snel mogelijk aan. Met 'over 2 uur' rond ik "
    "de begintijd naar boven af op een rond tijdstip. LOT-C bevestigt met "
    "'!overleg bevestig <nr>', of met een ander moment: '!overleg bevestig <nr> morgen 10:00'. "
    "Bevestigt niemand van LOT-C op tijd, dan roep ik het overleg zelf bijeen. Deelnemers "
    "krijgen een uitnodiging met videolink en agenda-bestand (.ics) en antwoorden met ✅ of ❌. "
    "LOT-C of wie het overleg aanvroeg kan het verzetten of afzeggen.",
    examples=(
        "!overleg morgen 10:00 afstemming inzet",
        "!overleg besmettingen in de huisvesting",
        "!overleg bevestig 3",
        "!overleg bevestig 3 vandaag 16:00",
        "!overleg verzet 3 morgen 9:00",
        "!overleg afzeggen 3 inzet al uitgevoerd",
    ),
    group=HelpGroup.MEETING,
)

MINUTES_HELP = CommandHelp(
    name="notulen",
    summary="Stel de notulen op van het overleg in deze kamer (Beeld, Oordeel, Besluit).",
    usage="!notulen",
    examples=("!notulen",),
    group=HelpGroup.MEETING,
)
