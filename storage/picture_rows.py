"""The rows behind the picture's export: one line per case, and the repeat signals.

Only codes, moments and counts are selected. Free text (a case's title, description, location,
notes, the timeline's texts) stays out: an export leaves the platform, and the privacy rules keep
what members typed inside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.cases import Case, CaseKind, CaseStatus, Decision, TimelineEntry, TimelineKind
from storage.figures import Scope, Window


@dataclass(frozen=True)
class CaseRow:
    """One case as the export shows it: no free text."""

    year: int
    seq: int
    kind: CaseKind
    region: str | None
    sector: str | None
    status: CaseStatus
    signalled_at: datetime
    decision: Decision | None
    visit_planned_at: datetime | None
    visited_at: datetime | None
    lead_time_seconds: int | None
    overdue: bool
    report_filed_at: datetime | None
    closed_at: datetime | None

    @property
    def number(self) -> str:
        return f"{self.year}-{self.seq:03d}"


@dataclass(frozen=True)
class RepeatSignalRow:
    """A signal about a company that already had an open case, added to that case."""

    year: int
    seq: int
    at: datetime

    @property
    def number(self) -> str:
        return f"{self.year}-{self.seq:03d}"


_CASE_COLUMNS = (
    Case.year,
    Case.seq,
    Case.kind,
    Case.region,
    Case.sector,
    Case.status,
    Case.signalled_at,
    Case.decision,
    Case.visit_planned_at,
    Case.visited_at,
    Case.lead_time_seconds,
    Case.overdue,
    Case.report_filed_at,
    Case.closed_at,
)


def _within(column: Any, window: Window) -> ColumnElement[bool]:
    return and_(column >= window.since, column < window.until)


def _in_scope(scope: Scope) -> list[ColumnElement[bool]]:
    conditions = []
    if scope.region is not None:
        conditions.append(Case.region == scope.region)
    if scope.sector is not None:
        conditions.append(Case.sector == scope.sector)
    return conditions


class PictureRows:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def cases(self, window: Window, scope: Scope) -> list[CaseRow]:
        """Repressive and preventive cases signalled, visited, reported or closed in `window`,
        oldest signal first."""
        touched = or_(
            *(
                _within(moment, window)
                for moment in (
                    Case.signalled_at,
                    Case.visited_at,
                    Case.report_filed_at,
                    Case.closed_at,
                )
            )
        )
        query = (
            select(*_CASE_COLUMNS)
            .where(touched, *_in_scope(scope))
            .order_by(Case.signalled_at, Case.id)
        )
        result = await self.session.execute(query)
        return [CaseRow(*row) for row in result]

    async def repeat_signals(self, window: Window, scope: Scope) -> list[RepeatSignalRow]:
        """Repeat signals received in `window` for cases in `scope`, in the order they came."""
        query = (
            select(Case.year, Case.seq, TimelineEntry.at)
            .join(Case, TimelineEntry.case_id == Case.id)
            .where(
                TimelineEntry.kind == TimelineKind.REPEAT_SIGNAL,
                _within(TimelineEntry.at, window),
                *_in_scope(scope),
            )
            .order_by(TimelineEntry.at, TimelineEntry.id)
        )
        result = await self.session.execute(query)
        return [RepeatSignalRow(*row) for row in result]
