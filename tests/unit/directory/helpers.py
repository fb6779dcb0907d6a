"""Shared by the directory tests: the members of the test settings, and the stored directory."""

from __future__ import annotations

from sqlalchemy import select

from storage.database import Database
from storage.directory import DirectoryChange, MemberRow
from storage.outbox import OutboxEffect, OutboxKind
from tests.unit.helpers import outbox

LEADER = "@lotc:example.org"  # LOT-C and project leader in the test settings
ISZW = "@iszw:example.org"
VR06 = "@vr06:example.org"
GGD06 = "@ggd06:example.org"
NEW = "@piet:example.org"


async def stored(database: Database, user_id: str) -> MemberRow | None:
    async with database.transaction() as session:
        return await session.get(MemberRow, user_id)


async def changes(database: Database, subject: str | None = None) -> list[DirectoryChange]:
    async with database.transaction() as session:
        query = select(DirectoryChange).order_by(DirectoryChange.id)
        if subject is not None:
            query = query.where(DirectoryChange.subject == subject)
        return list((await session.scalars(query)).all())


async def room_updates(database: Database) -> list[OutboxEffect]:
    return [row for row in await outbox(database) if row.kind == OutboxKind.UPDATE_ROOM]
