"""`signaalbot audit verify | export --from --to [--out FILE]`, and the operator as an actor on
the audit trail for every command-line tool that reads or changes data.

Like the other operator tools they need the storage settings only, no Matrix credentials.
"""

from __future__ import annotations

import asyncio
import getpass
import json
import os
import sys
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TextIO
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from commands.texts import audit as texts
from config.settings import PlatformSettings, load_storage_settings
from storage.audit import CLI_AUDIT_EXPORT, AuditResult, AuditTrail, operator_actor
from storage.audit_chain import Verification, export, verify
from storage.database import Database
from storage.migrate import migrated_database

#: Days are the platform's (Europe/Amsterdam): a day runs from its local midnight.
ZONE = ZoneInfo(PlatformSettings.model_fields["timezone"].default)


def operator() -> str:
    """The actor of a command-line tool: the account on this machine that ran it."""
    return operator_actor(getpass.getuser())


async def record_operator(
    session: AsyncSession, action: str, object: str, result: AuditResult
) -> None:
    """One record of a tool run, in the transaction of what the tool stored."""
    await AuditTrail(session).append(
        action=action, object=object, result=result, actor=operator(), at=datetime.now(UTC)
    )


def record_refused(config: Path, action: str, object: str) -> None:
    """A tool run that was refused (a file with problems) and stored nothing else."""

    async def record() -> None:
        async with opened(config) as database, database.transaction() as session:
            await record_operator(session, action, object, AuditResult.REFUSED)

    asyncio.run(record())


@asynccontextmanager
async def opened(config: Path) -> AsyncIterator[Database]:
    """The bot's database, migrated (the audit tables may be new to it)."""
    storage = load_storage_settings(config if config.exists() else None)
    async with migrated_database(storage.url) as database:
        yield database


def run_audit_verify(config: Path) -> int:
    """0 when the whole chain verifies; 1, naming the first broken record, when it does not."""
    found = asyncio.run(_verify(config))
    if found.ok:
        print(texts.VERIFIED.format(count=found.checked, last_hash=found.last_hash))
        return 0
    assert found.reason is not None
    reason = texts.BREAKS[found.reason]
    print(texts.BROKEN.format(seq=found.broken_seq, reason=reason, checked=found.checked))
    return 1


async def _verify(config: Path) -> Verification:
    async with opened(config) as database, database.transaction() as session:
        return await verify(session)


def run_audit_export(config: Path, first: date, last: date, out: Path | None) -> int:
    """The records of the local days `first` to `last` (inclusive) as JSON Lines."""
    if first > last:
        print(texts.PERIOD_BACKWARDS.format(first=first, last=last), file=sys.stderr)
        return 1
    try:
        with _output(out) as stream:
            count = asyncio.run(_export(config, first, last, stream))
    except OSError as error:
        print(texts.OUT_UNWRITABLE.format(file=out, reason=error.strerror), file=sys.stderr)
        return 1
    where = str(out) if out else texts.STDOUT
    said = texts.EXPORTED.format(count=count, first=first, last=last, out=where)
    print(said, file=sys.stderr if out is None else sys.stdout)
    return 0


@contextmanager
def _output(out: Path | None) -> Iterator[TextIO]:
    """Standard output, or a file only its owner can read (it names who did what)."""
    if out is None:
        yield sys.stdout
        return
    descriptor = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(descriptor, 0o600)  # also when the file was there before
    with open(descriptor, "w", encoding="utf-8") as stream:
        yield stream


def local_midnight(day: date) -> datetime:
    return datetime.combine(day, time(), ZONE).astimezone(UTC)


async def _export(config: Path, first: date, last: date, stream: TextIO) -> int:
    """Writes the rows and records the export, in one transaction."""
    count = 0
    async with opened(config) as database, database.transaction() as session:
        start, end = local_midnight(first), local_midnight(last + timedelta(days=1))
        async for row in export(session, start, end):
            stream.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
        period = f"audit:{first.isoformat()}..{last.isoformat()}"
        await record_operator(session, CLI_AUDIT_EXPORT, period, AuditResult.DONE)
    return count
