"""The platform's decision list, action list and meeting notes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, func, select
from sqlalchemy import case as when
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import Base, UTCDateTime


class DecisionEntry(Base):
    """A decision for the platform's decision list: taken in a meeting, about a case, or both."""

    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id"), index=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    taken_by: Mapped[str] = mapped_column(String(255))
    taken_at: Mapped[datetime] = mapped_column(UTCDateTime())
    event_id: Mapped[str | None] = mapped_column(String(255))
    anonymised_at: Mapped[datetime | None] = mapped_column(UTCDateTime())  # retention ran


class Action(Base):
    """An action with one owner (a member, or an entity's members) and perhaps a due time."""

    __tablename__ = "actions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id"), index=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    room_id: Mapped[str] = mapped_column(String(255))  # where it was agreed; reminded there
    text: Mapped[str] = mapped_column(Text)
    owner_user: Mapped[str | None] = mapped_column(String(255))
    owner_entity: Mapped[str | None] = mapped_column(String(10))
    owner_region: Mapped[str | None] = mapped_column(String(4))
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_by: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    done_by: Mapped[str | None] = mapped_column(String(255))
    anonymised_at: Mapped[datetime | None] = mapped_column(UTCDateTime())  # retention ran


class Note(Base):
    """A member's note for the judgement (Oordeel) part of a meeting's minutes."""

    __tablename__ = "notes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id"), index=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    written_by: Mapped[str] = mapped_column(String(255))
    written_at: Mapped[datetime] = mapped_column(UTCDateTime())
    anonymised_at: Mapped[datetime | None] = mapped_column(UTCDateTime())  # retention ran


class FollowUpStore:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, item: DecisionEntry | Action | Note) -> None:
        """Store it; its number (id) is known when this returns."""
        self.session.add(item)
        await self.session.flush()

    async def action(self, action_id: int) -> Action | None:
        return await self.session.get(Action, action_id)

    async def open_actions(
        self, now: datetime, case_id: int | None = None, limit: int | None = None
    ) -> Sequence[Action]:
        """Open actions, overdue first (oldest due first), then by due time, undated last; the
        first `limit` of them (None: all)."""
        query = select(Action).where(Action.done_at.is_(None))
        if case_id is not None:
            query = query.where(Action.case_id == case_id)
        overdue = when((Action.due_at < now, 0), (Action.due_at.is_not(None), 1), else_=2)
        query = query.order_by(overdue, Action.due_at, Action.id).limit(limit)
        return (await self.session.scalars(query)).all()

    async def count_open_actions(self, case_id: int | None = None) -> int:
        """How many actions (of one case, or all) are not done."""
        query = select(func.count()).select_from(Action).where(Action.done_at.is_(None))
        if case_id is not None:
            query = query.where(Action.case_id == case_id)
        return await self.session.scalar(query) or 0

    async def actions(self, case_id: int | None = None) -> Sequence[Action]:
        """Every action (of one case, or all), open and done, in the order they were agreed."""
        query = select(Action)
        if case_id is not None:
            query = query.where(Action.case_id == case_id)
        return (await self.session.scalars(query.order_by(Action.id))).all()

    async def decisions(
        self, case_id: int | None = None, limit: int | None = 30
    ) -> list[DecisionEntry]:
        """The newest `limit` decisions (of one case, or all; None: every one), oldest first."""
        query = select(DecisionEntry)
        if case_id is not None:
            query = query.where(DecisionEntry.case_id == case_id)
        query = query.order_by(DecisionEntry.id.desc()).limit(limit)
        return list(reversed((await self.session.scalars(query)).all()))

    async def of_meeting(
        self, meeting_id: int
    ) -> tuple[Sequence[DecisionEntry], Sequence[Action], Sequence[Note]]:
        """What a meeting produced, in the order it was recorded."""
        decisions = select(DecisionEntry).where(DecisionEntry.meeting_id == meeting_id)
        actions = select(Action).where(Action.meeting_id == meeting_id)
        notes = select(Note).where(Note.meeting_id == meeting_id)
        return (
            (await self.session.scalars(decisions.order_by(DecisionEntry.id))).all(),
            (await self.session.scalars(actions.order_by(Action.id))).all(),
            (await self.session.scalars(notes.order_by(Note.id))).all(),
        )
