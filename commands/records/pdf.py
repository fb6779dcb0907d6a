"""The dossier as an A4 PDF/A-2B document: title, when it was made, whether retention has
anonymised its texts, then one section per record type, with page numbers at the foot.

Set in DejaVu Sans, which matplotlib ships, embedded as TrueType (PDF/A embeds every font; the
core PDF fonts are not embedded). The creation date is the dossier's own moment, so the same
case renders to the same bytes."""

from __future__ import annotations

from datetime import datetime

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from commands.core.pdf_pages import FONT, A4Pages, font_path
from commands.records.pdfa import drawable, make_pdfa
from commands.records.sections import Paragraph, Section
from commands.texts import records as texts

INDENT = 6  # mm, the details under an action or meeting
LINE = 5.2  # mm between lines of body text
BODY_SIZE = 10
TITLE_SIZE = 15
HEADING_SIZE = 12.5
SMALL_SIZE = 8.5


def dossier_pdf(
    *,
    number: str,
    title: str,
    created: datetime,
    created_line: str,
    anonymised_line: str | None,
    sections: list[Section],
) -> bytes:
    pdf = A4Pages(texts.PAGE, number=number)
    pdf.set_creation_date(created)
    make_pdfa(pdf, title=title, author=texts.AUTHOR, subject=texts.SUBJECT, creator=texts.CREATOR)
    pdf.add_page()
    pdf.set_font(FONT, style="B", size=TITLE_SIZE)
    _lines(pdf, title, 7.5)
    pdf.ln(1)
    pdf.set_font(FONT, size=SMALL_SIZE)
    _lines(pdf, created_line, LINE)
    if anonymised_line:
        pdf.set_font(FONT, style="B", size=BODY_SIZE)
        _lines(pdf, anonymised_line, LINE)
    for section in sections:
        _section(pdf, section)
    return bytes(pdf.output())


def _lines(pdf: FPDF, value: str, height: float, indent: float = 0) -> None:
    pdf.set_x(pdf.l_margin + indent)
    pdf.multi_cell(
        pdf.epw - indent,
        height,
        drawable(value, font_path(pdf.font_style)),
        align="L",
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )


def _section(pdf: FPDF, section: Section) -> None:
    pdf.ln(LINE / 2)
    pdf.set_font(FONT, style="B", size=HEADING_SIZE)
    _lines(pdf, section.title, 7)
    pdf.ln(0.5)
    if not section.paragraphs:
        pdf.set_font(FONT, size=BODY_SIZE)
        _lines(pdf, texts.NONE, LINE)
    for paragraph in section.paragraphs:
        _paragraph(pdf, paragraph)


def _paragraph(pdf: FPDF, paragraph: Paragraph) -> None:
    if paragraph.label is None:
        pdf.set_font(FONT, size=BODY_SIZE)
        _lines(pdf, paragraph.text, LINE, INDENT if paragraph.indent else 0)
        return
    pdf.set_font(FONT, style="B", size=BODY_SIZE)
    pdf.write(LINE, drawable(paragraph.label + ": ", font_path("B")))
    pdf.set_font(FONT, size=BODY_SIZE)
    pdf.write(LINE, drawable(paragraph.text, font_path()))
    pdf.ln(LINE)
