"""Live messages: what the bot keeps current by editing it in place, whatever it is about.

A status card, a meeting's invitation, later the operational picture: each is one row, found by
its kind (a code its family chose) and its subject (the id of the case, meeting ... it shows).
"""

from __future__ import annotations

from sqlalchemy import Integer, String, UniqueConstraint, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import Base


class LiveMessage(Base):
    """The event that shows (kind, subject), and the room it is in."""

    __tablename__ = "live_messages"
    __table_args__ = (UniqueConstraint("kind", "subject_id", name="uq_live_messages_kind_subject"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    subject_id: Mapped[int] = mapped_column(Integer)
    room_id: Mapped[str] = mapped_column(String(255))
    event_id: Mapped[str] = mapped_column(String(255), index=True)


class LiveMessages:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, kind: str, subject_id: int) -> LiveMessage | None:
        query = select(LiveMessage).where(
            LiveMessage.kind == kind, LiveMessage.subject_id == subject_id
        )
        return await self.session.scalar(query)

    async def by_event(self, event_id: str) -> LiveMessage | None:
        """The live message a reaction or reply points at, if it is one."""
        return await self.session.scalar(
            select(LiveMessage).where(LiveMessage.event_id == event_id)
        )

    async def record(self, kind: str, subject_id: int, room_id: str, event_id: str) -> None:
        """From now on this event shows (kind, subject); one posted again replaces the old one."""
        found = await self.get(kind, subject_id)
        if found is None:
            found = LiveMessage(kind=kind, subject_id=subject_id)
            self.session.add(found)
        found.room_id, found.event_id = room_id, event_id
