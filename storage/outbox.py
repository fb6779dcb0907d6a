"""The transactional outbox: effects for Matrix, written with the state change behind them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Index, Integer, String, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import Base, UTCDateTime


class OutboxEffect(Base):
    """Something that must reach Matrix, written in the same transaction as the change behind it."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_pending", "lane", "delivered_at", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    lane: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(40))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_error: Mapped[str | None] = mapped_column(String(500))
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    result_event_id: Mapped[str | None] = mapped_column(String(255))
    # Set aside: refused for good, or failing or waiting too long. Such a row is not pending: it
    # holds up nothing and is never retried on its own; an operator can make it pending again.
    failed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    failure: Mapped[str | None] = mapped_column(String(40))  # a code, see bot/outbox/refusals.py
    retried_at: Mapped[datetime | None] = mapped_column(UTCDateTime())  # made pending again

    @property
    def trying_since(self) -> datetime:
        """Since when the row has been trying to go out: written, or last retried by an operator."""
        return self.retried_at or self.created_at

    @property
    def txn_id(self) -> str:
        """Deterministic, so a resend after a crash is recognised by the homeserver."""
        return f"signaalbot-{self.id}"


class Lane(StrEnum):
    """Rooms are created on a lane of their own, so answers never wait for a room creation."""

    MESSAGES = "messages"
    ROOMS = "rooms"


class OutboxKind(StrEnum):
    SEND = "send"
    EDIT = "edit"
    OPEN_ROOM = "open_room"
    UPDATE_ROOM = "update_room"  # invite people to a case's room, renew its topic (and name)
    UPLOAD = "upload"  # share a file in a room
    LIVE = "live"  # edit a live message to show its subject as it is now


class Outbox:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def add(self, lane: str, kind: str, payload: dict[str, Any], now: datetime) -> OutboxEffect:
        """Queue an effect; its id is known after the next flush (or the commit)."""
        row = OutboxEffect(lane=lane, kind=kind, payload=payload, created_at=now, attempts=0)
        self.session.add(row)
        return row

    async def pending(self, lane: str, limit: int = 1000) -> Sequence[OutboxEffect]:
        query = (
            select(OutboxEffect)
            .where(
                OutboxEffect.lane == lane,
                OutboxEffect.delivered_at.is_(None),
                OutboxEffect.failed_at.is_(None),
            )
            .order_by(OutboxEffect.id)
            .limit(limit)
        )
        return (await self.session.scalars(query)).all()

    async def failed(self) -> Sequence[OutboxEffect]:
        """Rows set aside and not delivered since, oldest first."""
        query = (
            select(OutboxEffect)
            .where(OutboxEffect.failed_at.is_not(None), OutboxEffect.delivered_at.is_(None))
            .order_by(OutboxEffect.id)
        )
        return (await self.session.scalars(query)).all()

    async def retry(self, row_id: int, now: datetime) -> OutboxEffect | None:
        """Make a row that was set aside pending again, due at once; None if there is no such row.

        The attempts stay counted: a room opening that was tried looks for its room first.
        """
        row = await self.session.get(OutboxEffect, row_id)
        if row is None or row.failed_at is None or row.delivered_at is not None:
            return None
        row.failed_at = row.failure = row.next_attempt_at = None
        row.retried_at = now
        return row

    async def get(self, row_id: int) -> OutboxEffect | None:
        return await self.session.get(OutboxEffect, row_id)
