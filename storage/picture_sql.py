"""The pieces the picture's queries are built of: windows, scopes and conditional counts."""

from __future__ import annotations

from datetime import datetime
from typing import TypeVar

from sqlalchemy import ColumnElement, Select, and_, func, or_
from sqlalchemy import case as when

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
