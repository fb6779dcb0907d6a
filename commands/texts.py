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

# The case flow: coordinator, decision, visit, report, closing.
COORDINATOR_SUMMARY = "Wijs de coördinerende entiteit van de inzet aan (één per zaak)."
COORDINATOR_USAGE = "!coordinator [zaaknummer] <entiteit>"
COORDINATOR_EXAMPLES = ("!coordinator ISZW", "!coordinator VNOG", "!coordinator 2026-017 GGD")
DECISION_SUMMARY = (
    "Leg een besluit vast op de besluitenlijst; met 'inzet' of 'geen inzet' het besluit over "
    "de repressieve inzet van de zaak."
)
DECISION_USAGE = "!besluit [zaaknummer] inzet|geen inzet <toelichting> | !besluit <tekst>"
DECISION_EXAMPLES = (
    "!besluit inzet signalen bevestigd door GGD",
    "!besluit geen inzet bedrijf al gecontroleerd door NVWA",
    "!besluit GGD start dinsdag een testlocatie bij de huisvesting",
)
VISIT_SUMMARY = "Leg de inzet vast: gepland (met tijd en plaats) of uitgevoerd."
VISIT_USAGE = "!inzet [zaaknummer] gepland <wanneer> [locatie] | uitgevoerd [wanneer]"
VISIT_EXAMPLES = (
    "!inzet gepland morgen 14:00 Groenlo",
    "!inzet uitgevoerd",
    "!inzet uitgevoerd vandaag 16:30",
)
REPORT_SUMMARY = "Lever de rapportage van de inzet (alleen de coördinerende entiteit)."
REPORT_USAGE = "!rapport [zaaknummer] + velden datum:, deelnemers:, bevindingen:, maatregelen:, vervolgacties:, delen met:"
REPORT_EXAMPLES = (
    "!rapport\ndatum: 1-12 09:00\ndeelnemers: ISZW, GGD, VNOG\nbevindingen: 40 werknemers in 6 woningen\n"
    "maatregelen: bedrijf stilgelegd\nvervolgacties: hercontrole over 2 weken\ndelen met: GGD, gemeente",
)
CLOSE_SUMMARY = "Sluit de zaak: na de rapportage, of met een reden waarom zonder."
CLOSE_USAGE = "!sluit [zaaknummer] [reden]"
CLOSE_EXAMPLES = ("!sluit", "!sluit melding bleek onjuist")
TIMELINE_SUMMARY = "Toon de tijdlijn van een zaak: wie deed wat, wanneer."
TIMELINE_USAGE = "!tijdlijn [zaaknummer]"
TIMELINE_EXAMPLES = ("!tijdlijn", "!tijdlijn 2026-017")

CASE_NEEDED = "Welke zaak? Typ dit in de incidentkamer, of zet het zaaknummer voorop, bijvoorbeeld '{example}'."
CASE_CLOSED = "Zaak {number} is gesloten; er kan niets meer aan veranderen."
ENTITY_MISSING = "Noem de entiteit: ISZW, NVWA, GGD, RIVM, VR of een veiligheidsregio (VNOG, VR06)."
ENTITY_UNKNOWN = "Onbekende entiteit '{value}'. Kies ISZW, NVWA, GGD, RIVM, VR of een veiligheidsregio (VNOG, VR06)."
ENTITY_NOT_COORDINATOR = (
    "{entity} kan geen coördinerende entiteit zijn; kies ISZW, NVWA, GGD, RIVM of een VR."
)
ENTITY_NEEDS_REGION = "Voor {entity} moet de regio van de zaak bekend zijn; noem de regio erbij, bijvoorbeeld '{entity} VNOG'."
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
    "Commando's in deze kamer: !coordinator, !regio, !besluit, !inzet, !rapport, !sluit, "
    "!tijdlijn, !status, !overleg, !actie, !notitie, !notulen, !help. "
    "Reageer met 📌 op een bericht om het in de tijdlijn te zetten."
)
COORDINATOR_UNKNOWN = "De coördinerende entiteit"
REGION_SUMMARY = (
    "Geef de regio van een zaak door; de VR- en GGD-leden van die regio worden uitgenodigd."
)
REGION_USAGE = "!regio [zaaknummer] <regio>"
REGION_EXAMPLES = ("!regio VNOG", "!regio 2026-017 VR06")
REGION_MISSING = "Welke regio? Een code (VR06), naam of afkorting (VNOG)."
REGION_SAME = "Zaak {number} ligt al in {region}."
REGION_SET = "Zaak {number} ligt in {region}. De VR- en GGD-leden van die regio worden uitgenodigd."
TIMELINE_REGION = "Regio: {region}"


