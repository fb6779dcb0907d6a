"""Who outside the directory is in which case room (incident or preparation room), kept from
the rooms' membership events: while someone is listed here, the bot shows no case data there."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from enum import StrEnum

from sqlalchemy import String, delete, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import Base, Code, UTCDateTime
from storage.bot_state import HandledEvent


class Presence(StrEnum):
    """How an outsider is in the room: invited (can join and read), or joined."""

    INVITED = "invite"
    JOINED = "join"


class RoomOutsider(Base):
    """Someone not in the directory who is invited into or joined a case room."""

    __tablename__ = "room_outsiders"

    room_id: Mapped[str] = mapped_column(String(255), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(255), primary_key=True)
    presence: Mapped[Presence] = mapped_column(Code(Presence, 10))
    since: Mapped[datetime] = mapped_column(UTCDateTime())
    event_id: Mapped[str] = mapped_column(String(255))  # the membership event that said so


class RoomOutsiders:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, room_id: str, user_id: str) -> RoomOutsider | None:
        return await self.session.get(RoomOutsider, (room_id, user_id))

    async def note(
        self, room_id: str, user_id: str, presence: Presence, at: datetime, event_id: str
    ) -> None:
        found = await self.get(room_id, user_id)
        if found is None:
            self.session.add(
                RoomOutsider(
                    room_id=room_id, user_id=user_id, presence=presence, since=at, event_id=event_id
                )
            )
            return
        found.presence, found.event_id = presence, event_id

    async def forget(self, room_id: str, user_id: str) -> None:
        await self.session.execute(
            delete(RoomOutsider).where(
                RoomOutsider.room_id == room_id, RoomOutsider.user_id == user_id
            )
        )

    async def in_room(self, room_id: str) -> list[str]:
        query = select(RoomOutsider.user_id).where(RoomOutsider.room_id == room_id)
        return sorted((await self.session.scalars(query)).all())

    async def every_room(self) -> dict[str, set[str]]:
        rooms: dict[str, set[str]] = {}
        for row in await self.session.scalars(select(RoomOutsider)):
            rooms.setdefault(row.room_id, set()).add(row.user_id)
        return rooms


async def handled_among(session: AsyncSession, event_ids: Iterable[str]) -> set[str]:
    """Which of these events were handled before (one query for a room's whole batch)."""
    ids = list(event_ids)
    if not ids:
        return set()
    query = select(HandledEvent.event_id).where(HandledEvent.event_id.in_(ids))
    return set((await session.scalars(query)).all())
