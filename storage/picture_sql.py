"""The pieces the picture's queries are built of: windows, scopes and conditional counts."""

from __future__ import annotations

from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    and_,
    func,
    literal_column,
    or_,
    select,
    true,
    union_all,
)
from sqlalchemy import case as when
from sqlalchemy.ext.asyncio import AsyncSession

from storage.cases import OPEN_STATUSES, Case
from storage.figures import Scope, Window

Query = TypeVar("Query", bound=Select)


def is_open() -> ColumnElement[bool]:
    return Case.status.in_(OPEN_STATUSES)


def in_window(column: ColumnElement[datetime | None], window: Window) -> ColumnElement[bool]:
    """From `since` (inclusive) to `until` (exclusive), as a range an index can serve."""
    return and_(column >= window.since, column < window.until)


def in_either(
    column: ColumnElement[datetime | None], current: Window, previous: Window
) -> ColumnElement[bool]:
    return or_(in_window(column, current), in_window(column, previous))


def count_if(condition: ColumnElement[bool]) -> ColumnElement[int]:
    """How many rows meet the condition (0 on no rows, where SUM alone gives NULL)."""
    return func.coalesce(func.sum(when((condition, 1), else_=0)), 0)


def count_in(column: ColumnElement[datetime | None], window: Window) -> ColumnElement[int]:
    return count_if(in_window(column, window))


def scoped(query: Query, scope: Scope) -> Query:
    """Narrowed to the cases of the scope's region and sector; the query must involve cases."""
    if scope.region is not None:
        query = query.where(Case.region == scope.region)
    if scope.sector is not None:
        query = query.where(Case.sector == scope.sector)
    return query


async def one_row(session: AsyncSession, *queries: Select) -> tuple[Any, ...]:
    """The columns of several one-row aggregates (no GROUP BY, so exactly one row each), side
    by side from one statement: each a subquery, joined to the others on true."""
    subqueries = [query.subquery() for query in queries]
    joined = subqueries[0]
    for subquery in subqueries[1:]:
        joined = joined.join(subquery, true())
    columns = [column for subquery in subqueries for column in subquery.c]
    return tuple((await session.execute(select(*columns).select_from(joined))).one())


def tagged(*queries: Select) -> Select:
    """The rows of several queries in one statement (UNION ALL), each row ending with the index
    of its query as `part`, so one round trip answers for several windows."""
    parts = [
        query.add_columns(literal_column(str(index), Integer).label("part"))
        for index, query in enumerate(queries)
    ]
    return select(union_all(*parts).subquery())
