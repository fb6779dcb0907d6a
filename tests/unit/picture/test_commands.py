"""!beeld, !risico and !verantwoording through the dispatcher on a real database: the answer's
figures, the files it asks for, and those files drawn and opened as a member would."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from io import BytesIO

from openpyxl import load_workbook
from PIL import Image
from pypdf import PdfReader

from bot.dispatch import Dispatcher
from commands import FILES
from commands.core.context import open_workspace
from storage.database import Database
from storage.outbox import OutboxEffect
from tests.unit.agenda.helpers import ask, clock_at, cycle_settings, dispatcher_at, open_reminders
from tests.unit.helpers import PLATFORM, directory_of, outbox

START = datetime(2026, 11, 16, 8, 0, tzinfo=UTC)  # a Monday, 09:00 in Amsterdam
LATER = datetime(2026, 11, 28, 9, 30, tzinfo=UTC)
LOTC = "@lotc:example.org"
SETTINGS = cycle_settings()


async def visited(dispatcher: Dispatcher, when: list[datetime], number: str, hours: float) -> None:
    """Decided at once and carried out `hours` after the signal (`when[0]`)."""
    await ask(dispatcher, f"!coordinator {number} ISZW", when[0])
    await ask(dispatcher, f"!besluit {number} inzet met GGD", when[0])
    when[0] += timedelta(hours=hours)
    local = when[0].astimezone(SETTINGS.platform.zone).strftime("%Y-%m-%d %H:%M")
    await ask(dispatcher, f"!inzet {number} uitgevoerd {local}", when[0])


async def a_fortnight(database: Database, when: list[datetime]) -> Dispatcher:
    """Three signals: two in VNOG (slaughterhouse, visited in 2 and 30 hours), one in Twente."""
    dispatcher = dispatcher_at(database, SETTINGS, when)
    signals = (
        "!signaal Slachterij A, Groenlo; regio: VNOG; sector: vleesverwerking",
        "!signaal Slachterij B, Lochem; regio: VNOG; sector: vleesverwerking",
        "!signaal Kwekerij C, Enschede; regio: Twente; sector: tuinbouw",
    )
    for day, body in enumerate(signals):
        when[0] = START + timedelta(days=day)
        await ask(dispatcher, body, when[0])
    when[0] = START
    await visited(dispatcher, when, "2026-001", 2)
    when[0] = START + timedelta(days=1)
    await visited(dispatcher, when, "2026-002", 30)
    when[0] = LATER
    return dispatcher


def rendered_rows(rows: list[OutboxEffect]) -> list[OutboxEffect]:
    return [row for row in rows if "render" in row.payload]


async def draw(database: Database, row: OutboxEffect):
    render = row.payload["render"]
    directory = await directory_of(database, SETTINGS)
    async with database.transaction() as session:
        workspace = open_workspace(session, SETTINGS, directory, PLATFORM, LATER)
        return await FILES[render["kind"]](workspace, render["spec"])


async def test_the_picture_answers_with_its_figures_and_three_images(database: Database) -> None:
    when = [START]
    dispatcher = await a_fortnight(database, when)
    before = len(await outbox(database))
    body = await ask(dispatcher, "!beeld 14d", LATER)
    assert body.startswith("Operationeel beeld: de laatste 14 dagen")
    assert "Signalen: 3 (vorige periode 0 ↑): 3 nieuwe zaken, 0 bij een open zaak gevoegd" in body
    assert (
        "Per regio: Noord- en Oost-Gelderland (VR06) 2 (vorige periode 0 ↑), Twente (VR05) 1"
        in body
    )
    assert "Repressieve inzetten: 2 (vorige periode 0 ↑)" in body
    assert "mediaan 16 uur, p90 1 dag en 6 uur; 1 van 2 binnen 24 uur (50%" in body
    assert "Traagst: 2026-002 (1 dag en 6 uur), 2026-001 (2 uur)" in body
    assert "Wacht nog: 1 op een besluit, 2 op de rapportage" in body
    files = rendered_rows((await outbox(database))[before:])
    assert [row.payload["render"]["kind"] for row in files] == [
        "lead_chart",
        "region_chart",
        "tile_map",
    ]
    for row in files:
        made = await draw(database, row)
        with Image.open(BytesIO(made.data)) as image:
            assert image.format == "PNG" and image.size == (made.image.width, made.image.height)
    lead = await draw(database, files[0])
    assert lead.image.description.startswith("Doorlooptijden: 2 inzetten, mediaan 16 uur")


async def test_the_export_is_a_workbook_and_a_csv_of_the_period(database: Database) -> None:
    when = [START]
    dispatcher = await a_fortnight(database, when)
    before = len(await outbox(database))
    body = await ask(dispatcher, "!beeld export 14d VNOG", LATER)
    assert "werkboek (XLSX) en als CSV" in body
    workbook_row, csv_row = rendered_rows((await outbox(database))[before:])
    workbook = await draw(database, workbook_row)
    assert workbook.filename.endswith(".xlsx")
    book = load_workbook(BytesIO(workbook.data))
    numbers = [row[0] for row in book["Zaken"].iter_rows(min_row=2, values_only=True)]
    assert numbers == ["2026-001", "2026-002"]  # VNOG only: not Twente's case
    csv = (await draw(database, csv_row)).data.decode("utf-8").splitlines()
    assert len(csv) == 3 and csv[1].startswith("2026-001")


async def test_the_ranking_shows_every_input(database: Database) -> None:
    when = [START]
    dispatcher = await a_fortnight(database, when)
    body = await ask(dispatcher, "!risico 14d", LATER)
    lines = body.splitlines()
    first = next(line for line in lines if "1. " in line)
    assert "Vleesverwerking en slachterijen: score 6 (was 0)" in first
    assert "2 bedrijven, 2 besluiten tot inzet, 0 rapportages met maatregelen" in first
    assert any("2. Land- en tuinbouw: score 1" in line for line in lines)


async def test_only_leaders_account_and_the_report_comes_as_message_and_pdf(
    database: Database,
) -> None:
    when = [START]
    dispatcher = await a_fortnight(database, when)
    refused = await ask(dispatcher, "!verantwoording november", LATER)
    assert refused.startswith("Alleen de projectleider")
    before = len(await outbox(database))
    body = await ask(dispatcher, "!verantwoording november", LATER, sender=LOTC)
    assert body.startswith("Verantwoording samenwerkingsplatform: november 2026")
    (pdf_row,) = rendered_rows((await outbox(database))[before:])
    made = await draw(database, pdf_row)
    assert made.mimetype == "application/pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(BytesIO(made.data)).pages)
    assert "Operationeel Leider LOT-C" in text and "november 2026" in text


async def test_the_report_of_a_period_goes_out_once_and_the_next_is_planned(
    database: Database,
) -> None:
    settings = cycle_settings(
        accountability={"every": "7d", "first": "2026-11-16T00:00", "post_after": "1h"}
    )
    when = [datetime(2026, 11, 24, 9, 0, tzinfo=UTC)]
    written: list[OutboxEffect] = []
    clock = clock_at(database, settings, when, written)
    async with database.transaction() as session:
        await clock._plan_cycle(session)
    (planned,) = await open_reminders(database, "accountability")
    assert planned.due_at == datetime(2026, 11, 30, 0, 0, tzinfo=UTC)  # Monday 01:00 local
    when[0] = planned.due_at + timedelta(seconds=5)
    await clock.fire(planned.id)
    await clock.fire(planned.id)  # a second firing of the same row sends nothing
    message, pdf = (row.payload for row in written)
    assert message["room_id"] == PLATFORM  # no LOT-C room configured
    assert message["body"].startswith("Verantwoording samenwerkingsplatform: 23 november 2026")
    assert pdf["render"]["kind"] == "accountability_pdf"
    # A restart plans the week after, and never the one already reported.
    async with database.transaction() as session:
        await clock._plan_cycle(session)
    (following,) = await open_reminders(database, "accountability")
    assert following.due_at == datetime(2026, 12, 7, 0, 0, tzinfo=UTC)
    assert len(written) == 2
