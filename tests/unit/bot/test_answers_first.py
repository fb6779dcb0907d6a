"""Answers go first: a room is opened only once the answers under way are out."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from bot.dispatch import Dispatcher
from bot.outbox.answers_first import AnswersFirst
from bot.outbox.delivery import Delivery
from commands import LIVE
from storage.database import Database
from tests.unit.helpers import INCIDENT, NOW, PLATFORM, command, make_settings


@dataclass
class RecordingHomeserver:
    """A stand-in homeserver that records every call in order."""

    olm: Any = None
    rooms: dict[str, Any] = field(default_factory=dict)
    calls: list[str] = field(default_factory=list)

    async def room_send(self, room_id: str, _type: str, content: dict[str, Any], **_: Any) -> Any:
        reply_to = content.get("m.relates_to", {}).get("m.in_reply_to", {}).get("event_id")
        self.calls.append(f"answer to {reply_to}" if reply_to else "send")
        return SimpleNamespace(event_id=f"$sent{len(self.calls)}")

    async def room_create(self, **_: Any) -> Any:
        self.calls.append("create")
        return SimpleNamespace(room_id=INCIDENT)

    async def room_put_state(self, _room_id: str, event_type: str, _content: Any) -> Any:
        self.calls.append(event_type)
        return SimpleNamespace()

    async def room_get_state_event(self, *_: Any) -> Any:
        return SimpleNamespace(content={})


def delivery(homeserver: RecordingHomeserver, database: Database) -> Delivery:
    client: Any = homeserver
    return Delivery(
        client, database, make_settings(), lambda: NOW, lambda: False, live=LIVE,
        platform_room=PLATFORM,
    )  # fmt: skip


async def until(predicate: Any, seconds: float = 5.0) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.01)


async def test_a_room_is_created_only_after_the_answer_under_way_is_out(
    dispatcher: Dispatcher, database: Database
) -> None:
    homeserver = RecordingHomeserver()
    out = delivery(homeserver, database)
    running = asyncio.create_task(out.run())
    try:
        first = await dispatcher.handle(command("!signaal Bakkerij Een, Groenlo; regio: VR06"))
        async with out.answers_first.handling():  # a second command comes in meanwhile
            out.hand_over(first)
            await asyncio.sleep(0.1)  # the second command takes a while to handle
            assert "create" not in homeserver.calls
            second = await dispatcher.handle(command("!zaken", event_id="$second"))
            out.answers_first.owe(second)
            out.hand_over(second)
        await until(lambda: "create" in homeserver.calls)
    finally:
        running.cancel()
    calls = homeserver.calls
    assert calls.index("answer to $second") < calls.index("create")


def answer_row(row_id: int) -> Any:
    return SimpleNamespace(id=row_id, payload={"reply_to": "$command"})


async def test_room_work_waits_no_longer_than_its_limit() -> None:
    answers = AnswersFirst(limit=0.2)
    answers.owe([answer_row(1)])  # never delivered
    started = time.monotonic()
    await answers.turn()
    assert 0.2 <= time.monotonic() - started < 1.0
    assert not answers.answering  # and it holds up no later step


async def test_room_work_goes_on_as_soon_as_the_answer_is_out() -> None:
    answers = AnswersFirst(limit=5.0)
    answers.owe([answer_row(1), SimpleNamespace(id=2, payload={})])  # a card is no answer
    waiting = asyncio.create_task(answers.turn())
    await asyncio.sleep(0.1)
    assert not waiting.done()
    answers.delivered(1)
    await asyncio.wait_for(waiting, 1.0)
