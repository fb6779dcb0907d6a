"""The picture's one-row counts (open cases now, the funnel, the reports filed), each an
aggregate query of its own and all of them answered by one statement (`side_by_side`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.cases import Case, CaseKind, CaseStatus, Decision
from storage.figures import Compared, Funnel, FunnelStep, Scope, Window
from storage.picture_sql import (
    CURRENT,
    PREVIOUS,
    AnyWindow,
    both,
    count_if,
    count_in,
    in_either,
    in_window,
    is_open,
    one_row,
    scoped,
    side_by_side,
)


@dataclass(frozen=True)
class Counts:
    open_now: int  # repressive cases not closed
    overdue_now: int  # of those, marked overdue and not visited
    funnel: Funnel
    reports_filed: Compared


def _open_now(scope: Scope) -> Select:
    overdue = and_(Case.overdue.is_(True), Case.visited_at.is_(None))
    query = select(func.count(), count_if(overdue))
    return scoped(query.where(Case.kind == CaseKind.REPRESSIVE, is_open()), scope)


#: Where an open case of the funnel waits: SIGNAL no decision; DECISION decided to visit, not
#: visited; VISIT visited, no report; REPORT report filed, or decided not to visit.
STUCK = {
    FunnelStep.SIGNAL: Case.decision.is_(None),
    FunnelStep.DECISION: and_(Case.decision == Decision.VISIT, Case.visited_at.is_(None)),
    FunnelStep.VISIT: and_(Case.visited_at.is_not(None), Case.report_filed_at.is_(None)),
    FunnelStep.REPORT: or_(Case.report_filed_at.is_not(None), Case.decision == Decision.NO_VISIT),
}


def _funnel(window: AnyWindow, scope: Scope) -> Select:
    """How far the repressive cases signalled in the window got, and where the open ones wait."""
    is_open = Case.status != CaseStatus.CLOSED
    query = select(
        func.count(),
        count_if(Case.decision.is_not(None)),
        count_if(Case.decision == Decision.VISIT),
        count_if(Case.visited_at.is_not(None)),
        count_if(Case.report_filed_at.is_not(None)),
        count_if(Case.status == CaseStatus.CLOSED),
        *(count_if(and_(is_open, condition)) for condition in STUCK.values()),
    ).where(Case.kind == CaseKind.REPRESSIVE, in_window(Case.signalled_at, window))
    return scoped(query, scope)


def _funnel_of(row: Sequence[Any]) -> Funnel:
    signalled, decided, visit_decided, visited, reported, closed = row[:6]
    return Funnel(
        signalled=signalled,
        decided=decided,
        visit_decided=visit_decided,
        visited=visited,
        reported=reported,
        closed=closed,
        stuck=dict(zip(STUCK, row[6:], strict=True)),
    )


def _reports_filed(current: AnyWindow, previous: AnyWindow, scope: Scope) -> Select:
    """Cases of either kind whose report was filed in each window."""
    query = select(
        count_in(Case.report_filed_at, current), count_in(Case.report_filed_at, previous)
    ).where(in_either(Case.report_filed_at, current, previous))
    return scoped(query, scope)


@lru_cache(maxsize=64)
def _statement(scope: Scope) -> Select:
    return side_by_side(
        _open_now(scope), _funnel(CURRENT, scope), _reports_filed(CURRENT, PREVIOUS, scope)
    )


async def counts(session: AsyncSession, current: Window, previous: Window, scope: Scope) -> Counts:
    row = await one_row(session, _statement(scope), both(current, previous))
    funnel_end = 2 + 6 + len(STUCK)
    return Counts(
        open_now=row[0],
        overdue_now=row[1],
        funnel=_funnel_of(row[2:funnel_end]),
        reports_filed=Compared(*row[funnel_end:]),
    )
