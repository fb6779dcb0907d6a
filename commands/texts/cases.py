"""Cases: answers, views, the window, coordinator, visit, report, timeline, rooms, help."""

from __future__ import annotations

from commands.texts.command_help import CommandHelp, HelpGroup
from storage.cases import CaseKind, CaseStatus, Decision

# Command registrations: summaries, usage lines and examples.
CASE_NUMBER_INVALID = "'{value}' is geen zaaknummer. Gebruik bijvoorbeeld 2026-017 of 17."
CASE_NOT_FOUND = "Zaak {number} bestaat niet."
STATUS_NEEDS_NUMBER = "Welke zaak? Geef het zaaknummer, of typ !status in de incidentkamer."
# Answers.
CASE_OPENED = "Zaak {number} geopend: {title}"
DEADLINE_LINE = "Repressieve inzet uiterlijk {deadline} ({remaining})."
#: The last line of the answer until the room exists; then the room's link takes its place.
ROOM_COMING = "De incidentkamer wordt geopend; u wordt uitgenodigd."
REGION_ASK = (
    "Regio onbekend: alleen de landelijke entiteiten zijn uitgenodigd. "
    "Geef de regio door met !regio <regio> zodra die bekend is."
)
DUPLICATE_JOINED = (
    "Over dit bedrijf loopt al zaak {number} ({title}). Uw signaal is aan die zaak toegevoegd."
)
DUPLICATE_ROOM_TOLD = "Nieuw signaal over deze zaak van {sender}:"
CASES_NONE = "Er zijn geen open zaken."
CASES_HEADER = "Open zaken ({count}), nieuwste eerst:"
CASES_MORE = "… en nog {count} oudere zaken."
# What the stored codes are called.
STATUS_LABELS = {
    CaseStatus.REPORTED: "gemeld",
    CaseStatus.ASSESSING: "in beoordeling",
    CaseStatus.DECIDED: "besloten",
    CaseStatus.PLANNED: "inzet gepland",
    CaseStatus.VISITED: "inzet uitgevoerd",
    CaseStatus.REPORT_RECEIVED: "rapportage ontvangen",
    CaseStatus.CLOSED: "afgesloten",
}
KIND_LABELS = {CaseKind.REPRESSIVE: "repressief", CaseKind.PREVENTIVE: "preventief"}
DECISION_LABELS = {Decision.VISIT: "inzet", Decision.NO_VISIT: "geen inzet"}
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
TOPIC = "Regio: {region} · Sector: {sector} · Uiterlijk inzet: {deadline}"
# Timeline entry texts (the audit trail).
TIMELINE_SIGNAL = "Signaal ontvangen: {title}"
TIMELINE_REPEAT = "Herhaalsignaal: {title}"
TIMELINE_ROOM = "Incidentkamer geopend"
# The case flow: coordinator, decision, visit, report, closing.
CASE_NEEDED = "Welke zaak? Typ dit in de incidentkamer, of zet het zaaknummer voorop, bijvoorbeeld '{example}'."
CASE_CLOSED = "Zaak {number} is gesloten; er kan niets meer aan veranderen."
COORDINATOR_SAME = "{coordinator} coördineert zaak {number} al."
COORDINATOR_SET = "{coordinator} coördineert zaak {number}."
COORDINATOR_HANDOVER = "Zaak {number}: de coördinatie gaat over van {previous} naar {coordinator}."
COORDINATOR_DUTIES = (
    "Als coördinerende entiteit: plan de inzet binnen het venster (!inzet gepland <wanneer> <locatie>), "
    "leid de inzet en lever daarna de rapportage (!rapport)."
)
COORDINATOR_NO_MEMBERS = "Let op: er staan geen leden van {coordinator} in de configuratie."
DECISION_NOTE_MISSING = "Geef een korte toelichting bij het besluit."
DECISION_AFTER_VISIT = "De inzet is al uitgevoerd; het besluit verandert niet meer."
DECISION_SET = "Besluit voor zaak {number}: {decision}. {note}"
DECISION_CHANGED = "Besluit voor zaak {number} gewijzigd van '{previous}' in '{decision}'. {note}"
VISIT_KIND_MISSING = "Zeg 'gepland' of 'uitgevoerd'."
VISIT_NEEDS_DECISION = (
    "Er is nog geen besluit tot inzet. Leg dat eerst vast met !besluit inzet <toelichting>."
)
VISIT_DECIDED_AGAINST = (
    "Het besluit is 'geen inzet'. Wijzig het besluit eerst als er toch een inzet komt."
)
VISIT_ALREADY_DONE = "De inzet is al uitgevoerd ({moment})."
VISIT_WHEN_MISSING = "Wanneer? Bijvoorbeeld 'morgen 14:00', 'vandaag 16:30' of 'over 2 uur'."
VISIT_IN_PAST = "{moment} ligt in het verleden; een geplande inzet ligt in de toekomst."
VISIT_IN_FUTURE = (
    "{moment} ligt in de toekomst; 'uitgevoerd' gaat over een inzet die al plaatsvond."
)
VISIT_BEFORE_SIGNAL = "{moment} ligt vóór het signaal ({signal})."
VISIT_PLANNED = "Inzet voor zaak {number} gepland op {moment}."
VISIT_PLANNED_AT = "Locatie: {location}"
VISIT_DONE = (
    "Inzet voor zaak {number} uitgevoerd op {moment}. Doorlooptijd vanaf het signaal: {lead_time}."
)
VISIT_REPORT_DUE = "{coordinator} levert de rapportage met !rapport."
REPORT_FIELDS_MISSING = "Vul minstens 'bevindingen:' in."
REPORT_NOT_COORDINATOR = "Alleen de coördinerende entiteit ({coordinator}) levert de rapportage."
REPORT_NO_COORDINATOR = (
    "Er is nog geen coördinerende entiteit; wijs die eerst aan met !coordinator."
)
REPORT_BEFORE_VISIT = "De inzet is nog niet uitgevoerd; meld dat eerst met !inzet uitgevoerd."
REPORT_FILED = (
    "Rapportage voor zaak {number} ontvangen van {sender}. De zaak kan gesloten worden met !sluit."
)
CLOSE_NEEDS_REASON = "Er is nog geen rapportage. Sluit alleen met een reden: !sluit <reden>."
CLOSED = "Zaak {number} is gesloten."
CLOSED_REASON = "Zaak {number} is gesloten. Reden: {reason}"
TIMELINE_HEADER = "Tijdlijn van zaak {number}: {title}"
TIMELINE_MORE = "({count} eerdere gebeurtenissen niet getoond)"
NO_ARGUMENTS_CASE = "!{name} heeft alleen een zaaknummer als argument."
# Report fields as members type them.
REPORT_FIELDS = {
    "datum": "date",
    "deelnemers": "participants",
    "bevindingen": "findings",
    "maatregelen": "measures",
    "vervolgacties": "follow_up",
    "delen met": "share_with",
}
REPORT_LABELS = {value: key.capitalize() for key, value in REPORT_FIELDS.items()}
# What the window still lacks, named in reminders and on the status card.
MISSING_COORDINATOR = "coördinerende entiteit"
MISSING_DECISION = "besluit over inzet"
MISSING_PLAN = "geplande inzet"
MISSING_VISIT = "uitgevoerde inzet"
MISSING_REPORT = "rapportage"
# Reminders and escalation.
REMINDER_LADDER = "Zaak {number}: nog {remaining} tot de deadline ({deadline})."
REMINDER_MISSING = "Ontbreekt: {missing}."
REMINDER_LATE = "(Te laat verstuurd: gepland voor {due}; de bot was niet bereikbaar.)"
ESCALATION = "Deadline verstreken voor zaak {number} ({title}), regio {region}: de repressieve inzet is niet binnen het venster uitgevoerd."
ESCALATION_STATE = "Status: {status}."
REPORT_REMINDER = "Zaak {number}: de inzet was op {visited}; de rapportage ontbreekt nog. {coordinator}, lever die met !rapport."
# Timeline entries.
TIMELINE_COORDINATOR = "Coördinator: {coordinator}"
TIMELINE_HANDOVER = "Overdracht coördinatie van {previous} naar {coordinator}"
TIMELINE_DECISION = "Besluit: {decision} ({note})"
TIMELINE_PLANNED = "Inzet gepland op {moment}{location}"
TIMELINE_VISITED = "Inzet uitgevoerd op {moment}"
TIMELINE_REPORT = "Rapportage ontvangen"
TIMELINE_CLOSED = "Gesloten{reason}"
TIMELINE_OVERDUE = "Deadline verstreken; LOT-C en projectleider gealarmeerd"
# Status card lines.
LABEL_COORDINATOR = "Coördinator"
LABEL_DECISION = "Besluit"
LABEL_VISIT = "Inzet"
LABEL_LEAD_TIME = "Doorlooptijd"
LABEL_MISSING = "Ontbreekt"
LABEL_OVERDUE = "DEADLINE VERSTREKEN"
VISIT_PLANNED_LINE = "gepland op {moment}"
VISIT_DONE_LINE = "uitgevoerd op {moment}"
CARD_COMMANDS = (
    "Commando's in deze kamer: !coordinator, !regio, !wijzig, !besluit, !inzet, !rapport, !sluit, "
    "!tijdlijn, !status, !overleg, !actie, !notitie, !notulen, !help. "
    "Reageer met 📌 op een bericht om het in de tijdlijn te zetten."
)
COORDINATOR_UNKNOWN = "De coördinerende entiteit"
REGION_MISSING = "Welke regio? Een code (VR06), naam of afkorting (VNOG)."
REGION_SAME = "Zaak {number} ligt al in {region}."
REGION_SET = "Zaak {number} ligt in {region}. De VR- en GGD-leden van die regio worden uitgenodigd."
TIMELINE_REGION = "Regio: {region}"
DECISION_LIST_ENTRY = "{decision}: {note}"
# --- Reactions -----------------------------------------------------------------------------
TIMELINE_PINNED = "Vastgelegd bericht van {author}: {text}"
PINNED_TO_TIMELINE = "Vastgelegd in de tijdlijn van zaak {number}."
PREVENTIVE_NO_DECISION = (
    "Een preventief bezoek is al besloten; er is geen besluit over inzet nodig. "
    "Zet een ander besluit op de lijst met !besluit <tekst>."
)
PREVENTIVE_USE_OWN_COMMAND = (
    "Dit is een preventief bezoek: meld het uitgevoerd met !preventief uitgevoerd [wanneer]."
)
PREVENTIVE_HEADER = "Preventief bezoek {number}: {title}"
LABEL_PREPARATION_ROOM = "Voorbereidingskamer"
TIMELINE_PREPARATION_ROOM = "Voorbereidingskamer geopend"
PREVENTIVE_TOPIC = "Preventief bezoek · Regio: {region} · Sector: {sector} · Gepland: {moment}"
PREVENTIVE_CHECKLIST = (
    "Voorbereiding met de veiligheidsregio: wie gaat er mee, wat is bekend over huisvesting, "
    "vervoer en werkplek, en welke signalen kwamen er uit deze regio."
)
PREVENTIVE_REPORTING_LINE = (
    "Wijs werknemers en werkgever op het anonieme meldpunt van de Arbeidsinspectie: 0800 51 51."
)
PREVENTIVE_CARD_COMMANDS = (
    "Commando's in deze kamer: !coordinator, !wijzig, !preventief uitgevoerd, !rapport, "
    "!sluit, !tijdlijn, !status, !overleg, !actie, !notitie, !help."
)
PREVENTIVE_PREPARE_REMINDER = (
    "Preventief bezoek {number} is {moment}: tijd om het voor te bereiden."
)
LABEL_SCHEDULED = "Ingepland"
# In the platform room a case command needs its number first: the example shown then.
COORDINATOR_NUMBERED = "!coordinator 2026-017 ISZW"
REGION_NUMBERED = "!regio 2026-017 VNOG"
DECISION_NUMBERED = "!besluit 2026-017 inzet <toelichting>"
VISIT_NUMBERED = "!inzet 2026-017 gepland morgen 14:00"
REPORT_NUMBERED = "!rapport 2026-017"
CLOSE_NUMBERED = "!sluit 2026-017 <reden>"
TIMELINE_NUMBERED = "!tijdlijn 2026-017"
# Names of the free-text parts of commands, for "too long" answers.
FIELD_REASON = "reden"
FIELD_NOTE = "toelichting"
FIELD_VISIT_LOCATION = "locatie"

