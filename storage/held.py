"""Encrypted messages held until their keys arrive."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, String, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import Base, UTCDateTime


class HeldEvent(Base):
    """An encrypted message the bot cannot decrypt yet: kept until its keys arrive."""

    __tablename__ = "held_events"

    event_id: Mapped[str] = mapped_column(String(255), primary_key=True)
    room_id: Mapped[str] = mapped_column(String(255))
    sender: Mapped[str] = mapped_column(String(255))
    source: Mapped[dict[str, Any]] = mapped_column(JSON)
    first_seen_at: Mapped[datetime] = mapped_column(UTCDateTime())
    explained: Mapped[bool] = mapped_column(default=False)


class HeldEvents:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def hold(self, source: dict[str, Any], room_id: str, now: datetime) -> bool:
        """Keep the event; False if it was held already."""
        if await self.session.get(HeldEvent, source["event_id"]) is not None:
            return False
        self.session.add(
            HeldEvent(
                event_id=source["event_id"],
                room_id=room_id,
                sender=source["sender"],
                source=source,
                first_seen_at=now,
                explained=False,
            )
        )
        return True

    async def all(self) -> Sequence[HeldEvent]:
        return (
            await self.session.scalars(select(HeldEvent).order_by(HeldEvent.first_seen_at))
        ).all()

    async def release(self, event_id: str) -> None:
        held = await self.session.get(HeldEvent, event_id)
        if held is not None:
            await self.session.delete(held)

    async def mark_explained(self, room_id: str, sender: str) -> None:
        """One explanation covers every message of this sender in this room held so far."""
        await self.session.execute(
            update(HeldEvent)
            .where(HeldEvent.room_id == room_id, HeldEvent.sender == sender)
            .values(explained=True)
        )
