"""Shared by the room guard's tests: membership events, a guard on the test's database, a
homeserver that also knows the room's members and takes people out."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import count
from types import SimpleNamespace
from typing import Any

from bot.directory_cache import DirectoryCache
from bot.outbox.delivery import Delivery
from bot.room_guard import RoomGuard
from commands import LIVE
from config.settings import Settings
from storage.database import Database
from tests.unit.bot.test_delivery import Homeserver
from tests.unit.helpers import INCIDENT, NOW, PLATFORM, make_settings

OUTSIDER = "@buiten:elders.org"
BOT = "@bot:example.org"
ISZW = "@iszw:example.org"
LEADER = "@lotc:example.org"  # the project leader of the test directory

_ids = count(1)


def member_event(
    user_id: str,
    membership: str,
    sender: str | None = None,
    event_id: str | None = None,
    room_id: str = INCIDENT,
) -> dict[str, Any]:
    """An m.room.member event as the sync delivers it (`sender` invites; else the user)."""
    return {
        "type": "m.room.member",
        "room_id": room_id,
        "event_id": event_id or f"$member{next(_ids)}",
        "sender": sender or user_id,
        "state_key": user_id,
        "origin_server_ts": int(NOW.timestamp() * 1000),
        "content": {"membership": membership},
    }


def kick_settings() -> Settings:
    settings = make_settings()
    settings.privacy.guard_rooms = "kick"
    return settings


def guard_on(database: Database, settings: Settings | None = None) -> RoomGuard:
    settings = settings or make_settings()
    directory = DirectoryCache(database, settings, lambda: NOW)
    return RoomGuard(database, settings, lambda: NOW, directory, PLATFORM)


@dataclass
class Rooms(Homeserver):
    """The homeserver with the room's members: the bot can take someone out."""

    members: dict[str, str] = field(default_factory=dict)  # user id -> membership
    kicks: list[tuple[str, str, str]] = field(default_factory=list)

    async def room_get_state(self, room_id: str) -> Any:
        events = [
            {
                "type": "m.room.member",
                "state_key": user,
                "sender": user,
                "content": {"membership": m},
            }
            for user, m in self.members.items()
        ]
        return SimpleNamespace(events=events)

    async def room_kick(self, room_id: str, user_id: str, reason: str) -> Any:
        self.kicks.append((room_id, user_id, reason))
        self.members[user_id] = "leave"
        return SimpleNamespace()

    def texts_in(self, room_id: str) -> list[str]:
        return [content["body"] for room, content in self.sent if room == room_id]


def delivery_with(homeserver: Homeserver, database: Database, guard: RoomGuard) -> Delivery:
    client: Any = homeserver
    return Delivery(
        client,
        database,
        guard.settings,
        lambda: NOW,
        lambda: False,
        live=LIVE,
        platform_room=PLATFORM,
        directory=guard.directory,
        guard=guard,
    )
