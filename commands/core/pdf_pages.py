"""A4 pages for the bot's PDF documents (the accountability report, the case dossier): set in
DejaVu Sans, which matplotlib ships, embedded as TrueType (the core PDF fonts know only Latin-1
and are not embedded, which PDF/A forbids), with one line at the foot of every page."""

from __future__ import annotations

from pathlib import Path

import matplotlib
from fpdf import FPDF

FONT = "DejaVu"
_FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
MARGIN = 20  # mm
FOOT_SIZE = 8.5
FOOT_LINE = 5.5  # mm


def font_path(style: str = "") -> Path:
    """The TrueType file of a style: "" (regular) or "B" (bold)."""
    return Path(matplotlib.get_data_path()) / "fonts" / "ttf" / _FONT_FILES[style]


class A4Pages(FPDF):
    """`foot` is a template with `{page}` and `{pages}` (and any other `fields`)."""

    def __init__(self, foot: str, **fields: str) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.foot, self.foot_fields = foot, fields
        for style in _FONT_FILES:
            self.add_font(FONT, style=style, fname=font_path(style))
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(auto=True, margin=MARGIN)

    def footer(self) -> None:
        self.set_y(-MARGIN + 6)
        self.set_font(FONT, size=FOOT_SIZE)
        line = self.foot.format(
            page=self.page_no(), pages=self.str_alias_nb_pages, **self.foot_fields
        )
        self.cell(0, FOOT_LINE, line, align="C")
