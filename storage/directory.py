"""The members directory as it is kept: one row per member, and the audit trail of changes.

The configuration's members are merged in at every start; project leaders change the rest in
the chat. Every change (by a member, or by the configuration at start) is one audit row with the
values before and after, so "who put this person in, and when" always has an answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Integer, String, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import Base, Code, UTCDateTime


class MemberSource(StrEnum):
    CONFIG = "config"  # named in the configuration file: it wins at every start
    CHAT = "chat"  # added by a project leader in the chat


class ChangeKind(StrEnum):
    ADDED = "added"
    CHANGED = "changed"
    REMOVED = "removed"
    SUBSTITUTE = "substitute"
    AWAY = "away"
    BACK = "back"
    CONTACT_ADDED = "contact_added"
    CONTACT_REMOVED = "contact_removed"
    CONTACT_POINT = "contact_point"


class MemberRow(Base):
    __tablename__ = "directory_members"

    user_id: Mapped[str] = mapped_column(String(255), primary_key=True)
    entity: Mapped[str] = mapped_column(String(10))
    region: Mapped[str | None] = mapped_column(String(4))
    roles: Mapped[list[str]] = mapped_column(JSON, default=list)
    name: Mapped[str | None] = mapped_column(String(200))
    substitute: Mapped[str | None] = mapped_column(String(255))
    away_from: Mapped[datetime | None] = mapped_column(UTCDateTime())
    away_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    source: Mapped[MemberSource] = mapped_column(Code(MemberSource, 10))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime())
    added_by: Mapped[str] = mapped_column(String(255))

    def values(self) -> dict[str, Any]:
        """What the audit trail keeps of a member: the fields a change can touch."""
        return {
            "entity": self.entity,
            "region": self.region,
            "roles": list(self.roles),
            "name": self.name,
            "substitute": self.substitute,
            "away_from": self.away_from.isoformat() if self.away_from else None,
            "away_until": self.away_until.isoformat() if self.away_until else None,
        }


class DirectoryChange(Base):
    """One change to the directory: who made it (a member, or `config` at start), when, to whom
    or what, and the values before and after (None: it did not exist, or no longer does)."""

    __tablename__ = "directory_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    actor: Mapped[str] = mapped_column(String(255))
    kind: Mapped[ChangeKind] = mapped_column(Code(ChangeKind, 20))
    subject: Mapped[str] = mapped_column(String(255), index=True)
    old: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    new: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class DirectoryStore:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def members(self) -> Sequence[MemberRow]:
        return (await self.session.scalars(select(MemberRow).order_by(MemberRow.user_id))).all()

    async def get(self, user_id: str) -> MemberRow | None:
        return await self.session.get(MemberRow, user_id)

    def add(self, row: MemberRow) -> None:
        self.session.add(row)

    async def remove(self, row: MemberRow) -> None:
        await self.session.delete(row)

    def record(
        self,
        *,
        at: datetime,
        actor: str,
        kind: ChangeKind,
        subject: str,
        old: dict[str, Any] | None,
        new: dict[str, Any] | None,
    ) -> DirectoryChange:
        change = DirectoryChange(at=at, actor=actor, kind=kind, subject=subject, old=old, new=new)
        self.session.add(change)
        return change

    async def changes(
        self, subject: str | None = None, limit: int = 50
    ) -> Sequence[DirectoryChange]:
        """The latest changes first, of one member or contact, or of all."""
        query = select(DirectoryChange).order_by(DirectoryChange.id.desc()).limit(limit)
        if subject is not None:
            query = query.where(DirectoryChange.subject == subject)
        return (await self.session.scalars(query)).all()
