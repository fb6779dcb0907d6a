"""The family's rendered files (commands.FILES) by kind. The drawing code, and with it fpdf2
and matplotlib's font, is loaded when the first dossier is made, not when the bot starts."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from commands.core.context import FileRender, Workspace
from commands.core.effects import Rendered

DOSSIER_ZIP = "dossier_zip"


def dossier_spec(case_id: int, created: datetime) -> dict[str, Any]:
    """What the outbox keeps: the case, and the moment the dossier is dated (to the second)."""
    return {"case_id": case_id, "created": created.replace(microsecond=0).isoformat()}


async def _draw_dossier(workspace: Workspace, spec: dict[str, Any]) -> Rendered:
    from commands.records import drawing

    return await drawing.draw_dossier(workspace, spec)


FILES: dict[str, FileRender] = {DOSSIER_ZIP: _draw_dossier}
