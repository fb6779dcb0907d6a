"""The family's rendered files (commands.FILES) by kind. The drawing code, and with it
matplotlib, is loaded when the first map is drawn, not when the bot starts."""

from __future__ import annotations

from datetime import date
from typing import Any

from commands.core.context import FileRender, Workspace
from commands.core.effects import Rendered

NETWORK_MAP = "network_map"


def drawing_spec(on: date | None) -> dict[str, Any]:
    """What the drawing shows, as JSON for the outbox: the day, or None for every row."""
    return {"on": on.isoformat() if on else None}


async def _draw_network_map(workspace: Workspace, spec: dict[str, Any]) -> Rendered:
    from commands.network import drawings

    return await drawings.draw_network_map(workspace, spec)


FILES: dict[str, FileRender] = {NETWORK_MAP: _draw_network_map}
