"""Lead times of repressive visits (signal -> visit, `lead_time_seconds`), in SQL: the count and
the share within the promise by aggregate, the median and the 90th percentile by reading one or
two rows at their rank (ORDER BY ... LIMIT/OFFSET after a COUNT)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import ColumnElement, Integer, and_, func, literal_column, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.cases import Case, CaseKind
from storage.figures import LeadTimes, Scope, Window
from storage.picture_sql import count_if, in_window, scoped

SLOWEST = 3
_HOUR = literal_column("3600", Integer)  # inline: GROUP BY must repeat the same expression


def _visited(window: Window) -> ColumnElement[bool]:
    """Repressive cases visited in the window, with their lead time stored."""
    return and_(
        Case.kind == CaseKind.REPRESSIVE,
        in_window(Case.visited_at, window),
        Case.lead_time_seconds.is_not(None),
    )


async def lead_times(
    session: AsyncSession, window: Window, scope: Scope, promise: timedelta
) -> LeadTimes:
    """Within: a lead time up to and including the promise. Median: the middle value, the mean
    of the two middle ones for an even count. p90: the value at rank ceil(0.9 * count).
    Slowest: the three longest, ties by case number."""
    seconds = int(promise.total_seconds())
    totals = select(func.count(), count_if(Case.lead_time_seconds <= seconds))
    count, within = (await session.execute(scoped(totals.where(_visited(window)), scope))).one()
    if not count:
        return LeadTimes(count=0, within=0, median=None, p90=None, slowest=())
    middle = await _at_rank(session, window, scope, (count - 1) // 2, 2 - count % 2)
    p90 = await _at_rank(session, window, scope, (9 * count + 9) // 10 - 1, 1)
    slowest = (
        select(Case.year, Case.seq, Case.lead_time_seconds)
        .where(_visited(window))
        .order_by(Case.lead_time_seconds.desc(), Case.year, Case.seq)
        .limit(SLOWEST)
    )
    rows = await session.execute(scoped(slowest, scope))
    return LeadTimes(
        count=count,
        within=within,
        median=timedelta(seconds=sum(middle) / len(middle)),
        p90=timedelta(seconds=p90[0]),
        slowest=tuple((f"{y}-{s:03d}", timedelta(seconds=lead)) for y, s, lead in rows),
    )


async def _at_rank(
    session: AsyncSession, window: Window, scope: Scope, offset: int, limit: int
) -> list[int]:
    """The lead times, in seconds, at 0-based ranks `offset` .. `offset + limit - 1`."""
    query = (
        select(Case.lead_time_seconds)
        .where(_visited(window))
        .order_by(Case.lead_time_seconds)
        .offset(offset)
        .limit(limit)
    )
    return list((await session.scalars(scoped(query, scope))).all())


async def lead_hours(
    session: AsyncSession, window: Window, scope: Scope
) -> tuple[tuple[int, int], ...]:
    """(whole hours of lead time, visits), ascending. SQLAlchemy's `/` is true division (it
    casts to a decimal); `//` of two integers renders as `/`, which SQLite and PostgreSQL both
    truncate, which is floor division as lead times are never negative."""
    hours = (Case.lead_time_seconds // _HOUR).label("hours")
    query = select(hours, func.count()).where(_visited(window)).group_by(hours).order_by(hours)
    return tuple((int(h), n) for h, n in await session.execute(scoped(query, scope)))
