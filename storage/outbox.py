"""The transactional outbox: effects for Matrix, written with the state change behind them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import OutboxEffect

LANE_MESSAGES = "messages"
LANE_ROOMS = "rooms"

KIND_SEND = "send"
KIND_EDIT = "edit"
KIND_OPEN_ROOM = "open_room"
KIND_CARD = "card"  # edit the case's status card to its current state
KIND_UPDATE_ROOM = "update_room"  # invite people to a case's room and renew its topic
KIND_UPLOAD = "upload"  # share a small file in a room
KIND_INVITATION = "invitation"  # edit a meeting's invitation to show its answers


class Outbox:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def add(self, lane: str, kind: str, payload: dict[str, Any], now: datetime) -> OutboxEffect:
        """Queue an effect; its id is known after the next flush (or the commit)."""
        row = OutboxEffect(lane=lane, kind=kind, payload=payload, created_at=now, attempts=0)
        self.session.add(row)
        return row

    async def pending(self, lane: str, limit: int = 100) -> Sequence[OutboxEffect]:
        query = (
            select(OutboxEffect)
            .where(OutboxEffect.lane == lane, OutboxEffect.delivered_at.is_(None))
            .order_by(OutboxEffect.id)
            .limit(limit)
        )
        return (await self.session.scalars(query)).all()

    async def get(self, row_id: int) -> OutboxEffect | None:
        return await self.session.get(OutboxEffect, row_id)
