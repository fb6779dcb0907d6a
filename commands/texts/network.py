"""The netwerkkaart: powers per entity and aspect, and its drawing."""

from __future__ import annotations

from commands.texts.command_help import CommandHelp, HelpGroup
from commands.texts.intake import ASPECT_ALIASES
from config.powers import Aspect, Holder

# --- Holders and aspects ------------------------------------------------------------------------
HOLDER_NAMES = {
    Holder.ISZW: "Nederlandse Arbeidsinspectie (ISZW)",
    Holder.NVWA: "NVWA",
    Holder.GGD: "GGD",
    Holder.BURGEMEESTER: "Burgemeester / college van B&W",
    Holder.VR_VOORZITTER: "Voorzitter veiligheidsregio",
    Holder.GEMEENTE: "Gemeente (huisvesting en inschrijving)",
    Holder.POLITIE: "Politie en boa's",
    Holder.ILT: "Inspectie Leefomgeving en Transport (ILT)",
    Holder.SNF: "SNF (keurmerk huisvesting, privaat)",
    Holder.SNA: "SNA en SNCU (keurmerk uitzendbureaus, privaat)",
}
#: On the drawing, where room is short.
HOLDER_SHORT = {
    Holder.ISZW: "Arbeidsinspectie\n(ISZW / NLA)",
    Holder.NVWA: "NVWA",
    Holder.GGD: "GGD",
    Holder.BURGEMEESTER: "Burgemeester\n/ B&W",
    Holder.VR_VOORZITTER: "Voorzitter\nveiligheidsregio",
    Holder.GEMEENTE: "Gemeente",
    Holder.POLITIE: "Politie / boa",
    Holder.ILT: "ILT",
    Holder.SNF: "SNF (privaat)",
    Holder.SNA: "SNA / SNCU\n(privaat)",
}
#: What members type for a holder (matched without case, accents or punctuation).
HOLDER_ALIASES = {
    **dict.fromkeys(
        (
            "iszw",
            "szw",
            "nla",
            "arbeidsinspectie",
            "nederlandse arbeidsinspectie",
            "inspectie szw",
        ),
        Holder.ISZW,
    ),
    **dict.fromkeys(("nvwa", "voedsel- en warenautoriteit"), Holder.NVWA),
    **dict.fromkeys(("ggd", "ggd'en", "ggd arts"), Holder.GGD),
    **dict.fromkeys(
        ("burgemeester", "b&w", "college", "college van b&w", "burgemeester en wethouders"),
        Holder.BURGEMEESTER,
    ),
    **dict.fromkeys(
        ("vr", "veiligheidsregio", "voorzitter", "voorzitter veiligheidsregio", "vr-voorzitter"),
        Holder.VR_VOORZITTER,
    ),
    **dict.fromkeys(("gemeente", "gemeenten", "woningtoezicht"), Holder.GEMEENTE),
    **dict.fromkeys(("politie", "boa", "boa's", "handhaving"), Holder.POLITIE),
    **dict.fromkeys(("ilt", "inspectie leefomgeving en transport"), Holder.ILT),
    **dict.fromkeys(("snf", "stichting normering flexwonen"), Holder.SNF),
    **dict.fromkeys(("sna", "sncu", "stichting normering arbeid"), Holder.SNA),
}
#: The holders as the choices of an unknown word.
HOLDER_CHOICES = (
    "ISZW (NLA), NVWA, GGD, burgemeester, veiligheidsregio, gemeente, politie, ILT, SNF, SNA"
)

ASPECT_NAMES = {Aspect.WONEN: "Wonen", Aspect.WERKEN: "Werken", Aspect.VERVOER: "Vervoer"}
ASPECT_WORDS = {aspect.value: aspect for aspect in Aspect} | {
    word: Aspect(aspect) for word, aspect in ASPECT_ALIASES.items()
}
ALL_ASPECTS = "Alle aspecten"
ASPECTS_JOINED = "{first} en {last}"

