"""Membership events of case rooms: an outsider is warned about once, members never."""

from __future__ import annotations

from sqlalchemy import select

from bot.dispatch import Dispatcher
from bot.outbox.guarded import is_guard_row
from commands.texts import guard as texts
from storage.cases import Case
from storage.database import Database
from storage.outbox import OutboxKind
from tests.unit.guard.helpers import (
    BOT,
    ISZW,
    LEADER,
    OUTSIDER,
    guard_on,
    kick_settings,
    member_event,
)
from tests.unit.helpers import INCIDENT, PLATFORM, command, make_dispatcher, open_case, outbox


async def test_an_invited_outsider_is_warned_about_in_the_room_and_to_the_leaders_once(
    dispatcher: Dispatcher, database: Database
) -> None:
    case = await open_case(dispatcher, database)
    before = len(await outbox(database))
    guard = guard_on(database)
    invite = member_event(OUTSIDER, "invite", sender=ISZW)

    first = await guard.handle(INCIDENT, [invite])
    again = await guard.handle(INCIDENT, [invite])  # the same event in a later sync

    assert again.rows == []
    warning, notice = (row.payload for row in first.rows)
    assert warning["room_id"] == INCIDENT
    assert f"Let op: {OUTSIDER} is uitgenodigd door Ilse in deze kamer" in warning["body"]
    assert "niet in de ledenlijst" in warning["body"]
    assert "toont de bot hier geen zaakgegevens" in warning["body"]
    assert "Trek de uitnodiging in of verwijder" in warning["body"]
    assert warning["mentions"] == []  # the outsider is not pinged
    assert notice["room_id"] == PLATFORM
    assert notice["body"].startswith(f"Projectleiders: {OUTSIDER} is uitgenodigd door Ilse")
    assert f"incidentkamer {case.number}" in notice["body"]
    assert notice["mentions"] == [LEADER]
    assert len(await outbox(database)) == before + 2
    assert await guard.outsiders(INCIDENT) == [OUTSIDER]


async def test_the_join_after_the_invitation_is_not_warned_about_again(
    dispatcher: Dispatcher, database: Database
) -> None:
    await open_case(dispatcher, database)
    guard = guard_on(database)
    invited = await guard.handle(INCIDENT, [member_event(OUTSIDER, "invite", sender=ISZW)])
    joined = await guard.handle(INCIDENT, [member_event(OUTSIDER, "join")])
    assert len(invited.rows) == 2 and joined.rows == []
    assert await guard.outsiders(INCIDENT) == [OUTSIDER]


async def test_kick_mode_also_removes_the_outsider_and_says_so(database: Database) -> None:
    dispatcher = make_dispatcher(database, kick_settings())
    case = await open_case(dispatcher, database)
    guard = guard_on(database, kick_settings())
    result = await guard.handle(INCIDENT, [member_event(OUTSIDER, "join")])
    warning, notice, removal = result.rows
    assert f"{OUTSIDER} is binnengekomen in deze kamer" in warning.payload["body"]
    assert f"De bot verwijdert {OUTSIDER} uit deze kamer" in warning.payload["body"]
    assert f"De bot verwijdert {OUTSIDER} uit de kamer" in notice.payload["body"]
    assert removal.kind == OutboxKind.UPDATE_ROOM
    assert removal.payload["case_id"] == case.id
    assert removal.payload["remove"] == [OUTSIDER]
    assert all(is_guard_row(row) for row in result.rows)


async def test_members_and_the_bot_itself_give_nothing(
    dispatcher: Dispatcher, database: Database
) -> None:
    await open_case(dispatcher, database)
    before = len(await outbox(database))
    guard = guard_on(database)
    events = [
        member_event(ISZW, "invite", sender=BOT),
        member_event(ISZW, "join"),
        member_event(BOT, "join"),
        member_event(LEADER, "join"),
    ]
    result = await guard.handle(INCIDENT, events)
    assert result.rows == [] and not result.reopened
    assert len(await outbox(database)) == before
    assert await guard.outsiders(INCIDENT) == []


async def test_rooms_without_a_case_are_not_guarded(
    dispatcher: Dispatcher, database: Database
) -> None:
    await open_case(dispatcher, database)
    guard = guard_on(database)
    result = await guard.handle(PLATFORM, [member_event(OUTSIDER, "join", room_id=PLATFORM)])
    assert result.rows == []
    assert await guard.outsiders(PLATFORM) == []


async def test_a_preparation_room_is_guarded_too(database: Database) -> None:
    dispatcher = make_dispatcher(database)
    await dispatcher.handle(command("!preventief morgen 10:00 VNOG slachterij coordinator ISZW"))
    await _give_room(database)
    result = await guard_on(database).handle(INCIDENT, [member_event(OUTSIDER, "invite")])
    warning, notice = (row.payload["body"] for row in result.rows)
    assert "Let op" in warning
    assert "in de voorbereidingskamer" in notice


async def test_when_the_last_outsider_left_the_room_is_open_again(
    dispatcher: Dispatcher, database: Database
) -> None:
    await open_case(dispatcher, database)
    guard = guard_on(database)
    await guard.handle(INCIDENT, [member_event(OUTSIDER, "invite", sender=ISZW)])
    await guard.handle(INCIDENT, [member_event("@ander:elders.org", "join")])
    one_left = await guard.handle(INCIDENT, [member_event(OUTSIDER, "leave", sender=ISZW)])
    assert not one_left.reopened and one_left.rows == []
    assert await guard.outsiders(INCIDENT) == ["@ander:elders.org"]
    last_left = await guard.handle(INCIDENT, [member_event("@ander:elders.org", "ban", BOT)])
    assert last_left.reopened
    (message,) = last_left.rows
    assert message.payload["room_id"] == INCIDENT
    assert message.payload["body"] == texts.ROOM_OPEN_AGAIN
    assert await guard.outsiders(INCIDENT) == []


async def test_after_a_restart_the_outsider_still_counts_and_is_not_warned_about_again(
    dispatcher: Dispatcher, database: Database
) -> None:
    await open_case(dispatcher, database)
    invite = member_event(OUTSIDER, "invite", sender=ISZW)
    await guard_on(database).handle(INCIDENT, [invite])
    restarted = guard_on(database)  # a new process: read from the table
    assert await restarted.outsiders(INCIDENT) == [OUTSIDER]
    # The first sync's full state holds the same event again, and a member's join.
    replay = await restarted.handle(INCIDENT, [invite, member_event(ISZW, "join")])
    assert replay.rows == []
    assert await restarted.outsiders(INCIDENT) == [OUTSIDER]


async def test_an_outsider_added_to_the_directory_no_longer_counts(
    dispatcher: Dispatcher, database: Database
) -> None:
    await open_case(dispatcher, database)
    guard = guard_on(database)
    await guard.handle(INCIDENT, [member_event(OUTSIDER, "join")])
    await dispatcher.handle(command(f"!lid toevoegen {OUTSIDER} NVWA naam: Nienke", sender=LEADER))
    await guard.directory.reload()
    assert await guard.outsiders(INCIDENT) == []


async def _give_room(database: Database) -> None:
    async with database.transaction() as session:
        case = await session.scalar(select(Case))
        assert case is not None
        case.room_id = INCIDENT
