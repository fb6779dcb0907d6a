"""While an outsider can read a case room, the bot shows no case data there: commands are
refused, messages wait (pending, never set aside) and go out once the outsider left."""

from __future__ import annotations

from datetime import timedelta

from bot.dispatch import Dispatcher
from bot.outbox.writer import write_effects
from commands.core.effects import Effect, PostInCaseRoom, PostInRoom, UploadFile
from commands.core.message import text
from commands.texts import guard as texts
from storage.database import Database
from storage.outbox import Lane, Outbox, OutboxEffect
from tests.unit.bot.test_delivery import deliver
from tests.unit.guard.helpers import (
    ISZW,
    OUTSIDER,
    Rooms,
    delivery_with,
    guard_on,
    kick_settings,
    member_event,
)
from tests.unit.helpers import (
    INCIDENT,
    NOW,
    PLATFORM,
    answer,
    command,
    make_dispatcher,
    open_case,
    outbox,
    state,
)


async def test_a_command_in_a_guarded_room_gets_the_reason_and_no_case_data(
    dispatcher: Dispatcher, database: Database
) -> None:
    case = await open_case(dispatcher, database)
    await guard_on(database).handle(INCIDENT, [member_event(OUTSIDER, "join")])

    status = await answer(dispatcher, "!status")
    assert status == texts.COMMAND_REFUSED.format(who=OUTSIDER)
    assert case.title not in status and "Status:" not in status
    refused = await answer(dispatcher, "!coordinator NLA")
    assert refused == status
    assert (await state(database)).coordinator is None  # nothing ran

    await guard_on(database).handle(INCIDENT, [member_event(OUTSIDER, "leave")])
    assert "Status: gemeld" in await answer(dispatcher, "!status")


async def test_commands_elsewhere_are_answered_as_always(
    dispatcher: Dispatcher, database: Database
) -> None:
    case = await open_case(dispatcher, database)
    await guard_on(database).handle(INCIDENT, [member_event(OUTSIDER, "join")])
    elsewhere = await answer(dispatcher, f"!status {case.number}", room=PLATFORM)
    assert "Status: gemeld" in elsewhere


async def test_a_message_for_the_room_waits_while_the_outsider_is_there_and_goes_after(
    dispatcher: Dispatcher, database: Database
) -> None:
    case = await open_case(dispatcher, database)
    homeserver = Rooms()
    guard = guard_on(database)
    out = delivery_with(homeserver, database, guard)
    await deliver(out, Lane.MESSAGES)  # the answer to the signal
    homeserver.sent.clear()

    warned = await guard.handle(INCIDENT, [member_event(OUTSIDER, "invite", sender=ISZW)])
    out.hand_over(warned.rows)
    out.hand_over(await _case_data_for_the_room(database, case.id))
    out.hand_over(await dispatcher.handle(command("!status", room=INCIDENT)))
    await deliver(out, Lane.MESSAGES)
    # The guard's warning and the refusal of the command go out, nothing else.
    warning, refusal = homeserver.texts_in(INCIDENT)
    assert warning.startswith("Let op:") and refusal == texts.COMMAND_REFUSED.format(who=OUTSIDER)
    assert homeserver.uploads == []
    assert len(homeserver.texts_in(PLATFORM)) == 1  # the project leaders were told
    waiting = [row for row in await _messages(database) if row.delivered_at is None]
    assert len(waiting) == 3 and all(row.failed_at is None for row in waiting)

    # Long past delivery.give_up_after, still not set aside: nothing is lost.
    out.refusals.started = NOW - timedelta(days=30)
    await deliver(out, Lane.MESSAGES)
    assert homeserver.texts_in(INCIDENT) == [warning, refusal]
    assert all(row.failed_at is None for row in await _messages(database))

    left = await guard.handle(INCIDENT, [member_event(OUTSIDER, "leave")])
    assert left.reopened
    out.hand_over(left.rows)
    await deliver(out, Lane.MESSAGES)
    after = homeserver.texts_in(INCIDENT)[2:]
    assert texts.ROOM_OPEN_AGAIN in after
    assert "Het bedrijf heeft 40 mensen in dienst." in after  # what waited, at last
    assert "Herinnering voor de kamer." in after
    assert [upload for upload, _options in homeserver.uploads] == [b"lijst"]
    assert all(row.delivered_at is not None for row in await _messages(database))


async def _messages(database: Database) -> list[OutboxEffect]:
    return [row for row in await outbox(database) if row.lane == Lane.MESSAGES]


async def _case_data_for_the_room(database: Database, case_id: int) -> list[OutboxEffect]:
    """A post by case, one by room and a file: what families send to an incident room."""
    effects: list[Effect] = [
        PostInCaseRoom(case_id, text("Het bedrijf heeft 40 mensen in dienst.")),
        PostInRoom(INCIDENT, text("Herinnering voor de kamer.")),
        UploadFile(INCIDENT, "lijst.txt", "text/plain", b"lijst"),
    ]
    async with database.transaction() as session:
        return await write_effects(Outbox(session), effects, NOW)


async def test_the_status_card_waits_too(dispatcher: Dispatcher, database: Database) -> None:
    homeserver = Rooms()
    guard = guard_on(database)
    out = delivery_with(homeserver, database, guard)
    await dispatcher.handle(command("!signaal Slachterij De Vries, Groenlo; regio: VR06"))
    await deliver(out, Lane.MESSAGES, Lane.ROOMS, Lane.MESSAGES)  # the room and its card
    card_event = next(
        f"$sent{n}" for n, (room, _c) in enumerate(homeserver.sent, 1) if room == INCIDENT
    )
    await guard.handle(INCIDENT, [member_event(OUTSIDER, "join")])
    case = await state(database)
    await dispatcher.handle(command(f"!coordinator {case.number} NLA"))
    await deliver(out, Lane.MESSAGES)
    assert homeserver.edits_of(card_event) == []
    await guard.handle(INCIDENT, [member_event(OUTSIDER, "leave")])
    out.wake()
    await deliver(out, Lane.MESSAGES)
    (edit,) = homeserver.edits_of(card_event)
    assert "Coördinator: ISZW" in edit["body"]


async def test_kick_mode_removes_the_outsider_with_its_own_reason(database: Database) -> None:
    settings = kick_settings()
    dispatcher = make_dispatcher(database, settings)
    await open_case(dispatcher, database)
    homeserver = Rooms(members={ISZW: "join", OUTSIDER: "invite"})
    guard = guard_on(database, settings)
    out = delivery_with(homeserver, database, guard)
    out.hand_over((await guard.handle(INCIDENT, [member_event(OUTSIDER, "invite")])).rows)
    await deliver(out, Lane.MESSAGES, Lane.ROOMS)
    assert homeserver.kicks == [(INCIDENT, OUTSIDER, texts.REMOVAL_REASON)]
    assert any("De bot verwijdert" in body for body in homeserver.texts_in(INCIDENT))
