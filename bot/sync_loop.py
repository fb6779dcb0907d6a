"""Our own sync loop: the token is saved only after the batch's commands are committed."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from nio import (
    AsyncClient,
    InviteMemberEvent,
    MessageDirection,
    RoomMessagesError,
    SyncError,
    SyncResponse,
)

from bot.backoff import Backoff
from bot.events import (
    IncomingCommand,
    IncomingReaction,
    IncomingRedaction,
    command_from_event,
    own_join_ts,
    reaction_from_event,
    redaction_from_event,
)
from bot.held_messages import ENCRYPTED, HeldMessages
from bot.matrix.keys import maintain_keys
from bot.ops.metrics import Metrics
from bot.room_guard import MEMBER_EVENT
from config.settings import Settings
from storage.bot_state import SYNC_TOKEN, BotState
from storage.database import Database
from storage.outbox import OutboxEffect

log = logging.getLogger(__name__)

# Long timelines, so a burst of commands while the bot was down arrives in one piece.
TIMELINE_LIMIT = 100
SYNC_FILTER: dict[str, Any] = {
    "room": {
        "timeline": {"limit": TIMELINE_LIMIT},
        "ephemeral": {"types": []},
        "account_data": {"types": []},
    },
    "presence": {"types": []},
    "account_data": {"types": []},
}
MAX_BACKFILL_PAGES = 20
LAST_EVENT_TS = "last_event_ts"


class FatalSyncError(RuntimeError):
    """The homeserver no longer accepts the bot's access token."""


@dataclass
class SyncHandlers:
    """What the sync loop hands on: it reads Matrix, the others act."""

    command: Callable[[IncomingCommand], Awaitable[None]]
    reaction: Callable[[IncomingReaction], Awaitable[None]]
    redaction: Callable[[IncomingRedaction], Awaitable[None]]
    invite: Callable[[str, str], Awaitable[None]]  # room id, inviter
    outbox_rows: Callable[[list[OutboxEffect]], None]  # rows written outside a command
    rooms_changed: Callable[[], None]  # the client knows new rooms (it can send there now)
    ready: Callable[[], None] | None = None  # once, after the first sync
    direct: Callable[[str], bool] = lambda _room_id: False  # a member's direct chat? plain words
    # m.room.member events of a joined room, in order (the room guard)
    membership: Callable[[str, list[dict[str, Any]]], Awaitable[None]] | None = None


