"""A room opened just before a crash is found again by its case tag, not opened twice: the tag
is in the room's creation event, or (rooms opened by earlier versions) a state event of its own."""

from __future__ import annotations

from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

import pytest
from nio import RoomGetStateEventError
from sqlalchemy import select

from bot.directory_cache import DirectoryCache
from bot.dispatch import Dispatcher
from bot.events import CASE_STATE_TYPE
from bot.outbox.incident_rooms import IncidentRooms, case_tag
from storage.cases import Case
from storage.database import Database
from storage.outbox import OutboxEffect, OutboxKind
from tests.unit.helpers import NOW, PLATFORM, command, make_settings


@dataclass
class HomeserverAfterACrash:
    """Joined rooms and their state as the homeserver holds them; records what is asked."""

    state: dict[str, dict[str, dict[str, Any]]]  # room id -> event type -> content
    calls: list[str] = field(default_factory=list)

    async def joined_rooms(self) -> Any:
        return SimpleNamespace(rooms=list(self.state))

    async def room_get_state_event(self, room_id: str, event_type: str) -> Any:
        content = self.state[room_id].get(event_type)
        if content is None:
            return RoomGetStateEventError("not found", "M_NOT_FOUND")
        return SimpleNamespace(content=content)

    async def room_get_state(self, _room_id: str) -> Any:
        return SimpleNamespace(events=[])

    async def room_invite(self, room_id: str, user_id: str) -> Any:
        self.calls.append(f"invite {user_id}")
        return SimpleNamespace()

    async def room_put_state(self, room_id: str, event_type: str, _content: Any) -> Any:
        self.calls.append(f"{event_type} in {room_id}")
        return SimpleNamespace()

    async def room_create(self, **_: Any) -> Any:
        self.calls.append("create")
        return SimpleNamespace(room_id="!second:example.org")


async def _interrupted_opening(dispatcher: Dispatcher, database: Database) -> tuple[Case, int]:
    """A signal whose room opening was tried once already (the process died during it)."""
    await dispatcher.handle(command("!signaal Slachterij De Vries; regio: VR06"))
    async with database.transaction() as session:
        case = await session.scalar(select(Case))
        row = await session.scalar(
            select(OutboxEffect).where(OutboxEffect.kind == OutboxKind.OPEN_ROOM)
        )
        assert case is not None and row is not None
        row.attempts = 1
        return case, row.id


@pytest.mark.parametrize("where", ["creation event", "state event"])
async def test_the_room_made_before_the_crash_is_found_by_its_tag(
    dispatcher: Dispatcher, database: Database, where: str
) -> None:
    case, row_id = await _interrupted_opening(dispatcher, database)
    tag = case_tag(case)
    made = (
        {"m.room.create": {"creator": "@bot:example.org", CASE_STATE_TYPE: tag}}
        if where == "creation event"
        else {"m.room.create": {"creator": "@bot:example.org"}, CASE_STATE_TYPE: tag}
    )
    other = {"m.room.create": {"creator": "@bot:example.org"}}
    homeserver = HomeserverAfterACrash({"!other:example.org": other, "!made:example.org": made})
    settings = make_settings()

    async def turn() -> None:
        return None

    client: Any = homeserver
    rooms = IncidentRooms(
        client, database, settings, DirectoryCache(database, settings, lambda: NOW),
        lambda: False, PLATFORM, turn,
    )  # fmt: skip
    async with database.transaction() as session:
        row = await session.get(OutboxEffect, row_id)
    assert row is not None

    async def answer_sent(_row: int) -> bool:
        return True

    await rooms.open(row, NOW, answer_sent)
    async with database.transaction() as session:
        found = await session.get(Case, case.id)
    assert found is not None and found.room_id == "!made:example.org"
    assert "create" not in homeserver.calls
    assert "m.room.topic in !made:example.org" in homeserver.calls
