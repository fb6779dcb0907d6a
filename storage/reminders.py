"""Reminder rows: the truth the scheduler's jobs are rebuilt from."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Index, Integer, insert, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import Base, Code, UTCDateTime
from storage.cases import Case


class ReminderKind(StrEnum):
    """What a reminder is for; each family's REMINDERS says what its kinds do."""

    LADDER = "ladder"  # a rung before a case's deadline
    DEADLINE = "deadline"  # the window has closed: escalate
    REPORT = "report"  # the visit's report is still missing
    PREPARE = "prepare"  # a preventive visit: prepare it with the region
    CONVENE = "convene"  # LOT-C has not confirmed in time: convene the meeting anyway
    MEETING_SOON = "meeting_soon"  # shortly before the start, to those who have not answered
    ACTION_OVERDUE = "action_overdue"  # an action past its due time, to its owner
    AGENDA = "agenda"  # post the agenda of the next platform meeting
    CADENCE = "cadence"  # no preventive visit planned in time
    ACCOUNTABILITY = "accountability"  # the report of a period to LOT-C
    ABSENCE = "absence"  # a member's absence begins or ends: rooms and cards follow
    RETENTION = "retention"  # the daily run: anonymise and delete what passed its term


class Reminder(Base):
    """A reminder or escalation that must go out once: the scheduler's jobs are made from these."""

    __tablename__ = "reminders"
    __table_args__ = (Index("ix_reminders_open", "sent_at", "cancelled_at", "due_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # What it is about: a case (the window's reminders), a meeting, or an action.
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"), index=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id"))
    action_id: Mapped[int | None] = mapped_column(ForeignKey("actions.id"))
    kind: Mapped[ReminderKind] = mapped_column(Code(ReminderKind, 20))
    due_at: Mapped[datetime] = mapped_column(UTCDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


@dataclass
class ReminderChanges:
    """What a transaction did to the reminders, so the scheduler can follow without a query."""

    added: list[Reminder] = field(default_factory=list)
    cancelled: list[int] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.cancelled)


class Reminders:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def replan(
        self,
        case: Case,
        plan: list[tuple[ReminderKind, datetime]],
        now: datetime,
        changes: ReminderChanges,
        *,
        new_case: bool = False,
    ) -> None:
        """Make the case's open reminders match the plan; sent ones are never planned again."""
        query = select(Reminder).where(Reminder.case_id == case.id, Reminder.cancelled_at.is_(None))
        rows = [] if new_case else (await self.session.scalars(query)).all()
        wanted = set(plan)
        for row in rows:
            key = (row.kind, row.due_at)
            if row.sent_at is None and key not in wanted:
                row.cancelled_at = now
                changes.cancelled.append(row.id)
            wanted.discard(key)
        changes.added.extend(await self._add_all(case.id, sorted(wanted, key=lambda item: item[1])))

    async def _add_all(
        self, case_id: int, plan: list[tuple[ReminderKind, datetime]]
    ) -> list[Reminder]:
        """The case's new reminders in one statement (the ORM sends one INSERT per row on
        SQLite). Each row comes back with its kind and due time, so no row order is assumed."""
        if not plan:
            return []
        values = [{"case_id": case_id, "kind": kind, "due_at": due} for kind, due in plan]
        returned = await self.session.execute(
            insert(Reminder.__table__)
            .values(values)
            .returning(
                Reminder.__table__.c.id, Reminder.__table__.c.kind, Reminder.__table__.c.due_at
            )
        )
        ids = {(row.kind, row.due_at): row.id for row in returned}
        return [
            Reminder(id=ids[(kind, due)], case_id=case_id, kind=kind, due_at=due)
            for kind, due in plan
        ]

    async def add(
        self,
        kind: ReminderKind,
        due: datetime,
        *,
        case_id: int | None = None,
        meeting_id: int | None = None,
        action_id: int | None = None,
    ) -> Reminder:
        """A new reminder about a case, a meeting or an action; its id is known after the commit."""
        reminder = Reminder(
            case_id=case_id, meeting_id=meeting_id, action_id=action_id, kind=kind, due_at=due
        )
        self.session.add(reminder)
        return reminder

    async def cancel_for_meeting(
        self, meeting_id: int, now: datetime, changes: ReminderChanges
    ) -> None:
        """A meeting moved or called off: its open reminders no longer hold."""
        query = select(Reminder).where(
            Reminder.meeting_id == meeting_id,
            Reminder.sent_at.is_(None),
            Reminder.cancelled_at.is_(None),
        )
        for row in (await self.session.scalars(query)).all():
            row.cancelled_at = now
            changes.cancelled.append(row.id)

    async def of_kind(self, kind: ReminderKind) -> Sequence[Reminder]:
        """Reminders of a kind that are about nothing in particular (the platform's cycle)."""
        query = select(Reminder).where(Reminder.kind == kind).order_by(Reminder.id)
        return (await self.session.scalars(query)).all()

    async def open_until(self, until: datetime) -> list[tuple[int, datetime]]:
        """Ids and due times of the open reminders due by `until`, soonest first.

        A range scan on ix_reminders_open (sent_at, cancelled_at, due_at), however many
        reminders are open further ahead or were sent long ago.
        """
        query = (
            select(Reminder.id, Reminder.due_at)
            .where(
                Reminder.sent_at.is_(None),
                Reminder.cancelled_at.is_(None),
                Reminder.due_at <= until,
            )
            .order_by(Reminder.due_at)
        )
        return [(row.id, row.due_at) for row in await self.session.execute(query)]

    async def later_one_due(
        self, reminder: Reminder, now: datetime, kinds: tuple[ReminderKind, ...]
    ) -> bool:
        """Is another open reminder of the same case, of these kinds, due after it and by now?"""
        if reminder.case_id is None:
            return False
        query = select(Reminder.id).where(
            Reminder.case_id == reminder.case_id,
            Reminder.id != reminder.id,
            Reminder.kind.in_(kinds),
            Reminder.sent_at.is_(None),
            Reminder.cancelled_at.is_(None),
            Reminder.due_at > reminder.due_at,
            Reminder.due_at <= now,
        )
        return await self.session.scalar(query.limit(1)) is not None

    async def get(self, reminder_id: int) -> Reminder | None:
        return await self.session.get(Reminder, reminder_id)
