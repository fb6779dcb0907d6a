"""Personal data at intake, through the dispatcher on a real database: what a member typed is
screened before it is stored, echoed or logged, and the answer says so once."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import select

from bot.dispatch import Dispatcher
from bot.events import IncomingReaction
from commands.core.context import Context
from config.settings import Settings
from storage.base import Base
from storage.cases import Case, TimelineEntry
from storage.database import Database
from tests.unit.contacts.helpers import LEAD, TEAM_WONEN, contacts
from tests.unit.helpers import (
    INCIDENT,
    NOW,
    command,
    make_dispatcher,
    make_settings,
    open_case,
    outbox,
)

BSN = "123456782"
MOBILE = "06-12345678"
NOTE = "Verwijderd voordat het werd bewaard"
SIGNAL = (
    "!signaal Slachterij De Vries, Groenlo; regio: VNOG\n"
    f"omschrijving: uitzendkracht met bsn {BSN} belde vanaf {MOBILE} over de huisvesting"
)


async def everything_stored(database: Database) -> str:
    """Every row of every table, as text: what a DPO would search for a value."""
    found: list[str] = []
    async with database.transaction() as session:
        for table in Base.metadata.sorted_tables:
            found.extend(str(tuple(row)) for row in await session.execute(select(table)))
    return "\n".join(found)


async def test_a_signal_is_stored_and_answered_without_its_bsn_and_phone(
    database: Database, dispatcher: Dispatcher
) -> None:
    await dispatcher.handle(command(SIGNAL))
    async with database.transaction() as session:
        case = await session.scalar(select(Case))
        timeline = " ".join((await session.scalars(select(TimelineEntry.text))).all())
    assert case is not None and case.description is not None
    assert "[BSN verwijderd]" in case.description
    assert "[telefoonnummer verwijderd]" in case.description
    stored = await everything_stored(database)
    for value in (BSN, MOBILE, "0612345678", "612345678"):
        assert value not in stored
        assert value not in timeline
    rows = await outbox(database)
    reply = rows[0].payload["body"]
    assert reply.count(NOTE) == 1
    assert "1 BSN en 1 telefoonnummer" in reply
    assert "AVG" in reply
    # The answer the room's link is edited into keeps the note.
    assert any(NOTE in row.payload.get("answer", {}).get("body", "") for row in rows)


async def test_a_signal_without_personal_data_gets_no_note(
    database: Database, dispatcher: Dispatcher
) -> None:
    await dispatcher.handle(command("!signaal Slachterij De Vries, Groenlo; kvk: 12345678"))
    rows = await outbox(database)
    assert NOTE not in rows[0].payload["body"]
    assert (await everything_stored(database)).count("12345678") >= 1


def without_organisation_contacts() -> Settings:
    base = make_settings().model_dump(mode="json")
    base["privacy"]["screening"]["organisation_contacts"] = False
    return Settings(**base)


async def test_a_contact_keeps_its_organisation_phone_and_email(
    database: Database, dispatcher: Dispatcher
) -> None:
    rows = await dispatcher.handle(command(TEAM_WONEN, sender=LEAD))
    [contact] = await contacts(database)
    assert (contact.phone, contact.email) == ("+31314377377", "Wonen@doetinchem.nl")
    assert NOTE not in rows[0].payload["body"]


async def test_without_organisation_contacts_a_contact_loses_its_phone(
    database: Database,
) -> None:
    dispatcher = make_dispatcher(database, without_organisation_contacts())
    rows = await dispatcher.handle(command(TEAM_WONEN, sender=LEAD))
    assert await contacts(database) == []  # no phone and no e-mail left: refused
    reply = rows[0].payload["body"]
    assert "1 telefoonnummer en 1 e-mailadres" in reply
    stored = await everything_stored(database)
    assert "0314 377 377" not in stored and "oetinchem.nl" not in stored


async def test_the_contact_setting_keeps_nothing_for_other_commands(
    database: Database, dispatcher: Dispatcher
) -> None:
    await open_case(dispatcher, database)
    await dispatcher.handle(command("!notitie belde met 0314 377 377", room=INCIDENT))
    stored = await everything_stored(database)
    assert "0314 377 377" not in stored
    assert "belde met [telefoonnummer verwijderd]" in stored


async def test_a_pinned_message_goes_onto_the_timeline_screened(
    database: Database, dispatcher: Dispatcher
) -> None:
    await open_case(dispatcher, database)
    rows = await dispatcher.handle_reaction(
        IncomingReaction(
            INCIDENT,
            "$pin",
            "@vr06:example.org",
            int(NOW.timestamp() * 1000),
            "$msg",
            "📌",
            target_sender="@iszw:example.org",
            target_text="De uitzender is bereikbaar op p.jansen@flexwerk.example.nl",
        )
    )
    async with database.transaction() as session:
        pinned = (await session.scalars(select(TimelineEntry.text))).all()
    assert any("bereikbaar op [e-mailadres verwijderd]" in entry for entry in pinned)
    assert "p.jansen@flexwerk" not in await everything_stored(database)
    [reply] = [row for row in rows if row.kind == "send"]
    assert reply.payload["body"].count(NOTE) == 1
    assert "1 e-mailadres" in reply.payload["body"]


async def test_a_failing_command_is_logged_without_the_personal_data(
    database: Database,
    dispatcher: Dispatcher,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async def fails(body: str, _context: Context) -> list[object]:
        raise RuntimeError(f"could not handle {body!r}")

    monkeypatch.setattr(dispatcher.registry, "run", fails)
    with caplog.at_level(logging.DEBUG):
        await dispatcher.handle(command(SIGNAL))
    assert "could not handle" in caplog.text  # the failure itself is logged
    assert BSN not in caplog.text and MOBILE not in caplog.text
    assert BSN not in await everything_stored(database)
