"""The accountability report as an A4 PDF: the same content as the chat message, with tables,
the charts and page numbers.

The core PDF fonts know only Latin-1, so the text is set in DejaVu Sans, which matplotlib ships
(nothing needed from the system). The creation date is the report's `generated_at`, so the same
report renders to the same bytes.
"""

from __future__ import annotations

import io

from fpdf import FPDF, FontFace
from fpdf.enums import XPos, YPos

from commands.core.pdf_pages import FONT, A4Pages
from commands.picture.accountability_doc import (
    AccountabilityDocument,
    ReportContent,
    report_content,
)
from commands.picture.report_sections import Section, Table
from commands.texts import accountability as texts

LINE = 5.5  # mm between lines of body text
BODY_SIZE = 10.5
TITLE_SIZE = 16
HEADING_SIZE = 13
SMALL_SIZE = 8.5
BULLET = "• "
TABLE_SIZE = 9.5
BOLD_FACTOR = 1.12  # bold text is about this much wider


def report_pdf(doc: AccountabilityDocument) -> bytes:
    content = report_content(doc)
    pdf = A4Pages(texts.PAGE, title=content.title)
    pdf.set_title(content.title)
    pdf.set_author(texts.AUTHOR)
    pdf.set_lang("nl")
    pdf.set_creation_date(doc.generated_at)
    pdf.add_page()
    _heading(pdf, content)
    for section in content.sections:
        _section(pdf, section)
    _charts(pdf, doc.charts)
    return bytes(pdf.output())


def _heading(pdf: FPDF, content: ReportContent) -> None:
    pdf.set_font(FONT, style="B", size=TITLE_SIZE)
    pdf.multi_cell(0, 8, content.title, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(2)
    _paragraph(pdf, content.addressees, bold=True)
    _paragraph(pdf, content.period)
    _paragraph(pdf, content.generated, size=SMALL_SIZE)


def _section(pdf: FPDF, section: Section) -> None:
    _subheading(pdf, section.title)
    for line in section.lines:
        _paragraph(pdf, BULLET + line)
    if section.table is not None:
        _table(pdf, section.table)
    for line in section.after:
        _paragraph(pdf, BULLET + line)


def _subheading(pdf: FPDF, title: str) -> None:
    pdf.ln(LINE / 2)
    pdf.set_font(FONT, style="B", size=HEADING_SIZE)
    pdf.multi_cell(0, 7, title, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(1)


def _paragraph(pdf: FPDF, line: str, *, bold: bool = False, size: float = BODY_SIZE) -> None:
    pdf.set_font(FONT, style="B" if bold else "", size=size)
    pdf.multi_cell(0, LINE, line, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _table(pdf: FPDF, table: Table) -> None:
    pdf.set_font(FONT, size=TABLE_SIZE)
    with pdf.table(
        col_widths=_column_widths(pdf, table),
        line_height=LINE,
        headings_style=FontFace(emphasis="BOLD"),
        first_row_as_headings=True,
        text_align="LEFT",
    ) as grid:
        for row in (table.columns, *table.rows):
            cells = grid.row()
            for value in row:
                cells.cell(value)
    pdf.ln(2)


def _column_widths(pdf: FPDF, table: Table) -> tuple[float, ...]:
    """Each figure column as wide as its widest cell (a heading may wrap between words); the
    first column, what a row is about, gets the rest of the page's width."""
    figures = [
        max(
            max(pdf.get_string_width(word) for word in heading.split()) * BOLD_FACTOR,
            *(pdf.get_string_width(row[index]) for row in table.rows),
        )
        + 2 * pdf.c_margin
        + 1
        for index, heading in enumerate(table.columns[1:], start=1)
    ]
    rest = pdf.epw - sum(figures)
    if rest < pdf.epw / 4:  # too many or too wide columns: share the width evenly
        return tuple(1 for _ in table.columns)
    return (rest, *figures)


def _charts(pdf: FPDF, charts: list[tuple[str, bytes]]) -> None:
    if not charts:
        return
    _subheading(pdf, texts.CHARTS)
    for caption, png in charts:
        pdf.image(io.BytesIO(png), w=pdf.epw, title=caption, alt_text=caption)
        _paragraph(pdf, caption, size=SMALL_SIZE)
        pdf.ln(LINE)