# --- Meetings via LOT-C (!overleg) ---------------------------------------------------------
MEETING_SUMMARY = "Vraag via LOT-C een (digitaal) overleg aan; in een incidentkamer over die zaak."
MEETING_USAGE = (
    "!overleg [wanneer] [onderwerp] | !overleg bevestig <nr> [wanneer] | "
    "!overleg verzet <nr> <wanneer> | !overleg afzeggen <nr> [reden]"
)
MEETING_DETAILS = (
    "Zonder moment vraagt u het overleg zo snel mogelijk aan. LOT-C bevestigt met "
    "'!overleg bevestig <nr>', of met een ander moment: '!overleg bevestig <nr> morgen 10:00'. "
    "Bevestigt niemand van LOT-C op tijd, dan roep ik het overleg zelf bijeen. Deelnemers "
    "krijgen een uitnodiging met videolink en agenda-bestand (.ics) en antwoorden met ✅ of ❌. "
    "LOT-C of wie het overleg aanvroeg kan het verzetten of afzeggen."
)
MEETING_EXAMPLES = (
    "!overleg morgen 10:00 afstemming inzet",
    "!overleg besmettingen in de huisvesting",
    "!overleg bevestig 3",
    "!overleg bevestig 3 vandaag 16:00",
    "!overleg verzet 3 morgen 9:00",
    "!overleg afzeggen 3 inzet al uitgevoerd",
)
MEETING_LABEL = "overleg {number}"
CASE_LABEL = "zaak {number}"
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

# --- Decisions, actions and notes ------------------------------------------------------------
DECISION_TEXT_MISSING = (
    "Wat is het besluit? Schrijf het achter !besluit, of begin met 'inzet' of 'geen inzet' "
    "voor het besluit over de inzet van de zaak."
)
DECISION_RECORDED = "Besluit {number} vastgelegd{where}: {text}"
DECISION_LIST_ENTRY = "{decision}: {note}"
DECISION_LINE = "B{number} · {moment} · {text} · {who}{meeting}"
TIMELINE_GENERAL_DECISION = "Besluit: {text}"
DECISIONS_SUMMARY = (
    "Toon de besluitenlijst (in een incidentkamer: van die zaak); 'export' geeft alle besluiten "
    "als CSV-bestand."
)
DECISIONS_USAGE = "!besluiten [export]"
DECISIONS_EXAMPLES = ("!besluiten", "!besluiten export")
DECISIONS_FILE = "besluitenlijst"
DECISIONS_COLUMNS = ("nummer", "datum", "besluit", "genomen door", "overleg", "zaak")
DECISIONS_HEADER = "Besluitenlijst"
DECISIONS_NONE = "Er zijn nog geen besluiten vastgelegd."

