"""Meetings and the answers to their invitations."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, Integer, String, Text, delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import Base, Code, UTCDateTime


class MeetingStatus(StrEnum):
    REQUESTED = "requested"
    CONVENED = "convened"
    CANCELLED = "cancelled"


class Meeting(Base):
    """A meeting any member can ask LOT-C to convene: about a case, or general."""

    __tablename__ = "meetings"
    # The latest biweekly meeting (the agenda's period) among the many ad-hoc ones.
    __table_args__ = (Index("ix_meetings_regular_starts_at", "regular", "starts_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    room_id: Mapped[str] = mapped_column(String(255), index=True)  # where it is convened
    topic: Mapped[str | None] = mapped_column(Text)
    status: Mapped[MeetingStatus] = mapped_column(
        Code(MeetingStatus, 20), default=MeetingStatus.REQUESTED
    )
    requested_by: Mapped[str] = mapped_column(String(255))
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime())
    proposed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())  # None: right away
    starts_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    convened_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    convened_by: Mapped[str | None] = mapped_column(String(255))  # None: the bot, LOT-C silent
    video_url: Mapped[str | None] = mapped_column(Text)
    revision: Mapped[int] = mapped_column(Integer, default=0)  # the .ics SEQUENCE: moves, cancel
    cancel_reason: Mapped[str | None] = mapped_column(Text)
    regular: Mapped[bool] = mapped_column(default=False)  # the biweekly platform meeting
    minutes: Mapped[str | None] = mapped_column(Text)  # Markdown, as exported
    minutes_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    anonymised_at: Mapped[datetime | None] = mapped_column(UTCDateTime())  # retention ran


class MeetingAnswer(Base):
    """A participant's answer to an invitation, given with a reaction (the latest one counts)."""

    __tablename__ = "meeting_answers"

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(255), primary_key=True)
    attends: Mapped[bool] = mapped_column()
    reaction_event_id: Mapped[str] = mapped_column(String(255), index=True)
    answered_at: Mapped[datetime] = mapped_column(UTCDateTime())


class AgendaItem(Base):
    """A point a member put on the agenda of the next platform meeting (`!agenda punt`)."""

    __tablename__ = "agenda_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    added_by: Mapped[str] = mapped_column(String(255))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime())
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id"), index=True)
    anonymised_at: Mapped[datetime | None] = mapped_column(UTCDateTime())  # retention ran


class MeetingStore:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, meeting: Meeting) -> Meeting:
        self.session.add(meeting)
        await self.session.flush()
        return meeting

    async def by_id(self, meeting_id: int) -> Meeting | None:
        return await self.session.get(Meeting, meeting_id)

    async def current_in_room(self, room_id: str) -> Meeting | None:
        """The room's latest convened meeting: what decisions, actions and notes belong to."""
        query = (
            select(Meeting)
            .where(Meeting.room_id == room_id, Meeting.status == MeetingStatus.CONVENED)
            .order_by(Meeting.convened_at.desc(), Meeting.id.desc())
        )
        return await self.session.scalar(query.limit(1))

    async def answers(self, meeting: Meeting) -> Sequence[MeetingAnswer]:
        query = select(MeetingAnswer).where(MeetingAnswer.meeting_id == meeting.id)
        return (await self.session.scalars(query.order_by(MeetingAnswer.answered_at))).all()

    async def answer(
        self, meeting: Meeting, user_id: str, attends: bool, reaction_event_id: str, at: datetime
    ) -> None:
        """Record an answer; a later reaction replaces an earlier one."""
        found = await self.session.get(MeetingAnswer, (meeting.id, user_id))
        if found is None:
            found = MeetingAnswer(meeting_id=meeting.id, user_id=user_id)
            self.session.add(found)
        found.attends, found.reaction_event_id, found.answered_at = attends, reaction_event_id, at

    async def withdraw(self, reaction_event_id: str) -> int | None:
        """A reaction was taken back: forget its answer. Returns the meeting's id, if any."""
        found = await self.session.scalar(
            select(MeetingAnswer).where(MeetingAnswer.reaction_event_id == reaction_event_id)
        )
        if found is None:
            return None
        await self.session.execute(
            delete(MeetingAnswer).where(
                MeetingAnswer.meeting_id == found.meeting_id,
                MeetingAnswer.user_id == found.user_id,
            )
        )
        return found.meeting_id

    async def last_regular(self, before: datetime) -> Meeting | None:
        """The latest biweekly platform meeting that started before `before`; also one called
        off, as its agenda was posted all the same."""
        query = (
            select(Meeting)
            .where(Meeting.regular.is_(True), Meeting.starts_at < before)
            .order_by(Meeting.starts_at.desc())
        )
        return await self.session.scalar(query.limit(1))

    async def last_agenda_posted(self, before: datetime) -> datetime | None:
        """When the latest agenda of a biweekly meeting was posted (its meeting was requested
        then), before `before`."""
        query = select(func.max(Meeting.requested_at)).where(
            Meeting.regular.is_(True), Meeting.requested_at <= before
        )
        return await self.session.scalar(query)

    async def add_agenda_item(self, item: AgendaItem) -> None:
        self.session.add(item)

    async def open_agenda_items(self) -> Sequence[AgendaItem]:
        """Items for the next platform meeting: not yet on a posted agenda."""
        query = select(AgendaItem).where(AgendaItem.meeting_id.is_(None)).order_by(AgendaItem.id)
        return (await self.session.scalars(query)).all()
