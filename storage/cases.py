"""Queries and writes on cases and their timeline, used by the command handlers."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Case, CaseKind, CaseStatus, TimelineEntry


class CaseStore:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def next_seq(self, year: int) -> int:
        highest = await self.session.scalar(select(func.max(Case.seq)).where(Case.year == year))
        return (highest or 0) + 1

    async def add(self, case: Case) -> Case:
        self.session.add(case)
        await self.session.flush()
        return case

    async def find_open_duplicate(self, kvk: str | None, company_key: str) -> Case | None:
        """An open case about the same company: same KvK number, or same name and place."""
        same = Case.company_key == company_key
        if kvk:
            same = or_(same, Case.kvk == kvk)
        query = (
            select(Case)
            .where(Case.kind == CaseKind.REPRESSIVE, Case.status != CaseStatus.CLOSED, same)
            .order_by(Case.id)
        )
        return await self.session.scalar(query.limit(1))

    async def open_cases(self, limit: int) -> Sequence[Case]:
        """Open repressive cases, newest first (preventive visits are on the calendar)."""
        query = (
            select(Case)
            .where(Case.kind == CaseKind.REPRESSIVE, Case.status != CaseStatus.CLOSED)
            .order_by(Case.signalled_at.desc(), Case.id.desc())
            .limit(limit)
        )
        return (await self.session.scalars(query)).all()

    async def count_open(self) -> int:
        query = (
            select(func.count())
            .select_from(Case)
            .where(Case.kind == CaseKind.REPRESSIVE, Case.status != CaseStatus.CLOSED)
        )
        return await self.session.scalar(query) or 0

    async def by_number(self, year: int, seq: int) -> Case | None:
        return await self.session.scalar(select(Case).where(Case.year == year, Case.seq == seq))

    async def by_id(self, case_id: int) -> Case | None:
        return await self.session.get(Case, case_id)

    async def by_room(self, room_id: str) -> Case | None:
        return await self.session.scalar(select(Case).where(Case.room_id == room_id))

    async def record(
        self,
        case: Case,
        *,
        at: datetime,
        actor: str,
        kind: str,
        text: str,
        room_id: str | None = None,
        event_id: str | None = None,
    ) -> TimelineEntry:
        entry = TimelineEntry(
            case_id=case.id,
            at=at,
            actor=actor,
            kind=kind,
            text=text,
            room_id=room_id,
            event_id=event_id,
        )
        self.session.add(entry)
        return entry

    async def recent_timeline(self, case: Case, limit: int | None) -> Sequence[TimelineEntry]:
        """The newest `limit` entries (all when None), oldest first."""
        query = (
            select(TimelineEntry)
            .where(TimelineEntry.case_id == case.id)
            .order_by(TimelineEntry.id.desc())
            .limit(limit)
        )
        return list(reversed((await self.session.scalars(query)).all()))

    async def preventive_visits(self) -> Sequence[Case]:
        """Every preventive visit, in the order of its (planned) time."""
        query = select(Case).where(Case.kind == CaseKind.PREVENTIVE)
        return (await self.session.scalars(query.order_by(Case.deadline_at, Case.id))).all()

    async def of_kind(self, kind: str) -> Sequence[Case]:
        query = select(Case).where(Case.kind == kind).order_by(Case.signalled_at, Case.id)
        return (await self.session.scalars(query)).all()
