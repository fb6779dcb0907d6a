"""The baseline: the least a matrix-nio bot can do to answer a message or open a room.

Run as its own process, like the real bot::

    BENCH_ECHO_PASSWORD=... python -m bench.echo_bot --homeserver URL --user-id @echo:hs \\
        --room '!room' --invite @a:hs --invite @b:hs [--crypto-store DIR]

Every ``m.text`` from someone else gets an ``m.notice`` reply. A text ``!room <name>`` instead
makes the bot create a private room called ``<name>`` inviting the ``--invite`` users; the time
the ``room_create`` call took is printed to stdout as one JSON line. A text ``!upload <name>``
makes it post an ``m.notice`` ``<name>`` (no reply), then upload a small ``text/calendar`` file
and share it as an ``m.file`` message ``<name>.ics``: the Matrix work of an invitation with its
calendar file.

With ``--crypto-store`` the bot does end-to-end encryption as signaalbot does: device keys
uploaded before the first sync, key upkeep after every sync, replies encrypted in encrypted rooms
and the rooms it creates encrypted.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import sys
import time
from dataclasses import dataclass
from typing import Any

from nio import (
    AsyncClient,
    AsyncClientConfig,
    JoinError,
    KeysUploadError,
    LoginError,
    RoomCreateError,
    RoomMessagesError,
    RoomPreset,
    RoomSendError,
    SyncError,
    SyncResponse,
)

from bot.matrix.keys import maintain_keys
from bot.matrix.room_media import upload

PASSWORD_ENV = "BENCH_ECHO_PASSWORD"
ROOM_PREFIX = "!room "
UPLOAD_PREFIX = "!upload "
CALENDAR_PADDING_LINES = 20
READY_LINE = {"ready": True}
SYNC_TIMEOUT_MS = 30_000
SYNC_FILTER: dict[str, Any] = {
    "room": {
        "timeline": {"limit": 100},
        "ephemeral": {"types": []},
        "account_data": {"types": []},
    },
    "presence": {"types": []},
    "account_data": {"types": []},
}
MEGOLM = "m.megolm.v1.aes-sha2"


@dataclass(frozen=True)
class EchoConfig:
    homeserver: str
    user_id: str
    password: str
    room_id: str
    invite: list[str]
    crypto_store: str | None = None  # end-to-end encryption when set


class EchoBot:
    def __init__(self, client: AsyncClient, config: EchoConfig) -> None:
        self.client = client
        self.config = config
        self._handled: set[str] = set()  # ids of the events seen, so a gap's are taken once
        self._started = int(time.time() * 1000)

    async def run(self) -> None:
        first = await self._sync(None, timeout_ms=0)  # skip whatever happened before start
        await maintain_keys(self.client)
        joined = await self.client.join(self.config.room_id)
        if isinstance(joined, JoinError):
            raise RuntimeError(f"echo bot could not join {self.config.room_id}: {joined.message}")
        token = first.next_batch
        # nio encrypts only for rooms its sync has seen: take in the room before answering.
        while self.client.olm is not None and self.config.room_id not in self.client.rooms:
            response = await self._sync(token, timeout_ms=1_000)
            await maintain_keys(self.client)
            token = response.next_batch
        emit(READY_LINE)
        while True:
            response = await self._sync(token, timeout_ms=SYNC_TIMEOUT_MS)
            await maintain_keys(self.client)
            await self.handle(response)
            token = response.next_batch

    async def _sync(self, token: str | None, timeout_ms: int) -> SyncResponse:
        response = await self.client.sync(
            timeout=timeout_ms, since=token, full_state=token is None, sync_filter=SYNC_FILTER
        )
        if isinstance(response, SyncError):
            raise RuntimeError(f"echo bot sync failed: {response.message}")
        return response

    async def handle(self, response: SyncResponse) -> None:
        for room_id, info in response.rooms.join.items():
            events = [event.source for event in info.timeline.events]
            if info.timeline.limited:  # a burst: the homeserver left older events out
                events = await self._gap(room_id, info.timeline.prev_batch) + events
            for source in events:
                if source.get("event_id") in self._handled:
                    continue
                self._handled.add(source.get("event_id"))
                content = source.get("content") or {}
                if source.get("type") == "m.room.encrypted":
                    print(f"could not decrypt {source.get('event_id')}", file=sys.stderr)
                    continue
                if (
                    source.get("type") != "m.room.message"
                    or source.get("sender") == self.client.user_id
                    or content.get("msgtype") != "m.text"
                ):
                    continue
                body = str(content.get("body", ""))
                if body.startswith(ROOM_PREFIX):
                    await self.create_room(body.removeprefix(ROOM_PREFIX))
                elif body.startswith(UPLOAD_PREFIX):
                    await self.post_with_file(room_id, body.removeprefix(UPLOAD_PREFIX))
                else:
                    await self.reply(room_id, source["event_id"], body)

    async def _gap(self, room_id: str, token: str | None) -> list[dict[str, Any]]:
        """The events a limited sync left out, oldest first: paged back until one handled
        already, or one from before the bot started."""
        missed: list[dict[str, Any]] = []
        while token:
            page = await self.client.room_messages(room_id, start=token, limit=100)
            if isinstance(page, RoomMessagesError) or not page.chunk:
                break
            for event in page.chunk:  # newest first
                source = event.source
                if (
                    source.get("event_id") in self._handled
                    or event.server_timestamp < self._started
                ):
                    return list(reversed(missed))
                missed.append(source)
            token = page.end
        return list(reversed(missed))

    async def reply(self, room_id: str, event_id: str, body: str) -> None:
        content = {
            "msgtype": "m.notice",
            "body": body,
            "m.relates_to": {"m.in_reply_to": {"event_id": event_id}},
        }
        await self.send(room_id, content)

    async def post_with_file(self, room_id: str, name: str) -> None:
        await self.send(room_id, {"msgtype": "m.notice", "body": name})
        data = calendar_text(name).encode("utf-8")
        content = await upload(self.client, room_id, f"{name}.ics", "text/calendar", data)
        await self.send(room_id, content)

    async def send(self, room_id: str, content: dict[str, Any]) -> None:
        response = await self.client.room_send(
            room_id, "m.room.message", content, ignore_unverified_devices=True
        )
        if isinstance(response, RoomSendError):
            raise RuntimeError(f"echo bot could not send: {response.message}")

    async def create_room(self, name: str) -> None:
        initial_state: list[dict[str, Any]] = []
        if self.client.olm is not None:
            initial_state.append(
                {"type": "m.room.encryption", "state_key": "", "content": {"algorithm": MEGOLM}}
            )
        started = time.perf_counter()
        response = await self.client.room_create(
            name=name,
            preset=RoomPreset.private_chat,
            invite=self.config.invite,
            initial_state=initial_state,
        )
        elapsed_ms = (time.perf_counter() - started) * 1000
        if isinstance(response, RoomCreateError):
            raise RuntimeError(f"echo bot could not create a room: {response.message}")
        emit({"room_create_ms": elapsed_ms, "name": name})


def calendar_text(name: str) -> str:
    """A minimal iCalendar event, padded with comment lines to about 1.5 KB."""
    padding = ["COMMENT:" + "x" * 62] * CALENDAR_PADDING_LINES
    rows = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//signaalbot bench//echo bot//NL",
        "BEGIN:VEVENT",
        f"UID:{name.replace(' ', '-')}@echo",
        f"SUMMARY:{name}",
        *padding,
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(rows) + "\r\n"


def emit(line: dict[str, Any]) -> None:
    print(json.dumps(line), flush=True)


async def run(config: EchoConfig) -> None:
    encrypted = config.crypto_store is not None
    if config.crypto_store is not None:
        os.makedirs(config.crypto_store, mode=0o700, exist_ok=True)
    client = AsyncClient(
        config.homeserver,
        config.user_id,
        store_path=config.crypto_store or "",
        config=AsyncClientConfig(
            store_sync_tokens=False, request_timeout=60, encryption_enabled=encrypted
        ),
    )
    try:
        login = await client.login(config.password, device_name="bench-echo")
        if isinstance(login, LoginError):
            raise RuntimeError(f"echo bot login failed: {login.message}")
        # Device keys before the first sync, so the first message sent to us can be decrypted.
        if client.olm is not None and client.should_upload_keys:
            uploaded = await client.keys_upload()
            if isinstance(uploaded, KeysUploadError):
                raise RuntimeError(f"echo bot could not upload its keys: {uploaded.message}")
        await EchoBot(client, config).run()
    finally:
        await client.close()


def parse_args(argv: list[str] | None) -> EchoConfig:
    parser = argparse.ArgumentParser(prog="python -m bench.echo_bot", description=__doc__)
    parser.add_argument("--homeserver", required=True)
    parser.add_argument("--user-id", required=True)
    parser.add_argument("--room", required=True, help="room id to join and answer in")
    parser.add_argument("--invite", action="append", default=[], help="user to invite")
    parser.add_argument(
        "--crypto-store", default=None, help="directory for the crypto store; enables encryption"
    )
    args = parser.parse_args(argv)
    password = os.environ.get(PASSWORD_ENV)
    if not password:
        parser.error(f"set {PASSWORD_ENV}")
    return EchoConfig(
        args.homeserver,
        args.user_id,
        password,
        args.room,
        list(args.invite),
        args.crypto_store,
    )


def main(argv: list[str] | None = None) -> int:
    config = parse_args(argv)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(run(config))
    return 0


if __name__ == "__main__":
    sys.exit(main())