# Command help: name, aliases, summary, usage, details and examples, one value each.
COORDINATOR_HELP = CommandHelp(
    name="coordinator",
    aliases=("coördinator", "coordinatie"),
    summary="Wijs de coördinerende entiteit van de inzet aan (één per zaak).",
    usage="!coordinator [zaaknummer] <entiteit>",
    examples=("!coordinator ISZW", "!coordinator VNOG", "!coordinator 2026-017 GGD"),
    group=HelpGroup.CASE,
)

REGION_HELP = CommandHelp(
    name="regio",
    summary="Geef de regio van een zaak door; de VR- en GGD-leden van die regio worden uitgenodigd.",
    usage="!regio [zaaknummer] <regio>",
    examples=("!regio VNOG", "!regio 2026-017 VR06"),
    group=HelpGroup.CASE,
)

DECISION_HELP = CommandHelp(
    name="besluit",
    summary="Leg een besluit vast op de besluitenlijst; met 'inzet' of 'geen inzet' het besluit over "
    "de repressieve inzet van de zaak.",
    usage="!besluit [zaaknummer] inzet|geen inzet <toelichting> | !besluit <tekst>",
    examples=(
        "!besluit inzet signalen bevestigd door GGD",
        "!besluit geen inzet bedrijf al gecontroleerd door NVWA",
        "!besluit GGD start dinsdag een testlocatie bij de huisvesting",
    ),
    group=HelpGroup.CASE,
)

