"""Shared by the audit trail's tests: the records as stored, a chain of records, and a session
of an attacker who may change the database (the append-only triggers dropped)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession

from storage.audit import AuditRecord, AuditResult, AuditTrail
from storage.audit_chain import Verification, verify
from storage.database import Database
from tests.unit.helpers import NOW

#: The triggers of migration 0014, to drop and to put back on each database.
_DROP = {
    "postgresql": ["DROP TRIGGER audit_records_append_only ON audit_records"],
    "sqlite": ["DROP TRIGGER audit_records_no_update", "DROP TRIGGER audit_records_no_delete"],
}
_RESTORE = {
    "postgresql": [
        "CREATE TRIGGER audit_records_append_only BEFORE UPDATE OR DELETE ON audit_records "
        "FOR EACH ROW EXECUTE FUNCTION audit_append_only()"
    ],
    "sqlite": [
        f"CREATE TRIGGER audit_records_no_{verb.lower()} BEFORE {verb} ON audit_records "
        "BEGIN SELECT RAISE(ABORT, 'audit records are append-only'); END"
        for verb in ("UPDATE", "DELETE")
    ],
}


async def trail(database: Database) -> list[AuditRecord]:
    async with database.transaction() as session:
        return list((await session.scalars(select(AuditRecord).order_by(AuditRecord.seq))).all())


async def verified(database: Database) -> Verification:
    async with database.transaction() as session:
        return await verify(session)


async def chain(database: Database, count: int) -> list[AuditRecord]:
    """`count` records by one member, a minute apart, each in a transaction of its own."""
    for number in range(count):
        async with database.transaction() as session:
            await AuditTrail(session).append(
                action="command.status",
                object=f"case:2026-{number + 1:03d}",
                result=AuditResult.DONE,
                actor="@iszw:example.org",
                at=NOW + timedelta(minutes=number),
                room="!platform:example.org",
                event=f"$event{number + 1}",
            )
    return await trail(database)


@asynccontextmanager
async def as_attacker(database: Database) -> AsyncIterator[AsyncSession]:
    """What someone with rights on the database can do: drop the triggers, change rows, commit.
    The triggers are put back afterwards (the PostgreSQL test database serves every test)."""
    dialect = "sqlite" if database.is_sqlite else "postgresql"
    async with database.transaction() as session:
        for statement in _DROP[dialect]:
            await session.execute(text(statement))
        yield session
    async with database.transaction() as session:
        for statement in _RESTORE[dialect]:
            await session.execute(text(statement))


async def tamper(database: Database, *statements: str) -> None:
    async with as_attacker(database) as session:
        for statement in statements:
            await session.execute(text(statement))


def configuration(tmp_path: Path, database: Database) -> Path:
    """A configuration with the storage section only: these tools need no Matrix password."""
    config = tmp_path / "signaalbot.yaml"
    config.write_text(json.dumps({"storage": {"database_url": database.url}}))
    return config
