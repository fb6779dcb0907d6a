"""Delivery sets aside what the homeserver refuses for good; nothing holds up a room for long.

A stand-in for matrix-nio's client answers the sends; the database and the delivery are real.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from types import SimpleNamespace
from typing import Any

import pytest
from aiohttp import ClientConnectionError
from nio import RoomSendError, RoomSendResponse
from sqlalchemy import select

from bot.events import ReplyTarget
from bot.outbox.delivery import Delivery
from bot.outbox.errors import DeliveryError
from bot.outbox.refusals import refusal
from bot.outbox.writer import write_effects
from commands import LIVE
from commands.core.effects import Effect, PostInCaseRoom, Reply
from commands.core.message import text
from config.settings import Settings
from storage.database import Database
from storage.outbox import Outbox, OutboxEffect
from tests.unit.helpers import NOW, PLATFORM, make_settings

OTHER = "!other:example.org"
REFUSE = "WEIGEREN"  # a message the stand-in refuses


def error(code: str | None, status: int | None, operation: str = "room_send") -> DeliveryError:
    return DeliveryError("x", operation=operation, errcode=code, http_status=status)


@pytest.mark.parametrize(
    ("failure", "permanent"),
    [
        (error("M_TOO_LARGE", 413), "M_TOO_LARGE"),
        (error(None, 413), "M_TOO_LARGE"),  # a proxy in front of the homeserver
        (error("M_TOO_LARGE", 413, "upload"), "M_TOO_LARGE"),  # a file over the media limit
        (error("M_BAD_JSON", 400), "M_BAD_JSON"),
        (error("M_NOT_JSON", 400), "M_NOT_JSON"),
        (error("M_FORBIDDEN", 403), "M_FORBIDDEN"),  # no power to send, or not in the room
        (error("M_UNKNOWN", 400), "M_UNKNOWN"),
        (error("M_FORBIDDEN", 403, "room_create"), None),  # only a send is refused for good
        (error("M_UNKNOWN", 500), None),
        (error("M_UNKNOWN", 502), None),
        (error(None, 503), None),  # a homeserver that is down, behind its proxy
        (error("M_LIMIT_EXCEEDED", 429), None),
        (error(None, 429), None),
        (error("M_UNKNOWN_TOKEN", 401), None),  # the sync loop logs in again
        (error(None, None), None),
        (ClientConnectionError("refused"), None),
        (TimeoutError(), None),
        (KeyError("body"), None),
    ],
)
def test_permanent_refusals_are_told_from_temporary_errors(
    failure: BaseException, permanent: str | None
) -> None:
    assert refusal(failure) == permanent


@dataclass
class Homeserver:
    """Accepts every send, except those `answer` returns an error (or raises) for."""

    answer: Callable[[str, dict[str, Any]], RoomSendError | None] = lambda room, content: None
    hang: dict[str, asyncio.Event] = field(default_factory=dict)  # rooms whose sends wait
    sent: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    tries: dict[str, int] = field(default_factory=dict)  # per transaction id
    olm: None = None
    rooms: dict[str, Any] = field(default_factory=dict)

    async def room_send(
        self, room_id: str, _type: str, content: dict[str, Any], tx_id: str, **_: Any
    ) -> RoomSendResponse | RoomSendError:
        self.tries[tx_id] = self.tries.get(tx_id, 0) + 1
        if room_id in self.hang:
            await self.hang[room_id].wait()
        refused = self.answer(room_id, content)
        if refused is not None:
            return refused
        self.sent.append((room_id, content))
        return RoomSendResponse(f"$sent{len(self.sent)}", room_id)

    def bodies(self, room_id: str = PLATFORM) -> list[str]:
        return [content["body"] for room, content in self.sent if room == room_id]


def refused(code: str, status: int) -> RoomSendError:
    response = RoomSendError("refused", code)
    response.transport_response = SimpleNamespace(status=status)
    return response


def refusing(code: str, status: int) -> Callable[[str, dict[str, Any]], RoomSendError | None]:
    return lambda _room, content: refused(code, status) if REFUSE in content["body"] else None


class Clock:
    """Real time from NOW on; `skip` jumps ahead."""

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.skipped = timedelta(0)

    def __call__(self) -> datetime:
        return NOW + self.skipped + timedelta(seconds=time.monotonic() - self.started)

    def skip(self, duration: timedelta) -> None:
        self.skipped += duration


@dataclass
class Bot:
    delivery: Delivery
    homeserver: Homeserver
    clock: Clock


@pytest.fixture
def settings() -> Settings:
    quick = make_settings()
    quick.delivery.retry_first = timedelta(milliseconds=10)
    quick.delivery.retry_max = timedelta(milliseconds=200)  # the table is read this often
    quick.delivery.give_up_after = timedelta(minutes=10)
    return quick


@pytest.fixture
async def start(
    database: Database, settings: Settings
) -> AsyncIterator[Callable[[Homeserver], Bot]]:
    """Start the delivery against a stand-in homeserver; a second start is a restart."""
    tasks: list[asyncio.Task[None]] = []

    def started(homeserver: Homeserver) -> Bot:
        for task in tasks:
            task.cancel()
        clock = Clock()
        client: Any = homeserver
        delivery = Delivery(
            client, database, settings, clock, lambda: False, live=LIVE, platform_room=PLATFORM
        )
        tasks.append(asyncio.create_task(delivery.run()))
        return Bot(delivery, homeserver, clock)

    yield started
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


async def until(condition: Callable[[], bool], timeout: float = 5.0) -> None:
    for _ in range(int(timeout / 0.01)):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("condition not met in time")


async def write(database: Database, effect: Effect, command: str = "$command") -> OutboxEffect:
    async with database.transaction() as session:
        rows = await write_effects(Outbox(session), [effect], NOW, ReplyTarget(PLATFORM, command))
    return rows[0]


def answer(body: str) -> Reply:
    return Reply(text(body))


async def rows(database: Database) -> list[OutboxEffect]:
    async with database.transaction() as session:
        return list((await session.scalars(select(OutboxEffect).order_by(OutboxEffect.id))).all())


async def test_a_refused_answer_is_set_aside_and_the_member_told_and_the_room_moves_on(
    database: Database, start: Callable[[Homeserver], Bot], caplog: pytest.LogCaptureFixture
) -> None:
    first = await write(database, answer(f"{REFUSE} dit antwoord"), "$first")
    await write(database, answer("het tweede antwoord"), "$second")
    bot = start(Homeserver(refusing("M_TOO_LARGE", 413)))
    await until(lambda: len(bot.homeserver.sent) == 2)

    told, second = sorted(bot.homeserver.sent, key=lambda sent: sent[1]["body"])
    assert second[1]["body"] == "het tweede antwoord"
    assert "Ik kon uw commando niet beantwoorden" in told[1]["body"]
    assert f"(bericht {first.id})" in told[1]["body"]
    assert told[1]["m.relates_to"] == {"m.in_reply_to": {"event_id": "$first"}}
    stored = (await rows(database))[0]
    assert stored.failure == "M_TOO_LARGE"
    assert stored.failed_at is not None and stored.failed_at - NOW < timedelta(seconds=5)
    assert stored.delivered_at is None
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert [r.getMessage() for r in errors] == [
        f"outbox {first.id} (send) in {PLATFORM} set aside: M_TOO_LARGE; "
        "see `signaalbot outbox failed`"
    ]

    # Another pass over the table, with a new row behind it: the refused row is not tried again.
    bot.delivery.wake()
    bot.delivery.hand_over([await write(database, answer("het derde"), "$third")])
    await until(lambda: "het derde" in bot.homeserver.bodies())
    assert bot.homeserver.tries[first.txn_id] == 1


async def test_the_notice_about_a_refused_answer_is_never_followed_by_another(
    database: Database, start: Callable[[Homeserver], Bot]
) -> None:
    await write(database, answer("het antwoord"))
    bot = start(Homeserver(lambda room, _content: refused("M_FORBIDDEN", 403)))

    async def failed() -> list[OutboxEffect]:
        return [row for row in await rows(database) if row.failed_at is not None]

    for _ in range(500):
        if len(await failed()) == 2:
            break
        await asyncio.sleep(0.01)
    answer_row, notice_row = await rows(database)
    assert notice_row.payload["refusal_of"] == answer_row.id
    assert [row.failure for row in await failed()] == ["M_FORBIDDEN", "M_FORBIDDEN"]
    assert bot.homeserver.sent == []


async def test_temporary_errors_keep_the_order_until_the_row_gives_up(
    database: Database, start: Callable[[Homeserver], Bot], settings: Settings
) -> None:
    first = await write(database, answer(f"{REFUSE} eerst"), "$first")
    second = await write(database, answer("daarna"), "$second")
    bot = start(Homeserver(refusing("M_UNKNOWN", 502)))
    await until(lambda: bot.homeserver.tries.get(first.txn_id, 0) >= 3)
    assert bot.homeserver.sent == []  # the room's next answer waits: its order is kept
    assert second.txn_id not in bot.homeserver.tries

    bot.clock.skip(settings.delivery.give_up_after)
    await until(lambda: len(bot.homeserver.sent) == 2)
    assert "daarna" in bot.homeserver.bodies()
    assert (await rows(database))[0].failure == "gave_up"


async def test_a_room_whose_send_hangs_holds_up_no_other_room(
    database: Database, start: Callable[[Homeserver], Bot]
) -> None:
    hanging = asyncio.Event()
    bot = start(Homeserver(hang={OTHER: hanging}))
    await asyncio.sleep(0.05)  # the first pass over the (empty) table is done
    async with database.transaction() as session:
        stuck = await write_effects(
            Outbox(session), [answer("vast")], NOW, ReplyTarget(OTHER, "$stuck")
        )
    bot.delivery.hand_over(stuck)
    await until(lambda: stuck[0].txn_id in bot.homeserver.tries)
    for number in range(3):  # each a pass of its own, all while the other room hangs
        bot.delivery.hand_over([await write(database, answer(f"vlot {number}"))])
        await until(lambda n=number: f"vlot {n}" in bot.homeserver.bodies())
    assert bot.homeserver.bodies(OTHER) == []
    hanging.set()
    await until(lambda: bot.homeserver.bodies(OTHER) == ["vast"])


async def test_after_a_restart_a_failed_row_waits_for_an_operator(
    database: Database, start: Callable[[Homeserver], Bot]
) -> None:
    refused_row = await write(database, answer(f"{REFUSE} antwoord"), "$first")
    first = start(Homeserver(refusing("M_BAD_JSON", 400)))
    await until(lambda: len(first.homeserver.sent) == 1)  # the notice to the member

    restarted = start(Homeserver())
    restarted.delivery.hand_over([await write(database, answer("na de herstart"))])
    await until(lambda: "na de herstart" in restarted.homeserver.bodies())
    await asyncio.sleep(0.3)  # longer than retry_max: the table was read again meanwhile
    assert refused_row.txn_id not in restarted.homeserver.tries

    async with database.transaction() as session:  # `signaalbot outbox retry`, no wake-up
        assert await Outbox(session).retry(refused_row.id, NOW) is not None
    await until(lambda: f"{REFUSE} antwoord" in restarted.homeserver.bodies())
    for _ in range(500):  # recorded just after the homeserver accepted it
        if (await rows(database))[0].delivered_at is not None:
            break
        await asyncio.sleep(0.01)
    assert (await rows(database))[0].delivered_at is not None


async def test_posts_waiting_for_a_room_that_never_opens_give_up_together(
    database: Database, start: Callable[[Homeserver], Bot], settings: Settings
) -> None:
    for number in range(2):
        await write(database, PostInCaseRoom(404, text(f"voor de zaak {number}")))
    bot = start(Homeserver())
    bot.delivery.hand_over([await write(database, answer("gewoon antwoord"))])
    await until(lambda: "gewoon antwoord" in bot.homeserver.bodies())

    bot.clock.skip(settings.delivery.give_up_after)
    bot.delivery.wake()

    async def stuck() -> list[str | None]:
        return [row.failure for row in await rows(database) if row.kind == "send"][:2]

    for _ in range(500):
        if await stuck() == ["stuck", "stuck"]:
            break
        await asyncio.sleep(0.01)
    assert await stuck() == ["stuck", "stuck"]
