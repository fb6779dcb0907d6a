"""A platform for one test: fresh bot account, members, platform room, and the bot as a process."""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import signal
import sqlite3
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import asyncpg

from bot.demo.homeserver import LocalSynapse
from bot.demo.member import MemberClient

REPO = Path(__file__).parents[2]

# name -> (entity, region)
MEMBERS: dict[str, tuple[str, str | None]] = {
    "iszw": ("ISZW", None),
    "nvwa": ("NVWA", None),
    "rivm": ("RIVM", None),
    "lotc": ("LOT-C", None),
    "vr06": ("VR", "VR06"),
    "ggd06": ("GGD", "VR06"),
    "vr05": ("VR", "VR05"),
}


# LOT-C's member leads the platform: project leaders keep the directory in the chat.
ROLES = {name: ["lid", "projectleider"] if name == "lotc" else ["lid"] for name in MEMBERS}


class BotProcess:
    """`signaalbot run` in a child process, so a test can kill it like a crash would."""

    def __init__(self, config: Path, log: Path) -> None:
        self.config = config
        self.log = log
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        with self.log.open("ab") as output:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "bot.cli", "run", "--config", str(self.config)],
                cwd=REPO,
                stdout=output,
                stderr=subprocess.STDOUT,
                env={**os.environ, "SIGNAALBOT_LOG_LEVEL": "INFO"},
            )

    def kill(self) -> None:
        """SIGKILL: no clean-up at all, as in a crash or a power cut of the process."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)

    def output(self) -> str:
        return self.log.read_text("utf-8", errors="replace")


@dataclass
class Platform:
    synapse: LocalSynapse
    directory: Path
    bot_id: str
    room_id: str
    clients: dict[str, MemberClient]
    bot: BotProcess
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def db_path(self) -> Path:
        return self.directory / "data" / "signaalbot.db"

    def query(self, sql: str, *args: Any) -> list[tuple[Any, ...]]:
        """The bot's database as it is now (placeholders: `?` on SQLite, `$1` on PostgreSQL)."""
        url = self.extra.get("database_url")
        if url is not None:
            with ThreadPoolExecutor(1) as thread:  # its own event loop, outside the test's
                return thread.submit(asyncio.run, _postgres_query(url, sql, args)).result()
        with sqlite3.connect(self.db_path) as connection:
            return connection.execute(sql, args).fetchall()

    def user(self, name: str) -> str:
        return self.clients[name].user_id

    async def wait_until_bot_joined(self, room_id: str, timeout: float = 20.0) -> None:
        """Messages sent before the bot's join are history to it, so tests start after it."""
        await self.clients["lotc"].wait_for_event(
            lambda r, e: (
                r == room_id
                and e.get("type") == "m.room.member"
                and e.get("state_key") == self.bot_id
                and e.get("content", {}).get("membership") == "join"
            ),
            timeout,
        )

    async def close(self) -> None:
        self.bot.kill()
        for client in self.clients.values():
            await client.close()


async def _postgres_query(url: str, sql: str, args: tuple[Any, ...]) -> list[tuple[Any, ...]]:
    connection = await asyncpg.connect(url.replace("postgresql+asyncpg://", "postgresql://"))
    try:
        return [tuple(row) for row in await connection.fetch(sql, *args)]
    finally:
        await connection.close()


async def _members(
    synapse: LocalSynapse, directory: Path, suffix: str, password: str, encrypted: bool
) -> dict[str, MemberClient]:
    """Every member, and one outsider, registered anew and logged in."""
    clients = {}
    for name in [*MEMBERS, "outsider"]:
        user_id = synapse.register(f"{name}{suffix}", password)
        store = directory / "members" / name if encrypted else None
        clients[name] = await MemberClient.login(
            synapse.base_url, user_id, password, store_dir=store
        )
    return clients


def _bot_config(
    synapse: LocalSynapse,
    directory: Path,
    bot_id: str,
    password: str,
    room_id: str,
    clients: dict[str, MemberClient],
    matrix: dict[str, Any] | None,
) -> dict[str, Any]:
    return {
        "matrix": {
            "homeserver": synapse.base_url,
            "user_id": bot_id,
            "password": password,
            **(matrix or {}),
        },
        "storage": {"data_dir": str(directory / "data")},
        "platform": {"room": room_id},
        "members": {
            clients[name].user_id: {"entity": entity, "region": region, "roles": ROLES[name]}
            for name, (entity, region) in MEMBERS.items()
        },
        "delivery": {"retry_first": "1s", "retry_max": "5s"},
    }


async def open_platform(
    synapse: LocalSynapse,
    directory: Path,
    *,
    invite_bot: bool = True,
    encrypted: bool = False,
    matrix: dict[str, Any] | None = None,
    sections: dict[str, Any] | None = None,
) -> Platform:
    """Register everyone anew, open the platform room, write the config, start the bot.

    `encrypted`: the members' clients do end-to-end encryption and the platform room is
    encrypted; `matrix` adds keys to the bot's matrix section, `sections` whole sections.
    """
    suffix, password = secrets.token_hex(3), secrets.token_urlsafe(12)
    bot_id = synapse.register(f"bot{suffix}", password)
    clients = await _members(synapse, directory, suffix, password, encrypted)
    room_id = await clients["lotc"].create_room(
        "Samenwerkingsplatform",
        encrypted=encrypted,
        invite=[c.user_id for n, c in clients.items() if n != "lotc"]
        + ([bot_id] if invite_bot else []),
    )
    for name, client in clients.items():
        if name != "lotc":
            await client.join(room_id)
    config = _bot_config(synapse, directory, bot_id, password, room_id, clients, matrix)
    config.update(sections or {})
    config_path = directory / "signaalbot.yaml"
    config_path.write_text(json.dumps(config))
    bot = BotProcess(config_path, directory / "bot.log")
    bot.start()
    platform = Platform(synapse, directory, bot_id, room_id, clients, bot)
    if url := config.get("storage", {}).get("database_url"):
        platform.extra["database_url"] = url
    if invite_bot:
        await platform.wait_until_bot_joined(room_id)
    return platform
