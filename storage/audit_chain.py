"""Reading the audit trail back: the chain verified record by record, and a period exported.

Both stream the records in order (`yield_per`), so a trail of millions of records is never
held in memory.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.audit import GENESIS, HEAD_ID, AuditHead, AuditRecord, record_hash, timestamp

BATCH = 500  # records fetched at a time


class Break(StrEnum):
    """Why a record breaks the chain."""

    CHANGED = "changed"  # its fields no longer give its hash: a field was edited
    MISSING = "missing"  # this number is absent: a record was deleted (or the first is not 1)
    OUT_OF_ORDER = "out_of_order"  # neither its hash nor its link fits here: moved from elsewhere
    UNLINKED = "unlinked"  # its hash is right, but it does not link to the record before it
    TAIL_CUT = "tail_cut"  # the head names later records than there are: the last ones deleted
    HEAD_MISMATCH = "head_mismatch"  # the head names another hash for this record
    BEYOND_HEAD = "beyond_head"  # a record after the head's last: not appended by the bot


@dataclass(frozen=True)
class Verification:
    checked: int  # records found in order (before the break, if there is one)
    last_hash: str | None = None  # of an intact chain: the hash to keep elsewhere, as an anchor
    broken_seq: int | None = None
    reason: Break | None = None

    @property
    def ok(self) -> bool:
        return self.reason is None


def _in_order() -> Any:
    return select(AuditRecord).order_by(AuditRecord.seq).execution_options(yield_per=BATCH)


async def _head(session: AsyncSession) -> AuditHead | None:
    query = select(AuditHead).where(AuditHead.id == HEAD_ID)
    return await session.scalar(query.execution_options(populate_existing=True))


def _check(record: AuditRecord, seq: int, prev_hash: str) -> Break | None:
    """What is wrong with `record` where record number `seq` should be, if anything."""
    if record.seq != seq:
        return Break.MISSING
    intact = record_hash(record) == record.hash
    linked = record.prev_hash == prev_hash
    if not intact:
        return Break.CHANGED if linked else Break.OUT_OF_ORDER
    return None if linked else Break.UNLINKED


async def verify(session: AsyncSession) -> Verification:
    """Recompute the chain from the first record, and name the first one that breaks it.

    The head is read before and after the records, so records the bot appends meanwhile are
    no break: legitimately a head can only move on, never fall behind the records.
    """
    before = await _head(session)
    head_seq, head_hash = (before.seq, before.hash) if before else (0, GENESIS)
    checked, prev_hash = 0, GENESIS
    async for record in await session.stream_scalars(_in_order()):
        broken = _check(record, checked + 1, prev_hash)
        if broken is None and record.seq == head_seq and record.hash != head_hash:
            broken = Break.HEAD_MISMATCH
        if broken is not None:
            return Verification(checked, broken_seq=checked + 1, reason=broken)
        checked, prev_hash = checked + 1, record.hash
    if checked < head_seq:
        return Verification(checked, broken_seq=checked + 1, reason=Break.TAIL_CUT)
    after = await _head(session)
    after_seq = after.seq if after else 0
    if checked > after_seq:
        return Verification(after_seq, broken_seq=after_seq + 1, reason=Break.BEYOND_HEAD)
    if after is not None and checked == after_seq and prev_hash != after.hash:
        return Verification(checked - 1, broken_seq=checked, reason=Break.HEAD_MISMATCH)
    return Verification(checked, last_hash=prev_hash)


def export_row(record: AuditRecord) -> dict[str, Any]:
    """A record under the BIO's Dutch names; `tijdstempel` is the `at` its hash was taken over."""
    return {
        "volgnummer": record.seq,
        "tijdstempel": timestamp(record.at),
        "actie": record.action,
        "object": record.object,
        "resultaat": record.result,
        "oorsprong": {"kamer": record.origin_room, "bericht": record.origin_event},
        "actor": record.actor,
        "vorige_hash": record.prev_hash,
        "hash": record.hash,
    }


async def export(
    session: AsyncSession, start: datetime, end: datetime
) -> AsyncIterator[dict[str, Any]]:
    """The records from `start` up to (not including) `end`, in order."""
    query = _in_order().where(AuditRecord.at >= start, AuditRecord.at < end)
    async for record in await session.stream_scalars(query):
        yield export_row(record)
