"""The charts of the operational picture and the accountability report: titles, axis labels,
legends, and the short text that stands in for each chart."""

from __future__ import annotations

# --- Lead times of repressive visits ----------------------------------------------------------
LEAD_TITLE = "Doorlooptijd repressieve inzetten\n{count} inzetten, mediaan {median}, {share} binnen {promise}"
LEAD_TITLE_EMPTY = "Doorlooptijd repressieve inzetten"
LEAD_EMPTY = "Geen repressieve inzetten in deze periode."
LEAD_X_LABEL = "doorlooptijd (hele uren na het signaal)"
LEAD_Y_LABEL = "aantal inzetten"
LEAD_BARS = "inzetten"
LEAD_PROMISE = "belofte: binnen {promise}"
LEAD_SHARE = "{percent}%"
LEAD_DESCRIPTION = "Doorlooptijden: {count} inzetten, mediaan {median}, {within} binnen {promise}"
LEAD_DESCRIPTION_EMPTY = "Doorlooptijden: geen repressieve inzetten in deze periode."

# --- Signals per region -----------------------------------------------------------------------
REGIONS_TITLE = "Signalen per regio: {current} deze periode, {previous} vorige periode"
REGIONS_X_LABEL = "aantal signalen"
REGIONS_CURRENT = "deze periode"
REGIONS_PREVIOUS = "vorige periode"
REGION_UNKNOWN = "onbekend"
REGION_TICK = "{code} {name}"
REGIONS_DESCRIPTION = "Signalen per regio, deze periode (vorige periode): {regions}"
REGIONS_DESCRIPTION_ITEM = "{region} {current} ({previous})"
REGIONS_DESCRIPTION_REST = "overige regio's 0 (0)"
REGIONS_DESCRIPTION_NONE = "Signalen per regio: geen signalen in deze en de vorige periode."

# --- Tile map ---------------------------------------------------------------------------------
TILE_ZERO = "0"
TILE_BORDER = "grensregio (DE/BE)"
TILE_DESCRIPTION = "{title}: {regions}"
TILE_DESCRIPTION_ITEM = "{region} {value}"
TILE_DESCRIPTION_REST = "overige regio's 0"
TILE_DESCRIPTION_NONE = "{title}: 0 in alle regio's."

DESCRIPTION_JOIN = "; "

# What !beeld calls its charts and map.
LEAD_FILENAME = "doorlooptijden.png"
REGION_FILENAME = "signalen-per-regio.png"
MAP_FILENAME = "kaart-veiligheidsregios.png"
MAP_TITLE = "Signalen per veiligheidsregio"
MAP_LEGEND = "aantal signalen"
