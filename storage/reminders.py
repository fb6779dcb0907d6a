"""Reminder rows: the truth the scheduler's jobs are rebuilt from."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Case, Reminder


class Reminders:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def replan(self, case: Case, plan: list[tuple[str, datetime]], now: datetime) -> bool:
        """Make the case's open reminders match the plan; sent ones are never planned again.

        Returns whether anything changed (then the scheduler rebuilds its jobs).
        """
        rows = (
            await self.session.scalars(
                select(Reminder).where(Reminder.case_id == case.id, Reminder.cancelled_at.is_(None))
            )
        ).all()
        wanted = set(plan)
        changed = False
        for row in rows:
            key = (row.kind, row.due_at)
            if row.sent_at is None and key not in wanted:
                row.cancelled_at = now
                changed = True
            wanted.discard(key)
        for kind, due in sorted(wanted, key=lambda item: item[1]):
            self.session.add(Reminder(case_id=case.id, kind=kind, due_at=due))
            changed = True
        return changed

    async def add(self, case: Case, kind: str, due: datetime) -> None:
        self.session.add(Reminder(case_id=case.id, kind=kind, due_at=due))

    async def open(self) -> Sequence[Reminder]:
        query = (
            select(Reminder)
            .where(Reminder.sent_at.is_(None), Reminder.cancelled_at.is_(None))
            .order_by(Reminder.due_at)
        )
        return (await self.session.scalars(query)).all()

    async def get(self, reminder_id: int) -> Reminder | None:
        return await self.session.get(Reminder, reminder_id)
