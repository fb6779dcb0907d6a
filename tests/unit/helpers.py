"""Shared by the unit tests: settings, a dispatcher on a real database, commands as events, a case."""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta
from itertools import count
from typing import Any

from sqlalchemy import select

from bot.directory_cache import DirectoryCache
from bot.dispatch import Dispatcher
from bot.events import IncomingCommand
from bot.rooms import PlatformRooms
from commands import build_registry
from commands.core.roster import Directory
from config.settings import Settings
from storage.cases import Case
from storage.database import Database
from storage.outbox import OutboxEffect, OutboxKind
from storage.reminders import Reminder

PLATFORM = "!platform:example.org"

NOW = datetime(2026, 11, 28, 9, 30, tzinfo=UTC)

_ids = count(1)


def make_settings(**window: str) -> Settings:
    return Settings(
        matrix={"homeserver": "http://127.0.0.1:1", "user_id": "@bot:example.org", "password": "x"},
        platform={"room": PLATFORM},
        members={
            "@iszw:example.org": {"entity": "NLA", "name": "Ilse"},
            "@lotc:example.org": {"entity": "LOT-C", "roles": ["lid", "projectleider"]},
            "@vr06:example.org": {"entity": "VR", "region": "VNOG"},
            "@vr05:example.org": {"entity": "VR", "region": "VR05"},
            "@ggd06:example.org": {"entity": "GGD", "region": "VR06"},
        },
        window=window,
    )


def command(
    body: str,
    sender: str = "@iszw:example.org",
    room: str = PLATFORM,
    sent: datetime = NOW,
    event_id: str | None = None,
) -> IncomingCommand:
    return IncomingCommand(
        room_id=room,
        event_id=event_id or f"$event{next(_ids)}",
        sender=sender,
        body=body,
        sent_ts=int(sent.timestamp() * 1000),
        thread_root=None,
        is_edit=False,
    )


def make_dispatcher(database: Database, settings: Settings | None = None) -> Dispatcher:
    return Dispatcher(
        settings or make_settings(),
        database,
        build_registry(),
        lambda: NOW,
        PlatformRooms(PLATFORM),
        lambda _changes: None,
    )


def dispatcher_at(
    database: Database, moment: datetime, settings: Settings | None = None
) -> Dispatcher:
    """A dispatcher whose clock stands at `moment` (send its commands with `sent=moment`)."""
    return Dispatcher(
        settings or make_settings(),
        database,
        build_registry(),
        lambda: moment,
        PlatformRooms(PLATFORM),
        lambda _changes: None,
    )


async def directory_of(database: Database, settings: Settings) -> Directory:
    """The directory as the bot reads it at start: the configuration's members merged in."""
    return await DirectoryCache(database, settings, lambda: NOW).current()


async def cases(database: Database) -> list[Case]:
    async with database.transaction() as session:
        return list((await session.scalars(select(Case).order_by(Case.id))).all())


async def outbox(database: Database) -> list[OutboxEffect]:
    async with database.transaction() as session:
        return list((await session.scalars(select(OutboxEffect).order_by(OutboxEffect.id))).all())


def kind_of(row: OutboxEffect) -> str:
    """What a row does; the edit of a live message is named by the live kind ("card")."""
    return row.payload["live"]["kind"] if row.kind == OutboxKind.LIVE else row.kind


def file_text(payload: dict[str, Any]) -> str:
    """The text of a file in an upload row (the outbox keeps its bytes in base64)."""
    return base64.b64decode(payload["data"]).decode("utf-8")


async def replies(database: Database) -> list[str]:
    return [row.payload["body"] for row in await outbox(database) if row.kind == "send"]


INCIDENT = "!incident:example.org"


async def open_case(dispatcher: Dispatcher, database: Database, region: str = "VR06") -> Case:
    await dispatcher.handle(command(f"!signaal Slachterij De Vries; regio: {region}"))
    async with database.transaction() as session:
        case = await session.scalar(select(Case))
        assert case is not None
        case.room_id = INCIDENT
    return case


async def state(database: Database) -> Case:
    async with database.transaction() as session:
        case = await session.scalar(select(Case))
        assert case is not None
        return case


async def answer(
    dispatcher: Dispatcher, body: str, sender: str = "@iszw:example.org", room: str = INCIDENT
) -> str:
    rows = await dispatcher.handle(command(body, sender=sender, room=room))
    return rows[0].payload["body"]


async def open_reminders(database: Database) -> list[tuple[str, timedelta]]:
    async with database.transaction() as session:
        rows = (
            await session.scalars(
                select(Reminder).where(Reminder.cancelled_at.is_(None)).order_by(Reminder.due_at)
            )
        ).all()
    return [(row.kind, row.due_at - NOW) for row in rows]


def message(body: str, **content: object) -> dict:
    """An `m.room.message` event as the sync delivers it, from `@a:hs`."""
    return {
        "type": "m.room.message",
        "event_id": "$e",
        "sender": "@a:hs",
        "origin_server_ts": 5,
        "content": {"msgtype": "m.text", "body": body, **content},
    }
