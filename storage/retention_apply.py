"""Carrying out a retention plan: records anonymised in batches, bookkeeping deleted.

Anonymised means: every free-text column of the place emptied (NULL where the column allows
it, "" where it does not), JSON values that were filled replaced by `ERASED` (so a report
still shows which of its fields were filled in, and the risk ranking still counts reports
with measures), a case's title replaced by its number so lists stay readable, and the
record's `anonymised_at` set. Codes, dates, regions, sectors, status, lead times and counts
stay as they were. A record anonymised before is left alone, so a second run changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.bot_state import HandledEvent
from storage.cases import Case
from storage.free_text import RECORDS, FreeTextPlace
from storage.held import HeldEvent
from storage.outbox import OutboxEffect
from storage.retention import BookkeepingDue, RecordsDue, RetentionPlan, case_number

#: What a filled JSON value becomes: marks that something was there, says nothing of it.
ERASED = "…"
BATCH = 500
#: A case's company, anonymised: cases of one company in one run keep sharing a key, so the
#: count of distinct companies stays right.
COMPANY_KEY = "anonymised:{id}"

_PLACES = {place.table: place for place in RECORDS}
_AGE_COLUMNS = {
    HeldEvent.__tablename__: HeldEvent.first_seen_at,
    HandledEvent.__tablename__: HandledEvent.handled_at,
}


@dataclass
class RetentionDone:
    """Counts only: what was anonymised per table, and what was deleted."""

    anonymised: dict[str, int] = field(default_factory=dict)
    deleted: dict[str, int] = field(default_factory=dict)


async def apply(session: AsyncSession, plan: RetentionPlan, now: datetime) -> RetentionDone:
    """Anonymise the plan's records and delete its bookkeeping, in the caller's transaction."""
    done = RetentionDone()
    for records in plan.records:
        place = _PLACES[records.table]
        anonymise = _anonymise_cases if place.model is Case else _anonymise_rows
        done.anonymised[records.table] = await anonymise(session, place, records, now)
    for rows in plan.bookkeeping:
        done.deleted[rows.table] = await _delete(session, rows)
    return done


def _batches(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), BATCH):
        yield ids[start : start + BATCH]


def _emptied(place: FreeTextPlace, columns: tuple[str, ...]) -> dict[str, str | None]:
    return {name: "" if place.required(name) else None for name in columns}


async def _anonymise_rows(
    session: AsyncSession, place: FreeTextPlace, records: RecordsDue, now: datetime
) -> int:
    """One UPDATE per batch: the texts emptied, `anonymised_at` set."""
    model: Any = place.model
    values = {**_emptied(place, place.columns), "anonymised_at": now}
    count = 0
    for batch in _batches(records.ids):
        statement = (
            update(model)
            .where(model.id.in_(batch), model.anonymised_at.is_(None))
            .values(values)
            .execution_options(synchronize_session=False)
        )
        count += (await session.execute(statement)).rowcount  # type: ignore[attr-defined]
    return count


async def _anonymise_cases(
    session: AsyncSession, place: FreeTextPlace, records: RecordsDue, now: datetime
) -> int:
    """Per batch, the few columns that differ per case are read (number, company, JSON),
    then every case of the batch is written in one bulk UPDATE by primary key."""
    emptied = _emptied(place, place.columns)
    companies: dict[str, str] = {}
    count = 0
    for batch in _batches(records.ids):
        query = select(
            Case.id, Case.year, Case.seq, Case.company_key, Case.report, Case.unread
        ).where(Case.id.in_(batch), Case.anonymised_at.is_(None))
        rows = [
            {
                **emptied,
                "id": case_id,
                "title": case_number(year, seq),
                "company_key": companies.setdefault(company, COMPANY_KEY.format(id=case_id)),
                "report": _erased(report),
                "unread": _erased(unread) or {},
                "anonymised_at": now,
            }
            for case_id, year, seq, company, report, unread in await session.execute(query)
        ]
        if rows:
            await session.execute(update(Case), rows)
        count += len(rows)
    return count


def _erased(values: dict[str, Any] | None) -> dict[str, Any] | None:
    """The same keys; every filled value replaced by ERASED, empty ones left empty."""
    if values is None:
        return None
    return {key: ERASED if value not in (None, "") else value for key, value in values.items()}


async def _delete(session: AsyncSession, rows: BookkeepingDue) -> int:
    if rows.table == OutboxEffect.__tablename__:
        statement = delete(OutboxEffect).where(
            OutboxEffect.delivered_at < rows.before, OutboxEffect.id.not_in(rows.kept)
        )
    else:
        column = _AGE_COLUMNS[rows.table]
        statement = delete(column.class_).where(column < rows.before)
    result = await session.execute(statement.execution_options(synchronize_session=False))
    return result.rowcount  # type: ignore[attr-defined]
