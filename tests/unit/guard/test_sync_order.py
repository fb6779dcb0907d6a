"""The sync loop hands membership events to the guard in their place in the timeline, so a
command after an outsider came in is refused and one before it is answered."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from bot.dispatch import Dispatcher
from bot.sync_loop import SyncHandlers, SyncLoop
from commands.texts import guard as texts
from storage.database import Database
from tests.unit.guard.helpers import BOT, ISZW, OUTSIDER, guard_on, member_event
from tests.unit.helpers import INCIDENT, NOW, make_settings, open_case, outbox


def _message(body: str, event_id: str) -> dict[str, Any]:
    return {
        "type": "m.room.message",
        "event_id": event_id,
        "sender": ISZW,
        "origin_server_ts": int(NOW.timestamp() * 1000),
        "content": {"msgtype": "m.text", "body": body},
    }


def _batch(state: list[dict[str, Any]], timeline: list[dict[str, Any]]) -> Any:
    room = SimpleNamespace(
        state=[SimpleNamespace(source=s) for s in state],
        timeline=SimpleNamespace(
            events=[SimpleNamespace(source=s) for s in timeline], limited=False, prev_batch=None
        ),
    )
    return SimpleNamespace(rooms=SimpleNamespace(invite={}, join={INCIDENT: room}))


async def _sync_loop(dispatcher: Dispatcher, database: Database) -> SyncLoop:
    guard = guard_on(database)

    async def on_command(command: Any) -> None:
        await dispatcher.handle(command)

    async def on_membership(room_id: str, events: list[dict[str, Any]]) -> None:
        await guard.handle(room_id, events)

    async def ignore(*_: Any) -> None:
        return None

    handlers = SyncHandlers(
        command=on_command,
        reaction=ignore,
        redaction=ignore,
        invite=ignore,
        outbox_rows=lambda _rows: None,
        rooms_changed=lambda: None,
        membership=on_membership,
    )
    client: Any = SimpleNamespace(user_id=BOT)
    loop = SyncLoop(client, database, make_settings(), handlers, held=None)
    loop.join_times[INCIDENT] = 0  # the bot has been in the room all along
    return loop


async def _answers_in_room(database: Database) -> list[str]:
    return [
        row.payload["body"]
        for row in await outbox(database)
        if row.payload.get("room_id") == INCIDENT and row.payload.get("reply_to")
    ]


async def test_a_command_before_the_outsider_is_answered_and_one_after_is_refused(
    dispatcher: Dispatcher, database: Database
) -> None:
    await open_case(dispatcher, database)
    loop = await _sync_loop(dispatcher, database)
    invite = member_event(OUTSIDER, "invite", sender=ISZW)
    await loop.process(
        _batch([], [_message("!status", "$before"), invite, _message("!status", "$after")])
    )
    before, after = await _answers_in_room(database)
    assert "Status: gemeld" in before
    assert after == texts.COMMAND_REFUSED.format(who=OUTSIDER)


async def test_the_full_state_after_a_restart_counts_and_is_not_warned_about_twice(
    dispatcher: Dispatcher, database: Database
) -> None:
    await open_case(dispatcher, database)
    invite = member_event(OUTSIDER, "invite", sender=ISZW)
    await (await _sync_loop(dispatcher, database)).process(_batch([], [invite]))
    written = len(await outbox(database))
    restarted = await _sync_loop(dispatcher, database)
    await restarted.process(_batch([invite, member_event(ISZW, "join")], []))
    assert len(await outbox(database)) == written  # no second warning
    await restarted.process(_batch([], [_message("!status", "$later")]))
    (refusal,) = await _answers_in_room(database)
    assert refusal == texts.COMMAND_REFUSED.format(who=OUTSIDER)


async def test_the_bots_own_removal_of_the_outsider_opens_the_room(
    dispatcher: Dispatcher, database: Database
) -> None:
    await open_case(dispatcher, database)
    loop = await _sync_loop(dispatcher, database)
    removed = member_event(OUTSIDER, "leave", sender=BOT)  # sent by the bot: still followed
    await loop.process(_batch([], [member_event(OUTSIDER, "join"), removed]))
    await loop.process(_batch([], [_message("!status", "$now")]))
    (answer,) = await _answers_in_room(database)
    assert "Status: gemeld" in answer
