"""!dossier: the case dossier for the archive and for Woo requests (ZIP with PDF/A, JSON and
a SHA-256 manifest)."""

from __future__ import annotations

from commands.texts.command_help import CommandHelp, HelpGroup
from storage.cases import TimelineKind
from storage.meetings import MeetingStatus

DOSSIER_HELP = CommandHelp(
    name="dossier",
    group=HelpGroup.PICTURE,
    summary="Het dossier van een zaak voor het archief en Woo-verzoeken: een ZIP met de zaak als "
    "PDF/A, dezelfde inhoud als JSON en een SHA-256-manifest.",
    usage="!dossier [zaaknummer]",
    details=(
        "Voor de projectleider en de coördinerende entiteit van de zaak. Werkt ook voor gesloten "
        "zaken. In de incidentkamer is het zaaknummer niet nodig."
    ),
    examples=("!dossier 2026-017", "!dossier"),
)
DOSSIER_EXAMPLE = "!dossier 2026-017"
DOSSIER_FOLLOWS = (
    "Het dossier van zaak {number} komt eraan: één ZIP met de zaak als PDF/A, als JSON en een "
    "SHA-256-manifest."
)
DOSSIER_NOT_ALLOWED = (
    "Alleen de projectleider of de coördinerende entiteit van zaak {number} ({coordinator}) "
    "vraagt het dossier op."
)
DOSSIER_NOT_ALLOWED_NO_COORDINATOR = (
    "Zaak {number} heeft geen coördinerende entiteit; alleen de projectleider vraagt het "
    "dossier op."
)

# File names in the ZIP (the case number fills them in).
ZIP_NAME = "dossier-{number}.zip"
PDF_NAME = "zaak-{number}.pdf"
JSON_NAME = "zaak-{number}.json"
MANIFEST_NAME = "MANIFEST-SHA256.txt"

# The PDF.
AUTHOR = "Samenwerkingsplatform Arbeidsmigranten en COVID-19"
CREATOR = "signaalbot"
TITLE = "Dossier zaak {number}: {title}"
SUBJECT = "Zaakdossier voor archief en Woo-verzoeken"
PAGE = "Dossier zaak {number} · pagina {page} van {pages}"
MOMENT = "d MMMM y HH:mm"  # babel pattern, e.g. `28 november 2026 10:30`
CREATED = "Opgemaakt op {moment} (tijdzone Europe/Amsterdam)."
ANONYMISED = (
    "De teksten van deze zaak zijn op {moment} geanonimiseerd omdat hun bewaartermijn was "
    "verstreken; de structuur, de data en de aantallen zijn bewaard."
)
ANONYMISED_MARK = " (tekst geanonimiseerd)"
NONE = "Geen."
UNKNOWN = "onbekend"

HEADING_FIELDS = "Gegevens van de zaak"
HEADING_RECORDS = "Bewaren en openbaarheid"
HEADING_TIMELINE = "Tijdlijn"
HEADING_DECISIONS = "Besluiten"
HEADING_ACTIONS = "Acties"
HEADING_MEETINGS = "Overleggen en notulen"
HEADING_NOTES = "Notities"
HEADING_REPORT = "Rapportage"

FIELD_NUMBER = "Zaaknummer"
FIELD_TITLE = "Titel"
FIELD_KIND = "Soort zaak"
FIELD_STATUS = "Status"
FIELD_REGION = "Regio"
FIELD_SECTOR = "Sector"
FIELD_SOURCE = "Bron"
FIELD_LOCATION = "Locatie"
FIELD_KVK = "KvK"
FIELD_BORDER = "Grens"
FIELD_ASPECTS = "Aspecten"
FIELD_DESCRIPTION = "Omschrijving"
FIELD_SIGNALLED = "Gemeld"
FIELD_SIGNALLED_BY = "Gemeld door"
FIELD_DEADLINE = "Uiterlijk inzet"
FIELD_COORDINATOR = "Coördinerende entiteit"
FIELD_DECISION = "Besluit over inzet"
FIELD_VISIT_PLANNED = "Inzet gepland"
FIELD_VISIT_LOCATION = "Locatie inzet"
FIELD_VISITED = "Inzet uitgevoerd"
FIELD_LEAD_TIME = "Doorlooptijd"
FIELD_OVERDUE = "Deadline verstreken"
FIELD_REPORT_FILED = "Rapportage ontvangen"
FIELD_CLOSED = "Gesloten"
FIELD_CLOSE_REASON = "Reden van sluiten"
FIELD_ENTITIES = "Betrokken entiteiten"
YES = "ja"

