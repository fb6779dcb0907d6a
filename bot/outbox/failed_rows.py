"""`signaalbot outbox failed | retry ID...`: rows set aside, and making them pending again.

What an operator sees is what the log says: ids, kinds, rooms and error codes, never a text.
Each row retried (or asked for in vain) is one record on the audit trail.
"""

from __future__ import annotations

import asyncio
import sys
from datetime import UTC, datetime
from pathlib import Path

from bot.audit_cli import record_operator
from config.settings import load_storage_settings
from storage.audit import OUTBOX_RETRY, AuditResult
from storage.migrate import migrated_database
from storage.outbox import Outbox, OutboxEffect


def run_outbox(action: str, config: Path, ids: list[int]) -> int:
    """`failed` lists the rows set aside; `retry` makes the given ones pending again."""
    storage = load_storage_settings(config if config.exists() else None)
    if action == "failed":
        return asyncio.run(_list_failed(storage.url))
    return asyncio.run(_retry(storage.url, ids))


def describe(row: OutboxEffect) -> str:
    """One line per row, no message text: it may hold personal data."""
    where = row.payload.get("room_id") or f"case {row.payload.get('case_id')}"
    failed_at = row.failed_at.strftime("%Y-%m-%d %H:%M:%S") if row.failed_at else "-"
    return (
        f"{row.id:>7}  {failed_at}  {row.kind:<12}  {where:<28}  {row.failure or '-':<12}  "
        f"{row.attempts:>5}  {row.last_error or ''}"
    )


async def _list_failed(url: str) -> int:
    async with migrated_database(url) as database, database.transaction() as session:
        rows = await Outbox(session).failed()
    if not rows:
        print("no messages set aside")
        return 0
    print(
        f"{'id':>7}  {'failed at (UTC)':<19}  {'kind':<12}  {'where':<28}  {'reason':<12}  tries  error"
    )
    for row in rows:
        print(describe(row))
    return 0


async def _retry(url: str, ids: list[int]) -> int:
    status = 0
    async with migrated_database(url) as database, database.transaction() as session:
        outbox = Outbox(session)
        for row_id in ids:
            if await outbox.retry(row_id, datetime.now(UTC)) is None:
                print(f"outbox {row_id}: not set aside (unknown, pending or sent)", file=sys.stderr)
                status, result = 1, AuditResult.REFUSED
            else:
                print(f"outbox {row_id}: pending again; the bot sends it within delivery.retry_max")
                result = AuditResult.DONE
            await record_operator(session, OUTBOX_RETRY, f"outbox:{row_id}", result)
    return status
