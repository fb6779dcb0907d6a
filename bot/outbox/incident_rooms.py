"""Opening a case's incident room, idempotently: a crash halfway never makes a second room."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from nio import (
    JoinedRoomsError,
    RoomCreateError,
    RoomGetStateError,
    RoomGetStateEventError,
    RoomInviteError,
    RoomKickError,
    RoomPreset,
    RoomPutStateError,
)

from bot.directory_cache import DirectoryCache
from bot.events import CASE_STATE_TYPE
from bot.matrix.client import BotClient
from bot.matrix.content import ENCRYPTION_STATE
from bot.outbox.errors import DeliveryError, NotReady
from bot.outbox.guarded import is_guard_row
from bot.outbox.writer import write_effects
from commands.cases.views import CARD, card_of, room_line, room_name, room_opened, topic
from commands.core.context import open_workspace
from commands.core.effects import Live, PostInRoom
from commands.core.message import Message, lines
from commands.core.people import incident_invitees
from commands.texts.directory import ROOM_REMOVED_REASON
from commands.texts.guard import REMOVAL_REASON as GUARD_REMOVAL_REASON
from config.settings import Settings
from storage.cases import Case, CaseStore, TimelineKind
from storage.database import Database
from storage.outbox import Lane, Outbox, OutboxEffect, OutboxKind

log = logging.getLogger(__name__)


def case_tag(case: Case) -> dict[str, Any]:
    """What ties a room to its case: under `CASE_STATE_TYPE` in the room's `m.room.create`
    event (rooms opened by earlier versions have it as a state event of that type)."""
    return {"case_id": case.id, "number": case.number, "intake_event_id": case.intake_event_id}


class IncidentRooms:
    def __init__(
        self,
        client: BotClient,
        database: Database,
        settings: Settings,
        directory: DirectoryCache,
        encrypt_new_rooms: Callable[[], bool],
        platform_room: str,
        turn: Callable[[], Awaitable[None]],
    ) -> None:
        """`turn`: waits while answers to commands are under way (rooms go after answers)."""
        self.turn = turn
        self.platform_room = platform_room
        self.directory = directory
        self.encrypt_new_rooms = encrypt_new_rooms
        self.client = client
        self.database = database
        self.settings = settings
        # Rooms this process created whose status card is not pinned yet: nothing is pinned there.
        self.fresh: set[str] = set()

    async def open(
        self,
        row: OutboxEffect,
        now: datetime,
        answer_sent: Callable[[int], Awaitable[bool]],
    ) -> list[OutboxEffect]:
        """Open the room once the answer that announces it is out; returns the rows that follow.

        Creating a room keeps the homeserver busy for a few hundred milliseconds; starting only
        after the answer is sent keeps that answer as fast as the homeserver allows.
        `answer_sent` waits for it in memory; the database knows answers of earlier runs.
        """
        announce = row.payload.get("announce_row")
        sent_now = await answer_sent(announce) if announce else True
        async with self.database.transaction() as session:
            case = await CaseStore(session).by_id(row.payload["case_id"])
            stored = await session.get(OutboxEffect, row.id)
            assert case is not None and stored is not None
            answer = None if sent_now else await session.get(OutboxEffect, announce)
            if answer is not None and answer.delivered_at is None and answer.failed_at is None:
                raise NotReady  # an answer set aside does not keep the room from opening
            earlier_attempt = stored.attempts > 0
            # Claim before creating: after a crash, the next attempt looks for the room first.
            stored.attempts += 1
        room_id = case.room_id
        if room_id is None and earlier_attempt:
            room_id = await self._find_tagged_room(case)
            if room_id is not None:
                await self._invite_missing(room_id, await self._invitees(case, now))
        if room_id is None:
            await self.turn()
            room_id = await self._create(case, now)
            self.fresh.add(room_id)
        else:  # found again after a crash: its topic may never have been set
            await self.turn()
            await self._set_topic(room_id, case)
        return await self._record(row, case, room_id, now)

    async def _create(self, case: Case, now: datetime) -> str:
        initial_state = [
            {
                "type": "m.room.guest_access",
                "state_key": "",
                "content": {"guest_access": "forbidden"},
            },
        ]
        if self.encrypt_new_rooms():
            initial_state.append(ENCRYPTION_STATE)
        # The topic goes with the other initial events: the homeserver stores them in one batch,
        # which costs it far less than a request of its own afterwards. The case's tag goes in
        # the creation event, which is there anyway.
        response = await self.client.room_create(
            creation_content={CASE_STATE_TYPE: case_tag(case)},
            name=room_name(case),
            topic=topic(case, self.settings),
            preset=RoomPreset.private_chat,
            invite=await self._invitees(case, now),
            initial_state=initial_state,
        )
        if isinstance(response, RoomCreateError):
            raise DeliveryError(f"room_create: {response.status_code} {response.message}")
        log.info("opened incident room %s for case %s", response.room_id, case.number)
        return response.room_id

    async def _invitees(self, case: Case, now: datetime) -> list[str]:
        """Who the room is for, by the directory as it is when the room is opened."""
        return incident_invitees(case, await self.directory.current(), now)

    async def room_of(self, case_id: int) -> str | None:
        """The case's incident room; None while it is being opened."""
        async with self.database.transaction() as session:
            case = await CaseStore(session).by_id(case_id)
        return case.room_id if case else None

    async def update(self, row: OutboxEffect, now: datetime) -> None:
        """Invite people who are not in the case's room yet, renew its topic and, when the
        row asks, its name (first, so an invitation shows it). Name and topic are read from the
        case as it is now: a row delivered late never undoes a later correction."""
        async with self.database.transaction() as session:
            case = await CaseStore(session).by_id(row.payload["case_id"])
        if case is None or case.room_id is None:
            raise NotReady
        if row.payload.get("rename"):
            await self._set_state(case.room_id, "m.room.name", {"name": room_name(case)})
        await self._invite_missing(case.room_id, row.payload["invite"])
        reason = GUARD_REMOVAL_REASON if is_guard_row(row) else ROOM_REMOVED_REASON
        await self._remove(case.room_id, row.payload.get("remove", []), reason)
        await self._set_topic(case.room_id, case)
        async with self.database.transaction() as session:
            stored = await session.get(OutboxEffect, row.id)
            assert stored is not None
            stored.delivered_at = now

    async def _set_topic(self, room_id: str, case: Case) -> None:
        await self._set_state(room_id, "m.room.topic", {"topic": topic(case, self.settings)})

    async def _set_state(self, room_id: str, event_type: str, content: dict[str, Any]) -> None:
        response = await self.client.room_put_state(room_id, event_type, content)
        if isinstance(response, RoomPutStateError):
            raise DeliveryError(f"{event_type}: {response.status_code} {response.message}")

    async def _find_tagged_room(self, case: Case) -> str | None:
        joined = await self.client.joined_rooms()
        if isinstance(joined, JoinedRoomsError):
            raise DeliveryError(f"joined_rooms: {joined.message}")
        for room_id in joined.rooms:
            tag = await self._tag_of(room_id)
            if tag is not None and tag.get("intake_event_id") == case.intake_event_id:
                log.info("found the incident room %s of case %s again", room_id, case.number)
                return room_id
        return None

    async def _tag_of(self, room_id: str) -> dict[str, Any] | None:
        """The case tag in the room's creation event, or in the state event older rooms have."""
        created = await self._state_content(room_id, "m.room.create")
        tag = created.get(CASE_STATE_TYPE) if created else None
        return tag if isinstance(tag, dict) else await self._state_content(room_id, CASE_STATE_TYPE)

    async def _state_content(self, room_id: str, event_type: str) -> dict[str, Any] | None:
        state = await self.client.room_get_state_event(room_id, event_type)
        return None if isinstance(state, RoomGetStateEventError) else state.content

    async def _invite_missing(self, room_id: str, invitees: list[str]) -> None:
        """Invite who has not been invited yet: nobody is invited twice, and someone who left
        the room of their own accord is not asked back."""
        if not invitees:
            return
        memberships = await self._memberships(room_id)
        for user_id in invitees:
            if user_id in memberships:
                continue
            response = await self.client.room_invite(room_id, user_id)
            if isinstance(response, RoomInviteError) and response.status_code != "M_FORBIDDEN":
                raise DeliveryError(f"invite: {response.status_code} {response.message}")

    async def _remove(self, room_id: str, user_ids: list[str], reason: str) -> None:
        """Take people out of the room (joined or still invited): who left the directory, or
        (rows of the room guard) who was never in it."""
        if not user_ids:
            return
        memberships = await self._memberships(room_id)
        for user_id in user_ids:
            if memberships.get(user_id) not in ("join", "invite"):
                continue
            response = await self.client.room_kick(room_id, user_id, reason)
            if isinstance(response, RoomKickError) and response.status_code != "M_FORBIDDEN":
                raise DeliveryError(f"kick: {response.status_code} {response.message}")
            log.info("took someone outside the directory out of %s", room_id)

    async def _memberships(self, room_id: str) -> dict[str, str]:
        """Who the room knows: joined, invited, banned, or left by themselves. Someone the bot
        took out counts as not known, so they can be invited again."""
        response = await self.client.room_get_state(room_id)
        if isinstance(response, RoomGetStateError):
            raise DeliveryError(f"room state: {response.status_code} {response.message}")
        known: dict[str, str] = {}
        for event in response.events:
            if event.get("type") != "m.room.member":
                continue
            user_id, membership = event["state_key"], event["content"].get("membership")
            if membership == "leave" and event.get("sender") != user_id:
                continue
            known[user_id] = membership
        return known

    async def _record(
        self, row: OutboxEffect, case: Case, room_id: str, now: datetime
    ) -> list[OutboxEffect]:
        """Tie room to case, then queue the pinned status card and the link in the first answer."""
        async with self.database.transaction() as session:
            cases = CaseStore(session)
            stored_case = await cases.by_id(case.id)
            stored_row = await session.get(OutboxEffect, row.id)
            assert stored_case is not None and stored_row is not None
            stored_case.room_id = room_id
            await cases.record(
                stored_case,
                at=now,
                actor=self.settings.matrix.user_id,
                kind=TimelineKind.ROOM_OPENED,
                text=room_opened(stored_case),
                room_id=room_id,
            )
            stored_row.delivered_at = now
            stored_row.result_event_id = room_id
            outbox = Outbox(session)
            workspace = open_workspace(
                session, self.settings, await self.directory.current(), self.platform_room, now
            )
            card = PostInRoom(
                room_id,
                await card_of(workspace, stored_case),
                pin=True,
                live=Live(CARD, stored_case.id),
            )
            rows = await write_effects(outbox, [card], now)
            if row.payload.get("answer"):
                link_edit = await _link_in_answer(outbox, row.payload, stored_case, now)
                rows += [link_edit] if link_edit else []
            return rows


async def _link_in_answer(
    outbox: Outbox, payload: dict[str, Any], case: Case, now: datetime
) -> OutboxEffect | None:
    """Edit the answer that said the room was coming: its other lines, then the room's link.

    None when that answer was set aside (refused by the homeserver): there is nothing to edit.
    """
    announce = await outbox.get(payload["announce_row"])
    assert announce is not None
    if announce.failed_at is not None:
        return None
    answer = lines(Message(payload["answer"]["body"], payload["answer"]["html"]), room_line(case))
    return outbox.add(
        Lane.MESSAGES,
        OutboxKind.EDIT,
        {
            "room_id": announce.payload["room_id"],
            "target_row": announce.id,
            "body": answer.body,
            "html": answer.html,
        },
        now,
    )
