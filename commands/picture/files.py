"""The family's rendered files (commands.FILES) by kind. Each renderer loads the drawing code,
and with it matplotlib, openpyxl and fpdf2, when it first draws: the bot starts (and answers its
first command) a second sooner without them."""

from __future__ import annotations

from typing import Any

from commands.core.context import FileRender, Workspace
from commands.core.effects import Rendered
from commands.picture.file_kinds import (
    ACCOUNTABILITY_PDF,
    CASES_CSV,
    LEAD_CHART,
    REGION_CHART,
    TILE_MAP,
    WORKBOOK,
)


def _drawn_by(name: str) -> FileRender:
    async def render(workspace: Workspace, spec: dict[str, Any]) -> Rendered:
        from commands.picture import drawings

        return await getattr(drawings, name)(workspace, spec)

    return render


FILES: dict[str, FileRender] = {
    LEAD_CHART: _drawn_by("draw_lead_chart"),
    REGION_CHART: _drawn_by("draw_region_chart"),
    TILE_MAP: _drawn_by("draw_tile_map"),
    WORKBOOK: _drawn_by("draw_workbook"),
    CASES_CSV: _drawn_by("draw_csv"),
    ACCOUNTABILITY_PDF: _drawn_by("draw_report"),
}