ACTION_SUMMARY = "Leg een actie vast met een eigenaar en eventueel een termijn, of meld haar klaar."
ACTION_USAGE = "!actie <tekst> [@wie | entiteit] [voor <wanneer>] | !actie klaar <nr>"
ACTION_DETAILS = (
    "De eigenaar is een lid (noem of vermeld hem), een entiteit aan het eind (ISZW, NVWA, GGD, "
    "VR, RIVM, LOT-C; GGD en VR met regio) of anders uzelf. Een actie die over tijd is, "
    "herinner ik de eigenaar hoogstens eens per dag, binnen werktijd."
)
ACTION_EXAMPLES = (
    "!actie Huisvesting opvragen bij de gemeente GGD voor vrijdag 12:00",
    "!actie Persbericht afstemmen @lotte:example.org voor morgen 17:00",
    "!actie klaar 12",
)
ACTION_TEXT_MISSING = "Wat is de actie? Schrijf haar achter !actie."
ACTION_DUE_IN_PAST = "De termijn {moment} is al voorbij."
ACTION_OWNER_UNKNOWN = (
    "{user} staat niet in de ledenlijst van het platform; kies een lid of een entiteit."
)
ACTION_ONE_OWNER = "Een actie heeft één eigenaar: noem één lid of één entiteit."
ACTION_RECORDED = "Actie {number} vastgelegd{where}."
ACTION_LINE = "A{number} · {text} · eigenaar {owner}{due}{done}"
ACTION_DUE = "voor {moment}"
ACTION_DUE_LATE = "voor {moment}, te laat"
ACTION_IS_DONE = "klaar {moment}"
ACTION_DONE_NUMBER_MISSING = "Welke actie is klaar? Zet het nummer erachter, zoals !actie klaar 12."
ACTION_NOT_FOUND = "Actie {number} bestaat niet."
ACTION_ALREADY_DONE = "Actie {number} is al klaar gemeld ({moment})."
ACTION_DONE = "Actie {number} is klaar: {text}"
ACTION_OVERDUE_REMINDER = "Actie {number} is over tijd (termijn {moment})."
ACTION_HOW_TO_FINISH = "Klaar? Meld het met !actie klaar {number}."
TIMELINE_ACTION = "Actie A{number}: {text}"
TIMELINE_ACTION_DONE = "Actie A{number} klaar"
ACTIONS_SUMMARY = (
    "Toon de open acties, die over tijd eerst (in een incidentkamer: van die zaak); 'export' "
    "geeft alle acties, ook de afgeronde, als CSV-bestand."
)
ACTIONS_USAGE = "!acties [export]"
ACTIONS_EXAMPLES = ("!acties", "!acties export")
ACTIONS_FILE = "actielijst"
ACTIONS_COLUMNS = (
    "nummer",
    "actie",
    "eigenaar",
    "termijn",
    "status",
    "klaar op",
    "klaar gemeld door",
    "afgesproken door",
    "afgesproken op",
    "overleg",
    "zaak",
)
ACTIONS_MORE = "… en nog {count}; !acties export geeft ze allemaal."
ACTION_STATE_OPEN = "open"
ACTION_STATE_LATE = "te laat"
ACTION_STATE_DONE = "klaar"
LIST_UNKNOWN_WORD = (
    "Onbekend: '{word}'. Zonder toevoeging toon ik de lijst; met 'export' een bestand."
)
LIST_EXPORTED = "De lijst staat in {filename} ({count} regels)."
ACTIONS_HEADER = "Open acties ({count})"
ACTIONS_NONE = "Er zijn geen open acties."

NOTE_SUMMARY = "Voeg een notitie toe voor het oordeel in de notulen van het overleg."
NOTE_USAGE = "!notitie <tekst>"
NOTE_EXAMPLES = ("!notitie Risico op verdere verspreiding via gedeeld vervoer is hoog",)
NOTE_TEXT_MISSING = "Wat is de notitie? Schrijf haar achter !notitie."
NOTE_NOWHERE = (
    "Hier is geen overleg of zaak om de notitie bij te bewaren. Gebruik !notitie in een "
    "incidentkamer, of nadat een overleg is bijeengeroepen."
)
NOTE_RECORDED = "Notitie vastgelegd{where}."

# --- Minutes (!notulen) -----------------------------------------------------------------
MINUTES_SUMMARY = "Stel de notulen op van het overleg in deze kamer (Beeld, Oordeel, Besluit)."
MINUTES_USAGE = "!notulen"
MINUTES_EXAMPLES = ("!notulen",)
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

# --- Reactions -----------------------------------------------------------------------------
TIMELINE_PINNED = "Vastgelegd bericht van {author}: {text}"
PINNED_TO_TIMELINE = "Vastgelegd in de tijdlijn van zaak {number}."

