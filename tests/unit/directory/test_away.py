"""`!vervanger`, `!afwezig`, `!terug`: what would go to an absent member goes to the substitute."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.dispatch import Dispatcher
from commands.cases.views import render_card
from commands.core.context import open_workspace
from storage.database import Database
from storage.directory import ChangeKind
from storage.reminders import ReminderKind
from tests.unit.directory.helpers import GGD06, ISZW, VR06, changes, room_updates, stored
from tests.unit.helpers import (
    INCIDENT,
    NOW,
    PLATFORM,
    answer,
    directory_of,
    make_settings,
    open_case,
    outbox,
)
from tests.unit.meetings.helpers import fire_due

# NOW is Saturday 28 November 2026, 10:30 in Amsterdam; Friday is 4 December.
FRIDAY = datetime(2026, 12, 3, 23, 0, tzinfo=UTC)  # 00:00 local


async def ask(dispatcher: Dispatcher, body: str, sender: str = ISZW, room: str = PLATFORM) -> str:
    return await answer(dispatcher, body, sender=sender, room=room)


async def test_a_member_names_a_substitute(dispatcher: Dispatcher, database: Database) -> None:
    said = await ask(dispatcher, f"!vervanger {VR06}")
    assert "is nu uw vervanger" in said
    row = await stored(database, ISZW)
    assert row is not None and row.substitute == VR06
    said = await ask(dispatcher, "!vervanger geen")
    assert "geen vervanger meer" in said
    row = await stored(database, ISZW)
    assert row is not None and row.substitute is None
    kinds = [c.kind for c in await changes(database, ISZW)]
    assert kinds.count(ChangeKind.SUBSTITUTE) == 2


async def test_a_substitute_must_be_another_member(
    dispatcher: Dispatcher, database: Database
) -> None:
    assert "moet lid zijn" in await ask(dispatcher, "!vervanger @vreemde:example.org")
    assert "eigen vervanger" in await ask(dispatcher, f"!vervanger {ISZW}")
    assert "Wie is uw vervanger" in await ask(dispatcher, "!vervanger")
    row = await stored(database, ISZW)
    assert row is not None and row.substitute is None


async def test_away_until_a_day_means_back_that_day(
    dispatcher: Dispatcher, database: Database
) -> None:
    await ask(dispatcher, f"!vervanger {VR06}")
    said = await ask(dispatcher, "!afwezig tot vrijdag")
    assert "U bent afwezig van nu tot 4 dec 00:00." in said
    assert "neemt het zolang over" in said
    row = await stored(database, ISZW)
    assert row is not None and row.away_until == FRIDAY and row.away_from is None
    await ask(dispatcher, "!afwezig tot en met vrijdag")
    row = await stored(database, ISZW)
    assert row is not None and row.away_until == FRIDAY + timedelta(days=1)


async def test_away_without_a_substitute_says_so(dispatcher: Dispatcher) -> None:
    said = await ask(dispatcher, "!afwezig tot vrijdag")
    assert "U heeft geen vervanger" in said


async def test_bad_absences_change_nothing(dispatcher: Dispatcher, database: Database) -> None:
    assert "Tot wanneer" in await ask(dispatcher, "!afwezig")
    assert "Tot wanneer" in await ask(dispatcher, "!afwezig vrijdag")
    assert "is al voorbij" in await ask(dispatcher, "!afwezig tot 2026-11-01")
    assert "ligt na het einde" in await ask(dispatcher, "!afwezig vanaf 2026-12-10 tot 2026-12-05")
    assert "geen moment lezen" in await ask(dispatcher, "!afwezig tot blauwe maandag")
    row = await stored(database, ISZW)
    assert row is not None and row.away_until is None


async def test_back_ends_the_absence(dispatcher: Dispatcher, database: Database) -> None:
    assert "niet als afwezig" in await ask(dispatcher, "!terug")
    await ask(dispatcher, "!afwezig tot vrijdag")
    assert "Welkom terug" in await ask(dispatcher, "!terug")
    row = await stored(database, ISZW)
    assert row is not None and row.away_until is None
    kinds = [c.kind for c in await changes(database, ISZW)]
    assert kinds[-2:] == [ChangeKind.AWAY, ChangeKind.BACK]


async def test_an_absent_coordinators_reminder_mentions_the_substitute(
    dispatcher: Dispatcher, database: Database
) -> None:
    await open_case(dispatcher, database, region="VR06")
    await ask(dispatcher, "!coordinator ISZW", room=INCIDENT)
    await ask(dispatcher, f"!vervanger {GGD06}")
    await ask(dispatcher, "!afwezig tot vrijdag")
    written = await fire_due(database, make_settings(), NOW + timedelta(hours=23), "ladder")
    [reminder] = [row for row in written if "case_id" in row.payload]
    assert set(reminder.payload["mentions"]) == {ISZW, GGD06}
    assert "Afwezig: Ilse tot 4 dec 00:00, vervanger" in reminder.payload["body"]


async def test_the_status_card_says_who_is_away(dispatcher: Dispatcher, database: Database) -> None:
    await open_case(dispatcher, database, region="VR06")
    await ask(dispatcher, "!coordinator ISZW", room=INCIDENT)
    await ask(dispatcher, f"!vervanger {GGD06}")
    rows_before = len(await outbox(database))
    await ask(dispatcher, "!afwezig tot vrijdag")
    refreshed = [
        row
        for row in (await outbox(database))[rows_before:]
        if row.kind == "live" and row.payload["live"]["kind"] == "card"
    ]
    assert refreshed, "the card is edited when the coordinator goes away"
    directory = await directory_of(database, make_settings())
    async with database.transaction() as session:
        workspace = open_workspace(session, make_settings(), directory, PLATFORM, NOW)
        card = await render_card(workspace, refreshed[0].payload["live"]["subject"])
    assert card is not None and "Afwezig: Ilse tot 4 dec 00:00, vervanger" in card.body


async def test_the_substitute_is_invited_where_the_absent_member_is(
    dispatcher: Dispatcher, database: Database
) -> None:
    await open_case(dispatcher, database, region="VR05")  # the GGD of VR06 is not invited
    await ask(dispatcher, f"!vervanger {GGD06}")
    await ask(dispatcher, "!afwezig tot vrijdag")
    [update] = await room_updates(database)
    assert GGD06 in update.payload["invite"]


async def test_an_absence_that_begins_later_is_followed_when_it_begins(
    dispatcher: Dispatcher, database: Database
) -> None:
    await open_case(dispatcher, database, region="VR05")
    await ask(dispatcher, f"!vervanger {GGD06}")
    said = await ask(dispatcher, "!afwezig vanaf maandag tot vrijdag")
    assert "U bent afwezig van 30 nov 00:00 tot 4 dec 00:00." in said
    assert await room_updates(database) == []  # not away yet
    monday = datetime(2026, 11, 29, 23, 0, tzinfo=UTC)
    written = await fire_due(database, make_settings(), monday, ReminderKind.ABSENCE)
    invites = [row for row in written if row.kind == "update_room"]
    assert invites and GGD06 in invites[0].payload["invite"]