class SyncLoop:
    def __init__(
        self,
        client: AsyncClient,
        database: Database,
        settings: Settings,
        handlers: SyncHandlers,
        held: HeldMessages | None,
        metrics: Metrics | None = None,
    ) -> None:
        """`held` waits for the keys of encrypted messages; None when encryption is off."""
        self.client = client
        self.database = database
        self.settings = settings
        self.handlers = handlers
        self.held = held
        self.metrics = metrics
        self.join_times: dict[str, int] = {}

    async def run(self) -> None:
        async with self.database.transaction() as session:
            state = BotState(session)
            token = await state.get(SYNC_TOKEN)
            self.join_times = await state.join_times()
        first = True
        backoff = Backoff(self.settings.delivery.retry_first, self.settings.delivery.retry_max)
        saving: asyncio.Task[None] | None = None
        while True:
            timeout_ms = 0 if first else await self._long_poll_ms()
            response = await self._sync(token, timeout_ms, full_state=first)
            if self.metrics is not None:
                self._note(response)
            if response is None:
                await asyncio.sleep(backoff.next_delay())
                continue
            backoff.reset()
            await maintain_keys(self.client)
            newest_ts = await self.process(response)
            if self.metrics is not None and newest_ts:
                self.metrics.handled_batch(newest_ts / 1000, time.time())
            token = response.next_batch
            if saving is not None:
                await saving
            # Saved while the next sync waits: its commands are committed already, and a token
            # lost in a crash only means a batch is fetched again and found handled.
            saving = asyncio.create_task(self._save_progress(token, newest_ts))
            if first:
                log.info("ready: first sync handled")
                if self.handlers.ready:
                    self.handlers.ready()
            first = False

    def _note(self, response: SyncResponse | None) -> None:
        assert self.metrics is not None
        if response is None:
            self.metrics.sync_errors.inc()
        else:
            self.metrics.synced(datetime.now(UTC))

    async def _long_poll_ms(self) -> int:
        """The sync's wait, cut short when a held message is due for its explanation."""
        wait = self.settings.delivery.sync_timeout.total_seconds()
        due = await self.held.seconds_until_due() if self.held else None
        if due is not None:
            wait = min(wait, due + 0.05)
        return int(wait * 1000)

    async def _sync(
        self, token: str | None, timeout_ms: int, *, full_state: bool
    ) -> SyncResponse | None:
        """One sync; None when the homeserver is away or erred (the caller backs off)."""
        try:
            response = await self.client.sync(
                timeout=timeout_ms, since=token, full_state=full_state, sync_filter=SYNC_FILTER
            )
        except asyncio.CancelledError:
            raise
        except Exception as error:  # connection refused, timeouts: the homeserver is away
            log.warning("sync failed: %s; backing off", error)
            return None
        if isinstance(response, SyncError):
            if response.status_code in ("M_UNKNOWN_TOKEN", "M_MISSING_TOKEN"):
                raise FatalSyncError(f"access token refused: {response.message}")
            log.warning("sync error %s %s; backing off", response.status_code, response.message)
            return None
        return response

    async def _save_progress(self, token: str, newest_ts: int) -> None:
        async with self.database.transaction() as session:
            state = BotState(session)
            await state.put(SYNC_TOKEN, token)
            if newest_ts:
                await state.put(LAST_EVENT_TS, str(newest_ts))

    async def process(self, response: SyncResponse) -> int:
        """Handle the batch; returns the newest event time seen, for backfilling after a gap."""
        for room_id, info in response.rooms.invite.items():
            for event in info.invite_state:
                if (
                    isinstance(event, InviteMemberEvent)
                    and event.state_key == self.client.user_id
                    and event.membership == "invite"
                ):
                    await self.handlers.invite(room_id, event.sender)
        new_rooms = False
        for room_id, info in response.rooms.join.items():
            known_before = room_id in self.join_times
            new_rooms = new_rooms or not known_before
            state = [e.source for e in info.state]
            timeline = [e.source for e in info.timeline.events]
            await self._note_joins(room_id, state + timeline)
            await self._memberships(room_id, state)
            if info.timeline.limited and known_before:
                # A gap in a room we were already in: commands may hide in it. Its membership
                # changes are in the state above already, as they stand at the timeline's start.
                for source in await self._backfill(room_id, info.timeline.prev_batch):
                    if source.get("type") != MEMBER_EVENT:
                        await self._handle(room_id, source)
            for source in timeline:
                if source.get("type") == MEMBER_EVENT:
                    await self._memberships(room_id, [source])
                else:
                    await self._handle(room_id, source)
        if new_rooms:
            self.handlers.rooms_changed()
        if self.held:
            released, explanations = await self.held.retry()
            for room_id, source in released:
                await self._handle(room_id, source)
            self.handlers.outbox_rows(explanations)
        return max(
            (
                e.source.get("origin_server_ts", 0)
                for info in response.rooms.join.values()
                for e in info.timeline.events
            ),
            default=0,
        )

    async def _memberships(self, room_id: str, sources: list[dict[str, Any]]) -> None:
        """Membership events go to the room guard, the bot's own too (it removes outsiders)."""
        members = [source for source in sources if source.get("type") == MEMBER_EVENT]
        if members and self.handlers.membership is not None:
            await self.handlers.membership(room_id, members)

    async def _handle(self, room_id: str, source: dict[str, Any]) -> None:
        if source.get("sender") == self.client.user_id:
            return
        if source.get("origin_server_ts", 0) < self.join_times.get(room_id, 0):
            return  # history from before the bot joined: never a command
        if source.get("type") == ENCRYPTED:  # still encrypted: nio could not decrypt it
            if self.held:
                await self.held.hold(room_id, source)
            return
        command = command_from_event(room_id, source, plain=self.handlers.direct(room_id))
        if command is not None:
            await self.handlers.command(command)
            return
        reaction = reaction_from_event(room_id, source)
        if reaction is not None:
            await self.handlers.reaction(reaction)
            return
        redaction = redaction_from_event(room_id, source)
        if redaction is not None:
            await self.handlers.redaction(redaction)

    async def _note_joins(self, room_id: str, sources: list[dict[str, Any]]) -> None:
        for source in sources:
            joined = own_join_ts(source, self.client.user_id)
            if joined is not None and joined > self.join_times.get(room_id, -1):
                self.join_times[room_id] = joined
                async with self.database.transaction() as session:
                    await BotState(session).set_join_time(room_id, joined)
        if room_id not in self.join_times:
            # Joined before we kept records and the join is not in view: start from now.
            self.join_times[room_id] = _now_ms()
            async with self.database.transaction() as session:
                await BotState(session).set_join_time(room_id, self.join_times[room_id])

    async def _backfill(self, room_id: str, start: str | None) -> list[dict[str, Any]]:
        """Fetch events a limited timeline left out, back to what an earlier sync already saw."""
        async with self.database.transaction() as session:
            seen_until = int(await BotState(session).get(LAST_EVENT_TS) or 0)
        older: list[dict[str, Any]] = []
        for _ in range(MAX_BACKFILL_PAGES):
            if not start:
                break
            page = await self.client.room_messages(
                room_id, start=start, limit=TIMELINE_LIMIT, direction=MessageDirection.back
            )
            if isinstance(page, RoomMessagesError) or not page.chunk:
                break
            sources = [event.source for event in page.chunk]
            older.extend(s for s in sources if s.get("origin_server_ts", 0) >= seen_until)
            if min(s.get("origin_server_ts", 0) for s in sources) < seen_until:
                break
            start = page.end
        older.reverse()
        log.info("backfilled %s events in %s after a gap", len(older), room_id)
        return older


def _now_ms() -> int:
    return int(time.time() * 1000)