# --- Preventive visits (!preventief, !kalender) ----------------------------------------------
PREVENTIVE_SUMMARY = "Plan een preventief bedrijfsbezoek, of meld het uitgevoerd."
PREVENTIVE_USAGE = (
    "!preventief <wanneer> <regio> <bedrijf of sector> [coordinator <entiteit>] | "
    "!preventief uitgevoerd [nummer] [wanneer]"
)
PREVENTIVE_DETAILS = (
    "Eens per twee weken bezoekt het platform onaangekondigd een bedrijf, voorbereid met de "
    "veiligheidsregio. Ik open een voorbereidingskamer met de landelijke leden en de leden van "
    "die regio, herinner aan de voorbereiding en na het bezoek aan de rapportage (!rapport)."
)
PREVENTIVE_EXAMPLES = (
    "!preventief 8 dec 9:00 VNOG vleesverwerking coordinator ISZW",
    "!preventief dinsdag 10:00 Twente Kwekerij Zonneveld coordinator GGD",
    "!preventief uitgevoerd",
    "!preventief uitgevoerd 2026-014 gisteren 10:00",
)
PREVENTIVE_WHEN_MISSING = "Wanneer is het bezoek? Begin met een moment, zoals 'dinsdag 10:00'."
PREVENTIVE_IN_PAST = "{moment} is al voorbij. Plan een bezoek dat nog komt."
PREVENTIVE_REGION_MISSING = "In welke regio? Noem de regio na het moment, zoals 'VNOG'."
PREVENTIVE_SUBJECT_MISSING = "Welk bedrijf of welke sector? Noem het na de regio."
PREVENTIVE_WHICH = (
    "Welk preventief bezoek? Gebruik dit in de voorbereidingskamer, of zet het nummer erbij."
)
PREVENTIVE_NOT_FOUND = "Er is geen preventief bezoek {number}."
PREVENTIVE_NO_COORDINATOR = "nog geen coördinator"
PREVENTIVE_PLANNED = "Preventief bezoek {number} gepland: {title}"
PREVENTIVE_PLANNED_DETAILS = "Wanneer: {moment} · Regio: {region} · Coördinatie: {coordinator}"
PREVENTIVE_ROOM_OPENING = "De voorbereidingskamer wordt geopend; u wordt uitgenodigd."
#: In an answer, replaced by a link once the room exists.
ROOM_PLACEHOLDERS = (ROOM_COMING, PREVENTIVE_ROOM_OPENING)
PREVENTIVE_NO_DECISION = (
    "Een preventief bezoek is al besloten; er is geen besluit over inzet nodig. "
    "Zet een ander besluit op de lijst met !besluit <tekst>."
)
PREVENTIVE_USE_OWN_COMMAND = (
    "Dit is een preventief bezoek: meld het uitgevoerd met !preventief uitgevoerd [wanneer]."
)
PREVENTIVE_DONE = "Preventief bezoek {number} uitgevoerd op {moment}."
PREVENTIVE_HEADER = "Preventief bezoek {number}: {title}"
PREVENTIVE_TOPIC = "Preventief bezoek · Regio: {region} · Sector: {sector} · Gepland: {moment}"
PREVENTIVE_CHECKLIST = (
    "Voorbereiding met de veiligheidsregio: wie gaat er mee, wat is bekend over huisvesting, "
    "vervoer en werkplek, en welke signalen kwamen er uit deze regio."
)
PREVENTIVE_REPORTING_LINE = (
    "Wijs werknemers en werkgever op het anonieme meldpunt van de Arbeidsinspectie: 0800 51 51."
)
PREVENTIVE_CARD_COMMANDS = (
    "Commando's in deze kamer: !coordinator, !preventief uitgevoerd, !rapport, !sluit, "
    "!tijdlijn, !status, !overleg, !actie, !notitie, !help."
)
PREVENTIVE_PREPARE_REMINDER = (
    "Preventief bezoek {number} is {moment}: tijd om het voor te bereiden."
)
TIMELINE_PREVENTIVE_PLANNED = "Preventief bezoek gepland op {moment}"
LABEL_SCHEDULED = "Ingepland"
CALENDAR_SUMMARY = "Toon de preventieve bezoeken: uitgevoerd en gepland."
CALENDAR_USAGE = "!kalender"
CALENDAR_EXAMPLES = ("!kalender",)
CALENDAR_HEADER = "Preventieve bezoeken"
CALENDAR_EARLIER = "({count} eerdere bezoeken niet getoond)"
CALENDAR_EMPTY = "Er zijn nog geen preventieve bezoeken. Plan er een met !preventief."
CALENDAR_LINE = "{number} · {moment} · {region} · {title} · {coordinator} · {state}"
CALENDAR_PLANNED = "gepland"
CALENDAR_CANCELLED = "vervallen"
CALENDAR_REPORT_MISSING = "uitgevoerd, rapportage ontbreekt"
CALENDAR_REPORT_IN = "uitgevoerd, rapportage ontvangen"
CADENCE_WARNING = (
    "Er is nog geen preventief bezoek gepland binnen {every} na het vorige: het volgende moet "
    "uiterlijk {due} plaatsvinden."
)
CADENCE_SUGGESTIONS = "Regio's met recente signalen en geen bezoek: {regions}."
CADENCE_NO_SUGGESTIONS = "Er zijn geen regio's met recente signalen zonder bezoek."
CADENCE_REGION = "{region} ({count} signalen)"
CADENCE_REGION_ONE = "{region} (1 signaal)"
CADENCE_HOW = "Plan het met !preventief <wanneer> <regio> <bedrijf of sector>."

