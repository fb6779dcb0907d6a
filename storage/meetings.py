"""Meetings and the answers to their invitations."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import AgendaItem, Meeting, MeetingAnswer, MeetingStatus


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

    async def by_invitation(self, event_id: str) -> Meeting | None:
        return await self.session.scalar(
            select(Meeting).where(Meeting.invitation_event_id == event_id)
        )

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
        """The latest biweekly platform meeting that started before `before`."""
        query = (
            select(Meeting)
            .where(
                Meeting.regular.is_(True),
                Meeting.status == MeetingStatus.CONVENED,
                Meeting.starts_at < before,
            )
            .order_by(Meeting.starts_at.desc())
        )
        return await self.session.scalar(query.limit(1))

    async def add_agenda_item(self, item: AgendaItem) -> None:
        self.session.add(item)

    async def open_agenda_items(self) -> Sequence[AgendaItem]:
        """Items for the next platform meeting: not yet on a posted agenda."""
        query = select(AgendaItem).where(AgendaItem.meeting_id.is_(None)).order_by(AgendaItem.id)
        return (await self.session.scalars(query)).all()
