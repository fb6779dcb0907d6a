"""The bot's own bookkeeping: sync token, handled events, join times, notices to non-members."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, String, Text, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import Base, UTCDateTime


class HandledEvent(Base):
    __tablename__ = "handled_events"

    event_id: Mapped[str] = mapped_column(String(255), primary_key=True)
    room_id: Mapped[str] = mapped_column(String(255))
    handled_at: Mapped[datetime] = mapped_column(UTCDateTime())


#: A Core statement: the ORM's flush costs more than the insert itself, on every command.
_CLAIM = insert(HandledEvent.__table__)


class KeyValue(Base):
    """Small pieces of bot state such as the sync token."""

    __tablename__ = "bot_state"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class RoomJoin(Base):
    """When the bot joined a room: older events there are history, never commands."""

    __tablename__ = "room_joins"

    room_id: Mapped[str] = mapped_column(String(255), primary_key=True)
    joined_ts: Mapped[int] = mapped_column(BigInteger)


class NonMemberNotice(Base):
    """The bot tells non-members once per room and day that it works for members only."""

    __tablename__ = "non_member_notices"

    room_id: Mapped[str] = mapped_column(String(255), primary_key=True)
    day: Mapped[str] = mapped_column(String(10), primary_key=True)


SYNC_TOKEN = "sync_token"
#: When the bot first started on this database (ISO 8601, UTC).
FIRST_START = "first_start"


class AlreadyHandled(Exception):
    """The event was handled before; its transaction must be rolled back."""


class BotState:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, key: str) -> str | None:
        row = await self.session.get(KeyValue, key)
        return row.value if row else None

    async def put(self, key: str, value: str) -> None:
        row = await self.session.get(KeyValue, key)
        if row is None:
            self.session.add(KeyValue(key=key, value=value))
        else:
            row.value = value

    async def first_start(self, now: datetime) -> datetime:
        """When the bot first started: stored the first time it is asked, at start-up."""
        stored = await self.get(FIRST_START)
        if stored is None:
            await self.put(FIRST_START, now.isoformat())
            return now
        return datetime.fromisoformat(stored)

    async def claim_event(self, event_id: str, room_id: str, at: datetime) -> None:
        """Record the event as handled; raises AlreadyHandled if an earlier run recorded it.

        One INSERT instead of a lookup first: duplicates only happen after a crash.
        """
        row = {"event_id": event_id, "room_id": room_id, "handled_at": at}
        try:
            await self.session.execute(_CLAIM, row)
        except IntegrityError as error:
            raise AlreadyHandled(event_id) from error

    async def join_times(self) -> dict[str, int]:
        rows = await self.session.scalars(select(RoomJoin))
        return {row.room_id: row.joined_ts for row in rows}

    async def set_join_time(self, room_id: str, joined_ts: int) -> None:
        row = await self.session.get(RoomJoin, room_id)
        if row is None:
            self.session.add(RoomJoin(room_id=room_id, joined_ts=joined_ts))
        else:
            row.joined_ts = joined_ts

    async def claim_non_member_notice(self, room_id: str, day: str) -> bool:
        """True the first time this room is claimed today: only then is the notice sent."""
        if await self.session.get(NonMemberNotice, (room_id, day)) is not None:
            return False
        self.session.add(NonMemberNotice(room_id=room_id, day=day))
        return True