VISIT_HELP = CommandHelp(
    name="inzet",
    summary="Leg de inzet vast: gepland (met tijd en plaats) of uitgevoerd.",
    usage="!inzet [zaaknummer] gepland <wanneer> [locatie] | uitgevoerd [wanneer]",
    examples=(
        "!inzet gepland morgen 14:00 Groenlo",
        "!inzet uitgevoerd",
        "!inzet uitgevoerd vandaag 16:30",
    ),
    group=HelpGroup.CASE,
)

REPORT_HELP = CommandHelp(
    name="rapport",
    aliases=("rapportage",),
    summary="Lever de rapportage van de inzet (alleen de coördinerende entiteit).",
    usage="!rapport [zaaknummer] + velden datum:, deelnemers:, bevindingen:, maatregelen:, vervolgacties:, delen met:",
    examples=(
        "!rapport\ndatum: 1-12 09:00\ndeelnemers: ISZW, GGD, VNOG\nbevindingen: 40 werknemers in 6 woningen\n"
        "maatregelen: bedrijf stilgelegd\nvervolgacties: hercontrole over 2 weken\ndelen met: GGD, gemeente",
    ),
    group=HelpGroup.CASE,
)

CLOSE_HELP = CommandHelp(
    name="sluit",
    aliases=("afsluiten",),
    summary="Sluit de zaak: na de rapportage, of met een reden waarom zonder.",
    usage="!sluit [zaaknummer] [reden]",
    examples=("!sluit", "!sluit melding bleek onjuist"),
    group=HelpGroup.CASE,
)

