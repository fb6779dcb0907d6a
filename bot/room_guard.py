"""Rooms stay closed: membership events of case rooms, and who outside the directory is in them.

Each m.room.member event of an incident or preparation room is handled at most once, in one
transaction per batch: claimed as handled, the room's outsiders brought up to date, the guard's
effects (commands/guard) written to the outbox. Delivery asks `outsiders` before it posts in a
room; the table survives a restart and the first sync's full state brings it up to date.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.directory_cache import DirectoryCache
from bot.outbox.guarded import mark_as_guard
from bot.outbox.writer import write_effects
from commands.core.effects import Effect
from commands.core.roster import Directory
from commands.guard.outsiders import (
    ENTERS,
    LEAVES,
    MembershipChange,
    is_outsider,
    outsider_came_in,
    outsiders_of,
    room_open_again,
)
from config.settings import Settings
from storage.bot_state import AlreadyHandled, BotState
from storage.cases import Case, CaseStore
from storage.database import Database
from storage.outbox import Outbox, OutboxEffect
from storage.room_guard import Presence, RoomOutsiders, handled_among

log = logging.getLogger(__name__)

MEMBER_EVENT = "m.room.member"


def membership_change(room_id: str, source: dict[str, Any]) -> MembershipChange | None:
    """An m.room.member event as the sync delivers it; None for anything else."""
    if source.get("type") != MEMBER_EVENT:
        return None
    user_id, event_id = source.get("state_key"), source.get("event_id")
    membership = (source.get("content") or {}).get("membership")
    if not user_id or not event_id or not isinstance(membership, str):
        return None
    return MembershipChange(room_id, event_id, user_id, membership, source.get("sender", ""))


@dataclass
class Guarded:
    """What handling a batch of membership events committed."""

    rows: list[OutboxEffect] = field(default_factory=list)
    reopened: bool = False  # the last outsider left: held messages may go now


class RoomGuard:
    def __init__(
        self,
        database: Database,
        settings: Settings,
        clock: Callable[[], datetime],
        directory: DirectoryCache,
        platform_room: str,
    ) -> None:
        self.database = database
        self.settings = settings
        self.clock = clock
        self.directory = directory
        self.platform_room = platform_room
        self._rooms: dict[str, set[str]] | None = None  # the table, read once

    async def outsiders(self, room_id: str) -> list[str]:
        """Who outside the directory can read the room now (none: the room is open)."""
        rooms = await self._loaded()
        present = rooms.get(room_id)
        if not present:
            return []
        return outsiders_of(sorted(present), await self.directory.current())

    async def handle(self, room_id: str, sources: Iterable[dict[str, Any]]) -> Guarded:
        """The membership events among `sources`, in order; other events are left alone."""
        changes = list(
            {c.event_id: c for s in sources if (c := membership_change(room_id, s))}.values()
        )
        if not changes:
            return Guarded()
        rooms = await self._loaded()
        directory = await self.directory.current()
        try:
            async with self.database.transaction() as session:
                case = await CaseStore(session).by_room(room_id)
                if case is None:
                    return Guarded()  # not a case room (or not recorded as one yet)
                store = RoomOutsiders(session)
                before = set(await store.in_room(room_id))
                present, effects = await self._follow(session, case, changes, before, directory)
                reopened = bool(outsiders_of(sorted(before), directory)) and not outsiders_of(
                    sorted(present), directory
                )
                if reopened:
                    effects += room_open_again(room_id)
                rows = mark_as_guard(await write_effects(Outbox(session), effects, self.clock()))
        except AlreadyHandled:
            return Guarded()  # claimed by an earlier pass, which did the work
        rooms[room_id] = present
        return Guarded(rows, reopened)

    async def _follow(
        self,
        session: AsyncSession,
        case: Case,
        changes: list[MembershipChange],
        before: set[str],
        directory: Directory,
    ) -> tuple[set[str], list[Effect]]:
        """Claim the events not handled before and follow them: the room's outsiders after
        them, and the guard's effects for each outsider who came in."""
        now = self.clock()
        store, state = RoomOutsiders(session), BotState(session)
        present = set(before)
        handled = await handled_among(session, (c.event_id for c in changes))
        effects: list[Effect] = []
        for change in changes:
            if change.event_id in handled:
                continue
            await state.claim_event(change.event_id, change.room_id, now)
            if change.membership in LEAVES:
                await store.forget(change.room_id, change.user_id)
                present.discard(change.user_id)
            elif change.membership in ENTERS and is_outsider(change.user_id, directory):
                presence = Presence(change.membership)
                await store.note(change.room_id, change.user_id, presence, now, change.event_id)
                if change.user_id not in present:
                    log.warning("someone outside the directory came into %s", change.room_id)
                    effects += outsider_came_in(
                        change,
                        case,
                        directory,
                        self.settings.privacy.guard_rooms,
                        self.platform_room,
                        now,
                    )
                present.add(change.user_id)
        return present, effects

    async def _loaded(self) -> dict[str, set[str]]:
        if self._rooms is None:
            async with self.database.transaction() as session:
                self._rooms = await RoomOutsiders(session).every_room()
        return self._rooms