# --- The answer in the chat ---------------------------------------------------------------------
MAP_WORD = "kaart"
ON_WORD = "op"
HEADER_ALL = "Netwerkkaart: bevoegdheden per partij en aspect"
HEADER_ASPECT = "Netwerkkaart: {aspect}"
HEADER_HOLDER = "Netwerkkaart: {holder}"
HEADER_ON = "{header}, zoals op {date}"
ROW = "{aspects}: {power} — {basis}"
ROW_IN_ASPECT = "{power} — {basis}"
LIMIT = "geen eigen taak: {power}"
PERIOD_FROM = "vanaf {start}"
PERIOD_UNTIL = "tot {end}"
PERIOD_BETWEEN = "van {start} tot {end}"
WITH_PERIOD = "{basis}, {period}"
WITH_MARKER = "{text} [{status}]"
NOTE = "{note} (bron: {source})"
SOURCE = "bron: {source}"
LEGEND = (
    "Zonder teken: bevestigd in de genoemde bron. [S] uit een secundaire bron, [U] afgeleid of "
    "niet bevestigd, [V/U] deels bevestigd."
)
MORE = (
    "Per partij met toelichting en bron: !netwerk ISZW. Per aspect: !netwerk werken. "
    "Op een datum: !netwerk op 2020-11-15. Als tekening: !netwerk kaart."
)
FILE_LEFT_OUT = (
    "Let op: het eigen bestand met bevoegdheden van de beheerder (network.powers_file) bevat "
    "fouten en is niet gebruikt; dit is de meegeleverde netwerkkaart. De beheerder ziet de fouten "
    "met signaalbot check-config."
)
NOTHING_ON = "Op {date} staat hier geen bevoegdheid in de netwerkkaart."
MAP_FOLLOWS = "De tekening van de netwerkkaart, met de regionale aanspreekpunten, volgt hieronder."

# --- What a member typed wrong ------------------------------------------------------------------
UNKNOWN_WORD = (
    "Onbekend aspect of onbekende partij '{value}'. Kies een aspect (wonen, werken, vervoer) of "
    "een partij ({holders})."
)
AMBIGUOUS_WORD = "'{value}' past bij meer dan één aspect of partij: {options}. Welke bedoelt u?"
DID_YOU_MEAN = "Bedoelde u {options}?"
DATE_INVALID = "'{value}' is geen datum. Schrijf bijvoorbeeld 2020-11-15 of 15-11-2020."
DATE_MISSING = "Noem na 'op' een datum, bijvoorbeeld 2020-11-15."
MAP_ALONE = "De kaart toont alle partijen en aspecten; noem na 'kaart' alleen eventueel een datum."

# --- One line per holder, for other families (the contact points) -------------------------------
LINE_ITEM = "{power} ({basis})"
LINE_ITEM_PERIOD = "{power} ({basis}, {period})"
LINE_SEPARATOR = "; "

# --- The drawing ---------------------------------------------------------------------------------
DRAWING_FILENAME = "netwerkkaart.png"
DRAWING_TITLE = "Netwerkkaart: bevoegdheden per partij en aspect"
DRAWING_TITLE_ON = "Netwerkkaart: bevoegdheden op {date}"
DRAWING_HOLDER = "Partij"
DRAWING_ITEM = "• {power} ({basis})"
DRAWING_LIMIT = "– geen eigen taak: {power}"
DRAWING_MARKERS = (
    "Tekens: [S] secundaire bron, [U] afgeleid of niet bevestigd, [V/U] deels bevestigd."
)
DRAWING_POINTS_TITLE = "Regionale aanspreekpunten per veiligheidsregio"
DRAWING_POINTS_COUNT = "{count} van {total}"
DRAWING_POINT_YES = "aanspreekpunt genoemd"
DRAWING_POINT_NO = "nog geen aanspreekpunt"
DRAWING_DESCRIPTION = (
    "Netwerkkaart{on}: de bevoegdheden van {holders} partijen voor wonen, werken en vervoer met "
    "hun grondslag, en de regionale aanspreekpunten in de {regions} regio's: {points}."
)
DRAWING_DESCRIPTION_ON = " op {date}"
DRAWING_POINTS_ITEM = "{entity} {count}"

NETWORK_HELP = CommandHelp(
    name="netwerk",
    aliases=("netwerkkaart", "bevoegdheden"),
    group=HelpGroup.NETWORK,
    summary="De netwerkkaart: welke partij wat mag bij wonen, werken en vervoer, en op welke grond.",
    usage="!netwerk [wonen|werken|vervoer|partij] [op datum] | !netwerk kaart",
    details=(
        "Zonder meer: alle partijen. Met een aspect of een partij (ISZW, NLA, NVWA, GGD, "
        "burgemeester, veiligheidsregio, gemeente, politie, ILT, SNF, SNA) alleen dat deel. Met "
        "een datum de bevoegdheden zoals ze toen golden (de Twm gaf op 1 december 2020 nieuwe). "
        "'kaart' stuurt de netwerkkaart als tekening, met de regionale aanspreekpunten."
    ),
    examples=(
        "!netwerk",
        "!netwerk werken",
        "!netwerk NLA",
        "!netwerk op 2020-11-15",
        "!netwerk kaart",
    ),
)
