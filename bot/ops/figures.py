"""Figures read from the database when asked: outbox per lane, cases, held messages."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.cases import Case, CaseStatus
from storage.held import HeldEvent
from storage.outbox import OutboxEffect
from storage.reminders import Reminder


@dataclass(frozen=True)
class LaneFigures:
    depth: int
    oldest_age_seconds: float


@dataclass(frozen=True)
class Figures:
    lanes: dict[str, LaneFigures] = field(default_factory=dict)
    open_cases: int = 0
    overdue_cases: int = 0
    held_messages: int = 0
    reminders_due: int = 0

    @property
    def oldest_pending_seconds(self) -> float:
        return max((lane.oldest_age_seconds for lane in self.lanes.values()), default=0.0)


async def read_figures(session: AsyncSession, now: datetime) -> Figures:
    pending = (
        select(OutboxEffect.lane, func.count(), func.min(OutboxEffect.created_at))
        .where(OutboxEffect.delivered_at.is_(None), OutboxEffect.failed_at.is_(None))
        .group_by(OutboxEffect.lane)
    )
    lanes = {
        lane: LaneFigures(count, _age(now, oldest))
        for lane, count, oldest in (await session.execute(pending)).all()
    }
    still_open = Case.status != CaseStatus.CLOSED
    open_cases = await session.scalar(select(func.count()).where(still_open))
    overdue = await session.scalar(select(func.count()).where(still_open, Case.deadline_at < now))
    held = await session.scalar(select(func.count()).select_from(HeldEvent))
    due = await session.scalar(
        select(func.count()).where(
            Reminder.due_at <= now, Reminder.sent_at.is_(None), Reminder.cancelled_at.is_(None)
        )
    )
    return Figures(lanes, open_cases or 0, overdue or 0, held or 0, due or 0)


def _age(now: datetime, oldest: datetime | None) -> float:
    if oldest is None:
        return 0.0
    if oldest.tzinfo is None:  # SQLite hands back naive UTC for an aggregate
        oldest = oldest.replace(tzinfo=now.tzinfo)
    return max((now - oldest).total_seconds(), 0.0)
