"""A server admin's read-only look at the homeserver, through Synapse's admin API."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any
from urllib.parse import quote

import aiohttp

from bench.world import Account

PARALLEL_FETCHES = 8


class AdminClient:
    """A server admin: reads any event or timeline without joining (and so without disturbing)."""

    def __init__(self, homeserver: str, session: aiohttp.ClientSession, token: str) -> None:
        self.homeserver = homeserver
        self.session = session
        self.headers = {"Authorization": f"Bearer {token}"}

    @classmethod
    @asynccontextmanager
    async def login(cls, homeserver: str, account: Account) -> AsyncIterator[AdminClient]:
        async with aiohttp.ClientSession() as session:
            body = {
                "type": "m.login.password",
                "identifier": {"type": "m.id.user", "user": account.user_id},
                "password": account.password,
                "device_id": "BENCHADMIN",
            }
            async with session.post(f"{homeserver}/_matrix/client/v3/login", json=body) as r:
                r.raise_for_status()
                token = str((await r.json())["access_token"])
            yield cls(homeserver, session, token)

    async def _get(self, path: str, params: dict[str, str] | None = None) -> dict[str, Any]:
        url = f"{self.homeserver}/_synapse/admin/v1/{path}"
        async with self.session.get(url, headers=self.headers, params=params) as response:
            response.raise_for_status()
            result: dict[str, Any] = await response.json()
            return result

    async def origin_ts(self, event_id: str) -> int:
        """The homeserver's ``origin_server_ts`` of an event, in ms since the epoch."""
        found = await self._get(f"fetch_event/{quote(event_id, safe='')}")
        return int(found["event"]["origin_server_ts"])

    async def origin_ts_of(self, event_ids: list[str]) -> dict[str, int]:
        limit = asyncio.Semaphore(PARALLEL_FETCHES)

        async def one(event_id: str) -> tuple[str, int]:
            async with limit:
                return event_id, await self.origin_ts(event_id)

        return dict(await asyncio.gather(*(one(event_id) for event_id in event_ids)))

    async def timeline(self, room_id: str) -> list[dict[str, Any]]:
        """Every event in the room, oldest first."""
        events: list[dict[str, Any]] = []
        token: str | None = None
        while True:
            params = {"dir": "f", "limit": "500", **({"from": token} if token else {})}
            page = await self._get(f"rooms/{quote(room_id, safe='')}/messages", params)
            chunk = page.get("chunk") or []
            events += chunk
            token = page.get("end")
            if not chunk or not token:
                return events
