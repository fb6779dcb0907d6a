"""Lead times of repressive visits (signal -> visit, `lead_time_seconds`), in SQL: for each
window at once, the count and the share within the promise, and only the rows at the ranks
the median, the 90th percentile and the slowest need (window functions over the visits)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import ColumnElement, Integer, Select, and_, func, literal_column, or_, select
from sqlalchemy import case as when
from sqlalchemy.ext.asyncio import AsyncSession

from storage.cases import Case, CaseKind
from storage.figures import LeadTimes, Scope, Window
from storage.picture_sql import CURRENT, AnyWindow, Bound, in_window, scoped, tagged

SLOWEST = 3
_HOUR = literal_column("3600", Integer)  # inline: GROUP BY must repeat the same expression
NONE = LeadTimes(count=0, within=0, median=None, p90=None, slowest=())


def _visited(window: AnyWindow) -> ColumnElement[bool]:
    """Repressive cases visited in the window, with their lead time stored."""
    return and_(
        Case.kind == CaseKind.REPRESSIVE,
        in_window(Case.visited_at, window),
        Case.lead_time_seconds.is_not(None),
    )


def _window(index: int) -> Bound:
    return Bound(f"window{index}")


@lru_cache(maxsize=64)
def _ranked(windows: int, scope: Scope, promise: timedelta) -> Select:
    """Per window (`part`, of `windows`), each visit with its rank by lead time, its rank among
    the slowest (ties by case number), the window's count and how many were within the
    promise; only the rows the figures read."""
    visits = tagged(
        *(
            scoped(select(Case.year, Case.seq, Case.lead_time_seconds), scope).where(
                _visited(_window(index))
            )
            for index in range(windows)
        )
    ).subquery()
    lead, part = visits.c.lead_time_seconds, visits.c.part
    within = func.sum(when((lead <= int(promise.total_seconds()), 1), else_=0))
    ranked = select(
        part,
        lead,
        visits.c.year,
        visits.c.seq,
        func.row_number().over(partition_by=part, order_by=lead).label("rank"),
        func.row_number()
        .over(partition_by=part, order_by=(lead.desc(), visits.c.year, visits.c.seq))
        .label("slow"),
        func.count().over(partition_by=part).label("n"),
        within.over(partition_by=part).label("within"),
    ).subquery()
    n, rank = ranked.c.n, ranked.c.rank
    wanted = or_(
        rank == (n + 1) // 2,
        rank == n // 2 + 1,
        rank == (9 * n + 9) // 10,
        ranked.c.slow <= SLOWEST,
    )
    return select(ranked).where(wanted)


async def lead_times(
    session: AsyncSession, windows: Sequence[Window], scope: Scope, promise: timedelta
) -> list[LeadTimes]:
    """The lead times of each window, from one statement. Within: a lead time up to and
    including the promise. Median: the middle value, the mean of the two middle ones for an
    even count. p90: the value at rank ceil(0.9 * count). Slowest: the three longest, ties by
    case number."""
    rows: dict[int, list[Any]] = {index: [] for index in range(len(windows))}
    values: dict[str, Any] = {}
    for index, window in enumerate(windows):
        values |= _window(index).values(window)
    for row in await session.execute(_ranked(len(windows), scope, promise), values):
        rows[row.part].append(row)
    return [_figures(found) for found in rows.values()]


def _figures(rows: list[Any]) -> LeadTimes:
    """One window's figures from its rows at the wanted ranks (1-based)."""
    if not rows:
        return NONE
    count, within = rows[0].n, rows[0].within
    at = {row.rank: row.lead_time_seconds for row in rows}
    middle = [at[rank] for rank in sorted({(count + 1) // 2, count // 2 + 1})]
    slowest = sorted((row for row in rows if row.slow <= SLOWEST), key=lambda row: row.slow)
    return LeadTimes(
        count=count,
        within=within,
        median=timedelta(seconds=sum(middle) / len(middle)),
        p90=timedelta(seconds=at[(9 * count + 9) // 10]),
        slowest=tuple(
            (f"{row.year}-{row.seq:03d}", timedelta(seconds=row.lead_time_seconds))
            for row in slowest
        ),
    )


async def lead_hours(
    session: AsyncSession, window: Window, scope: Scope
) -> tuple[tuple[int, int], ...]:
    """(whole hours of lead time, visits), ascending. SQLAlchemy's `/` is true division (it
    casts to a decimal); `//` of two integers renders as `/`, which SQLite and PostgreSQL both
    truncate, which is floor division as lead times are never negative."""
    rows = await session.execute(_hours(scope), CURRENT.values(window))
    return tuple((int(h), n) for h, n in rows)


@lru_cache(maxsize=64)
def _hours(scope: Scope) -> Select:
    hours = (Case.lead_time_seconds // _HOUR).label("hours")
    query = select(hours, func.count()).where(_visited(CURRENT)).group_by(hours).order_by(hours)
    return scoped(query, scope)
