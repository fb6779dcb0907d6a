"""Decisions, actions and their lists through the dispatcher and the reminder clock, on a real database."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from storage.database import Database
from storage.follow_up import Action
from storage.reminders import ReminderKind
from tests.unit.helpers import (
    INCIDENT,
    command,
    file_text,
    make_dispatcher,
    make_settings,
    open_case,
)
from tests.unit.meetings.helpers import GGD06, ISZW, LOTC, ask, convened, fire_due, reminders


async def test_actions_owner_due_and_refusals(database: Database) -> None:
    dispatcher = make_dispatcher(database)
    await open_case(dispatcher, database)
    for body, expected in [
        ("!actie", "Wat is de actie"),
        ("!actie Bellen @wie:example.org", "@wie:example.org staat niet in de ledenlijst"),
        ("!actie Bellen voor gisteren 10:00", "al voorbij"),
        ("!actie Bellen voor morgenochtend", "hoort ook een tijd"),
        ("!actie klaar 99", "Actie 99 bestaat niet"),
        ("!actie klaar", "Welke actie"),
    ]:
        reply = await ask(dispatcher, body)
        assert expected.lower() in reply.lower(), (body, reply)
        assert "!actie <tekst>" in reply
    async with database.transaction() as session:
        assert (await session.scalars(select(Action))).all() == []
    mine = await ask(dispatcher, "!actie Plan maken voor de zomer")
    assert "A1 · Plan maken voor de zomer · eigenaar Ilse" in mine  # "voor de zomer" is text
    named = await ask(dispatcher, f"!actie Pers informeren {LOTC} voor vandaag 12:00")
    assert "A2 · Pers informeren · eigenaar" in named and "voor zaterdag 28 november 12:00" in named
    listing = await ask(dispatcher, "!acties")
    assert listing.index("A2") < listing.index("A1")  # dated first
    assert "Actie 1 is klaar" in await ask(dispatcher, "!actie klaar 1")
    assert "al klaar gemeld" in await ask(dispatcher, "!actie klaar A1")
    assert "A1" not in await ask(dispatcher, "!acties")


async def test_an_overdue_action_is_reminded_once_a_day_in_working_hours(
    database: Database,
) -> None:
    settings = make_settings()
    dispatcher = make_dispatcher(database, settings)
    await open_case(dispatcher, database)
    # Saturday 28 November: due at 12:00, but the first reminder waits for Monday 09:00.
    await ask(dispatcher, "!actie Huisvesting opvragen GGD voor vandaag 12:00")
    (first,) = await reminders(database, ReminderKind.ACTION_OVERDUE)
    assert first.due_at == datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
    written = await fire_due(database, settings, first.due_at, ReminderKind.ACTION_OVERDUE)
    (reminder,) = (row.payload for row in written)
    assert reminder["room_id"] == INCIDENT and reminder["mentions"] == [GGD06]
    assert "Actie 1 is over tijd" in reminder["body"]
    assert "!actie klaar 1" in reminder["body"]
    sent, following = await reminders(database, ReminderKind.ACTION_OVERDUE)
    assert sent.sent_at is not None and following.due_at == first.due_at + timedelta(days=1)
    assert await fire_due(database, settings, first.due_at + timedelta(hours=1), "x") == []
    await ask(dispatcher, "!actie klaar 1")
    assert await fire_due(database, settings, following.due_at, ReminderKind.ACTION_OVERDUE) == []


async def test_the_lists_export_as_csv_that_no_spreadsheet_runs(database: Database) -> None:
    dispatcher = make_dispatcher(database)
    await convened(dispatcher, database)
    await ask(dispatcher, '!besluit =HYPERLINK("http://x") is geen formule')
    await ask(dispatcher, "!actie Huisvesting opvragen GGD voor morgen 12:00")
    await ask(dispatcher, "!actie Persbericht; afstemmen")
    await ask(dispatcher, "!actie klaar 2")
    assert "Onbekend: 'alles'" in await ask(dispatcher, "!acties alles")
    written = await dispatcher.handle(command("!besluiten export", sender=ISZW, room=INCIDENT))
    reply, upload = (row.payload for row in written)
    assert upload["filename"] == "besluitenlijst-2026-001-2026-11-28.csv"
    assert upload["mimetype"] == "text/csv"
    assert "1 regels" in reply["body"]
    header, row = file_text(upload).splitlines()
    assert header == "nummer;datum;besluit;genomen door;overleg;zaak"
    assert row.startswith('B1;2026-11-28 10:30;"\'=HYPERLINK(""http://x"") is geen formule";Ilse')
    assert row.endswith(";overleg 1;2026-001")
    written = await dispatcher.handle(command("!acties export", sender=ISZW, room=INCIDENT))
    lines = file_text(written[1].payload).splitlines()
    assert len(lines) == 3
    assert lines[1].startswith("A1;Huisvesting opvragen;GGD Noord- en Oost-Gelderland (VR06);")
    assert ";open;" in lines[1]
    assert lines[2].startswith('A2;"Persbericht; afstemmen";Ilse;;klaar;2026-11-28 10:30;Ilse')


async def test_a_long_action_list_is_cut_and_points_to_the_export(database: Database) -> None:
    dispatcher = make_dispatcher(database)
    await open_case(dispatcher, database)
    for index in range(45):
        await ask(dispatcher, f"!actie Taak {index}")
    listing = await ask(dispatcher, "!acties")
    assert "Open acties (45)" in listing
    assert "A40 · Taak 39" in listing and "Taak 40" not in listing
    assert "en nog 5; !acties export" in listing


async def test_an_action_text_may_start_with_klaar(database: Database) -> None:
    dispatcher = make_dispatcher(database)
    await open_case(dispatcher, database)
    assert "A1 · Klaar zetten van de brieven" in await ask(
        dispatcher, "!actie Klaar zetten van de brieven"
    )
    assert "Actie 1 is klaar" in await ask(dispatcher, "!actie klaar 1")
