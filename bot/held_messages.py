"""Encrypted messages whose keys have not arrived: held, retried after every sync, explained once.

Keys often arrive a little after the message (to-device delivery is separate), so the bot waits
`matrix.key_wait` before it says anything, and then says it once per sender and room.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from nio import AsyncClient, EncryptionError, LocalProtocolError, MegolmEvent

from bot.directory_cache import DirectoryCache
from bot.events import ReplyTarget
from bot.outbox.writer import write_effects
from commands.core.effects import Reply
from commands.core.message import text
from commands.texts import core as texts
from config.settings import Settings
from storage.database import Database
from storage.held import HeldEvent, HeldEvents
from storage.outbox import Outbox, OutboxEffect

log = logging.getLogger(__name__)

ENCRYPTED = "m.room.encrypted"


class HeldMessages:
    def __init__(
        self,
        client: AsyncClient,
        database: Database,
        settings: Settings,
        clock: Callable[[], datetime],
        directory: DirectoryCache,
    ) -> None:
        self.directory = directory
        self.client = client
        self.database = database
        self.settings = settings
        self.clock = clock

    async def hold(self, room_id: str, source: dict[str, Any]) -> None:
        """Keep an undecryptable event and ask for its keys."""
        async with self.database.transaction() as session:
            if not await HeldEvents(session).hold(source, room_id, self.clock()):
                return
        log.info("holding %s in %s until its keys arrive", source["event_id"], room_id)
        with contextlib.suppress(LocalProtocolError):  # requested already for this session
            await self.client.request_room_key(self._megolm(room_id, source))

    async def retry(self) -> tuple[list[tuple[str, dict[str, Any]]], list[OutboxEffect]]:
        """Decrypt what can be decrypted now; explain what waited too long.

        Returns the decrypted events (room id, source) to handle as if just received, and the
        outbox rows of explanations.
        """
        now = self.clock()
        released: list[tuple[str, dict[str, Any]]] = []
        rows: list[OutboxEffect] = []
        async with self.database.transaction() as session:
            held = HeldEvents(session)
            for event in await held.all():
                decrypted = self._decrypt(event)
                if decrypted is not None:
                    await held.release(event.event_id)
                    released.append((event.room_id, decrypted))
                elif (
                    not event.explained
                    and now - event.first_seen_at >= self.settings.matrix.key_wait
                ):
                    await held.mark_explained(event.room_id, event.sender)
                    rows += await self._explain(Outbox(session), event, now)
        return released, rows

    async def seconds_until_due(self) -> float | None:
        """How long until the next held message is due for its explanation, if any waits."""
        async with self.database.transaction() as session:
            waiting = [e for e in await HeldEvents(session).all() if not e.explained]
        if not waiting:
            return None
        due = min(e.first_seen_at for e in waiting) + self.settings.matrix.key_wait
        return max((due - self.clock()).total_seconds(), 0.0)

    def _decrypt(self, event: HeldEvent) -> dict[str, Any] | None:
        try:
            decrypted = self.client.decrypt_event(self._megolm(event.room_id, event.source))
        except EncryptionError:
            return None
        return getattr(decrypted, "source", None)

    async def _explain(self, outbox: Outbox, event: HeldEvent, now: datetime) -> list[OutboxEffect]:
        if event.sender not in await self.directory.current():
            return []  # non-members get nothing, encrypted or not
        message = text(
            texts.UNDECRYPTABLE.format(device=self.client.device_id, bot=self.client.user_id)
        )
        log.warning(
            "no keys for %s from %s after %s",
            event.event_id,
            event.sender,
            self.settings.matrix.key_wait,
        )
        return await write_effects(
            outbox, [Reply(message)], now, ReplyTarget(event.room_id, event.event_id)
        )

    @staticmethod
    def _megolm(room_id: str, source: dict[str, Any]) -> MegolmEvent:
        event = MegolmEvent.from_dict(source)
        event.room_id = room_id
        return event
