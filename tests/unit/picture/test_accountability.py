"""The accountability report to LOT-C and the Landelijke Regietafel: the chat message and the
PDF (read back with pypdf) hold the same figures, each checked against the hand-built picture."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from PIL import Image
from pypdf import PdfReader

from commands.picture.accountability_doc import (
    AccountabilityDocument,
    report_content,
    report_filename,
)
from commands.picture.report_pdf import report_pdf
from commands.picture.report_text import report_message, table_lines
from storage.figures import Compared, Funnel, LeadTimes, RiskInputs, RiskRank
from tests.unit.picture.figures import (
    CADENCE,
    FOLLOW_UP,
    PREVENTIVE,
    PROMISE,
    RANKS,
    ZONE,
    picture,
)

GENERATED = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)  # 09:00 in Amsterdam
ADDRESSEES = "Aan de Operationeel Leider LOT-C en de voorzitter van de Landelijke Regietafel"
PERIOD = (
    "Periode: november 2026 (1 november 2026 tot en met 30 november 2026), "
    "vergeleken met oktober 2026."
)


def png(colour: str, size: tuple[int, int]) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "PNG")
    return out.getvalue()


CHARTS = [
    ("Doorlooptijden van de repressieve inzetten", png("red", (800, 400))),
    ("Signalen per regio", png("blue", (600, 300))),
]


def document(**changes: object) -> AccountabilityDocument:
    doc = AccountabilityDocument(
        period_label="november 2026",
        previous_label="oktober 2026",
        picture=picture(),
        follow_up=FOLLOW_UP,
        ranks=RANKS,
        charts=CHARTS,
        promise=PROMISE,
        cadence=CADENCE,
        generated_at=GENERATED,
        zone=ZONE,
    )
    return replace(doc, **changes)


def flat(value: str) -> str:
    return " ".join(value.split())


def pdf_pages(data: bytes) -> list[tuple[str, str]]:
    """Each page's text and, apart, its footer (the last line), so that a paragraph that runs
    on to the next page reads as one."""
    pages = [page.extract_text().splitlines() for page in PdfReader(io.BytesIO(data)).pages]
    return [(" ".join(lines[:-1]), lines[-1]) for lines in pages]


def pdf_text(data: bytes) -> str:
    return flat(" ".join(text for text, _ in pdf_pages(data)))


# What LOT-C reads, as the message's lines; the PDF has the same, its tables in cells.
LINES = [
    "Signalen: 14 (oktober 2026: 10, hoger)",
    "Nieuwe zaken: 11 (oktober 2026: 8, hoger)",
    "Herhaalde signalen bij een open zaak: 3 (oktober 2026: 2, hoger)",
    "Meeste signalen: Noord- en Oost-Gelderland (VR06) 5 (oktober 2026: 2), Twente (VR05) 3 "
    "(oktober 2026: 1), Drenthe (VR03) 2 (oktober 2026: 2), Groningen (VR01) 2 (oktober 2026: "
    "4), IJsselland (VR04) 1 (oktober 2026: 1).",
    "Langste doorlooptijden: 2026-101 (1 dag en 7 uur).",
    "Gemeld 11 → besluit 9 (waarvan 7 tot inzet) → inzet uitgevoerd 6 → rapportage 4 → "
    "afgesloten 3.",
    "Wachten nog: 2 op een besluit, 1 op de inzet, 2 op de rapportage, 3 op afsluiting.",
    "Nu open: 8 zaken, waarvan 2 over tijd.",
    "Uitgevoerd: 2 (oktober 2026: 3, lager)",
    "Gepland: 1.",
    "Het ritme van elke 2 weken is gehouden; de langste periode zonder bezoek was 12 dagen en "
    "4 uur.",
    "Open acties: 5, waarvan 2 over tijd.",
    "Besluiten: 4 (oktober 2026: 6, lager)",
    "Ingediend: 4 (oktober 2026: 2, hoger)",
]
VISIT_ROWS = [
    "Inzetten 12 9 hoger",
    "Binnen 24 uur 9 5 hoger",
    "Aandeel binnen 24 uur 75% 56% hoger",
    "Mediane doorlooptijd 18 uur en 30 minuten 22 uur lager",
    "Doorlooptijd, 90e percentiel 1 dag en 6 uur 1 dag en 16 uur lager",
]
RANK_ROWS = [
    "1. Vleesverwerking en slachterijen 5 (2) 3 (1) 2 (0) 17 (4) ja",
    "2. Bouw en infra, Noord- en Oost-Gelderland (VR06) 2 (2) 1 (1) 0 (1) 4 (7) nee",
    "3. onbekend 1 (0) 0 (0) 0 (0) 1 (0) nee",
]


def test_the_message_is_addressed_and_holds_every_figure() -> None:
    message = report_message(document())
    body = message.body
    assert body.startswith("Verantwoording samenwerkingsplatform: november 2026\n")
    assert ADDRESSEES in body and PERIOD in body
    assert "Opgesteld door signaalbot op 1 december 2026 09:00." in body
    for line in LINES:
        assert f"• {line}" in body, line
    assert "• Aandeel binnen 24 uur — november 2026: 75% · oktober 2026: 56% · Trend: hoger" in body
    assert (
        "• Mediane doorlooptijd — november 2026: 18 uur en 30 minuten · oktober 2026: 22 uur"
        " · Trend: lager" in body
    )
    assert (
        "• 1. Vleesverwerking en slachterijen — Bedrijven: 5 (2) · Besluiten tot inzet: 3 (1)"
        " · Maatregelen: 2 (0) · Score: 17 (4) · Sterk gestegen: ja" in body
    )
    assert "<b>Sectoren naar risico</b>" in message.html
    assert message.fits()


def test_the_pdf_is_addressed_numbered_and_holds_every_figure() -> None:
    data = report_pdf(document())
    reader = PdfReader(io.BytesIO(data))
    text = pdf_text(data)
    assert reader.pages[0].mediabox.width == 595.28  # A4: 210 mm in points
    assert "Verantwoording samenwerkingsplatform: november 2026" in text
    assert ADDRESSEES in text and PERIOD in text
    assert "Opgesteld door signaalbot op 1 december 2026 09:00." in text
    for line in [*LINES, *VISIT_ROWS, *RANK_ROWS]:
        assert line in text, line
    footers = [footer for _, footer in pdf_pages(data)]
    assert len(footers) == len(reader.pages) >= 2
    assert footers == [
        f"Verantwoording samenwerkingsplatform: november 2026 · pagina {n} van {len(footers)}"
        for n in range(1, len(footers) + 1)
    ]
    assert reader.metadata.creation_date == GENERATED
    assert reader.metadata.title == "Verantwoording samenwerkingsplatform: november 2026"


def test_the_pdf_embeds_each_chart_with_its_caption() -> None:
    data = report_pdf(document())
    images = [image for page in PdfReader(io.BytesIO(data)).pages for image in page.images]
    assert [image.image.size for image in images] == [(800, 400), (600, 300)]
    assert images[0].image.convert("RGB").getpixel((10, 10)) == (255, 0, 0)
    assert images[1].image.convert("RGB").getpixel((10, 10)) == (0, 0, 255)
    text = pdf_text(data)
    assert all(caption in text for caption, _ in CHARTS)


def test_message_and_pdf_never_disagree() -> None:
    doc = document()
    body, text = report_message(doc).body, pdf_text(report_pdf(doc))
    for section in report_content(doc).sections:
        assert section.title in body and section.title in text
        for line in (*section.lines, *section.after):
            assert line in body and flat(line) in text, line
        if section.table:
            for row, line in zip(section.table.rows, table_lines(section.table), strict=True):
                assert line in body and " ".join(row) in text, line


def test_the_same_report_renders_to_the_same_bytes() -> None:
    assert report_pdf(document()) == report_pdf(document())


def test_a_quiet_period_without_visits_ranks_or_waiting_cases() -> None:
    quiet = picture(
        lead=LeadTimes(0, 0, None, None, ()),
        funnel=Funnel(2, 2, 0, 0, 0, 2, stuck={}),
        preventive=replace(PREVENTIVE, cadence_held=False, longest_gap=timedelta(days=20)),
        signals_by_region={"VR06": Compared(0, 3)},
    )
    doc = document(picture=quiet, ranks=[], charts=[])
    body = report_message(doc).body
    text = pdf_text(report_pdf(doc))
    for expected in [
        "Inzetten — november 2026: 0 · oktober 2026: 9 · Trend: lager",
        "Aandeel binnen 24 uur — november 2026: – · oktober 2026: 56%",
        "Geen zaak uit deze periode blijft hangen.",
        "Het ritme van elke 2 weken is niet gehouden: de langste periode zonder bezoek was "
        "20 dagen.",
        "Geen sectoren om te rangschikken in deze periode.",
        "Geen signalen in deze periode.",
    ]:
        assert expected in body, expected
    assert "Aandeel binnen 24 uur – 56%" in text
    assert "Langste doorlooptijden" not in body
    assert "Grafieken" not in text


def test_text_from_the_data_is_escaped_in_the_html() -> None:
    odd = RiskRank("<b>nieuw</b>", None, RiskInputs(1, 0, 0), RiskInputs(0, 0, 0), 1, 0, False)
    message = report_message(document(ranks=[odd]))
    assert "&lt;b&gt;nieuw&lt;/b&gt;" in message.html and "<b>nieuw" not in message.html


def test_the_file_is_named_after_the_month() -> None:
    assert report_filename(document()) == "verantwoording-2026-11.pdf"