RETENTION_HELD = (
    "Uitgezonderd van vernietiging (hotspot-aanwijzing, privacy.hold): de teksten blijven bewaard."
)
RETENTION_TERMS = (
    "Bewaartermijnen: zaak en rapportage {cases}, tijdlijn en notities {timelines} na sluiting; "
    "notulen {minutes} na het overleg; besluiten en afgeronde acties {lists}."
)
RETENTION_UNTIL = "De teksten van de zaak worden geanonimiseerd na {moment}."
RETENTION_OPEN = "De zaak is nog open; de termijn loopt vanaf het sluiten."
WOO_INTRO = (
    "Weigeringsgronden van de Woo die bij openbaarmaking van dit dossier van toepassing kunnen "
    "zijn (de beoordeling per passage ligt bij de Woo-behandelaar):"
)
#: Woo art. 5.1: the grounds that fit this platform's records, by code.
WOO_GROUNDS = {
    "business_confidential": (
        "bedrijfs- en fabricagegegevens die vertrouwelijk aan de overheid zijn meegedeeld "
        "(art. 5.1 lid 1 onder c)"
    ),
    "special_personal_data": (
        "bijzondere persoonsgegevens, zoals gegevens over gezondheid (art. 5.1 lid 1 onder d)"
    ),
    "identification_numbers": (
        "identificatienummers, zoals het burgerservicenummer (art. 5.1 lid 1 onder e)"
    ),
    "inspection_supervision": (
        "inspectie, controle en toezicht door bestuursorganen (art. 5.1 lid 2 onder d)"
    ),
    "privacy": "eerbiediging van de persoonlijke levenssfeer (art. 5.1 lid 2 onder e)",
}

TIMELINE_LINE = "{moment} · {kind} · {actor}: {text}"
TIMELINE_KINDS = {
    TimelineKind.SIGNAL: "signaal",
    TimelineKind.REPEAT_SIGNAL: "herhaalsignaal",
    TimelineKind.ROOM_OPENED: "kamer geopend",
    TimelineKind.COORDINATOR: "coördinator",
    TimelineKind.HANDOVER: "overdracht",
    TimelineKind.REGION: "regio",
    TimelineKind.DECISION: "besluit",
    TimelineKind.VISIT_PLANNED: "inzet gepland",
    TimelineKind.VISITED: "inzet uitgevoerd",
    TimelineKind.REPORT: "rapportage",
    TimelineKind.CLOSED: "gesloten",
    TimelineKind.ESCALATION: "escalatie",
    TimelineKind.PINNED: "vastgelegd bericht",
    TimelineKind.MEETING: "overleg",
    TimelineKind.ACTION: "actie",
    TimelineKind.NOTE: "notitie",
    TimelineKind.MINUTES: "notulen",
    TimelineKind.PREVENTIVE_PLANNED: "preventief bezoek gepland",
    TimelineKind.CORRECTION: "correctie",
}
DECISION_LINE = "{moment} · {person}: {text}"
ACTION_LINE = "Actie {id}: {text}"
ACTION_OWNER = "Eigenaar: {owner}"
ACTION_DUE = "Uiterlijk: {moment}"
ACTION_DONE = "Afgerond op {moment} door {person}"
ACTION_OPEN = "Nog open"
ACTION_AGREED = "Afgesproken op {moment} door {person}"
MEETING_LINE = "Overleg {id}: {topic}"
MEETING_NO_TOPIC = "zonder onderwerp"
MEETING_STATUS = {
    MeetingStatus.REQUESTED: "aangevraagd",
    MeetingStatus.CONVENED: "belegd",
    MeetingStatus.CANCELLED: "afgezegd",
}
MEETING_STATE = "Status: {status}; aangevraagd op {requested} door {person}"
MEETING_STARTS = "Begin: {moment}"
MEETING_CANCEL_REASON = "Reden van afzeggen: {reason}"
MEETING_MINUTES = "Notulen ({moment}):"
MEETING_NO_MINUTES = "Geen notulen vastgelegd."
NOTE_LINE = "{moment} · {person}: {text}"
REPORT_NONE = "Nog geen rapportage ontvangen."
REPORT_FILED = "Ontvangen op {moment}."
