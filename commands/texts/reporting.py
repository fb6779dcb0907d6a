"""!verantwoording: the accountability report to LOT-C, on request and on schedule."""

from __future__ import annotations

from commands.texts.command_help import CommandHelp, HelpGroup

REPORT_FOR_LEADERS = (
    "Alleen de projectleider, de operationeel leider of LOT-C stelt de verantwoording op. "
    "Gebruik !beeld voor het operationele beeld."
)
REPORT_PDF_FOLLOWS = "De verantwoording volgt als PDF."
PERIOD_FROM_TO = "{since} tot {until}"
PERIOD_MONTH = "MMMM y"  # babel pattern: `november 2026`
PERIOD_DAY = "d MMMM y HH:mm"
REPORT_HELP = CommandHelp(
    name="verantwoording",
    aliases=("rapportage-lotc",),
    group=HelpGroup.PICTURE,
    summary="De verantwoording aan de Operationeel Leider LOT-C en de voorzitter van de "
    "Landelijke Regietafel, als bericht en PDF.",
    usage="!verantwoording [periode]",
    details=(
        "Voor de projectleider. Zonder periode: de vorige maand. De bot stuurt de verantwoording "
        "ook zelf, elke maand (instelbaar), één keer per periode."
    ),
    examples=("!verantwoording", "!verantwoording november", "!verantwoording 2026"),
)
