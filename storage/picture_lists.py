"""Short lists next to the picture's figures (the agenda names the new signals, the visits and
the reports): each one LIMITed query, never every case."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.cases import Case, CaseKind, CaseStatus
from storage.figures import Scope, Window
from storage.picture_sql import in_window, scoped


def _number(year: int, seq: int) -> str:
    return f"{year}-{seq:03d}"


class PictureLists:
    session: AsyncSession

    async def new_cases(self, window: Window, scope: Scope, limit: int) -> list[tuple[str, str]]:
        """(number, title) of the first `limit` repressive cases signalled in the window."""
        query = (
            select(Case.year, Case.seq, Case.title)
            .where(Case.kind == CaseKind.REPRESSIVE, in_window(Case.signalled_at, window))
            .order_by(Case.signalled_at, Case.id)
            .limit(limit)
        )
        rows = await self.session.execute(scoped(query, scope))
        return [(_number(year, seq), title) for year, seq, title in rows]

    async def visit_lead_times(
        self, window: Window, scope: Scope, limit: int
    ) -> list[tuple[str, timedelta]]:
        """(number, lead time) of the first `limit` repressive visits carried out in the window."""
        query = (
            select(Case.year, Case.seq, Case.lead_time_seconds)
            .where(
                Case.kind == CaseKind.REPRESSIVE,
                in_window(Case.visited_at, window),
                Case.lead_time_seconds.is_not(None),
            )
            .order_by(Case.visited_at, Case.id)
            .limit(limit)
        )
        rows = await self.session.execute(scoped(query, scope))
        return [(_number(year, seq), timedelta(seconds=lead)) for year, seq, lead in rows]

    async def filed_reports(self, window: Window, limit: int) -> Sequence[Case]:
        """The first `limit` cases (of either kind) whose report was filed in the window."""
        query = (
            select(Case)
            .where(in_window(Case.report_filed_at, window))
            .order_by(Case.report_filed_at, Case.id)
            .limit(limit)
        )
        return (await self.session.scalars(query)).all()

    async def preventive_calendar(self, window: Window, limit: int) -> list[Case]:
        """Preventive visits carried out (or, not carried out, due) in the window, and those
        still planned: the last `limit` in the order of their (planned) time."""
        planned = and_(Case.visited_at.is_(None), Case.status != CaseStatus.CLOSED)
        query = (
            select(Case)
            .where(
                Case.kind == CaseKind.PREVENTIVE,
                or_(
                    in_window(Case.visited_at, window),
                    and_(Case.visited_at.is_(None), in_window(Case.deadline_at, window)),
                    planned,
                ),
            )
            .order_by(Case.deadline_at.desc(), Case.id.desc())
            .limit(limit)
        )
        return list(reversed((await self.session.scalars(query)).all()))

    async def next_preventive(self) -> Case | None:
        """The planned preventive visit due first (not carried out, not closed)."""
        query = (
            select(Case)
            .where(
                Case.kind == CaseKind.PREVENTIVE,
                Case.visited_at.is_(None),
                Case.status != CaseStatus.CLOSED,
            )
            .order_by(Case.deadline_at, Case.id)
            .limit(1)
        )
        return await self.session.scalar(query)

    async def last_preventive_visit(self) -> datetime | None:
        """When the last preventive visit was carried out; None before the first."""
        query = select(func.max(Case.visited_at)).where(Case.kind == CaseKind.PREVENTIVE)
        return await self.session.scalar(query)
