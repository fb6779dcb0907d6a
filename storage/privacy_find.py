"""`signaalbot privacy find`: which records hold a text, for an access or erasure request.

Every place of storage/free_text.py is searched, case-insensitively, in SQL; a hit names its
table, row, case and column, with a short excerpt around the text and nothing more.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.cases import Case
from storage.free_text import PLACES, FreeTextPlace
from storage.retention import case_number

EXCERPT_AROUND = 20  # characters shown on each side of the text found


@dataclass(frozen=True)
class Found:
    table: str
    row_id: int
    case: str | None  # the case's number, when the record is about one
    column: str  # a column, or a JSON column and key: `report.findings`
    excerpt: str


async def find(session: AsyncSession, needle: str) -> list[Found]:
    """Every record whose free text contains `needle`, table by table, oldest row first."""
    found: list[Found] = []
    for place in PLACES:
        for name, value in _searched(place):
            found += await _hits(session, place, name, value, needle)
    return found


def _searched(place: FreeTextPlace) -> list[tuple[str, Any]]:
    """(name, SQL expression) of each text the place holds: columns, then JSON values."""
    searched = [(name, place.column(name)) for name in place.columns]
    for column, paths in place.json:
        for path in paths:
            key = path[0] if len(path) == 1 else path
            searched.append((".".join((column, *path)), place.column(column)[key].as_string()))
    return searched


async def _hits(
    session: AsyncSession, place: FreeTextPlace, name: str, value: Any, needle: str
) -> list[Found]:
    model: Any = place.model
    if place.case_column is None:
        query = select(model.id, None, None, value)
    else:
        query = select(model.id, Case.year, Case.seq, value)
        if model is not Case:
            query = query.outerjoin(Case, Case.id == place.column(place.case_column))
    query = query.where(value.icontains(needle, autoescape=True)).order_by(model.id)
    return [
        Found(
            place.table,
            row_id,
            None if year is None else case_number(year, seq),
            name,
            excerpt(text, needle),
        )
        for row_id, year, seq, text in await session.execute(query)
    ]


def excerpt(text: str, needle: str, around: int = EXCERPT_AROUND) -> str:
    """The text found with a few characters either side, on one line."""
    at = max(text.lower().find(needle.lower()), 0)
    start, end = max(at - around, 0), at + len(needle) + around
    shown = " ".join(text[start:end].split())
    return ("…" if start else "") + shown + ("…" if end < len(text) else "")