# --- The biweekly platform meeting (!agenda) --------------------------------------------------
PLATFORM_MEETING_TOPIC = "Tweewekelijks overleg van het Samenwerkingsplatform"
MEETING_REGULAR = "Het vaste tweewekelijkse overleg; de agenda staat hierboven."
AGENDA_SUMMARY = "Toon de concept-agenda van het volgende platformoverleg, of voeg een punt toe."
AGENDA_USAGE = "!agenda | !agenda punt <tekst>"
AGENDA_EXAMPLES = ("!agenda", "!agenda punt Communicatie richting uitzendbureaus")
AGENDA_UNKNOWN_WORD = "Onbekend: '{word}'. Gebruik !agenda of !agenda punt <tekst>."
AGENDA_ITEM_MISSING = "Welk punt? Schrijf het achter !agenda punt."
AGENDA_ITEM_ADDED = "Agendapunt toegevoegd voor het overleg van {when}: {text}"
AGENDA_NEXT_MEETING = "het volgende overleg"
AGENDA_HEADER = "Agenda platformoverleg {when}"
AGENDA_DRAFT_HEADER = "Concept-agenda platformoverleg {when}"
AGENDA_HEADER_UNSCHEDULED = "Concept-agenda platformoverleg (geen vast overleg ingesteld)"
AGENDA_SINCE = "Sinds de vorige agenda ({since})."
AGENDA_PICTURE = "1. Operationeel beeld"
AGENDA_PREVENTIVE = "2. Preventieve inzet"
AGENDA_PLAN = "3. Informatie- en communicatieplan"
AGENDA_REPORTS = "4. Rapportages"
AGENDA_ITEMS = "5. Ingebrachte punten en rondvraag"
AGENDA_NEW_SIGNALS = "Nieuwe signalen: {count}"
AGENDA_NEW_SIGNALS_LISTED = "Nieuwe signalen: {count} ({cases})"
AGENDA_VISITS = "Repressieve inzetten: {count}, waarvan {in_time} binnen {promise}"
AGENDA_LEAD_TIME = "{number}: doorlooptijd {lead_time} ({verdict})"
AGENDA_IN_TIME = "op tijd"
AGENDA_TOO_LATE = "te laat"
AGENDA_OPEN = "Open zaken: {count}, waarvan {overdue} over tijd"
AGENDA_PREVENTIVE_COUNTS = "Preventieve bezoeken: {done} uitgevoerd, {planned} gepland"
AGENDA_NO_VISITS = "Geen preventieve bezoeken in deze periode."
AGENDA_NEXT_PLANNED = "Volgende preventieve bezoek: {number} op {moment}."
AGENDA_NEXT_MISSING = "Het volgende preventieve bezoek is nog niet gepland (uiterlijk {due})."
AGENDA_ACTIONS = "Open acties: {count}, waarvan {overdue} over tijd"
AGENDA_DECISIONS = "Nieuwe besluiten: {count}"
AGENDA_NO_REPORTS = "Geen nieuwe rapportages."
AGENDA_REPORT = "{number} ({kind}) · {title} · {coordinator} · ingediend {moment}"
AGENDA_ITEM = "{text}"
AGENDA_ANY_OTHER_BUSINESS = "Rondvraag"
