"""What retention would do now: the records past their term, and the bookkeeping past its own.

Records (the places of storage/free_text.py) are anonymised, not deleted: their free text goes,
their codes, dates and counts stay, so the operational picture over past years stays right. A
held case (`privacy.hold`) keeps its fields, timeline, notes, decisions, actions and the
meetings about it; `hold: all` keeps every record. Bookkeeping is not a record and is always
cleaned: encrypted messages still waiting for their keys, handled event ids, and delivered
outbox rows nothing still refers to. `due` only reads; storage/retention_apply.py carries out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from config.privacy_settings import PrivacySettings
from storage.bot_state import HandledEvent
from storage.cases import Case
from storage.free_text import RECORDS, FreeTextPlace
from storage.held import HeldEvent
from storage.outbox import OutboxEffect

#: Outbox payload keys that name another row whose event id is still needed: the answer a
#: link edits (`target_row`), the answer that announces a room still to be opened. Live
#: messages keep their own event ids (storage/live.py) and need no outbox row.
ROW_REFERENCES = ("target_row", "announce_row")


@dataclass
class RecordsDue:
    """One table's records past their term: those that go, and those a hold keeps."""

    table: str
    term: str
    ids: list[int] = field(default_factory=list)
    cases: set[str] = field(default_factory=set)  # numbers of the cases whose records go
    held: int = 0  # records past their term kept by the hold
    held_cases: set[str] = field(default_factory=set)


@dataclass
class BookkeepingDue:
    """Rows of one bookkeeping table older than `before`: deleted, except those in `kept`."""

    table: str
    before: datetime
    count: int
    kept: list[int] = field(default_factory=list)  # outbox rows still referred to


@dataclass
class RetentionPlan:
    now: datetime
    records: list[RecordsDue]
    bookkeeping: list[BookkeepingDue]

    def held_cases(self) -> list[str]:
        """The cases past some term that the hold keeps, in order."""
        return sorted(set().union(*(due.held_cases for due in self.records)))


def case_number(year: int, seq: int) -> str:
    """As `Case.number` writes it, from the two columns a query returns."""
    return f"{year}-{seq:03d}"


async def due(session: AsyncSession, settings: PrivacySettings, now: datetime) -> RetentionPlan:
    """What has passed its term at `now`: read only, nothing changes."""
    records = [
        await _records_due(session, place, now - _term(settings, place), settings)
        for place in RECORDS
    ]
    terms = settings.retention
    bookkeeping = [
        await _older(session, HeldEvent.__tablename__, HeldEvent.first_seen_at, now - terms.held),
        await _older(
            session, HandledEvent.__tablename__, HandledEvent.handled_at, now - terms.handled
        ),
        await _outbox_due(session, now - terms.outbox),
    ]
    return RetentionPlan(now, records, bookkeeping)


def _term(settings: PrivacySettings, place: FreeTextPlace) -> timedelta:
    assert place.term is not None
    return getattr(settings.retention, place.term)


async def _records_due(
    session: AsyncSession, place: FreeTextPlace, cutoff: datetime, settings: PrivacySettings
) -> RecordsDue:
    """The ids (and case numbers) of the place's records whose term started before `cutoff`."""
    assert place.term is not None and place.age is not None
    model: Any = place.model
    if place.case_column is None:
        query = select(model.id, None, None)
    else:
        query = select(model.id, Case.year, Case.seq)
        if model is not Case:
            query = query.outerjoin(Case, Case.id == place.column(place.case_column))
    query = query.where(model.anonymised_at.is_(None), place.age() < cutoff).order_by(model.id)
    found = RecordsDue(place.table, place.term)
    for record_id, year, seq in await session.execute(query):
        number = None if year is None else case_number(year, seq)
        if settings.hold == "all" or (number is not None and settings.holds(number)):
            found.held += 1
            found.held_cases.update([number] if number else [])
        else:
            found.ids.append(record_id)
            found.cases.update([number] if number else [])
    return found


async def _older(
    session: AsyncSession, table: str, column: Any, before: datetime
) -> BookkeepingDue:
    query = select(func.count()).where(column < before)
    return BookkeepingDue(table, before, await session.scalar(query) or 0)


async def _outbox_due(session: AsyncSession, before: datetime) -> BookkeepingDue:
    """Rows delivered before `before`; kept: those a row still to go out refers to."""
    old = OutboxEffect.delivered_at < before
    count = await session.scalar(select(func.count()).where(old)) or 0
    kept: list[int] = []
    if referenced := await referenced_rows(session):
        query = select(OutboxEffect.id).where(old, OutboxEffect.id.in_(referenced))
        kept = sorted((await session.scalars(query)).all())
    return BookkeepingDue(OutboxEffect.__tablename__, before, count - len(kept), kept)


async def referenced_rows(session: AsyncSession) -> set[int]:
    """Rows that pending or set-aside rows (which may be retried) still look up: few, as
    only rows not delivered are read."""
    columns = [OutboxEffect.payload[key].as_integer() for key in ROW_REFERENCES]
    query = select(*columns).where(OutboxEffect.delivered_at.is_(None))
    return {row_id for row in await session.execute(query) for row_id in row if row_id}
