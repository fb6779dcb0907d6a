"""!beeld and !risico: the operational picture and the sector ranking in the chat."""

from __future__ import annotations

from commands.texts.command_help import CommandHelp, HelpGroup
from storage.figures import FunnelStep, Trend

TRENDS = {Trend.UP: "↑", Trend.DOWN: "↓", Trend.SAME: "="}
COMPARED = "{current} (vorige periode {previous} {trend})"
PERCENT = "{value:.0f}%"
NOT_APPLICABLE = "–"

# --- !beeld ------------------------------------------------------------------------------------
PICTURE_HEADER = "Operationeel beeld: {label}"
PICTURE_SINCE_AGENDA = "sinds de vorige agenda ({since})"
PICTURE_SINCE_START = "sinds de start van signaalbot ({since})"
PICTURE_COMPARED_WITH = "Vergeleken met {label}."
PICTURE_SCOPE_REGION = "Alleen regio {region}."
PICTURE_SCOPE_SECTOR = "Alleen sector {sector}."
PICTURE_SIGNALS = "Signalen: {signals}: {opened} nieuwe zaken, {joined} bij een open zaak gevoegd"
PICTURE_BY_REGION = "Per regio: {items}"
PICTURE_BY_SECTOR = "Per sector: {items}"
PICTURE_ITEM = "{name} {count}"
PICTURE_NONE = "geen"
PICTURE_OPEN = "Open zaken nu: {count}, waarvan {overdue} over tijd"
PICTURE_VISITS = "Repressieve inzetten: {count}"
PICTURE_LEAD = (
    "Doorlooptijd (signaal tot inzet): mediaan {median}, p90 {p90}; "
    "{within} van {count} binnen {promise} ({share}; vorige periode {previous_share})"
)
PICTURE_SLOWEST = "Traagst: {items}"
PICTURE_SLOW_ITEM = "{number} ({lead_time})"
PICTURE_FUNNEL = (
    "Trechter: {signalled} gemeld → {decided} besloten ({visit_decided} inzet) → "
    "{visited} uitgevoerd → {reported} gerapporteerd → {closed} gesloten"
)
PICTURE_STUCK = "Wacht nog: {items}"
PICTURE_NOTHING_STUCK = "Niets blijft hangen."
STUCK = {
    FunnelStep.SIGNAL: "{count} op een besluit",
    FunnelStep.DECISION: "{count} op de inzet",
    FunnelStep.VISIT: "{count} op de rapportage",
    FunnelStep.REPORT: "{count} op sluiten",
}
PICTURE_PREVENTIVE = "Preventieve bezoeken uitgevoerd: {done}; nu gepland: {planned}"
PICTURE_PREVENTIVE_REGIONS = "Uitgevoerd per regio: {items}"
PICTURE_CADENCE_HELD = "Ritme van één bezoek per {every} gehouden (langste tussenpoos {gap})."
PICTURE_CADENCE_BROKEN = "Ritme van één bezoek per {every} niet gehouden: langste tussenpoos {gap}."
PICTURE_REPORTS = "Rapportages ingediend: {reports}"
PICTURE_CHARTS_FOLLOW = "De grafieken en de kaart volgen hieronder."
PICTURE_MAP_FOLLOWS = "De kaart volgt hieronder."
PICTURE_EXPORT_FOLLOWS = "De gegevens volgen als werkboek (XLSX) en als CSV."
PICTURE_HELP = CommandHelp(
    name="beeld",
    aliases=("overzicht",),
    group=HelpGroup.PICTURE,
    summary="Het operationele beeld: signalen, inzetten en doorlooptijden, met grafieken.",
    usage="!beeld [periode] [regio of sector] [kaart|export]",
    details=(
        "Zonder periode: sinds de vorige agenda. Elk cijfer staat naast de vorige periode van "
        "dezelfde lengte. 'kaart' geeft alleen de kaart van de regio's, 'export' de gegevens "
        "als werkboek en CSV."
    ),
    examples=(
        "!beeld",
        "!beeld november",
        "!beeld 14d Twente",
        "!beeld 2026 bouw",
        "!beeld export",
    ),
)

# --- !risico -----------------------------------------------------------------------------------
RISK_HEADER = "Sectoren naar risico: {label}"
RISK_METHOD = (
    "Score = {companies} × bedrijven gemeld + {visits} × besluiten tot inzet + "
    "{measures} × rapportages met maatregelen (vergeleken met {previous})."
)
RISK_LINE = (
    "{rank}. {sector}: score {score} (was {previous_score}) · {companies} bedrijven, "
    "{visits} besluiten tot inzet, {measures} rapportages met maatregelen"
)
RISK_RISING = " · sterk gestegen"
RISK_TOP_REGIONS = "   vooral in: {items}"
RISK_NONE = "Geen signalen in deze periode: er is niets te rangschikken."
RISK_HELP = CommandHelp(
    name="risico",
    aliases=("sectoren",),
    group=HelpGroup.PICTURE,
    summary="De sectoren met het hoogste risico, met hun cijfers, en per regio.",
    usage="!risico [periode] [regio]",
    details=(
        "Zonder periode: de laatste 90 dagen (instelbaar met risk.window). Elke plaats toont waar de score uit bestaat; "
        "de methode staat in de README."
    ),
    examples=("!risico", "!risico 2026", "!risico vorige maand", "!risico 90d Twente"),
)