TIMELINE_HELP = CommandHelp(
    name="tijdlijn",
    aliases=("historie",),
    summary="Toon de tijdlijn van een zaak: wie deed wat, wanneer.",
    usage="!tijdlijn [zaaknummer]",
    examples=("!tijdlijn", "!tijdlijn 2026-017"),
    group=HelpGroup.CASE,
)

SIGNAAL_HELP = CommandHelp(
    name="signaal",
    aliases=("melding", "signal"),
    summary="Meld een mogelijke brandhaard bij een bedrijf; opent een zaak met incidentkamer.",
    usage="!signaal <titel> regio: <regio> sector: <sector> bron: <bron> ...",
    details="Na de titel volgen optionele velden, waar u ze zet: op de regel van de titel, elk op "
    "een eigen regel of na ';'. Hoofdletters, opsommingstekens (- * 1.) en andere namen "
    "(bedrijf:, plaats:, adres:, kvk-nummer:, veiligheidsregio:, toelichting:) mogen.\n"
    "regio: code, naam of afkorting (VR06, VNOG, Twente) of 'onbekend'\n"
    "sector: bijvoorbeeld vleesverwerking, tuinbouw, logistiek, kassen, distributie\n"
    "bron: meldpunt, veiligheidsregio, GGD, media, inspectie of anders\n"
    "locatie: plaats of adres\n"
    "kvk: KvK-nummer (8 cijfers)\n"
    "grens: DE of BE als de zaak over de grens reikt (werknemers wonen of werken daar); "
    "een adres in Duitsland of België bij locatie telt ook\n"
    "aspect: wonen, werken en/of vervoer\n"
    "omschrijving: wat er is gemeld; tekst zonder veldnaam hoort er ook bij\n"
    "Een veld dat de bot niet kan lezen, houdt de zaak niet tegen: het antwoord zegt wat er "
    "niet klopt en hoe u het verbetert met !wijzig.",
    examples=(
        "!signaal Kwekerij Zonneveld regio: VR15 sector: kassen",
        "!signaal Slachterij De Vries, Groenlo; regio: VNOG; sector: vleesverwerking; bron: meldpunt",
        "!signaal Kwekerij Zonneveld\n- regio: VR15\n- kvk: 12345678\n- aspect: wonen, vervoer\n"
        "omschrijving: 12 zieke medewerkers, gedeelde huisvesting",
    ),
    group=HelpGroup.SIGNAL,
)

STATUS_HELP = CommandHelp(
    name="status",
    aliases=("zaak",),
    summary="Toon de stand van een zaak (in een incidentkamer: die zaak).",
    usage="!status [zaaknummer]",
    examples=("!status 2026-017", "!status 17", "!status"),
    group=HelpGroup.CASE,
)

ZAKEN_HELP = CommandHelp(
    name="zaken",
    aliases=("open",),
    summary="Toon de open zaken, nieuwste eerst.",
    usage="!zaken",
    examples=("!zaken",),
    group=HelpGroup.CASE,
)
