"""Commands through the dispatcher on a real database: cases, outbox rows, nothing on bad input."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from bot.dispatch import Dispatcher
from bot.events import IncomingCommand
from storage.cases import Case, TimelineEntry, TimelineKind
from storage.database import Database
from tests.unit.helpers import (
    NOW,
    cases,
    command,
    make_dispatcher,
    make_settings,
    outbox,
    replies,
)


async def test_signal_opens_a_numbered_case_with_a_deadline(
    dispatcher: Dispatcher, database: Database
) -> None:
    await dispatcher.handle(command("!signaal Slachterij De Vries, Groenlo; regio: VNOG"))
    await dispatcher.handle(command("!signaal Kwekerij Zon; regio: VR15"))
    first, second = await cases(database)
    assert (first.number, second.number) == ("2026-001", "2026-002")
    assert first.region == "VR06"
    assert first.deadline_at == NOW + timedelta(hours=24)
    rows = await outbox(database)
    assert [row.kind for row in rows] == ["send", "open_room", "send", "open_room"]
    answer = rows[0].payload
    assert answer["reply_to"].startswith("$event")
    assert "Zaak 2026-001 geopend" in answer["body"]
    # 09:30 UTC is 10:30 in Amsterdam in November.
    assert "zondag 29 november 10:30" in answer["body"]
    assert rows[1].payload["announce_row"] == rows[0].id


async def test_numbers_restart_each_year(dispatcher: Dispatcher, database: Database) -> None:
    new_year = datetime(2026, 12, 31, 23, 30, tzinfo=UTC)  # 00:30 on 1 January in Amsterdam
    await dispatcher.handle(command("!signaal Bedrijf A", sent=NOW))
    await dispatcher.handle(command("!signaal Bedrijf B", sent=new_year))
    assert [case.number for case in await cases(database)] == ["2026-001", "2027-001"]


async def test_window_comes_from_configuration(database: Database) -> None:
    quick = make_dispatcher(database, make_settings(repressive="10m"))
    await quick.handle(command("!signaal Bedrijf A"))
    (case,) = await cases(database)
    assert case.deadline_at - case.signalled_at == timedelta(minutes=10)


@pytest.mark.parametrize(
    "repeat",
    [
        "!signaal Andere naam; kvk: 12345678",
        "!signaal slachterij de vries b.v.; locatie: groenlo",
    ],
)
async def test_repeat_signal_joins_the_open_case(
    dispatcher: Dispatcher, database: Database, repeat: str
) -> None:
    await dispatcher.handle(
        command("!signaal Slachterij De Vries; locatie: Groenlo; kvk: 12345678")
    )
    await dispatcher.handle(command(repeat, sender="@vr06:example.org"))
    (case,) = await cases(database)
    async with database.transaction() as session:
        kinds = (
            await session.scalars(
                select(TimelineEntry.kind).where(TimelineEntry.case_id == case.id)
            )
        ).all()
    assert kinds == [TimelineKind.SIGNAL, TimelineKind.REPEAT_SIGNAL]
    rows = await outbox(database)
    assert [row.kind for row in rows] == ["send", "open_room", "send", "send"]
    assert "loopt al zaak 2026-001" in rows[2].payload["body"]
    assert rows[3].payload["case_id"] == case.id  # the incident room is told


@pytest.mark.parametrize(
    "body",
    [
        "!signaal",
        "!signaal " + "x" * 5000,
        "!sigaal Bedrijf",
        "!zaken extra",
        "!status abc",
        "!status 2026-999",
    ],
)
async def test_bad_input_changes_nothing_and_answers_in_dutch(
    dispatcher: Dispatcher, database: Database, body: str
) -> None:
    await dispatcher.handle(command(body))
    assert await cases(database) == []
    (answer,) = await replies(database)
    assert any(word in answer for word in ("Gebruik:", "Bedoelde u", "bestaat niet"))


async def test_unknown_command_suggests_the_closest(
    dispatcher: Dispatcher, database: Database
) -> None:
    await dispatcher.handle(command("!sigaal Bedrijf"))
    (answer,) = await replies(database)
    assert "Bedoelde u !signaal?" in answer


async def test_non_member_is_told_once_per_room_and_day(
    dispatcher: Dispatcher, database: Database
) -> None:
    for _ in range(3):
        await dispatcher.handle(command("!signaal Bedrijf", sender="@someone:example.org"))
    await dispatcher.handle(command("!zaken", sender="@other:example.org"))
    assert await cases(database) == []
    (answer,) = await replies(database)
    assert "alleen voor leden" in answer


async def test_an_event_is_handled_once(dispatcher: Dispatcher, database: Database) -> None:
    same = command("!signaal Bedrijf A", event_id="$same")
    assert [row.kind for row in await dispatcher.handle(same)] == ["send", "open_room"]
    assert await dispatcher.handle(same) == []
    assert len(await cases(database)) == 1


async def test_edited_command_is_not_run_again(dispatcher: Dispatcher, database: Database) -> None:
    edited = command("!signaal Bedrijf A")
    await dispatcher.handle(IncomingCommand(**{**edited.__dict__, "is_edit": True}))
    assert await cases(database) == []
    assert "niet opnieuw uitgevoerd" in (await replies(database))[0]


async def test_commands_only_work_in_platform_and_incident_rooms(
    dispatcher: Dispatcher, database: Database
) -> None:
    await dispatcher.handle(command("!signaal Bedrijf A", room="!elsewhere:example.org"))
    assert await cases(database) == []
    assert "platformkamer" in (await replies(database))[0]


async def test_status_in_an_incident_room_means_its_case(
    dispatcher: Dispatcher, database: Database
) -> None:
    await dispatcher.handle(command("!signaal Slachterij De Vries; regio: VR06"))
    async with database.transaction() as session:
        case = await session.scalar(select(Case))
        assert case is not None
        case.room_id = "!incident:example.org"
    await dispatcher.handle(command("!status", room="!incident:example.org"))
    await dispatcher.handle(command("!status"))
    *_, in_room, in_platform = await replies(database)
    assert "Zaak 2026-001: Slachterij De Vries" in in_room
    assert "Regio: Noord- en Oost-Gelderland (VR06)" in in_room
    assert "Welke zaak?" in in_platform


async def test_open_cases_newest_first(dispatcher: Dispatcher, database: Database) -> None:
    await dispatcher.handle(command("!signaal Eerste", sent=NOW - timedelta(hours=2)))
    await dispatcher.handle(command("!signaal Tweede", sent=NOW - timedelta(hours=1)))
    await dispatcher.handle(command("!zaken"))
    listing = (await replies(database))[-1]
    assert "Open zaken (2)" in listing
    assert listing.index("Tweede") < listing.index("Eerste")
    assert "nog 22 uur" in listing


async def test_user_text_is_escaped_in_html(dispatcher: Dispatcher, database: Database) -> None:
    await dispatcher.handle(command('!signaal <img src=x onerror="alert(1)"> & Zn'))
    async with database.transaction() as session:
        count_cases = await session.scalar(select(func.count()).select_from(Case))
    assert count_cases == 1
    html = (await outbox(database))[0].payload["html"]
    assert "<img" not in html
    assert "&lt;img src=x" in html and "&amp; Zn" in html
