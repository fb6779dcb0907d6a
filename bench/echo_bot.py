"""The baseline: the least a matrix-nio bot can do to answer a message or open a room.

Run as its own process, like the real bot::

    BENCH_ECHO_PASSWORD=... python -m bench.echo_bot --homeserver URL --user-id @echo:hs \\
        --room '!room' --invite @a:hs --invite @b:hs

Every ``m.text`` from someone else gets an ``m.notice`` reply. A text ``!room <name>`` instead
makes the bot create a private room called ``<name>`` inviting the ``--invite`` users; the time
the ``room_create`` call took is printed to stdout as one JSON line.
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
    LoginError,
    RoomCreateError,
    RoomPreset,
    RoomSendError,
    SyncError,
    SyncResponse,
)

PASSWORD_ENV = "BENCH_ECHO_PASSWORD"
ROOM_PREFIX = "!room "
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


@dataclass(frozen=True)
class EchoConfig:
    homeserver: str
    user_id: str
    password: str
    room_id: str
    invite: list[str]


class EchoBot:
    def __init__(self, client: AsyncClient, config: EchoConfig) -> None:
        self.client = client
        self.config = config

    async def run(self) -> None:
        first = await self._sync(None, timeout_ms=0)  # skip whatever happened before start
        joined = await self.client.join(self.config.room_id)
        if isinstance(joined, JoinError):
            raise RuntimeError(f"echo bot could not join {self.config.room_id}: {joined.message}")
        emit(READY_LINE)
        token = first.next_batch
        while True:
            response = await self._sync(token, timeout_ms=SYNC_TIMEOUT_MS)
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
            for event in info.timeline.events:
                source = event.source
                content = source.get("content") or {}
                if (
                    source.get("type") != "m.room.message"
                    or source.get("sender") == self.client.user_id
                    or content.get("msgtype") != "m.text"
                ):
                    continue
                body = str(content.get("body", ""))
                if body.startswith(ROOM_PREFIX):
                    await self.create_room(body.removeprefix(ROOM_PREFIX))
                else:
                    await self.reply(room_id, source["event_id"], body)

    async def reply(self, room_id: str, event_id: str, body: str) -> None:
        content = {
            "msgtype": "m.notice",
            "body": body,
            "m.relates_to": {"m.in_reply_to": {"event_id": event_id}},
        }
        response = await self.client.room_send(
            room_id, "m.room.message", content, ignore_unverified_devices=True
        )
        if isinstance(response, RoomSendError):
            raise RuntimeError(f"echo bot could not reply: {response.message}")

    async def create_room(self, name: str) -> None:
        started = time.perf_counter()
        response = await self.client.room_create(
            name=name, preset=RoomPreset.private_chat, invite=self.config.invite
        )
        elapsed_ms = (time.perf_counter() - started) * 1000
        if isinstance(response, RoomCreateError):
            raise RuntimeError(f"echo bot could not create a room: {response.message}")
        emit({"room_create_ms": elapsed_ms, "name": name})


def emit(line: dict[str, Any]) -> None:
    print(json.dumps(line), flush=True)


async def run(config: EchoConfig) -> None:
    client = AsyncClient(
        config.homeserver,
        config.user_id,
        config=AsyncClientConfig(store_sync_tokens=False, request_timeout=60),
    )
    try:
        login = await client.login(config.password, device_name="bench-echo")
        if isinstance(login, LoginError):
            raise RuntimeError(f"echo bot login failed: {login.message}")
        await EchoBot(client, config).run()
    finally:
        await client.close()


def parse_args(argv: list[str] | None) -> EchoConfig:
    parser = argparse.ArgumentParser(prog="python -m bench.echo_bot", description=__doc__)
    parser.add_argument("--homeserver", required=True)
    parser.add_argument("--user-id", required=True)
    parser.add_argument("--room", required=True, help="room id to join and answer in")
    parser.add_argument("--invite", action="append", default=[], help="user to invite")
    args = parser.parse_args(argv)
    password = os.environ.get(PASSWORD_ENV)
    if not password:
        parser.error(f"set {PASSWORD_ENV}")
    return EchoConfig(args.homeserver, args.user_id, password, args.room, list(args.invite))


def main(argv: list[str] | None = None) -> int:
    config = parse_args(argv)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(run(config))
    return 0


if __name__ == "__main__":
    sys.exit(main())
