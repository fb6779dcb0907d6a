"""A scripted member's Matrix client (``nio.AsyncClient``), for the integration tests and the
benchmarks.

It keeps its own sync token and a buffer of every timeline event and invite it has seen, so a test
can wait for an event that already arrived during an earlier wait.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from nio import (
    AsyncClient,
    AsyncClientConfig,
    JoinError,
    LoginError,
    RoomCreateError,
    RoomPreset,
    RoomSendError,
    RoomVisibility,
    SyncError,
    SyncResponse,
    ToDeviceMessage,
)

from bot.matrix.keys import maintain_keys

EventPredicate = Callable[[str, dict[str, Any]], bool]
InvitePredicate = Callable[[str, list[dict[str, Any]]], bool]

# Ask for long timelines so a burst of events between two syncs is not cut short.
_SYNC_FILTER: dict[str, Any] = {"room": {"timeline": {"limit": 200}}}
_MAX_LONG_POLL_MS = 5_000


class HarnessError(AssertionError):
    """A homeserver request made by the harness failed, or a wait timed out."""


class MemberClient:
    """A logged-in member of the homeserver, driven step by step by a test."""

    def __init__(self, client: AsyncClient) -> None:
        self.client = client
        self._next_batch: str | None = None
        self._sync_lock = asyncio.Lock()
        self._timeline: dict[str, list[dict[str, Any]]] = {}
        self._seen_event_ids: set[str] = set()
        self._invites: dict[str, list[dict[str, Any]]] = {}
        self.decrypted: set[str] = set()  # ids of events that arrived encrypted

    @property
    def user_id(self) -> str:
        return self.client.user_id

    # -- session ----------------------------------------------------------------------------

    @classmethod
    async def login(
        cls,
        synapse_base_url: str,
        user_id: str,
        password: str,
        device_name: str = "test-member",
        store_dir: Path | None = None,
    ) -> MemberClient:
        """Log in with a password and return a ready client.

        With a `store_dir` the client does end-to-end encryption, as Element does.
        """
        config = AsyncClientConfig(
            store_sync_tokens=False,
            max_limit_exceeded=3,
            max_timeouts=3,
            request_timeout=30,
            encryption_enabled=store_dir is not None,
        )
        if store_dir is not None:
            store_dir.mkdir(parents=True, exist_ok=True)
        client = AsyncClient(
            synapse_base_url, user_id, config=config, store_path=str(store_dir or "")
        )
        response = await client.login(password, device_name=device_name)
        if isinstance(response, LoginError):
            await client.close()
            raise HarnessError(f"login as {user_id} failed: {response.message}")
        member = cls(client)
        await maintain_keys(member.client)
        return member

    async def send_text_with_late_key(
        self, room_id: str, body: str, late_user: str
    ) -> tuple[str, Callable[[], Awaitable[None]]]:
        """Send an encrypted text whose room key reaches `late_user` only when released.

        To-device messages travel apart from room events; this holds back the bot's copy of the
        key, as a slow or offline path would. Returns the event id and the release function.
        """
        client = self.client
        assert client.olm is not None
        await self.sync_once(0.1)
        await client.joined_members(room_id)
        if client.should_query_keys:
            await client.keys_query()
        missing = client.get_missing_sessions(room_id)
        if missing:
            await client.keys_claim(missing)
        held: list[ToDeviceMessage] = []
        room = client.rooms[room_id]
        for _shared, payload in client.olm.share_group_session_parallel(
            room_id, list(room.users), ignore_unverified_devices=True
        ):
            for user_id, devices in payload["messages"].items():
                for device_id, content in devices.items():
                    message = ToDeviceMessage("m.room.encrypted", user_id, device_id, content)
                    if user_id == late_user:
                        held.append(message)
                    else:
                        await client.to_device(message)
        client.olm.outbound_group_sessions[room_id].shared = True
        event_id = await self.send_text(room_id, body)

        async def release() -> None:
            for message in held:
                await client.to_device(message)

        return event_id, release

    async def close(self) -> None:
        """Close the HTTP session (the device stays logged in)."""
        await self.client.close()

    async def __aenter__(self) -> MemberClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    # -- rooms and messages -----------------------------------------------------------------

    async def create_room(
        self, name: str, invite: list[str], encrypted: bool = False, is_direct: bool = False
    ) -> str:
        """Create a private room (private_chat preset) inviting ``invite``; returns the room id.

        ``is_direct=True`` marks the invites as a direct chat, as Element does for one.
        With ``encrypted=True`` the room gets an ``m.room.encryption`` state event. This client
        has no end-to-end encryption support unless nio's e2e extra is installed; without it,
        its own messages go out unencrypted.
        """
        initial_state: list[dict[str, Any]] = []
        if encrypted:
            initial_state.append(
                {
                    "type": "m.room.encryption",
                    "state_key": "",
                    "content": {"algorithm": "m.megolm.v1.aes-sha2"},
                }
            )
        response = await self.client.room_create(
            visibility=RoomVisibility.private,
            name=name,
            preset=RoomPreset.private_chat,
            invite=list(invite),
            initial_state=initial_state,
            is_direct=is_direct,
        )
        if isinstance(response, RoomCreateError):
            raise HarnessError(f"creating room {name!r} failed: {response.message}")
        return response.room_id

    async def join(self, room_id: str) -> None:
        """Join a room (usually one we were invited to)."""
        response = await self.client.join(room_id)
        if isinstance(response, JoinError):
            raise HarnessError(f"joining {room_id} failed: {response.message}")
        self._invites.pop(room_id, None)

    async def send_text(self, room_id: str, body: str) -> str:
        """Send an ``m.text`` message and return its event id."""
        return await self.send(room_id, {"msgtype": "m.text", "body": body})

    async def send(
        self, room_id: str, content: dict[str, Any], event_type: str = "m.room.message"
    ) -> str:
        """Send an arbitrary event and return its event id."""
        while self.client.olm and room_id not in self.client.rooms:
            await self.sync_once(1.0)  # nio encrypts only for rooms its sync has seen
        response = await self.client.room_send(
            room_id, event_type, content, ignore_unverified_devices=True
        )
        if isinstance(response, RoomSendError):
            raise HarnessError(f"sending to {room_id} failed: {response.message}")
        return response.event_id

    # -- waiting ----------------------------------------------------------------------------

    def pending_invites(self) -> dict[str, list[dict[str, Any]]]:
        """Invites seen and not yet joined or left: room id -> stripped state events."""
        return {room_id: list(state) for room_id, state in self._invites.items()}

    def events_in(self, room_id: str) -> list[dict[str, Any]]:
        """All timeline event sources seen so far in ``room_id``, oldest first."""
        return list(self._timeline.get(room_id, []))

    async def wait_for_event(
        self, predicate: EventPredicate, timeout: float = 15.0
    ) -> dict[str, Any]:
        """Return the first timeline event (raw source) for which ``predicate(room_id, source)``.

        Events seen earlier are checked first, then the client syncs until one matches or
        ``timeout`` seconds pass (then ``HarnessError`` is raised).
        """
        deadline = time.monotonic() + timeout
        checked: dict[str, int] = {}
        while True:
            for room_id, events in self._timeline.items():
                start = checked.get(room_id, 0)
                for source in events[start:]:
                    if predicate(room_id, source):
                        return source
                checked[room_id] = len(events)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise HarnessError(f"{self.user_id}: no matching event within {timeout:.1f}s")
            await self.sync_once(remaining)

    async def wait_for_reply(
        self, room_id: str, event_id: str, timeout: float = 15.0
    ) -> dict[str, Any]:
        """Return the first event in ``room_id`` that is a reply to ``event_id``."""

        def is_reply(rid: str, source: dict[str, Any]) -> bool:
            if rid != room_id:
                return False
            relates = source.get("content", {}).get("m.relates_to") or {}
            reply_to = relates.get("m.in_reply_to") or {}
            return reply_to.get("event_id") == event_id

        return await self.wait_for_event(is_reply, timeout)

    async def wait_for_invite(self, predicate: InvitePredicate, timeout: float = 15.0) -> str:
        """Return the id of a pending invite for which ``predicate(room_id, invite_state)``.

        ``invite_state`` is the list of raw stripped state events sent with the invite.
        """
        deadline = time.monotonic() + timeout
        while True:
            for room_id, state in list(self._invites.items()):
                if predicate(room_id, state):
                    return room_id
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise HarnessError(f"{self.user_id}: no matching invite within {timeout:.1f}s")
            await self.sync_once(remaining)

    async def sync_once(self, max_wait: float = 5.0) -> None:
        """Run one sync (long-polling up to ``max_wait`` seconds) and buffer what it returns."""
        async with self._sync_lock:
            wait_ms = max(1, min(int(max_wait * 1000), _MAX_LONG_POLL_MS))
            response = await self.client.sync(
                timeout=wait_ms, sync_filter=_SYNC_FILTER, since=self._next_batch
            )
            if isinstance(response, SyncError):
                raise HarnessError(f"{self.user_id}: sync failed: {response.message}")
            self._absorb(response)
            self._next_batch = response.next_batch
            await maintain_keys(self.client)

    def _absorb(self, response: SyncResponse) -> None:
        for room_id, info in response.rooms.join.items():
            self._invites.pop(room_id, None)
            buffer = self._timeline.setdefault(room_id, [])
            for event in info.timeline.events:
                source = event.source
                if getattr(event, "decrypted", False):
                    self.decrypted.add(source.get("event_id", ""))
                event_id = source.get("event_id")
                if event_id is not None:
                    if event_id in self._seen_event_ids:
                        continue
                    self._seen_event_ids.add(event_id)
                buffer.append(source)
        for room_id in response.rooms.leave:
            self._invites.pop(room_id, None)
        for room_id, invite in response.rooms.invite.items():
            self._invites[room_id] = [event.source for event in invite.invite_state]
