"""The pieces the picture's queries are built of: windows, scopes and conditional counts.

Building a statement of the picture's size costs milliseconds each time, running a built one
none of that: the picture's statements are built once per shape (`functools.lru_cache` on
their builders) with their windows as bind parameters (`Bound`), and run for any window."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Integer,
    Select,
    and_,
    bindparam,
    func,
    literal_column,
    or_,
    select,
    true,
    union_all,
)
from sqlalchemy import case as when
from sqlalchemy.ext.asyncio import AsyncSession

from storage.base import UTCDateTime
from storage.cases import OPEN_STATUSES, Case
from storage.figures import Scope, Window

Query = TypeVar("Query", bound=Select)


@dataclass(frozen=True)
class Bound:
    """A window in a statement as two bind parameters, `<name>_since` and `<name>_until`;
    `values` gives them for a window when the statement runs."""

    name: str

    @property
    def since(self) -> BindParameter[datetime]:
        return bindparam(f"{self.name}_since", type_=UTCDateTime())

    @property
    def until(self) -> BindParameter[datetime]:
        return bindparam(f"{self.name}_until", type_=UTCDateTime())

    def values(self, window: Window) -> dict[str, datetime]:
        return {f"{self.name}_since": window.since, f"{self.name}_until": window.until}


#: The window asked for and the one before it, as most of the picture's statements name them.
CURRENT, PREVIOUS = Bound("current"), Bound("previous")
AnyWindow = Window | Bound


def both(current: Window, previous: Window) -> dict[str, datetime]:
    """The values of CURRENT and PREVIOUS."""
    return CURRENT.values(current) | PREVIOUS.values(previous)


def is_open() -> ColumnElement[bool]:
    return Case.status.in_(OPEN_STATUSES)


def in_window(column: ColumnElement[datetime | None], window: AnyWindow) -> ColumnElement[bool]:
    """From `since` (inclusive) to `until` (exclusive), as a range an index can serve."""
    return and_(column >= window.since, column < window.until)


def in_either(
    column: ColumnElement[datetime | None], current: AnyWindow, previous: AnyWindow
) -> ColumnElement[bool]:
    return or_(in_window(column, current), in_window(column, previous))


def count_if(condition: ColumnElement[bool]) -> ColumnElement[int]:
    """How many rows meet the condition (0 on no rows, where SUM alone gives NULL)."""
    return func.coalesce(func.sum(when((condition, 1), else_=0)), 0)


def count_in(column: ColumnElement[datetime | None], window: AnyWindow) -> ColumnElement[int]:
    return count_if(in_window(column, window))


def scoped(query: Query, scope: Scope) -> Query:
    """Narrowed to the cases of the scope's region and sector; the query must involve cases."""
    if scope.region is not None:
        query = query.where(Case.region == scope.region)
    if scope.sector is not None:
        query = query.where(Case.sector == scope.sector)
    return query


def side_by_side(*queries: Select) -> Select:
    """The columns of several one-row aggregates (no GROUP BY, so exactly one row each) in one
    statement: each a subquery, joined to the others on true."""
    subqueries = [query.subquery() for query in queries]
    joined = subqueries[0]
    for subquery in subqueries[1:]:
        joined = joined.join(subquery, true())
    columns = [column for subquery in subqueries for column in subquery.c]
    return select(*columns).select_from(joined)


async def one_row(
    session: AsyncSession, statement: Select, values: dict[str, Any]
) -> tuple[Any, ...]:
    return tuple((await session.execute(statement, values)).one())


def tagged(*queries: Select) -> Select:
    """The rows of several queries in one statement (UNION ALL), each row ending with the index
    of its query as `part`, so one round trip answers for several windows."""
    parts = [
        query.add_columns(literal_column(str(index), Integer).label("part"))
        for index, query in enumerate(queries)
    ]
    return select(union_all(*parts).subquery())
